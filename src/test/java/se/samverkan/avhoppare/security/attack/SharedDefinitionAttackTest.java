package se.samverkan.avhoppare.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
 * The process definitions are shared by all municipalities: their statistics and instance lists must
 * still count and show only the user's own municipality's cases, in REST and in Cockpit.
 */
@H2IntegrationTest
class SharedDefinitionAttackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aStockholmCaseChangesNothingMalmosManagerCountsOrSees() throws Exception {
    String malmoChef = TestAccounts.uniqueId("chef");
    String pw = TestAccounts.createUser(engine.getIdentityService(), malmoChef, "malmo-chef");
    Http rest = new Http(port).basic(malmoChef, pw);
    Http cockpit = new Http(port).webappLogin("cockpit", malmoChef, pw);
    String sthlmChef = TestAccounts.uniqueId("chef");
    Http own = new Http(port).basic(sthlmChef, TestAccounts.createUser(engine.getIdentityService(), sthlmChef, "stockholm-chef"));
    List<String> before = malmoView(rest, cockpit);
    int stockholmBefore = instancesIn(own.get("/engine-rest/process-definition/statistics?maxResults=50").body(), "arende");

    ProcessInstance stockholm = ArendeTestCases.startaStockholmsArende(engine);

    assertThat(rest.get("/engine-rest/process-definition/" + stockholm.getProcessDefinitionId()).statusCode())
        .as("the shared definition itself is visible").isEqualTo(200);
    assertThat(malmoView(rest, cockpit)).isEqualTo(before);
    assertThat(rest.get("/engine-rest/process-instance?businessKey=" + stockholm.getBusinessKey() + "&maxResults=10").body())
        .isEqualTo("[]");
    // positive control: Stockholm's manager counts the new case
    assertThat(instancesIn(own.get("/engine-rest/process-definition/statistics?maxResults=50").body(), "arende"))
        .isEqualTo(stockholmBefore + 1);
  }

  /** Everything Malmö's manager can count of the shared process, through REST and Cockpit. */
  private List<String> malmoView(Http rest, Http cockpit) throws Exception {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("arende")
        .withoutTenantId().latestVersion().singleResult().getId();
    return List.of(
        "stats " + instancesIn(rest.get("/engine-rest/process-definition/statistics?maxResults=50").body(), "arende"),
        "activity-stats " + rest.get("/engine-rest/process-definition/" + definition + "/statistics").body(),
        "count " + rest.get("/engine-rest/process-instance/count?processDefinitionKey=arende").body(),
        "history " + rest.get("/engine-rest/history/process-instance/count?processDefinitionKey=arende").body(),
        "tasks " + rest.get("/engine-rest/task/count?processDefinitionKey=arende").body(),
        "cockpit-stats " + instancesIn(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
            + "?maxResults=50").body(), "arende"),
        "cockpit-count " + cockpit.postJson("/camunda/api/cockpit/plugin/base/default/process-instance/count",
            "{\"processDefinitionId\":\"" + definition + "\"}").body());
  }

  private static int instancesIn(String statistics, String key) throws Exception {
    int sum = 0;
    for (JsonNode row : JSON.readTree(statistics)) {
      JsonNode definition = row.has("definition") ? row.get("definition") : row;
      if (key.equals(definition.path("key").asText())) {
        sum += row.path("instances").asInt();
      }
    }
    return sum;
  }
}
