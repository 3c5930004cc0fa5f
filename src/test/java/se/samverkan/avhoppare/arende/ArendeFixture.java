package se.samverkan.avhoppare.arende;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives the processes in tests as the people would, through the engine's form service. */
final class ArendeFixture {

  private final ProcessEngine engine;

  ArendeFixture(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Case references restart with the tables: earlier tests' instances must not answer to them. */
  void rensa(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    var running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKeyIn(ArendeProcess.KEY, "uppdrag").list();
    engine.getRuntimeService().deleteProcessInstances(running.stream().map(p -> p.getId()).toList(), "test cleanup", true, true);
    for (String table : new String[] {"polisskydd", "handelse", "uppfoljningsrapport", "uppfoljning", "verkstallighet", "plan_post", "utlamnande",
        "samrad", "uppdragsbeskrivning", "beslut_om_insatser", "uppdrag", "arende"}) {
      jdbc.update("delete from " + table);
    }
  }

  /** A complete, eligible intake (konkret hotbild, consent given) in the 2026 agreement. */
  static Map<String, Object> aktualisering() {
    Map<String, Object> v = new HashMap<>();
    v.put("part", "stockholm-socialnamnden");
    v.put("malgrupp", "AVHOPPARE");
    v.put("kriminelltSammanhang", "KRIMINELL_GRUPP");
    v.put("hotbild", "KONKRET");
    v.put("motiverad", true);
    v.put("ansvarForBarn", false);
    v.put("samtycke", true);
    v.put("samtyckeDatum", "2026-03-01");
    v.put("startdatum", "2026-03-01");
    return v;
  }

  static Map<String, Object> with(Map<String, Object> base, Object... kv) {
    Map<String, Object> v = new HashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    return v;
  }

  /** Starts a case as a caseworker of the given municipality (the tenant comes from the user). */
  ProcessInstance starta(String kommun, Map<String, Object> intake) {
    engine.getIdentityService().setAuthentication("test." + kommun, List.of(kommun + "-handlaggare"), List.of(kommun));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ArendeProcess.KEY)
          .withoutTenantId().latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definition, intake);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(String processInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
  }

  /** Submits a task's form; the task must be waiting. */
  void gor(String processInstanceId, String taskKey, Object... kv) {
    Task task = task(processInstanceId, taskKey);
    if (task == null) {
      throw new AssertionError("no task " + taskKey + " is waiting in " + processInstanceId);
    }
    engine.getFormService().submitTaskForm(task.getId(), with(Map.of(), kv));
  }

  static Object[] samrad(String utfall) {
    return new Object[] {"samradDatum", "2026-03-10", "polisenhet", "Polisregion Stockholm, LPO Järva", "polisKontakt",
        "Kontakt 1", "riskniva", "HOG", "samradUtfall", utfall};
  }

  static final String PLAN = "[{\"insats\":\"KONTAKTPERSON\",\"utforare\":\"Malmö stad, Kontaktpersonsenheten\","
      + "\"startdatum\":\"2026-05-01\",\"manadskostnad\":4500},{\"insats\":\"KRIMINALITET_SOM_LIVSSTIL\","
      + "\"utforare\":\"Malmö stad, Avhopparverksamheten\",\"startdatum\":\"2026-05-15\",\"manadskostnad\":12000.50}]";

  /** A Stockholm case whose assignment in the receiving municipality is agreed and planned: implementation has begun. */
  ProcessInstance tillVerkstallighet(String mottagare, String periodStart, String periodSlut, String intervall) {
    return tillVerkstallighet(starta("stockholm", aktualisering()), mottagare, periodStart, periodSlut, intervall);
  }

  ProcessInstance tillVerkstallighet(ProcessInstance pi, String mottagare, String periodStart, String periodSlut, String intervall) {
    tillForfragan(pi, mottagare);
    ProcessInstance uppdrag = uppdrag(referens(pi));
    gor(uppdrag.getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    tillBeslut(pi, periodStart, periodSlut, intervall);
    gor(uppdrag.getId(), "UserTask_Genomforandeplan", "planposter", PLAN);
    return pi;
  }

  /** From the intake (or the choice after a force majeure) to the request sent to {@code mottagare}. */
  ProcessInstance tillForfragan(ProcessInstance pi, String mottagare) {
    if (task(pi.getId(), ArendeProcess.TASK_TILLHORIGHET) != null) {
      gor(pi.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm");
    }
    gor(pi.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", mottagare);
    if (task(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG) != null) {
      // a database that keeps earlier runs' cases (the local PostgreSQL) may be past the quota
      gor(pi.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "GODKANN", "undantagMotivering", "Test");
    }
    gor(pi.getId(), ArendeProcess.TASK_SAMRAD_HEM, samrad("STODJER"));
    gor(pi.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, samrad("STODJER"));
    polisskydd(pi);
    return pi;
  }

  /** Accepted: the home municipality writes the assignment description and decides on services. */
  void tillBeslut(ProcessInstance pi, String periodStart, String periodSlut, String intervall) {
    gor(pi.getId(), ArendeProcess.TASK_UPPDRAGSBESKRIVNING, "mal", "Etablering och stöd att lämna kriminaliteten",
        "efterfragadeInsatser", "[\"KONTAKTPERSON\",\"KRIMINALITET_SOM_LIVSSTIL\"]", "periodStart", periodStart,
        "periodSlut", periodSlut, "uppfoljningsintervall", intervall, "kontaktHemkommun", "Handläggare A",
        "kontaktMottagandeKommun", "Handläggare B", "boendeOrdnasAvHemkommunen", true);
    gor(pi.getId(), ArendeProcess.TASK_BESLUT, "beslutsdatum", "2026-04-20",
        "beslutadeInsatser", "[\"KONTAKTPERSON\",\"KRIMINALITET_SOM_LIVSSTIL\"]", "beslutsfattare", "Enhetschef X",
        "samradMedMottagandeKommun", true);
  }

  /** High threat (the consultations above say HOG): the police protection step comes before the request. */
  void polisskydd(ProcessInstance pi) {
    gor(pi.getId(), ArendeProcess.TASK_POLISSKYDD, POLISSKYDD);
  }

  static final Object[] POLISSKYDD = {"polisskyddEnhet", "Bops, Polisregion Stockholm", "polisskyddKontakt", "Personsäkerhetssamordnare",
      "polisskyddDatum", "2026-03-11", "polisskyddSamordnat", true};

  ProcessInstance uppdrag(String referens) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("uppdrag").processInstanceBusinessKey(referens)
        .active().singleResult();
  }

  String referens(ProcessInstance pi) {
    return (String) engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey();
  }
}
