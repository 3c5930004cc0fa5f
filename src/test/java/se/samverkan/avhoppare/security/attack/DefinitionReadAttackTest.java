package se.samverkan.avhoppare.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.arende.ArendeTestCases;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * Caseworkers read both shared process definitions, so Tasklist shows the name and diagram of the
 * process a task belongs to (the receiving side's tasks belong to {@code uppdrag}); reading the
 * definition gives nothing of any instance: another municipality's case and assignment stay
 * invisible through REST.
 */
@H2IntegrationTest
class DefinitionReadAttackTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aMalmoCaseworkerReadsTheUppdragDiagramButNoInstanceOfAnotherMunicipality() throws Exception {
    String malmo = TestAccounts.uniqueId("handlaggare");
    Http rest = new Http(port).basic(malmo, TestAccounts.createUser(engine.getIdentityService(), malmo, "malmo-handlaggare"));
    // Stockholm's case, handed to Göteborg: an arende instance (tenant stockholm) and an uppdrag instance (tenant goteborg)
    ProcessInstance arende = ArendeTestCases.accepteratStockholmsArende(engine, "goteborg");
    ProcessInstance uppdrag = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("uppdrag")
        .processInstanceBusinessKey(arende.getBusinessKey()).singleResult();
    assertThat(uppdrag.getTenantId()).isEqualTo("goteborg");

    // the definitions, and their diagrams, are readable
    for (String key : new String[] {"uppdrag", "arende"}) {
      var definition = rest.get("/engine-rest/process-definition/key/" + key);
      assertThat(definition.statusCode()).as("definition " + key).isEqualTo(200);
      assertThat(definition.body()).contains("\"key\":\"" + key + "\"");
      var xml = rest.get("/engine-rest/process-definition/key/" + key + "/xml");
      assertThat(xml.statusCode()).as("diagram of " + key).isEqualTo(200);
      assertThat(xml.body()).contains("bpmn:process id=\\\"" + key + "\\\"");
    }

    // nothing of the instances
    for (ProcessInstance instance : new ProcessInstance[] {arende, uppdrag}) {
      assertThat(rest.get("/engine-rest/process-instance/" + instance.getId()).statusCode()).as(instance.getProcessDefinitionId())
          .isIn(403, 404);
      assertThat(rest.get("/engine-rest/process-instance/" + instance.getId() + "/variables").statusCode()).isIn(403, 404);
      assertThat(rest.get("/engine-rest/history/process-instance/" + instance.getId()).statusCode()).isIn(403, 404);
    }
    assertThat(rest.get("/engine-rest/process-instance?businessKey=" + arende.getBusinessKey() + "&maxResults=10").body())
        .isEqualTo("[]");
    assertThat(rest.get("/engine-rest/process-instance/count?processDefinitionKey=uppdrag").body()).isEqualTo("{\"count\":0}");
    assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + arende.getBusinessKey() + "&maxResults=10").body())
        .isEqualTo("[]");
    assertThat(rest.get("/engine-rest/variable-instance?processInstanceIdIn=" + uppdrag.getId() + "&maxResults=10").body())
        .isEqualTo("[]");
  }
}
