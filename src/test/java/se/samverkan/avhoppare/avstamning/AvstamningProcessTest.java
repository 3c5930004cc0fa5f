package se.samverkan.avhoppare.avstamning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;

/**
 * §8 reconciliation through the engine: started by a manager or by the half-year timer, confirmed by
 * both municipalities' managers, disputed and corrected, and stored. Costs come from plan rows and
 * the receiving municipality's assignment records, as the implementation phase writes them.
 */
@H2IntegrationTest
class AvstamningProcessTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void clean() {
    init(engine);
    var running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AvstamningProcess.KEY).list();
    engine.getRuntimeService().deleteProcessInstances(running.stream().map(p -> p.getId()).toList(), "test cleanup", true, true);
    for (String t : new String[] {"avstamning", "avstamning_omgang", "plan_post", "uppdrag"}) {
      jdbc.update("delete from " + t);
    }
    klocka(ZonedDateTime.of(2026, 7, 5, 10, 0, 0, 0, ZONE));
  }

  @AfterEach
  void resetClockAndTables() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    var running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AvstamningProcess.KEY).list();
    engine.getRuntimeService().deleteProcessInstances(running.stream().map(p -> p.getId()).toList(), "test cleanup", true, true);
    for (String t : new String[] {"avstamning", "avstamning_omgang", "plan_post", "uppdrag"}) {
      jdbc.update("delete from " + t);
    }
  }

  static void klocka(ZonedDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  /** A receiving municipality's assignment with one plan row; ended at {@code avslutad} if given. */
  void plan(String arende, String hem, String mottagande, String manadskostnad, String start, OffsetDateTime avslutad) {
    jdbc.update("insert into uppdrag (arende, mottagande_kommun, hemkommun, status, skapad, avslutad) values (?, ?, ?, ?, ?, ?)", arende,
        mottagande, hem, avslutad == null ? "VERKSTALLIGHET" : "AVSLUTAT", OffsetDateTime.now(), avslutad);
    jdbc.update("insert into plan_post (arende, mottagande_kommun, insats, utforare, startdatum, manadskostnad, registrerad) "
        + "values (?, ?, 'KONTAKTPERSON', 'Enheten', ?, ?, ?)", arende, mottagande, LocalDate.parse(start), new BigDecimal(manadskostnad),
        OffsetDateTime.now());
  }

  ProcessInstance begar(String kommun, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication("chef." + kommun, List.of(kommun + "-chef"), List.of(kommun));
    try {
      String def = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(AvstamningProcess.KEY)
          .latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(def, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Map<String, Object> begaran(String motpart, String start, String slut) {
    Map<String, Object> v = new HashMap<>();
    v.put("avtalsversion", "avtal-2026");
    v.put("motpart", motpart);
    v.put("periodStart", start);
    v.put("periodSlut", slut);
    return v;
  }

  Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  List<String> grupper(Task t) {
    return engine.getTaskService().getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId()).filter(g -> g != null).sorted()
        .toList();
  }

  void svara(ProcessInstance pi, String key, String kommun, Object... kv) {
    Task t = task(pi, key);
    assertThat(t).as("task " + key + " waits").isNotNull();
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    engine.getIdentityService().setAuthentication("chef." + kommun, List.of(kommun + "-chef"), List.of(kommun));
    try {
      engine.getFormService().submitTaskForm(t.getId(), v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Map<String, Object> faststalld(ProcessInstance pi) {
    return jdbc.queryForMap("select * from avstamning where process_instans = ?", pi.getId());
  }

  @Test
  void aManagerAsksBothConfirmAndTheResultIsStored() {
    // Malmö received a Stockholm case: 4 500 a month from 1 January; Stockholm received a Malmö case
    // at 1 500 a month from 1 April (3 months). Malmö 27 000, Stockholm 4 500: equalisation 11 250.
    plan("AVH-2026-0001", "stockholm", "malmo", "4500", "2026-01-01", null);
    plan("AVH-2026-0002", "malmo", "stockholm", "1500", "2026-04-01", null);
    plan("AVH-2026-0003", "goteborg", "stockholm", "9999", "2026-01-01", null);
    ProcessInstance pi = begar("stockholm", begaran("malmo", "2026-01-01", "2026-06-30"));

    assertThat(pi).isWaitingAt(AvstamningProcess.TASK_BEKRAFTA_A, AvstamningProcess.TASK_BEKRAFTA_B);
    assertThat(pi).hasPassed("StartEvent_AvstamningBegard", "ServiceTask_BeraknaKostnadsutfall");
    Task a = task(pi, AvstamningProcess.TASK_BEKRAFTA_A);
    Task b = task(pi, AvstamningProcess.TASK_BEKRAFTA_B);
    assertThat(grupper(a)).containsExactly("malmo-chef");
    assertThat(grupper(b)).containsExactly("stockholm-chef");
    assertThat(a.getTenantId()).isNull();
    String sammanfattning = (String) engine.getRuntimeService().getVariable(pi.getId(), "sammanfattning");
    assertThat(sammanfattning).contains("Malmö har burit 27", "Stockholm har burit 4", "Stockholm betalar 11", "till Malmö")
        .doesNotContain("AVH-");
    assertThat(engine.getRuntimeService().getVariables(pi.getId()).values().toString()).doesNotContain("AVH-");

    svara(pi, AvstamningProcess.TASK_BEKRAFTA_A, "malmo", "svar", "BEKRAFTAR");
    assertThat(pi).isWaitingAt(AvstamningProcess.TASK_BEKRAFTA_B);
    svara(pi, AvstamningProcess.TASK_BEKRAFTA_B, "stockholm", "svar", "BEKRAFTAR", "kommentar", "Stämmer med vår redovisning");

    assertThat(pi).isEnded().hasPassed("ServiceTask_FaststallAvstamning", "EndEvent_AvstamningFaststalld");
    Map<String, Object> r = faststalld(pi);
    assertThat((BigDecimal) r.get("kostnad_a")).isEqualByComparingTo("27000.00");
    assertThat((BigDecimal) r.get("kostnad_b")).isEqualByComparingTo("4500.00");
    assertThat((BigDecimal) r.get("utjamning")).isEqualByComparingTo("11250.00");
    assertThat(r.get("betalare")).isEqualTo("stockholm");
    assertThat(r.get("mottagare")).isEqualTo("malmo");
    assertThat(r.get("bekraftad_av_a")).isEqualTo("chef.malmo");
    assertThat(r.get("bekraftad_av_b")).isEqualTo("chef.stockholm");
    assertThat(r.get("omgangar")).isEqualTo(1);
  }

  @Test
  void aDisputeGoesBackForCorrectionAndIsCheckedAgain() {
    // Göteborg received a Stockholm case (10 000 a month) that ended at midnight starting 1 April:
    // January–March = 30 000; Stockholm bore nothing.
    plan("AVH-2026-0010", "stockholm", "goteborg", "10000", "2026-01-01", ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZONE).toOffsetDateTime());
    ProcessInstance pi = begar("goteborg", begaran("stockholm", "2026-01-01", "2026-06-30"));

    // a dispute without a comment is refused and the task stays open
    assertThatThrownBy(() -> svara(pi, AvstamningProcess.TASK_BEKRAFTA_B, "stockholm", "svar", "BESTRIDER"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Fältet 'Kommentar (krävs om ni bestrider)' måste anges");
    assertThat(task(pi, AvstamningProcess.TASK_BEKRAFTA_B)).isNotNull();
    svara(pi, AvstamningProcess.TASK_BEKRAFTA_B, "stockholm", "svar", "BESTRIDER", "kommentar", "Vi betalade själva 6 000 för insatsen i mars");
    svara(pi, AvstamningProcess.TASK_BEKRAFTA_A, "goteborg", "svar", "BEKRAFTAR");

    assertThat(pi).isWaitingAt(AvstamningProcess.TASK_KORRIGERA).hasPassed("Gateway_Bekraftad");
    assertThat(grupper(task(pi, AvstamningProcess.TASK_KORRIGERA))).containsExactly("goteborg-chef", "stockholm-chef");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "kommentarB")).isEqualTo("Vi betalade själva 6 000 för insatsen i mars");

    // a correction needs a reason and amounts
    assertThatThrownBy(() -> svara(pi, AvstamningProcess.TASK_KORRIGERA, "stockholm", "justeringA", -6000, "justeringB", "abc"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("burit (kr, + eller −)' ska vara ett tal").hasMessageContaining("Fältet 'Motivering till korrigeringen' måste anges");
    assertThatThrownBy(() -> svara(pi, AvstamningProcess.TASK_KORRIGERA, "stockholm", "justeringA", 100000000, "justeringB", 0,
        "korrigeringMotivering", "För stort"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("ska vara ett belopp i kronor med högst två decimaler");
    svara(pi, AvstamningProcess.TASK_KORRIGERA, "stockholm", "justeringA", -6000, "justeringB", 6000, "korrigeringMotivering",
        "Mars betalades av Stockholm");

    // round 2: Göteborg 24 000, Stockholm 6 000 → deviation 9 000, past 10 % of 30 000 and 5 000
    assertThat(pi).isWaitingAt(AvstamningProcess.TASK_BEKRAFTA_A, AvstamningProcess.TASK_BEKRAFTA_B);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "omgang")).isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "justeringAKontrollerad")).as("handed over transiently").isNull();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "justeringA")).isEqualTo(-6000.0);
    svara(pi, AvstamningProcess.TASK_BEKRAFTA_A, "goteborg", "svar", "BEKRAFTAR");
    svara(pi, AvstamningProcess.TASK_BEKRAFTA_B, "stockholm", "svar", "BEKRAFTAR");

    assertThat(pi).isEnded().hasPassed("UserTask_KorrigeraUnderlag", "EndEvent_AvstamningFaststalld");
    Map<String, Object> r = faststalld(pi);
    assertThat((BigDecimal) r.get("kostnad_a")).isEqualByComparingTo("24000.00");
    assertThat((BigDecimal) r.get("kostnad_b")).isEqualByComparingTo("6000.00");
    assertThat((BigDecimal) r.get("utjamning")).isEqualByComparingTo("9000.00");
    assertThat(r.get("betalare")).isEqualTo("stockholm");
    assertThat(r.get("omgangar")).isEqualTo(2);
    Map<String, Object> forsta = jdbc.queryForMap("select * from avstamning_omgang where process_instans = ? and omgang = 1", pi.getId());
    assertThat(forsta.get("svar_b")).isEqualTo("BESTRIDER");
    assertThat(forsta.get("besvarad_av_b")).isEqualTo("chef.stockholm");
    Map<String, Object> andra = jdbc.queryForMap("select * from avstamning_omgang where process_instans = ? and omgang = 2", pi.getId());
    assertThat(andra.get("korrigerad_av")).isEqualTo("chef.stockholm");
    assertThat(andra.get("korrigering")).isEqualTo("Mars betalades av Stockholm");
  }

  @Test
  void theRequestIsCheckedOnTheServer() {
    assertThatThrownBy(() -> begar("malmo", begaran("malmo", "2026-01-01", "2026-06-30")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Fältet 'Motpart'");
    assertThatThrownBy(() -> begar("malmo", begaran("goteborg", "2026-06-01", "2026-07-31")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("kan inte ligga i framtiden");
    assertThatThrownBy(() -> begar("malmo", begaran("goteborg", "2025-12-01", "2026-01-31")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Perioden måste ligga inom Samverkansavtal 2026–2027");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AvstamningProcess.KEY).count()).isZero();
  }

  @Test
  void theHalfYearTimerStartsOneReconciliationPerPairThatBoreCostsAndNoSecond() {
    plan("AVH-2026-0020", "stockholm", "malmo", "3000", "2026-02-01", null);
    plan("AVH-2026-0021", "malmo", "goteborg", "2000", "2026-08-01", null);
    klocka(ZonedDateTime.of(2026, 7, 1, 3, 0, 0, 0, ZONE));
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(AvstamningProcess.KONTROLL_KEY).timers().singleResult();
    assertThat(timer).as("the monthly check is scheduled").isNotNull();
    engine.getManagementService().executeJob(timer.getId());

    List<ProcessInstance> startade = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AvstamningProcess.KEY)
        .active().list();
    assertThat(startade).hasSize(1);
    ProcessInstance pi = startade.get(0);
    assertThat(pi).hasPassed("StartEvent_HalvarAvslutat").isWaitingAt(AvstamningProcess.TASK_BEKRAFTA_A, AvstamningProcess.TASK_BEKRAFTA_B);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "periodSlut")).isEqualTo("2026-06-30");
    assertThat(grupper(task(pi, AvstamningProcess.TASK_BEKRAFTA_A))).containsExactly("malmo-chef");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_HalvarKontrollerade").count())
        .isPositive();

    // the next month's check finds the half-year handled
    Job nasta = engine.getManagementService().createJobQuery().processDefinitionKey(AvstamningProcess.KONTROLL_KEY).timers().singleResult();
    klocka(ZonedDateTime.of(2026, 8, 1, 3, 0, 0, 0, ZONE));
    engine.getManagementService().executeJob(nasta.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AvstamningProcess.KEY).active().count())
        .isEqualTo(1);
  }
}
