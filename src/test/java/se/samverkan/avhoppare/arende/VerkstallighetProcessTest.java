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
  @Autowired Kvotrakning kvotrakning;
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
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).as("events can be reported until the final follow-up is recorded").hasSize(1);
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
  void aNoticeEnteredLateEndsBothAtTheEndOfTheSameWeekdayOneWeekAfterItWasReceived() {
    starta("2027-05-31", "P1M");
    ZonedDateTime inmatad = ZonedDateTime.of(2026, 6, 11, 10, 0, 0, 0, ZONE);
    klocka(inmatad);
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "ANNAT_SARSKILT_SKAL", "uppsagningDatum", "2026-06-12", "uppsagningMottagen", "2026-06-08", "uppsagdAv", "Enhetschef"))
        .hasMessageContaining("'Datum då uppsägningen skickades' kan inte ligga i framtiden")
        .hasMessageContaining("'Beskrivning' måste anges");
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "POLISEN_OLAMPLIGT", "uppsagningDatum", "2026-06-09", "uppsagningMottagen", "2026-06-08", "uppsagdAv", "Enhetschef"))
        .hasMessageContaining("'Datum då den andra kommunen tog emot uppsägningen' kan inte ligga före den dag den skickades");
    // sent Tuesday 9 June, received Wednesday 10 June: ends when Wednesday 17 June is over
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak", "POLISEN_OLAMPLIGT",
        "uppsagningDatum", "2026-06-09", "uppsagningMottagen", "2026-06-10", "uppsagdAv", "Enhetschef socialtjänsten");
    assertThat(jdbc.queryForMap("select datum, mottagen from handelse where arende = ? and typ = 'UPPSAGNING'", ref))
        .containsEntry("DATUM", java.sql.Date.valueOf("2026-06-09")).containsEntry("MOTTAGEN", java.sql.Date.valueOf("2026-06-10"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "uppsagningSammanfattning").toString())
        .as("the notifying side is shown the end date too").contains("utgången av 2026-06-17");

    // the other municipality sees it at once, as an urgent task
    Task kand = uppgifter(uppdrag, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN).get(0);
    assertThat(grupper(kand)).containsExactly("malmo-handlaggare");
    assertThat(kand.getPriority()).isEqualTo(100);
    assertThat(kand.getDueDate()).isBefore(Date.from(inmatad.plusDays(1).toLocalDate().atStartOfDay(ZONE).toInstant()));
    assertThat(engine.getRuntimeService().getVariable(uppdrag.getId(), "uppsagningSammanfattning").toString())
        .contains("Stockholm har sagt upp", "polisen bedömer", "skickad 2026-06-09", "mottagen 2026-06-10", "utgången av 2026-06-17");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_UPPSAGNING_MOTTAGEN, "uppsagningKand", true);

    // a second notice, from either side, changes nothing
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "KAN_INTE_MEDVERKA", "uppsagningDatum", "2026-06-11", "uppsagningMottagen", "2026-06-11", "uppsagdAv", "Chef"))
        .hasMessageContaining("redan uppsagt av Stockholm").hasMessageContaining("utgången av 2026-06-17");
    assertThat(meddelanden.skickaEnGang(arenden.hamta(ref), "stockholm", "malmo", ArendeProcess.MSG_UPPSAGNING_FRAN_HEM,
        Map.of("uppsagningSammanfattning", "igen"), "uppsagning:" + jdbc.queryForObject("select id from handelse where arende = ? "
            + "and typ = 'UPPSAGNING'", Long.class, ref))).isFalse();
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN)).isEmpty();

    // support and follow-ups go on during the week: the standing tasks are back, the follow-up timer still runs
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).hasSize(1);
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).hasSize(1);
    Job slut = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_UppsagningstidHem")
        .singleResult();
    assertThat(slut.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2026, 6, 18, 0, 0, 0, 0, ZONE).toInstant()));

    tid(ZonedDateTime.of(2026, 6, 17, 23, 59, 59, 0, ZONE));
    assertThat(pi).as("the last day of the notice week: still running").isNotEnded();
    assertThat(uppdrag).isNotEnded();
    tid(ZonedDateTime.of(2026, 6, 18, 0, 0, 0, 0, ZONE));
    assertThat(pi).hasPassed("EndEvent_UppsagtHem", ArendeProcess.END_UPPSAGT);
    badaAvslutade("UPPSAGT", "UPPSAGT");
    assertThat(jdbc.queryForObject("select avslutsorsak from verkstallighet where arende = ?", String.class, ref))
        .contains("Stockholm", "skickad 2026-06-09", "mottagen 2026-06-10", "upphörde vid utgången av 2026-06-17");
  }

  @Test
  void aNoticeFromTheReceivingMunicipalityRunsOnTheHomeMunicipalitysClock() {
    starta("2027-05-31", "P1M");
    klocka(T0.plusDays(3));
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak", "KAN_INTE_MEDVERKA",
        "uppsagningDatum", "2026-06-04", "uppsagningMottagen", "2026-06-04", "uppsagdAv", "Sektionschef");
    Task kand = uppgifter(pi, ArendeProcess.TASK_UPPSAGNING_MOTTAGEN).get(0);
    assertThat(grupper(kand)).containsExactly("stockholm-handlaggare");
    fx.gor(pi.getId(), ArendeProcess.TASK_UPPSAGNING_MOTTAGEN, "uppsagningKand", true);
    assertThat(pi).hasPassed("EndEvent_UppsagningKandHem");
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).as("the receiving side's standing task is back").hasSize(1);

    // received Thursday 4 June: ends when Thursday 11 June is over
    tid(ZonedDateTime.of(2026, 6, 11, 23, 59, 0, 0, ZONE));
    assertThat(pi).isNotEnded();
    tid(ZonedDateTime.of(2026, 6, 12, 0, 0, 0, 0, ZONE));
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

  // ---- events from the request onwards (before implementation), #10

  /** A Stockholm case whose request has just been sent to Malmö (both police assessed high threat: protection recorded). */
  private void forfraganSkickad() {
    pi = fx.tillForfragan(fx.starta("stockholm", ArendeFixture.aktualisering()), "malmo");
    ref = fx.referens(pi);
    uppdrag = fx.uppdrag(ref);
  }

  /** Ended before implementation: the same type and reason on both sides, no implementation record, nothing waiting. */
  private void badaAvslutadeForeVerkstallighet(String avslutstyp, String arendestatus) {
    assertThat(pi).isEnded();
    assertThat(uppdrag).isEnded().hasPassed(UppdragProcess.END_UPPDRAG_AVSLUTAT);
    Map<String, Object> hem = jdbc.queryForMap("select status, avslutsorsak from arende where referens = ?", ref);
    Map<String, Object> mottagande = jdbc.queryForMap("select status, avslutstyp, avslutsorsak from uppdrag where arende = ? "
        + "and mottagande_kommun = 'malmo'", ref);
    assertThat(hem.get("STATUS")).isEqualTo(arendestatus);
    assertThat(mottagande.get("STATUS")).isEqualTo("AVSLUTAT");
    assertThat(mottagande.get("AVSLUTSTYP")).isEqualTo(avslutstyp);
    assertThat(mottagande.get("AVSLUTSORSAK")).isNotNull().isEqualTo(hem.get("AVSLUTSORSAK"));
    assertThat(jdbc.queryForObject("select count(*) from verkstallighet where arende = ?", Integer.class, ref)).isZero();
    for (ProcessInstance p : List.of(pi, uppdrag)) {
      assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(p.getId()).count()).isZero();
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).count()).isZero();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).count()).isZero();
    }
  }

  @Test
  void thePersonWithdrawingBeforeTheAnswerEndsTheRequestInBothMunicipalitiesWithTheReason() {
    forfraganSkickad();
    assertThat(uppdrag).isWaitingAt(UppdragProcess.TASK_BESVARA);
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).as("events can be reported from the request onwards").hasSize(1);
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).as("the receiving side reports once it has accepted").isEmpty();
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak",
        "KAN_INTE_MEDVERKA", "uppsagningDatum", "2026-06-01", "uppsagningMottagen", "2026-06-01", "uppsagdAv", "Chef"))
        .hasMessageContaining("förfrågan är ännu inte accepterad");
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).hasSize(1);

    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "AVBRYTER", "avbrottDatum", "2026-06-01");
    assertThat(pi).hasPassed("EndEvent_AvbrutetAvPersonen", ArendeProcess.END_AVBRUTET);
    badaAvslutadeForeVerkstallighet("AVBRUTET", "AVBRUTET");
    assertThat(jdbc.queryForObject("select avslutsorsak from uppdrag where arende = ?", String.class, ref))
        .contains("avslutade sin medverkan 2026-06-01 innan uppdraget hade börjat verkställas", "socialtjänstlagen");
    assertThat(kvotrakning.kvotOchBalans("avtal-2026").siffror("malmo")).as("a request never accepted counts nothing")
        .isEqualTo(new se.samverkan.avhoppare.avtal.KvotOchBalans.Siffror(0, 0));
  }

  @Test
  void childrenReportedBeforeTheAnswerGiveBothAnUrgentTaskAndTheRequestGoesOn() {
    forfraganSkickad();
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "BARN", "handelseBeskrivning", "Personen har fått ett barn");
    assertThat(uppgifter(pi, ArendeProcess.TASK_BARN)).hasSize(1);
    Task mottagande = uppgifter(uppdrag, UppdragProcess.TASK_BARN_FRAN_HEM).get(0);
    assertThat(grupper(mottagande)).containsExactly("malmo-handlaggare");
    assertThat(mottagande.getPriority()).isEqualTo(100);
    fx.gor(pi.getId(), ArendeProcess.TASK_BARN, "ansvarKlarlagt", "Stockholm utreder", "andraKommunenKontaktad", true);
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BARN_FRAN_HEM, "ansvarKlarlagt", "Malmö informerad", "andraKommunenKontaktad", true);
    assertThat(uppdrag).isWaitingAt(UppdragProcess.TASK_BESVARA);

    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BESVARA, "svar", "ACCEPTERAR");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_UPPDRAGSBESKRIVNING);
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).hasSize(1);
    assertThat(uppgifter(uppdrag, UppdragProcess.TASK_HANDELSE)).as("accepted: the receiving side can report events").hasSize(1);
  }

  @Test
  void aNoticeAfterAcceptanceBeforeImplementationEndsBothAtTheEndOfTheWeekdayAWeekAfterReceipt() {
    forfraganSkickad();
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BESVARA, "svar", "ACCEPTERAR");
    // received Monday 1 June: the assignment ends when Monday 8 June is over (00:00 on 9 June)
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "UPPSAGNING", "uppsagningsorsak", "KAN_INTE_MEDVERKA",
        "uppsagningDatum", "2026-06-01", "uppsagningMottagen", "2026-06-01", "uppsagdAv", "Enhetschef");
    Task kand = uppgifter(uppdrag, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN).get(0);
    assertThat(engine.getTaskService().getVariable(kand.getId(), "uppsagningSammanfattning").toString())
        .contains("mottagen 2026-06-01", "utgången av 2026-06-08");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_UPPSAGNING_MOTTAGEN, "uppsagningKand", true);
    assertThat(pi).as("the description is still written during the notice week").isWaitingAt(ArendeProcess.TASK_UPPDRAGSBESKRIVNING);

    tid(ZonedDateTime.of(2026, 6, 8, 23, 59, 59, 0, ZONE));
    assertThat(pi).isNotEnded();
    tid(ZonedDateTime.of(2026, 6, 9, 0, 0, 0, 0, ZONE));
    assertThat(pi).hasPassed("EndEvent_UppsagtHem", ArendeProcess.END_UPPSAGT);
    badaAvslutadeForeVerkstallighet("UPPSAGT", "UPPSAGT");
    assertThat(jdbc.queryForObject("select avslutsorsak from arende where referens = ?", String.class, ref))
        .contains("Uppsagt enligt §12 av Stockholm", "mottagen 2026-06-01", "utgången av 2026-06-08");
    assertThat(kvotrakning.kvotOchBalans("avtal-2026").siffror("malmo").mottagna()).as("an accepted request keeps its count").isOne();
  }

  @Test
  void forceMajeureBeforeImplementationLetsTheHomeMunicipalityGoOnAndBothReceiversCountOnlyFromTheirAcceptance() {
    forfraganSkickad();
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_BESVARA, "svar", "ACCEPTERAR");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "FORCE_MAJEURE", "handelseBeskrivning", "Lokalerna har brunnit");
    assertThat(uppdrag).isEnded().hasPassed(UppdragProcess.END_AVSLUTAT_AV_MOTTAGANDE);
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_FORCE_MAJEURE);
    assertThat(uppgifter(pi, ArendeProcess.TASK_HANDELSE)).isEmpty();
    assertThat(jdbc.queryForObject("select avslutstyp from uppdrag where arende = ? and mottagande_kommun = 'malmo'", String.class, ref))
        .isEqualTo("FORCE_MAJEURE");
    fx.gor(pi.getId(), ArendeProcess.TASK_FORCE_MAJEURE, "fortsattning", "ANNAN_KOMMUN", "fortsattningMotivering", "Fråga Göteborg");
    fx.tillForfragan(pi, "goteborg");
    var fore = kvotrakning.kvotOchBalans("avtal-2026");
    assertThat(fore.siffror("malmo").mottagna()).as("Malmö accepted: it keeps its count").isOne();
    assertThat(fore.siffror("goteborg").mottagna()).as("Göteborg is only asked").isZero();
    ProcessInstance goteborg = fx.uppdrag(ref);
    fx.gor(goteborg.getId(), UppdragProcess.TASK_BESVARA, "svar", "ACCEPTERAR");
    var efter = kvotrakning.kvotOchBalans("avtal-2026");
    assertThat(efter.siffror("stockholm").skickade()).as("one case sent, however many receivers").isOne();
    assertThat(efter.siffror("malmo").mottagna()).isOne();
    assertThat(efter.siffror("goteborg").mottagna()).isOne();
    assertThat(efter.balans("stockholm", "malmo")).isOne();
    assertThat(efter.balans("stockholm", "goteborg")).isOne();
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_UPPDRAGSBESKRIVNING);
  }

  @Test
  void aSecondAssignmentAfterForceMajeureInImplementationKeepsTheFirstAssignmentsRecord() {
    starta("2027-05-31", "P1M");
    fx.gor(uppdrag.getId(), UppdragProcess.TASK_HANDELSE, "handelse", "FORCE_MAJEURE", "handelseBeskrivning", "Verksamheten stängd");
    fx.gor(pi.getId(), ArendeProcess.TASK_FORCE_MAJEURE, "fortsattning", "ANNAN_KOMMUN", "fortsattningMotivering", "Fråga Göteborg");
    klocka(T0.plusDays(7));
    fx.tillVerkstallighet(pi, "goteborg", "2026-06-08", "2027-06-07", "P1M");
    ProcessInstance goteborg = fx.uppdrag(ref);
    assertThat(jdbc.queryForList("select concat(mottagande_kommun, ' ', coalesce(avslutstyp, 'PAGAR')) from verkstallighet where arende = ? "
        + "order by id", String.class, ref)).containsExactly("malmo FORCE_MAJEURE", "goteborg PAGAR");
    fx.gor(pi.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "AVBRYTER", "avbrottDatum", "2026-06-08");
    assertThat(pi).isEnded().hasPassed(ArendeProcess.END_AVBRUTET);
    assertThat(goteborg).isEnded();
    assertThat(jdbc.queryForList("select concat(mottagande_kommun, ' ', avslutstyp) from verkstallighet where arende = ? order by id",
        String.class, ref)).containsExactly("malmo FORCE_MAJEURE", "goteborg AVBRUTET");
    assertThat(jdbc.queryForObject("select avslutstyp from uppdrag where arende = ? and mottagande_kommun = 'goteborg'", String.class, ref))
        .isEqualTo("AVBRUTET");
    var k = kvotrakning.kvotOchBalans("avtal-2026");
    assertThat(k.siffror("malmo").mottagna()).isOne();
    assertThat(k.siffror("goteborg").mottagna()).isOne();
    assertThat(k.siffror("stockholm").skickade()).isOne();
  }

  @Test
  void aCaseOpenedInLate2025AndAgreedIn2026CountsAgainst2026AndItsVersionEndIsThatOf2026() {
    klocka(ZonedDateTime.of(2025, 12, 15, 10, 0, 0, 0, ZONE));
    pi = fx.starta("stockholm", ArendeFixture.with(ArendeFixture.aktualisering(), "startdatum", "2025-12-15", "samtyckeDatum", "2025-12-15"));
    ref = fx.referens(pi);
    assertThat(jdbc.queryForObject("select avtalsversion from arende where referens = ?", String.class, ref)).isEqualTo("avtal-2025");
    klocka(ZonedDateTime.of(2026, 3, 20, 10, 0, 0, 0, ZONE));
    fx.tillVerkstallighet(pi, "malmo", "2026-03-20", "2027-03-19", "P1M");
    uppdrag = fx.uppdrag(ref);
    assertThat(jdbc.queryForObject("select avtalsversion from uppdrag where arende = ?", String.class, ref))
        .as("the version in force the day the request was accepted").isEqualTo("avtal-2026");
    assertThat(kvotrakning.kvotOchBalans("avtal-2026").siffror("malmo").mottagna()).isOne();
    assertThat(kvotrakning.kvotOchBalans("avtal-2025").siffror("malmo").mottagna()).isZero();
    tid(ZonedDateTime.of(2026, 3, 20, 10, 5, 0, 0, ZONE));
    assertThat(uppgifter(pi, ArendeProcess.TASK_BESLUT_AVTALSSLUT)).as("2025's end is not this assignment's").isEmpty();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_Avtalsslut")
        .singleResult().getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, ZONE).toInstant()));
  }
}
