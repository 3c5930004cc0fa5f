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

  ProcessInstance uppdrag(String referens) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("uppdrag").processInstanceBusinessKey(referens)
        .active().singleResult();
  }

  String referens(ProcessInstance pi) {
    return (String) engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey();
  }
}
