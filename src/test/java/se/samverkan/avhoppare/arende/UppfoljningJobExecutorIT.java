package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * On PostgreSQL with the job executor running (no test moves the clock or runs jobs here): a first
 * follow-up configured three seconds after implementation starts fires by itself, and the follow-up
 * reaches Stockholm's caseworkers only, the report task Malmö's only, through Camunda's REST API.
 */
@PostgresIntegrationTest
@Tag(PostgresIntegrationTest.OWN_JVM) // its own job-executor settings
@TestPropertySource(properties = {"avhoppare.process.forsta-uppfoljning=PT3S", "camunda.bpm.job-execution.wait-time-in-millis=500",
    "camunda.bpm.job-execution.max-wait=1000"})
class UppfoljningJobExecutorIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theJobExecutorFiresAFollowUpForTheHomeMunicipalitysCaseworkersOnly() throws Exception {
    ArendeFixture fx = new ArendeFixture(engine);
    ProcessInstance pi = fx.tillVerkstallighet("malmo", "2026-02-01", "2027-12-31", "P1M");
    String ref = fx.referens(pi);
    ProcessInstance uppdrag = fx.uppdrag(ref);
    Instant start = Instant.now();
    assertThat(fx.task(pi.getId(), ArendeProcess.TASK_UPPFOLJNING)).as("not before its time").isNull();

    Task uppfoljning = null;
    while (uppfoljning == null && Duration.between(start, Instant.now()).toSeconds() < 60) {
      Thread.sleep(250);
      uppfoljning = fx.task(pi.getId(), ArendeProcess.TASK_UPPFOLJNING);
    }
    assertThat(uppfoljning).as("the follow-up timer fired within a minute").isNotNull();
    System.out.printf("follow-up task appeared %d ms after implementation started (timer due after 3000 ms)%n",
        Duration.between(start, Instant.now()).toMillis());
    assertThat(engine.getTaskService().getIdentityLinksForTask(uppfoljning.getId())).extracting(l -> l.getGroupId())
        .containsExactly("stockholm-handlaggare");
    Task rapport = fx.task(uppdrag.getId(), UppdragProcess.TASK_RAPPORT);
    assertThat(engine.getTaskService().getIdentityLinksForTask(rapport.getId())).extracting(l -> l.getGroupId())
        .containsExactly("malmo-handlaggare");

    String sthlm = TestAccounts.uniqueId("handlaggare");
    Http stockholm = new Http(port).basic(sthlm, TestAccounts.createUser(engine.getIdentityService(), sthlm, "stockholm-handlaggare"));
    String mlm = TestAccounts.uniqueId("handlaggare");
    Http malmo = new Http(port).basic(mlm, TestAccounts.createUser(engine.getIdentityService(), mlm, "malmo-handlaggare"));
    String query = "/engine-rest/task?maxResults=10&candidateGroup=%s&taskDefinitionKey=%s&processInstanceBusinessKey=" + ref;
    assertThat(ids(stockholm, query.formatted("stockholm-handlaggare", ArendeProcess.TASK_UPPFOLJNING))).containsExactly(uppfoljning.getId());
    assertThat(ids(malmo, "/engine-rest/task?maxResults=10&taskDefinitionKey=" + ArendeProcess.TASK_UPPFOLJNING + "&processInstanceBusinessKey=" + ref))
        .isEmpty();
    assertThat(ids(malmo, query.formatted("malmo-handlaggare", UppdragProcess.TASK_RAPPORT))).containsExactly(rapport.getId());
    assertThat(ids(stockholm, "/engine-rest/task?maxResults=10&taskDefinitionKey=" + UppdragProcess.TASK_RAPPORT + "&processInstanceBusinessKey=" + ref))
        .isEmpty();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
    engine.getRuntimeService().deleteProcessInstance(uppdrag.getId(), "test done");
  }

  private static java.util.List<String> ids(Http http, String path) throws Exception {
    var response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode t : JSON.readTree(response.body())) {
      ids.add(t.get("id").asText());
    }
    return ids;
  }
}
