package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * Steps 8–13: the running assignment on both sides, with the engine's clock moved and its timer jobs
 * run as the job executor would. Every ending is checked to close the home case and the receiving
 * assignment together, with the same recorded reason and nothing left waiting.
 */
@H2IntegrationTest
class VerkstallighetProcessTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  /** Implementation starts here in every test, so the dates below never drift with the calendar. */
  static final ZonedDateTime T0 = ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZONE);

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Meddelanden meddelanden;
  @Autowired ArendeRepository arenden;
  ArendeFixture fx;
  ProcessInstance pi;
  ProcessInstance uppdrag;
  String ref;

  @BeforeEach
  void implementationHasBegun() {
    init(engine);
    fx = new ArendeFixture(engine);
    fx.rensa(jdbc);
    klocka(T0);
  }

  private void starta(String periodSlut, String intervall) {
    pi = fx.tillVerkstallighet("malmo", "2026-06-01", periodSlut, intervall);
    ref = fx.referens(pi);
    uppdrag = fx.uppdrag(ref);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void klocka(ZonedDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  /** Moves the clock and runs every timer that is due then, as the job executor would. */
  private int tid(ZonedDateTime t) {
    klocka(t);
    int korda = 0;
    for (int varv = 0; varv < 10; varv++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
        korda++;
      }
    }
    return korda;
  }

  private List<Task> uppgifter(ProcessInstance p, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).taskDefinitionKey(key).list();
  }

  private List<String> grupper(Task t) {
    return engine.getTaskService().getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId()).toList();
  }

  private void uppfoljning(Object... extra) {
    Object[] grund = {"uppfoljningsdatum", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).toString(),
        "bedomning", "Insatserna fungerar"};
    Object[] alla = new Object[grund.length + extra.length];
    System.arraycopy(grund, 0, alla, 0, grund.length);
    System.arraycopy(extra, 0, alla, grund.length, extra.length);
    fx.gor(pi.getId(), ArendeProcess.TASK_UPPFOLJNING, alla);
  }

  private void rapportera(String text) {
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_RAPPORT, "deltar", "JA", "rapport", text);
  }

  private Date nastaUppfoljningstimer() {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_Uppfoljningstid")
        .singleResult().getDuedate();
  }

  /** Both sides ended with the same recorded reason, and nothing of either waits for anything. */
  private void badaAvslutade(String avslutstyp, String arendestatus) {
    assertThat(pi).isEnded();
    assertThat(uppdrag).isEnded();
    Map<String, Object> hem = jdbc.queryForMap("select avslutstyp, avslutsorsak from verkstallighet where arende = ?", ref);
    Map<String, Object> mottagande = jdbc.queryForMap("select status, avslutstyp, avslutsorsak from uppdrag where arende = ? "
        + "and mottagande_kommun = 'malmo'", ref);
    assertThat(hem.get("avslutstyp")).isEqualTo(avslutstyp);
    assertThat(mottagande.get("status")).isEqualTo("AVSLUTAT");
    assertThat(mottagande.get("avslutstyp")).isEqualTo(avslutstyp);
    assertThat(mottagande.get("avslutsorsak")).isNotNull().isEqualTo(hem.get("avslutsorsak"));
    if (arendestatus != null) {
      assertThat(jdbc.queryForObject("select status from arende where referens = ?", String.class, ref)).isEqualTo(arendestatus);
      assertThat(jdbc.queryForObject("select avslutsorsak from arende where referens = ?", String.class, ref)).isEqualTo(hem.get("avslutsorsak"));
    }
    for (ProcessInstance p : List.of(pi, uppdrag)) {
      assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(p.getId()).count()).isZero();
      assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(p.getId()).count()).isZero();
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).count()).isZero();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).count()).isZero();
    }
  }

  @Test
  void followUpsComeOnTimeForSeveralRoundsAndACaseworkerCanChangeTheCadence() {
    starta("2027-05-31", "P1M");
    ZonedDateTime forsta = T0.plusWeeks(6);
    assertThat(nastaUppfoljningstimer()).isEqualTo(Date.from(forsta.toInstant()));
    tid(forsta.minusMinutes(1));
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).isEmpty();

    tid(forsta);
    Task hem = uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING).get(0);
    assertThat(grupper(hem)).containsExactly("stockholm-handlaggare");
    Task rapport = uppgifter(uppdrag, UppdragProcess.TASK_RAPPORT).get(0);
    assertThat(grupper(rapport)).containsExactly("malmo-handlaggare");
    assertThat(rapport.getTenantId()).isEqualTo("malmo");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ArendeProcess.VAR_UPPFOLJNINGSRAPPORT).toString())
        .contains("ännu inte rapporterat");
    rapportera("Kontaktpersonen träffar personen varje vecka");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ArendeProcess.VAR_UPPFOLJNINGSRAPPORT).toString())
        .contains("Malmö rapporterar till uppföljning 1", "personen deltar i insatserna", "varje vecka");

    // a register check asked for needs the police's answer; the task stays open with nothing recorded
    assertThatThrownBy(() -> uppfoljning("registerslagning", true))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'Polisens svar på registerslagningen'");
    assertThatThrownBy(() -> uppfoljning("nyttIntervall", "varannan månad")).hasMessageContaining("'Nytt uppföljningsintervall'");
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).hasSize(1);
    uppfoljning("registerslagning", true, "registerslagningSvar", "INGA_NYA_UPPGIFTER");
    assertThat(jdbc.queryForMap("select registerslagning_begard, registerslagning_svar from uppfoljning where arende = ? and omgang = 1", ref))
        .containsEntry("REGISTERSLAGNING_BEGARD", true).containsEntry("REGISTERSLAGNING_SVAR", "INGA_NYA_UPPGIFTER");

    // round 2 one month after round 1 was planned (not after it was done)
    ZonedDateTime andra = forsta.plusMonths(1);
    assertThat(nastaUppfoljningstimer()).isEqualTo(Date.from(andra.toInstant()));
    tid(andra.minusMinutes(1));
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).isEmpty();
    tid(andra);
    rapportera("Deltar");
    uppfoljning("nyttIntervall", "P2M");

    // round 3 at the changed cadence
    ZonedDateTime tredje = andra.plusMonths(2);
    assertThat(nastaUppfoljningstimer()).isEqualTo(Date.from(tredje.toInstant()));
    tid(tredje.minusDays(1));
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).isEmpty();
    tid(tredje);
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).hasSize(1);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ArendeProcess.VAR_UPPFOLJNING_OMGANG)).isEqualTo(3);
    assertThat(jdbc.queryForList("select intervall_efter from uppfoljning where arende = ? and genomford is not null order by omgang",
        String.class, ref)).containsExactly("P1M", "P2M");
  }

  @Test
  void thePlannedEndDateBringsAFinalFollowUpAndClosesBothWithTheOutcome() {
    starta("2027-05-31", "P3M");
    tid(ZonedDateTime.of(2027, 5, 30, 23, 59, 0, 0, ZONE));
    assertThat(uppgifter(pi, ArendeProcess.TASK_SLUTUPPFOLJNING)).isEmpty();
    // the follow-ups due before the end came and were left open: the end closes them
    assertThat(uppgifter(pi, ArendeProcess.TASK_UPPFOLJNING)).isNotEmpty();
    tid(ZonedDateTime.of(2027, 5, 31, 0, 0, 0, 0, ZONE));
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SLUTUPPFOLJNING);
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).as("the standing task ended with the implementation").isEmpty();
    assertThat(uppdrag).as("the receiving municipality works on until the final follow-up").isWaitingAt(UppdragProcess.TASK_HANDELSE);

    fx.gor(pi.getId(), ArendeProcess.TASK_SLUTUPPFOLJNING, "uppfoljningsdatum", "2027-05-31", "utfall", "MALEN_UPPNADDA",
        "bedomning", "Etablerad i Malmö");
    assertThat(pi).hasPassed(ArendeProcess.END_AVSLUTAT_ENLIGT_PLAN);
    assertThat(uppdrag).hasPassed(UppdragProcess.END_UPPDRAG_AVSLUTAT);
    badaAvslutade("PLANERAT_SLUT", "AVSLUTAT_ENLIGT_PLAN");
    assertThat(jdbc.queryForObject("select avslutsorsak from verkstallighet where arende = ?", String.class, ref))
        .contains("2027-05-31", "målen är uppnådda");
  }

  @Test
  void aNoticeEnteredADayLateEndsBothExactlySevenDaysAfterTheWrittenNotice() {
    starta("2027-05-31", "P1M");
    ZonedDateTime inmatad = ZonedDateTime.of(2026, 6, 11, 10, 0, 0, 0, ZONE);
    klocka(inmatad);
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "ANNAT_SARSKILT_SKAL", "uppsagningDatum", "2026-06-12", "uppsagdAv", "Enhetschef"))
        .hasMessageContaining("'Datum för den skriftliga uppsägningen' kan inte ligga i framtiden")
        .hasMessageContaining("'Beskrivning' måste anges");
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak", "POLISEN_OLAMPLIGT",
        "uppsagningDatum", "2026-06-10", "uppsagdAv", "Enhetschef socialtjänsten");

    // the other municipality sees it at once, as an urgent task
    Task kand = uppgifter(uppdrag, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN).get(0);
    assertThat(grupper(kand)).containsExactly("malmo-handlaggare");
    assertThat(kand.getPriority()).isEqualTo(100);
    assertThat(kand.getDueDate()).isBefore(Date.from(inmatad.plusDays(1).toLocalDate().atStartOfDay(ZONE).toInstant()));
    assertThat(engine.getRuntimeService().getVariable(uppdrag.getId(), "uppsagningSammanfattning").toString())
        .contains("Stockholm har sagt upp", "polisen bedömer", "2026-06-10", "upphör 2026-06-17");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_UPPSAGNING_MOTTAGEN, "uppsagningKand", true);

    // a second notice, from either side, changes nothing
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "KAN_INTE_MEDVERKA", "uppsagningDatum", "2026-06-11", "uppsagdAv", "Chef"))
        .hasMessageContaining("redan uppsagt av Stockholm").hasMessageContaining("upphör 2026-06-17");
    assertThat(meddelanden.skickaEnGang(arenden.hamta(ref), "stockholm", "malmo", ArendeProcess.MSG_UPPSAGNING_FRAN_HEM,
        Map.of("uppsagningSammanfattning", "igen"), "uppsagning:" + jdbc.queryForObject("select id from handelse where arende = ? "
            + "and typ = 'UPPSAGNING'", Long.class, ref))).isFalse();
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN)).isEmpty();

    // support and follow-ups go on during the week: the standing tasks are back, the follow-up timer still runs
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).hasSize(1);
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).hasSize(1);
    Job slut = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_UppsagningstidHem")
        .singleResult();
    assertThat(slut.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2026, 6, 17, 0, 0, 0, 0, ZONE).toInstant()));

    tid(ZonedDateTime.of(2026, 6, 16, 23, 59, 59, 0, ZONE));
    assertThat(pi).as("day 6 after the written notice: still running").isNotEnded();
    assertThat(uppdrag).isNotEnded();
    tid(ZonedDateTime.of(2026, 6, 17, 0, 0, 0, 0, ZONE));
    assertThat(pi).hasPassed("EndEvent_UppsagtHem", ArendeProcess.END_UPPSAGT);
    badaAvslutade("UPPSAGT", "UPPSAGT");
    assertThat(jdbc.queryForObject("select avslutsorsak from verkstallighet where arende = ?", String.class, ref))
        .contains("Stockholm", "2026-06-10", "upphörde 2026-06-17");
  }

  @Test
  void aNoticeFromTheReceivingMunicipalityRunsOnTheHomeMunicipalitysClock() {
    starta("2027-05-31", "P1M");
    klocka(T0.plusDays(3));
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak", "KAN_INTE_MEDVERKA",
        "uppsagningDatum", "2026-06-04", "uppsagdAv", "Sektionschef");
    Task kand = uppgifter(pi, ArendeProcess.TASK_UPPSAGNING_MOTTAGEN).get(0);
    assertThat(grupper(kand)).containsExactly("stockholm-handlaggare");
    fx.gor(pi.getId(), ArendeProcess.TASK_UPPSAGNING_MOTTAGEN, "uppsagningKand", true);
    assertThat(pi).hasPassed("EndEvent_UppsagningKandHem");
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).as("the receiving side's standing task is back").hasSize(1);

    tid(ZonedDateTime.of(2026, 6, 10, 23, 59, 0, 0, ZONE));
    assertThat(pi).isNotEnded();
    tid(ZonedDateTime.of(2026, 6, 11, 0, 0, 0, 0, ZONE));
    assertThat(pi).hasPassed("EndEvent_UppsagtMottagande", ArendeProcess.END_UPPSAGT);
    badaAvslutade("UPPSAGT", "UPPSAGT");
    assertThat(jdbc.queryForObject("select avslutsorsak from uppdrag where arende = ?", String.class, ref))
        .contains("Uppsagt enligt §12 av Malmö", "personen kan inte förmås");
  }

  @Test
  void whenThePersonWithdrawsBothEndAtOnceAndTheRecordPointsToTheSocialServicesAct() {
    starta("2027-05-31", "P1M");
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "AVBRYTER"))
        .hasMessageContaining("'Datum då personen avslutade sin medverkan' måste anges");
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "AVBRYTER", "avbrottDatum", "2026-06-01");
    assertThat(pi).hasPassed("EndEvent_AvbrutetAvPersonen", ArendeProcess.END_AVBRUTET);
    badaAvslutade("AVBRUTET", "AVBRUTET");
    assertThat(jdbc.queryForObject("select avslutsorsak from uppdrag where arende = ?", String.class, ref))
        .contains("avslutade sin medverkan 2026-06-01", "socialtjänstlagen");
    // the ending reached the receiving municipality as a recorded disclosure
    assertThat(jdbc.queryForList("select meddelande from utlamnande where arende = ? and till_kommun = 'malmo'", String.class, ref))
        .contains(ArendeProcess.MSG_UPPDRAG_AVSLUTAT);
    // a repeated ending finds nobody waiting and changes nothing
    assertThat(meddelanden.skickaEnGang(arenden.hamta(ref), "stockholm", "malmo", ArendeProcess.MSG_UPPDRAG_AVSLUTAT,
        Map.of("avslutstyp", "PLANERAT_SLUT"), "avslut:igen")).isFalse();
    assertThat(jdbc.queryForObject("select avslutstyp from uppdrag where arende = ?", String.class, ref)).isEqualTo("AVBRUTET");
  }

  @Test
  void childrenReportedByEitherSideGiveBothAnUrgentTaskAndTheCaseGoesOn() {
    starta("2027-05-31", "P1M");
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "BARN", "handelseBeskrivning", "Personen har fått vårdnad om ett barn");
    Task hem = uppgifter(pi, ArendeProcess.TASK_BARN).get(0);
    Task mottagande = uppgifter(uppdrag, UppdragProcess.TASK_BARN_FRAN_HEM).get(0);
    Date idagSlut = Date.from(T0.toLocalDate().atTime(23, 59).atZone(ZONE).toInstant());
    for (Task t : List.of(hem, mottagande)) {
      assertThat(t.getDueDate()).as("due the same day").isEqualTo(idagSlut);
      assertThat(t.getPriority()).isEqualTo(100);
    }
    assertThat(grupper(hem)).containsExactly("stockholm-handlaggare");
    assertThat(grupper(mottagande)).containsExactly("malmo-handlaggare");
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).as("the case goes on").hasSize(1);

    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_BARN, "ansvarKlarlagt", "Socialtjänsten i Stockholm utreder"))
        .hasMessageContaining("'Den andra kommunen är kontaktad'");
    fx.gor(pi.getId(), ArendeProcess.TASK_BARN, "ansvarKlarlagt", "Socialtjänsten i Stockholm utreder", "andraKommunenKontaktad", true);
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BARN_FRAN_HEM, "ansvarKlarlagt", "Malmö bistår", "andraKommunenKontaktad", true);

    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "BARN");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BARN, "ansvarKlarlagt", "Malmö utreder", "andraKommunenKontaktad", true);
    fx.gor(pi.getId(), ArendeProcess.TASK_BARN_FRAN_MOTTAGANDE, "ansvarKlarlagt", "Stockholm ansvarar", "andraKommunenKontaktad", true);
    assertThat(pi).hasPassed("EndEvent_BarnKlarlagtHem", "EndEvent_BarnFranMottagandeKlarlagt").isNotEnded();
    assertThat(uppdrag).hasPassed("EndEvent_BarnKlarlagtMottagande", "EndEvent_BarnFranHemKlarlagt").isNotEnded();
    assertThat(jdbc.queryForObject("select count(*) from handelse where arende = ? and typ = 'BARN_KLARLAGT'", Integer.class, ref))
        .isEqualTo(4);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_Uppfoljningstid")
        .count()).as("follow-ups still planned").isOne();
  }

  @Test
  void whenTheAgreementVersionEndsBothManagersDecideAndTheHomeManagerEndingItEndsBoth() {
    starta("2028-06-30", "P3M");
    tid(ZonedDateTime.of(2027, 12, 31, 23, 59, 0, 0, ZONE));
    assertThat(uppgifter(pi, ArendeProcess.TASK_BESLUT_AVTALSSLUT)).isEmpty();
    tid(ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, ZONE));
    Task hem = uppgifter(pi, ArendeProcess.TASK_BESLUT_AVTALSSLUT).get(0);
    Task mottagande = uppgifter(uppdrag, UppdragProcess.TASK_BESLUT_AVTALSSLUT).get(0);
    assertThat(grupper(hem)).containsExactly("stockholm-chef");
    assertThat(grupper(mottagande)).containsExactly("malmo-chef");
    assertThat(engine.getRuntimeService().getVariable(uppdrag.getId(), "avtalsslutSammanfattning").toString())
        .contains("Samverkansavtal 2026", "2027-12-31", "2028-06-30");

    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BESLUT_AVTALSSLUT, "avtalsslutBeslut", "FULLFOLJ", "avtalsslutMotivering", "Vi fullföljer");
    assertThat(uppdrag).hasPassed("EndEvent_FullfoljsMottagande").isNotEnded();
    fx.gor(pi.getId(), ArendeProcess.TASK_BESLUT_AVTALSSLUT, "avtalsslutBeslut", "AVSLUTA", "avtalsslutMotivering", "Nytt avtal saknas");
    assertThat(pi).hasPassed("EndEvent_AvslutasVidAvtalsslut", ArendeProcess.END_AVTALSVERSION_UPPHORT);
    badaAvslutade("AVTALSVERSION_UPPHORT", "AVTALSVERSION_UPPHORT");
  }

  @Test
  void whenTheAgreementVersionEndsTheReceivingManagerEndingItEndsBoth() {
    starta("2028-06-30", "P3M");
    tid(ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, ZONE));
    fx.gor(pi.getId(), ArendeProcess.TASK_BESLUT_AVTALSSLUT, "avtalsslutBeslut", "FULLFOLJ", "avtalsslutMotivering", "Vi fullföljer");
    assertThat(pi).hasPassed("EndEvent_Fullfoljs").isNotEnded();
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BESLUT_AVTALSSLUT, "avtalsslutBeslut", "AVSLUTA", "avtalsslutMotivering", "Ingen plats");
    assertThat(uppdrag).hasPassed("EndEvent_AvslutasMottagande", UppdragProcess.END_AVSLUTAT_AV_MOTTAGANDE);
    assertThat(pi).hasPassed("BoundaryEvent_AvslutBegart", ArendeProcess.END_AVTALSVERSION_UPPHORT);
    badaAvslutade("AVTALSVERSION_UPPHORT", "AVTALSVERSION_UPPHORT");
    assertThat(jdbc.queryForObject("select avslutsorsak from verkstallighet where arende = ?", String.class, ref))
        .contains("Malmö fullföljer inte", "Ingen plats");
  }

  @Test
  void forceMajeureReleasesTheReceivingMunicipalityAtOnceAndTheHomeOneEndsTheCase() {
    starta("2027-05-31", "P1M");
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "FORCE_MAJEURE"))
        .hasMessageContaining("'Beskrivning' måste anges");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "FORCE_MAJEURE", "handelseBeskrivning", "Verksamheten har brunnit");
    assertThat(uppdrag).isEnded().hasPassed("EndEvent_ForceMajeureMeddelad", UppdragProcess.END_AVSLUTAT_AV_MOTTAGANDE);
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_FORCE_MAJEURE);
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).isEmpty();
    fx.gor(pi.getId(), ArendeProcess.TASK_FORCE_MAJEURE, "fortsattning", "AVSLUTA", "fortsattningMotivering", "Avslutas");
    assertThat(pi).hasPassed(ArendeProcess.END_FORCE_MAJEURE);
    badaAvslutade("FORCE_MAJEURE", "FORCE_MAJEURE");
    assertThat(jdbc.queryForObject("select avslutsorsak from uppdrag where arende = ?", String.class, ref))
        .contains("force majeure (§13)", "brunnit");
  }

  @Test
  void afterForceMajeureTheHomeMunicipalityCanChooseAnotherReceivingMunicipality() {
    starta("2027-05-31", "P1M");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "FORCE_MAJEURE", "handelseBeskrivning", "Lokalerna är stängda");
    fx.gor(pi.getId(), ArendeProcess.TASK_FORCE_MAJEURE, "fortsattning", "ANNAN_KOMMUN", "fortsattningMotivering", "Fråga Göteborg");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
    assertThat(uppdrag).isEnded();
    assertThat(jdbc.queryForObject("select avslutstyp from verkstallighet where arende = ?", String.class, ref)).isEqualTo("FORCE_MAJEURE");
    assertThat(jdbc.queryForObject("select avslutstyp from uppdrag where arende = ?", String.class, ref)).isEqualTo("FORCE_MAJEURE");
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(uppdrag.getId()).count()).isZero();
  }
}
