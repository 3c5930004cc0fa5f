package se.samverkan.avhoppare.formular;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * A process owner adds a task in Modeler that uses an existing form, and deploys it over REST: the
 * task is checked by the server against that form and its rules with no listener in the diagram and
 * no code change. A form the server could not enforce is refused at deployment, in Swedish.
 */
@PostgresIntegrationTest
class ModelerTaskIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  static String diagram(String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" name="Ny process från Modeler" isExecutable="true" camunda:historyTimeToLive="1825">
            <bpmn:startEvent id="StartEvent_Start" name="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Start" targetRef="UserTask_NyUppgift" />
            <bpmn:userTask id="UserTask_NyUppgift" name="Välj fortsättning (ny uppgift)" camunda:formRef="fortsattning"
                camunda:formRefBinding="latest" camunda:candidateGroups="stockholm-handlaggare">
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_NyUppgift" targetRef="EndEvent_Klar" />
            <bpmn:endEvent id="EndEvent_Klar" name="Klar"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key);
  }

  @Test
  void aTaskAddedInModelerWithAnExistingFormIsCheckedByTheServer() throws Exception {
    String owner = TestAccounts.uniqueId("processagare");
    Http processagare = new Http(port).basic(owner, TestAccounts.createUser(engine.getIdentityService(), owner, "processagare"));
    String key = "modeler_" + TestAccounts.uniqueId("p").replace(".", "_");
    HttpResponse<String> deployed = processagare.postMultipart("/engine-rest/deployment/create", "data", key + ".bpmn",
        diagram(key).getBytes(StandardCharsets.UTF_8), "deployment-name", key);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    String caseworker = TestAccounts.uniqueId("handlaggare");
    Http stockholm = new Http(port).basic(caseworker,
        TestAccounts.createUser(engine.getIdentityService(), caseworker, "stockholm-handlaggare"));
    // the administrator lets Stockholm's caseworkers start the new process (as Admin would)
    var grant = engine.getAuthorizationService().createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(caseworker);
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    grant.setResourceId(key);
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(grant);
    ProcessInstance pi;
    engine.getIdentityService().setAuthentication(caseworker, List.of("stockholm-handlaggare"), List.of("stockholm"));
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(key);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    String path = "/engine-rest/task/" + task + "/submit-form";

    HttpResponse<String> bad = stockholm.postJson(path, "{\"variables\":{\"fortsattning\":{\"value\":\"KANSKE\"}}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Fältet 'Fortsättning' har ett värde som inte finns bland alternativen.",
        "Fältet 'Motivering' måste anges.").doesNotContain("Cannot submit");
    HttpResponse<String> tooLong = stockholm.postJson(path, "{\"variables\":{\"fortsattning\":{\"value\":\"AVSLUTA\"},"
        + "\"fortsattningMotivering\":{\"value\":\"" + "m".repeat(2001) + "\"},\"namn\":{\"value\":\"Anna\"}}}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Fältet 'Motivering' får vara högst 2000 tecken.", "Fältet 'namn' finns inte i formuläret");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("refused: the task stays open").isOne();

    HttpResponse<String> ok = stockholm.postJson(path, "{\"variables\":{\"fortsattning\":{\"value\":\"AVSLUTA\"},"
        + "\"fortsattningMotivering\":{\"value\":\"Personen har flyttat\"}}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    // the form's rule ran on the new task: the reason became the routing fact, the free text did not stay a variable
    List<HistoricVariableInstance> vars = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .includeDeleted().list();
    assertThat(vars).filteredOn(v -> v.getName().equals("avslutsorsak")).extracting(HistoricVariableInstance::getValue)
        .containsExactly("Personen har flyttat");
    assertThat(vars).filteredOn(v -> v.getName().equals("fortsattningMotivering")).extracting(HistoricVariableInstance::getState)
        .containsExactly("DELETED");
    assertThat(vars).extracting(HistoricVariableInstance::getName).doesNotContain("namn");
  }

  @Test
  void aFormTheServerCannotEnforceIsRefusedAtDeployment() throws Exception {
    String owner = TestAccounts.uniqueId("processagare");
    Http processagare = new Http(port).basic(owner, TestAccounts.createUser(engine.getIdentityService(), owner, "processagare"));
    String form = "{\"id\":\"prov-" + owner.replace(".", "-") + "\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"A\","
        + "\"conditional\":{\"hide\":\"=matches(b, \\\"x\\\")\"}}]}";
    HttpResponse<String> refused = processagare.postMultipart("/engine-rest/deployment/create", "data", "prov.form",
        form.getBytes(StandardCharsets.UTF_8), "deployment-name", "prov");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Formuläret prov.form kan inte driftsättas").contains("matches");
  }
}
