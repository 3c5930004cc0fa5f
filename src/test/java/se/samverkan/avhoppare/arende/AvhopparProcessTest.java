package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.samverkan.avhoppare.arende.ArendeFixture.aktualisering;
import static se.samverkan.avhoppare.arende.ArendeFixture.samrad;
import static se.samverkan.avhoppare.arende.ArendeFixture.with;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;

/**
 * Every path of steps 1–7 through both processes, with the real listeners, delegates and tables:
 * the home municipality's case (arende) and the receiving municipality's assignment (uppdrag).
 */
@H2IntegrationTest
class AvhopparProcessTest {

  static final String PLAN = ArendeFixture.PLAN;

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  ArendeFixture fx;

  @BeforeEach
  void cleanCaseTables() {
    init(engine);
    fx = new ArendeFixture(engine);
    fx.rensa(jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String status(String referens) {
    return jdbc.queryForObject("select status from arende where referens = ?", String.class, referens);
  }

  /** Intake, tillhörighet and eligibility passed: waiting for the choice of receiving municipality. */
  private ProcessInstance tillValAvKommun() {
    ProcessInstance pi = fx.starta("stockholm", aktualisering());
    fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm");
    return pi;
  }

  private ProcessInstance tillForfragan(String mottagare) {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", mottagare);
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    fx.polisskydd(pi);
    return pi;
  }

  @Test
  void happyPathToAnAgreedAssignmentWithAPlan() {
    ProcessInstance pi = tillValAvKommun();
    String ref = fx.referens(pi);
    assertThat(ref).matches("AVH-\\d{4}-\\d{4}");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN).hasPassed("ServiceTask_BedomMalgrupp", "ServiceTask_Kvotoversikt")
        .hasNotPassed(ArendeProcess.TASK_POLISENS_RAD);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "kvotoversikt").toString())
        .contains("Stockholm: 0 skickade, 0 mottagna", "högst 2");
    assertThat(fx.task(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN).getTenantId()).isEqualTo("stockholm");
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("stockholm-handlaggare");

    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SAMRAD_HEM, ArendeProcess.TASK_SAMRAD_MOTTAGANDE);
    assertThat(fx.task(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM).getDueDate()).isAfter(new Date());
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    // both police assess the threat as high: the police protection is recorded before anything is sent
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_POLISSKYDD);
    assertThat(fx.uppdrag(ref)).as("no request before the police protection step").isNull();
    fx.polisskydd(pi);
    assertThat(pi).isWaitingAt("EventGateway_Svar");
    assertThat(jdbc.queryForMap("select polisenhet, datum from polisskydd where arende = ?", ref))
        .containsEntry("POLISENHET", "Bops, Polisregion Stockholm");

    ProcessInstance uppdrag = fx.uppdrag(ref);
    assertThat(uppdrag.getTenantId()).isEqualTo("malmo");
    assertThat(uppdrag).isWaitingAt("UserTask_BesvaraForfragan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(uppdrag.getId(), "UserTask_BesvaraForfragan").getId()))
        .extracting(l -> l.getGroupId()).containsExactly("malmo-handlaggare");
    assertThat(engine.getRuntimeService().getVariable(uppdrag.getId(), "forfraganSammanfattning").toString())
        .contains(ref, "Hotbild: konkret", "hög i hemkommunen, hög i mottagande kommun");

    fx.gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_UPPDRAGSBESKRIVNING);
    fx.gor(pi.getId(), ArendeProcess.TASK_UPPDRAGSBESKRIVNING, "mal", "Etablering och stöd att lämna kriminaliteten",
        "efterfragadeInsatser", "[\"KONTAKTPERSON\",\"KRIMINALITET_SOM_LIVSSTIL\"]", "periodStart", "2026-05-01",
        "periodSlut", "2027-04-30", "uppfoljningsintervall", "P1M", "kontaktHemkommun", "Handläggare A",
        "kontaktMottagandeKommun", "Handläggare B", "boendeOrdnasAvHemkommunen", true);
    fx.gor(pi.getId(), ArendeProcess.TASK_BESLUT, "beslutsdatum", "2026-04-20",
        "beslutadeInsatser", "[\"KONTAKTPERSON\",\"KRIMINALITET_SOM_LIVSSTIL\"]", "beslutsfattare", "Enhetschef X",
        "samradMedMottagandeKommun", true);
    assertThat(pi).isWaitingAt("CatchEvent_PlanKlar");
    assertThat(uppdrag).isWaitingAt(uppdragTask());
    assertThat(fx.task(uppdrag.getId(), uppdragTask()).getDueDate()).isAfter(new Date());

    fx.gor(uppdrag.getId(), uppdragTask(), "planposter", PLAN);
    assertThat(uppdrag).isWaitingAt("UserTask_HandelseMottagande");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_HANDELSE, "CatchEvent_Uppfoljningstid", "CatchEvent_Avtalsslut");

    assertThat(status(ref)).isEqualTo("VERKSTALLIGHET");
    assertThat(jdbc.queryForObject("select status from uppdrag where arende = ?", String.class, ref)).isEqualTo("GENOMFORS");
    assertThat(jdbc.queryForObject("select count(*) from samrad where arende = ?", Integer.class, ref)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select sum(manadskostnad) from plan_post where arende = ?", java.math.BigDecimal.class, ref))
        .isEqualByComparingTo("16500.50");
    assertThat(jdbc.queryForObject("select boende_hemkommun from uppdragsbeskrivning where arende = ?", Boolean.class, ref)).isTrue();
    assertThat(jdbc.queryForList("select concat(fran_kommun, '>', till_kommun, ' ', meddelande, ' ', rattslig_grund) from utlamnande "
        + "where arende = ? order by id", String.class, ref)).containsExactly(
        "stockholm>malmo Uppdragsforfragan SAMTYCKE", "malmo>stockholm ForfraganAccepterad SAMTYCKE",
        "stockholm>malmo UppdragBeslutat SAMTYCKE", "malmo>stockholm GenomforandeplanKlar SAMTYCKE");
    // only references and routing facts became variables: the intake stayed in our tables
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(v -> v.getName()).doesNotContain("part", "kriminelltSammanhang", "ansvarForBarn", "samtycke", "mal", "polisenhet");
  }

  private static String uppdragTask() {
    return "UserTask_Genomforandeplan";
  }

  @Test
  void latentThreatNeedsThePoliceAdviceAcknowledgedNotBlocked() {
    ProcessInstance pi = fx.starta("stockholm", with(aktualisering(), "hotbild", "LATENT"));
    fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "x");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_POLISENS_RAD);
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_POLISENS_RAD, "polisensRadBekraftad", false))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'Jag har tagit del av polisens rekommendation'");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_POLISENS_RAD);
    fx.gor(pi.getId(), ArendeProcess.TASK_POLISENS_RAD, "polisensRadBekraftad", true);
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
  }

  @Test
  void variablesSlippedIntoASubmissionChangeNeitherRoutingNorWhereTheRequestGoes() {
    ProcessInstance pi = fx.starta("stockholm", with(aktualisering(), "hotbild", "LATENT"));
    // keys the form does not have are refused outright, named, and nothing of the submission is kept
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN",
        "tillhorighetMotivering", "x", "hotbild", "KONKRET", "avtalsversion", "avtal-2025", "hemkommun", "malmo"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Fältet 'hotbild' finns inte i formuläret")
        .hasMessageContaining("Fältet 'avtalsversion' finns inte i formuläret")
        .hasMessageContaining("Fältet 'hemkommun' finns inte i formuläret");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_TILLHORIGHET);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "hotbild")).isEqualTo("LATENT");
    fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "x");
    assertThat(pi).as("the recorded latent threat still asks for the acknowledgement").isWaitingAt(ArendeProcess.TASK_POLISENS_RAD);
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(pi.getId(), ArendeProcess.TASK_POLISENS_RAD).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("stockholm-handlaggare");
    fx.gor(pi.getId(), ArendeProcess.TASK_POLISENS_RAD, "polisensRadBekraftad", true);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "kvotoversikt").toString()).contains("Samverkansavtal 2026");
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, with(java.util.Map.of(), samrad("STODJER")).entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
    var mottagande = new java.util.ArrayList<>(java.util.List.of(samrad("STODJER")));
    mottagande.addAll(java.util.List.of("mottagandeKommun", "goteborg", "arendeReferens", "AVH-FEL-0001"));
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, mottagande.toArray()))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Fältet 'mottagandeKommun' finns inte i formuläret")
        .hasMessageContaining("Fältet 'arendeReferens' finns inte i formuläret");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    fx.polisskydd(pi);
    String ref = fx.referens(pi);
    assertThat(fx.uppdrag(ref).getTenantId()).as("the request goes to the chosen and consulted municipality").isEqualTo("malmo");
    assertThat(jdbc.queryForObject("select kommun from samrad where arende = ? and polis_i = 'MOTTAGANDE_KOMMUN'", String.class, ref))
        .isEqualTo("malmo");
  }

  @Test
  void eachEligibilityRefusalEndsTheCaseWithItsReason() {
    Object[][] refusals = {
        {"kriminelltSammanhang", "INGET", "kriminell grupp"},
        {"hotbild", "INGEN", "latent eller konkret hotbild"},
        {"motiverad", false, "inte motiverad"},
        {"ansvarForBarn", true, "ansvar för barn"},
        {"samtycke", false, "inte samtyckt"},
    };
    for (Object[] r : refusals) {
      ProcessInstance pi = fx.starta("stockholm", with(aktualisering(), r[0], r[1]));
      fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "x");
      assertThat(pi).as(r[0].toString()).isEnded().hasPassed(ArendeProcess.END_EJ_I_MALGRUPP);
      String ref = fx.referens(pi);
      assertThat(status(ref)).isEqualTo("EJ_I_MALGRUPP");
      assertThat(jdbc.queryForObject("select avslutsorsak from arende where referens = ?", String.class, ref))
          .contains(r[2].toString());
    }
  }

  @Test
  void startOutsideEveryAgreementVersionOrWithAnotherCitysCommitteeIsRefused() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    assertThatThrownBy(() -> fx.starta("stockholm", with(aktualisering(), "startdatum", "2028-01-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'Startdatum'").hasMessageContaining("utanför alla avtalsversioner");
    assertThatThrownBy(() -> fx.starta("stockholm", with(aktualisering(), "part", "malmo-asn")))
        .hasMessageContaining("'Ansvarig nämnd'");
    assertThatThrownBy(() -> fx.starta("stockholm", with(aktualisering(), "malgrupp", null, "startdatum", null)))
        .hasMessageContaining("Fältet 'Målgrupp' måste anges.").hasMessageContaining("Fältet 'Startdatum' måste anges.");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from arende", Integer.class)).isZero();
  }

  @Test
  void handoverStartsTheCaseInTheMunicipalityThePersonBelongsTo() {
    ProcessInstance pi = fx.starta("stockholm", aktualisering());
    String ref = fx.referens(pi);
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "ANNAN_PARTSKOMMUN",
        "tillhorighetMotivering", "Folkbokförd i Göteborg")).hasMessageContaining("'Kommun som ärendet överlämnas till'");
    fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "ANNAN_PARTSKOMMUN", "overlamnasTill", "goteborg",
        "tillhorighetMotivering", "Folkbokförd i Göteborg");
    assertThat(pi).isEnded().hasPassed(ArendeProcess.END_OVERLAMNAT);
    assertThat(status(ref)).isEqualTo("OVERLAMNAT");

    ProcessInstance mottaget = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ArendeProcess.KEY)
        .tenantIdIn("goteborg").active().singleResult();
    assertThat(mottaget).isWaitingAt(ArendeProcess.TASK_TA_EMOT_OVERLAMNAT);
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(mottaget.getId(), ArendeProcess.TASK_TA_EMOT_OVERLAMNAT).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("goteborg-handlaggare");
    fx.gor(mottaget.getId(), ArendeProcess.TASK_TA_EMOT_OVERLAMNAT, with(aktualisering(), "part", "goteborg-hisingen").entrySet()
        .stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
    assertThat(mottaget).isWaitingAt(ArendeProcess.TASK_TILLHORIGHET);
    String nyRef = fx.referens(mottaget);
    assertThat(nyRef).isNotEqualTo(ref);
    assertThat(jdbc.queryForObject("select concat(hemkommun, ' ', overlamnat_fran) from arende where referens = ?", String.class, nyRef))
        .isEqualTo("goteborg " + ref);
  }

  @Test
  void outsideTheAgreementEndsTheCase() {
    ProcessInstance pi = fx.starta("malmo", with(aktualisering(), "part", "malmo-asn"));
    fx.gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "UTANFOR_AVTALET", "tillhorighetMotivering", "Folkbokförd i Lund");
    assertThat(pi).isEnded().hasPassed(ArendeProcess.END_UTANFOR_AVTALET);
    assertThat(status(fx.referens(pi))).isEqualTo("UTANFOR_AVTALET");
  }

  @Test
  void theReceivingMunicipalityCannotBeTheHomeOneOrMissing() {
    ProcessInstance pi = tillValAvKommun();
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "stockholm"))
        .hasMessageContaining("kan inte vara hemkommunen");
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "uppsala"))
        .hasMessageContaining("'Mottagande kommun'");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
  }

  private void tvaAccepteradeFlyttarTill(String mottagare) {
    for (int i = 1; i <= 2; i++) {
      jdbc.update("insert into arende (referens, hemkommun, part, avtalsversion, startdatum, mottagande_kommun, accepterad, status, skapad, andrad) "
          + "values (?, 'goteborg', 'goteborg-centrum', 'avtal-2026', DATE '2026-02-01', ?, CURRENT_TIMESTAMP, 'UPPDRAG_OVERENSKOMMET', "
          + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "AVH-TIDIGARE-" + i, mottagare);
      // what quota and balance count: the receiving municipality's accepted request, in the version in force that day
      jdbc.update("insert into uppdrag (arende, mottagande_kommun, hemkommun, svar, status, skapad, accepterad, avtalsversion) "
          + "values (?, ?, 'goteborg', 'ACCEPTERAR', 'ACCEPTERAT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'avtal-2026')", "AVH-TIDIGARE-" + i, mottagare);
    }
  }

  @Test
  void pastTheQuotaAManagerApprovesAnException() {
    tvaAccepteradeFlyttarTill("malmo");
    ProcessInstance pi = tillValAvKommun();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "kvotoversikt").toString()).contains("Malmö: 0 skickade, 2 mottagna");
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_KVOTUNDANTAG);
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("stockholm-chef");
    fx.gor(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "GODKANN", "undantagMotivering", "Särskilda skäl");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SAMRAD_HEM, ArendeProcess.TASK_SAMRAD_MOTTAGANDE);
  }

  @Test
  void pastTheQuotaARefusedExceptionGoesBackToTheChoice() {
    tvaAccepteradeFlyttarTill("malmo");
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    fx.gor(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "AVSLA", "undantagMotivering", "Välj Göteborg");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SAMRAD_HEM, ArendeProcess.TASK_SAMRAD_MOTTAGANDE);
  }

  @Test
  void homePoliceAdvisingAgainstLetsTheCaseworkerChooseAnotherMunicipality() {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("AVRADER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SAMRAD_AVRADER);
    assertThat(fx.uppdrag(fx.referens(pi))).as("no request left for the receiving municipality").isNull();
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_AVRADER, "fortsattning", "ANNAN_KOMMUN", "fortsattningMotivering", "Prova Göteborg");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
  }

  @Test
  void receivingPoliceAdvisingAgainstCanEndTheCase() {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("AVRADER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_AVRADER, "fortsattning", "AVSLUTA", "fortsattningMotivering", "Polisen avråder");
    assertThat(pi).isEnded().hasPassed(ArendeProcess.END_POLISEN_AVRADER);
    String ref = fx.referens(pi);
    assertThat(status(ref)).isEqualTo("POLISEN_AVRADER");
    assertThat(jdbc.queryForObject("select avslutsorsak from arende where referens = ?", String.class, ref)).isEqualTo("Polisen avråder");
  }

  @Test
  void aConsultationNotRecordedInFourteenDaysRemindsTheManager() {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(13, ChronoUnit.DAYS)));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(15, ChronoUnit.DAYS)));
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_SAMRAD_HEM, ArendeProcess.TASK_SAMRAD_MOTTAGANDE,
        ArendeProcess.TASK_PAMINNELSE_HEM, ArendeProcess.TASK_PAMINNELSE_MOTTAGANDE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(pi.getId(), ArendeProcess.TASK_PAMINNELSE_HEM).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("stockholm-chef");
    fx.gor(pi.getId(), ArendeProcess.TASK_PAMINNELSE_HEM, "paminnelseHanterad", true);
    fx.gor(pi.getId(), ArendeProcess.TASK_PAMINNELSE_MOTTAGANDE, "paminnelseHanterad", true);
    assertThat(pi).hasPassed("EndEvent_PaminnelseHem", "EndEvent_PaminnelseMottagande")
        .isWaitingAt(ArendeProcess.TASK_SAMRAD_HEM, ArendeProcess.TASK_SAMRAD_MOTTAGANDE);
  }

  @Test
  void theReceivingMunicipalityDecliningLetsTheHomeOneTryAnotherOrEnd() {
    ProcessInstance pi = tillForfragan("malmo");
    String ref = fx.referens(pi);
    ProcessInstance uppdrag = fx.uppdrag(ref);
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "AVBOJER"))
        .hasMessageContaining("Fältet 'Motivering (krävs om ni avböjer)' måste anges.");
    fx.gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "AVBOJER", "svarMotivering", "Ingen plats i verksamheten");
    assertThat(uppdrag).isEnded().hasPassed("EndEvent_Avbojd");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_FORFRAGAN_AVBOJD);
    fx.gor(pi.getId(), ArendeProcess.TASK_FORFRAGAN_AVBOJD, "fortsattning", "ANNAN_KOMMUN", "fortsattningMotivering", "Fråga Göteborg");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_VALJ_KOMMUN);
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    fx.polisskydd(pi);
    ProcessInstance goteborg = fx.uppdrag(ref);
    assertThat(goteborg.getTenantId()).isEqualTo("goteborg");
    fx.gor(goteborg.getId(), "UserTask_BesvaraForfragan", "svar", "AVBOJER", "svarMotivering", "Inte heller");
    fx.gor(pi.getId(), ArendeProcess.TASK_FORFRAGAN_AVBOJD, "fortsattning", "AVSLUTA", "fortsattningMotivering", "Ingen kan ta emot");
    assertThat(pi).isEnded().hasPassed(ArendeProcess.END_INGEN_MOTTAGARE);
    assertThat(status(ref)).isEqualTo("INGEN_MOTTAGARE");
  }

  @Test
  void noAnswerWithinAMonthRemindsTheManagerAndKeepsWaiting() {
    ProcessInstance pi = tillForfragan("malmo");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(32, ChronoUnit.DAYS)));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_PAMINN_SVAR);
    fx.gor(pi.getId(), ArendeProcess.TASK_PAMINN_SVAR, "paminnelseHanterad", true);
    assertThat(pi).isWaitingAt("EventGateway_Svar");
    fx.gor(fx.uppdrag(fx.referens(pi)).getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_UPPDRAGSBESKRIVNING);
  }

  @Test
  void aPlanItemOutsideTheCatalogueIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = tillForfragan("malmo");
    String ref = fx.referens(pi);
    ProcessInstance uppdrag = fx.uppdrag(ref);
    fx.gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_UPPDRAGSBESKRIVNING, "mal", "x",
        "efterfragadeInsatser", "[\"BOENDE\"]", "periodStart", "2026-05-01", "periodSlut", "2026-04-01",
        "uppfoljningsintervall", "P1M", "kontaktHemkommun", "a", "kontaktMottagandeKommun", "b", "boendeOrdnasAvHemkommunen", false))
        .hasMessageContaining("'Efterfrågade insatser' innehåller något som inte finns i förteckningen")
        .hasMessageContaining("Fältet 'Uppdraget slutar' måste vara efter 'Uppdraget börjar'.")
        .hasMessageContaining("'Tillfälligt boende ordnas och bekostas av hemkommunen (§5)' måste kryssas i.");
    fx.gor(pi.getId(), ArendeProcess.TASK_UPPDRAGSBESKRIVNING, "mal", "x", "efterfragadeInsatser", "[\"KRISSTOD\"]",
        "periodStart", "2026-05-01", "periodSlut", "2027-04-30", "uppfoljningsintervall", "P6W", "kontaktHemkommun", "a",
        "kontaktMottagandeKommun", "b", "boendeOrdnasAvHemkommunen", true);
    fx.gor(pi.getId(), ArendeProcess.TASK_BESLUT, "beslutsdatum", "2026-04-20", "beslutadeInsatser", "[\"KRISSTOD\"]",
        "beslutsfattare", "Chef", "samradMedMottagandeKommun", true);

    String otillaten = "[{\"insats\":\"HALSO_OCH_SJUKVARD\",\"utforare\":\"Region Skåne\",\"startdatum\":\"2026-05-01\",\"manadskostnad\":100}]";
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), uppdragTask(), "planposter", otillaten))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Insatser i planen, rad 1: fältet 'Insats' har ett värde som inte finns bland alternativen.");
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), uppdragTask(), "planposter", "[]")).hasMessageContaining("minst en rad");
    // plan ⊆ decision: only KRISSTOD was decided, so the fixture's plan (Kontaktperson, …) is refused naming the service
    assertThatThrownBy(() -> fx.gor(uppdrag.getId(), uppdragTask(), "planposter", PLAN))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Insatser i planen, rad 1: insatsen 'Kontaktperson' ingår inte i hemkommunens beslut om insatser")
        .hasMessageContaining("rad 2: insatsen 'Kriminalitet som livsstil'");
    assertThat(uppdrag).isWaitingAt(uppdragTask());
    assertThat(jdbc.queryForObject("select count(*) from plan_post where arende = ?", Integer.class, ref)).isZero();
    fx.gor(uppdrag.getId(), uppdragTask(), "planposter",
        "[{\"insats\":\"KRISSTOD\",\"utforare\":\"Region Skåne\",\"startdatum\":\"2026-05-01\",\"manadskostnad\":100}]");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_HANDELSE);
  }

  @Test
  void aRefusedCompletionNamesEveryBadFieldAndLeavesTheTaskOpen() {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    String taskId = fx.task(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM).getId();
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, "samradDatum", "2026-13-40", "riskniva", "EXTREM",
        "samradUtfall", "STODJER"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Fältet 'Datum för samrådet' ska vara ett datum")
        .hasMessageContaining("Fältet 'Polisenhet' måste anges.")
        .hasMessageContaining("Fältet 'Kontaktperson hos polisen' måste anges.")
        .hasMessageContaining("Fältet 'Hot- och riskbedömning' har ett värde som inte finns bland alternativen.");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from samrad", Integer.class)).isZero();
  }

  @Test
  void withoutRecordedConsentNothingCrossesAndTheCaseStaysWhereItWas() {
    ProcessInstance pi = tillValAvKommun();
    String ref = fx.referens(pi);
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    jdbc.update("update arende set samtycke = false where referens = ?", ref);
    assertThatThrownBy(() -> fx.polisskydd(pi))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("samtycke till informationsutbyte saknas (§7)");
    assertThat(pi).isWaitingAt(ArendeProcess.TASK_POLISSKYDD);
    assertThat(fx.uppdrag(ref)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from utlamnande where arende = ?", Integer.class, ref)).isZero();
  }

  @Test
  void highThreatNeedsTheRecordedPoliceProtectionBeforeTheRequestAndTheTaskKeepsWhatWasEntered() {
    ProcessInstance pi = tillValAvKommun();
    String ref = fx.referens(pi);
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, with(java.util.Map.of(), samrad("STODJER")).entrySet().stream()
        .map(e -> e.getKey().equals("riskniva") ? java.util.Map.entry("riskniva", (Object) "MEDEL") : e)
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    assertThat(pi).as("the receiving municipality's police assess high").isWaitingAt(ArendeProcess.TASK_POLISSKYDD);
    assertThat(engine.getTaskService().getIdentityLinksForTask(fx.task(pi.getId(), ArendeProcess.TASK_POLISSKYDD).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("stockholm-handlaggare");
    String morgon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
    String taskId = fx.task(pi.getId(), ArendeProcess.TASK_POLISSKYDD).getId();
    assertThatThrownBy(() -> fx.gor(pi.getId(), ArendeProcess.TASK_POLISSKYDD, "polisskyddEnhet", "Bops", "polisskyddDatum", morgon))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'Kontaktperson hos polisen' måste anges")
        .hasMessageContaining("'Datum för samordningen med polisen' kan inte ligga i framtiden")
        .hasMessageContaining("'Polisen leder skyddet och det är samordnat med socialtjänsten' måste kryssas i");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from polisskydd where arende = ?", Integer.class, ref)).isZero();
    assertThat(fx.uppdrag(ref)).isNull();
    fx.polisskydd(pi);
    assertThat(pi).hasPassed(ArendeProcess.TASK_POLISSKYDD).isWaitingAt("EventGateway_Svar");
    assertThat(jdbc.queryForMap("select kontaktperson, datum from polisskydd where arende = ?", ref))
        .containsEntry("KONTAKTPERSON", "Personsäkerhetssamordnare").containsEntry("DATUM", java.sql.Date.valueOf("2026-03-11"));
  }

  @Test
  void withoutHighThreatTheRequestGoesStraightAfterTheConsultations() {
    ProcessInstance pi = tillValAvKommun();
    fx.gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");
    Object[] medel = with(java.util.Map.of(), samrad("STODJER")).entrySet().stream()
        .map(e -> e.getKey().equals("riskniva") ? java.util.Map.entry("riskniva", (Object) "LAG") : e)
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, medel);
    fx.gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, medel);
    assertThat(pi).hasNotPassed(ArendeProcess.TASK_POLISSKYDD).isWaitingAt("EventGateway_Svar");
    assertThat(fx.uppdrag(fx.referens(pi)).getTenantId()).isEqualTo("goteborg");
  }
}
