package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * Camunda's REST resources (the engine REST API and Tasklist's engine API) get their Jackson mapper from
 * {@link SharedObjectMapper}, not a new one per request from Camunda's resolver, and answer as before.
 */
@H2IntegrationTest
class SharedObjectMapperTest {

  private static final String QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void tasklistsFilterQueryIsReadWithTheSharedMapper() throws Exception {
    String user = TestAccounts.uniqueId("handlaggare");
    String password = TestAccounts.createUser(identityService, user, "stockholm-handlaggare");
    Http tasklist = new Http(port).webappLogin("tasklist", user, password);
    HttpResponse<String> filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
    Matcher filter = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"Min grupps uppgifter\"").matcher(filters.body());
    assertThat(filter.find()).as(filters.body()).isTrue();

    long before = SharedObjectMapper.served();
    HttpResponse<String> count = tasklist.postJson("/camunda/api/engine/engine/default/filter/" + filter.group(1) + "/count", QUERY);
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(count.body()).matches("\\{\"count\":\\d+\\}");
    assertThat(SharedObjectMapper.served()).as("the filter resource's mapper came from the shared resolver").isGreaterThan(before);
  }

  @Test
  void theEngineRestApiUsesTheSharedMapperAndKeepsItsDateFormat() throws Exception {
    long before = SharedObjectMapper.served();
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    HttpResponse<String> definitions = admin.get("/engine-rest/process-definition?key=arende&latestVersion=true&maxResults=1");
    assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
    HttpResponse<String> deployments = admin.get("/engine-rest/deployment?maxResults=1");
    assertThat(deployments.statusCode()).as(deployments.body()).isEqualTo(200);
    // Camunda's date format, yyyy-MM-dd'T'HH:mm:ss.SSSZ
    assertThat(deployments.body()).containsPattern("\"deploymentTime\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}\"");
    assertThat(SharedObjectMapper.served()).isGreaterThan(before);
  }
}
