package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * §11: a manager records a party's written notice of the whole agreement. The version ends for that
 * municipality three months after receipt: a running assignment's version-end timer moves there and
 * the existing decision follows; no new assignment goes to or from it afterwards.
 */
@H2IntegrationTest
class AvtalsuppsagningProcessTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  ArendeFixture fx;

  @BeforeEach
  void clean() {
    init(engine);
    fx = new ArendeFixture(engine);
    fx.rensa(jdbc);
    var running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("avtalsuppsagning").list();
    engine.getRuntimeService().deleteProcessInstances(running.stream().map(p -> p.getId()).toList(), "test cleanup", true, true);
    jdbc.update("delete from avtalsuppsagning");
    klocka(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZONE));
  }

  /** A notice left behind would move every later test's version end (the tests share one database). */
  @AfterEach
  void resetClockAndNotices() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    jdbc.update("delete from avtalsuppsagning");
  }

  static void klocka(ZonedDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  ProcessInstance registrera(String chefI, String kommun, String mottagen) {
    Map<String, Object> v = new HashMap<>();
    v.put("avtalsversion", "avtal-2026");
    v.put("uppsagandeKommun", kommun);
    v.put("skickadDatum", mottagen);
    v.put("mottagenDatum", mottagen);
    v.put("uppsagningKommentar", "Nämndbeslut om uppsägning");
    engine.getIdentityService().setAuthentication("chef." + chefI, List.of(chefI + "-chef"), List.of(chefI));
    try {
      String def = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("avtalsuppsagning").latestVersion()
          .singleResult().getId();
      return engine.getFormService().submitStartForm(def, v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void korJobb(ProcessInstance pi) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  Date avtalsslutTimer(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("CatchEvent_Avtalsslut").singleResult()
        .getDuedate();
  }

  @Test
  void aNoticeMovesTheRunningAssignmentsVersionEndAndTheExistingDecisionFollows() {
    ProcessInstance pi = fx.tillVerkstallighet("malmo", "2026-06-01", "2027-05-31", "P1M");
    String ref = fx.referens(pi);
    ProcessInstance uppdrag = fx.uppdrag(ref);
    assertThat(avtalsslutTimer(pi)).isEqualTo(Date.from(ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, ZONE).toInstant()));

    klocka(ZonedDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZONE));
    ProcessInstance notice = registrera("stockholm", "malmo", "2026-06-10");
    assertThat(notice).isWaitingAt("ServiceTask_FlyttaAvtalsslut");
    assertThat(jdbc.queryForObject("select sista_dag from avtalsuppsagning where kommun = 'malmo'", LocalDate.class))
        .isEqualTo(LocalDate.of(2026, 9, 10));
    korJobb(notice);
    assertThat(notice).isEnded().hasPassed("EndEvent_UppsagningRegistrerad");

    assertThat(avtalsslutTimer(pi)).as("the end of 10 September, Stockholm time")
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 9, 11, 0, 0, 0, 0, ZONE).toInstant()));
    assertThat(jdbc.queryForObject("select avtalsversion_slut from verkstallighet where arende = ?", LocalDate.class, ref))
        .isEqualTo(LocalDate.of(2026, 9, 10));

    klocka(ZonedDateTime.of(2026, 9, 11, 0, 0, 1, 0, ZONE));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("CatchEvent_Avtalsslut").singleResult().getId());
    assertThat(fx.task(pi.getId(), ArendeProcess.TASK_BESLUT_AVTALSSLUT)).isNotNull();
    assertThat(fx.task(uppdrag.getId(), UppdragProcess.TASK_BESLUT_AVTALSSLUT)).isNotNull();
  }

  @Test
  void afterTheNoticeRunsOutNoNewAssignmentGoesToOrFromThatMunicipality() {
    klocka(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZONE));
    korJobb(registrera("goteborg", "malmo", "2026-03-02"));

    // before the end (2 June) a choice of Malmö is still allowed
    klocka(ZonedDateTime.of(2026, 6, 2, 12, 0, 0, 0, ZONE));
    ProcessInstance fore = fx.starta("stockholm", ArendeFixture.aktualisering());
    fx.gor(fore.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm");
    fx.gor(fore.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo");
    assertThat(fore).hasPassed(ArendeProcess.TASK_VALJ_KOMMUN);

    klocka(ZonedDateTime.of(2026, 6, 3, 8, 0, 0, 0, ZONE));
    ProcessInstance efter = fx.starta("stockholm", ArendeFixture.aktualisering());
    fx.gor(efter.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm");
    assertThatThrownBy(() -> fx.gor(efter.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "malmo"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Malmö har sagt upp avtalet (uppsägningen mottogs 2026-03-02)")
        .hasMessageContaining("till och med 2026-06-02").hasMessageContaining("Inga nya uppdrag kan lämnas till eller från Malmö");
    assertThat(fx.task(efter.getId(), ArendeProcess.TASK_VALJ_KOMMUN)).as("the task stays open").isNotNull();
    fx.gor(efter.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");
    assertThat(efter).hasPassed(ArendeProcess.TASK_VALJ_KOMMUN);

    // the request chosen before the end cannot be accepted by Malmö after it
    if (fx.task(fore.getId(), ArendeProcess.TASK_KVOTUNDANTAG) != null) {
      fx.gor(fore.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "GODKANN", "undantagMotivering", "Test");
    }
    fx.gor(fore.getId(), ArendeProcess.TASK_SAMRAD_HEM, ArendeFixture.samrad("STODJER"));
    fx.gor(fore.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, ArendeFixture.samrad("STODJER"));
    fx.polisskydd(fore); // high threat (the consultations say HOG): the police protection step first
    ProcessInstance forfragan = fx.uppdrag(fx.referens(fore));
    assertThatThrownBy(() -> fx.gor(forfragan.getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Malmö har sagt upp avtalet");
    fx.gor(forfragan.getId(), "UserTask_BesvaraForfragan", "svar", "AVBOJER", "svarMotivering", "Avtalet har upphört för Malmö");
  }

  @Test
  void theNoticeIsCheckedOnTheServer() {
    klocka(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZONE));
    assertThatThrownBy(() -> registrera("goteborg", "malmo", "2026-03-05")).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("kan inte ligga i framtiden");
    korJobb(registrera("goteborg", "malmo", "2026-03-01"));
    assertThatThrownBy(() -> registrera("stockholm", "malmo", "2026-03-02")).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Malmö har redan sagt upp Samverkansavtal 2026–2027");
    // a caseworker cannot start it at all
    String def = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("avtalsuppsagning").latestVersion()
        .singleResult().getId();
    engine.getIdentityService().setAuthentication("handlaggare.malmo", List.of("malmo-handlaggare"), List.of("malmo"));
    try {
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("avtalsuppsagning").count())
          .as("not even visible to a caseworker").isZero();
      assertThatThrownBy(() -> engine.getFormService().submitStartForm(def, Map.of("avtalsversion", "avtal-2026")))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
