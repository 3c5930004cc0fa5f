package se.samverkan.avhoppare.support;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A case of one municipality with secrets to protect: a task for that municipality's caseworkers,
 * a variable with a unique value, a unique case reference (business key) and a timer job. Uses
 * the test-only process {@code attack/hemligt.bpmn}, deployed for the municipality's tenant.
 */
public record SecretCase(String kommun, ProcessInstance instance, Task task, String businessKey, String secret) {

  public static SecretCase start(ProcessEngine engine, String kommun) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("attack_hemligt")
        .tenantIdIn(kommun).count() == 0) {
      engine.getRepositoryService().createDeployment().tenantId(kommun)
          .addClasspathResource("attack/hemligt.bpmn").name("attack-test-" + kommun).deploy();
    }
    String secret = "HEMLIGT-" + UUID.randomUUID();
    String businessKey = "AVH-" + kommun.toUpperCase() + "-" + UUID.randomUUID();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey("attack_hemligt")
        .processDefinitionTenantId(kommun).businessKey(businessKey)
        .setVariables(Variables.putValue("hemlig", secret).putValue("kommun", kommun))
        .execute();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return new SecretCase(kommun, instance, task, businessKey, secret);
  }
}
