package se.samverkan.avhoppare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.organisation.Roll;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.TestAccounts;

/** The security baseline of issue 2, through HTTP as a client meets it. */
@H2IntegrationTest
class SecurityBaselineTest {

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="test">
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Test"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  String caseworker;
  String caseworkerPassword;

  @BeforeEach
  void users() {
    caseworker = TestAccounts.uniqueId("handlaggare");
    caseworkerPassword = TestAccounts.createUser(identityService, caseworker, "stockholm-handlaggare");
  }

  @Test
  void developmentDefaultsSendNoHstsAndNoSecureCookiesButKeepTheOtherHeaders() throws Exception {
    HttpResponse<String> page = new Http(port).get("/camunda/app/tasklist/");
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void engineRestWithoutCredentialsAnswers401() throws Exception {
    for (String path : List.of("/engine-rest/task?maxResults=1", "/engine-rest/deployment", "/engine-rest/process-instance",
        "/engine-rest/user", "/engine-rest/history/process-instance", "/engine-rest/engine/default/task")) {
      assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void failedLoginsLockTheAccountForAGrowingDelayOnEverySurface() throws Exception {
    String user = TestAccounts.uniqueId("handlaggare");
    String password = TestAccounts.createUser(identityService, user, "goteborg-handlaggare");
    Date start = new Date();
    try {
      ClockUtil.setCurrentTime(start);
      assertThat(new Http(port).basic(user, "Wrong-password-1").get("/engine-rest/task?maxResults=1").statusCode()).isEqualTo(401);
      // right after a failure even the right password is refused: the account is locked for a while
      assertThat(new Http(port).basic(user, password).get("/engine-rest/task?maxResults=1").statusCode()).isEqualTo(401);
      assertThatThrownBy(() -> new Http(port).webappLogin("tasklist", user, password)).hasMessageContaining("failed");

      ClockUtil.setCurrentTime(new Date(start.getTime() + 5_000));
      assertThat(new Http(port).basic(user, password).get("/engine-rest/task?maxResults=1").statusCode()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void wrongPasswordAnswers401() throws Exception {
    assertThat(new Http(port).basic(caseworker, "Wrong-password-1").get("/engine-rest/task?maxResults=1").statusCode())
        .isEqualTo(401);
  }

  @Test
  void caseworkerDeployingIsForbiddenAndProcessOwnerMayDeploy() throws Exception {
    HttpResponse<String> byCaseworker = deploy(new Http(port).basic(caseworker, caseworkerPassword), "test_caseworker_deploy");
    assertThat(byCaseworker.statusCode()).isEqualTo(403);
    assertThat(byCaseworker.body()).contains("AuthorizationException");

    String owner = TestAccounts.uniqueId("processagare");
    String ownerPassword = TestAccounts.createUser(identityService, owner, Roll.PROCESSAGARE_GRUPP);
    HttpResponse<String> byOwner = deploy(new Http(port).basic(owner, ownerPassword), "test_owner_deploy");
    assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
    assertThat(byOwner.body()).contains("test_owner_deploy");
  }

  private HttpResponse<String> deploy(Http http, String key) throws Exception {
    return http.postMultipart("/engine-rest/deployment/create", "data", key + ".bpmn",
        BPMN.formatted(key).getBytes(StandardCharsets.UTF_8), "deployment-name", key, "deployment-source", "test");
  }

  @Test
  void setupEndpointNeverCreatesAUserEvenWithTheAdminGroupEmptied() throws Exception {
    List<User> members = identityService.createUserQuery().memberOfGroup(Roll.ADMIN_GRUPP).list();
    assertThat(members).isNotEmpty();
    members.forEach(m -> identityService.deleteMembership(m.getId(), Roll.ADMIN_GRUPP));
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(Roll.ADMIN_GRUPP).count()).isZero();
      String body = """
          {"profile":{"id":"intruder","firstName":"I","lastName":"N","email":"i@example.org"},
           "credentials":{"password":"Intruder-Pass-1!"}}""";
      for (String path : List.of("/camunda/api/admin/setup/default/user/create",
          "/camunda/api/admin/setup/default/user/create/", "/camunda//api/admin/setup/default/user/create",
          "/camunda/api/admin/SETUP/default/user/create")) {
        Http anonymous = new Http(port);
        anonymous.get("/camunda/app/admin/default/setup/");
        HttpResponse<String> response = anonymous.postJson(path, body);
        assertThat(response.statusCode()).as(path).isBetween(400, 499);
      }
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
      assertThat(identityService.createUserQuery().memberOfGroup(Roll.ADMIN_GRUPP).count()).isZero();
    } finally {
      members.forEach(m -> identityService.createMembership(m.getId(), Roll.ADMIN_GRUPP));
    }
  }

  @Test
  void expressionsInTaskQueriesAreRefusedOnEngineRest() throws Exception {
    Http http = new Http(port).basic(caseworker, caseworkerPassword);
    assertThat(http.postJson("/engine-rest/task?maxResults=10", "{}").statusCode()).isEqualTo(200);

    assertRefused(http.postJson("/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}"));
    assertRefused(http.postJson("/engine-rest/task/count",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}"));
    assertRefused(http.postJson("/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{1+1}\"}]}"));
    assertRefused(http.postJson("/engine-rest/task?maxResults=10", "{\"assigneeExpression\":\"#{1+1}\"}"));
    assertRefused(http.get("/engine-rest/task?maxResults=10&assigneeExpression=" + Http.enc("${1+1}")));
    assertRefused(http.get("/engine-rest/task?maxResults=10&assigneeExpression=$%257B1%2B1%7D"));
    assertRefused(http.get("/engine-rest/engine/default/task/count?assigneeExpression=" + Http.enc("${1+1}")));
    assertRefused(http.postJson("/engine-rest/task/?maxResults=10",
        "{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}"));
  }

  @Test
  void expressionsInTaskQueriesAreRefusedOnTheWebappApi() throws Exception {
    Http tasklist = new Http(port).webappLogin("tasklist", caseworker, caseworkerPassword);
    String path = "/camunda/api/engine/engine/default/task?maxResults=10";
    assertThat(tasklist.postJson(path, "{}").statusCode()).isEqualTo(200);
    assertRefused(tasklist.postJson(path, "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}"));
    assertRefused(tasklist.get("/camunda/api/engine/engine/default/task/count?assigneeExpression=" + Http.enc("${1}")));
  }

  @Test
  void filtersAcceptOnlyTheDocumentedFunctions() throws Exception {
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    HttpResponse<String> ok = admin.postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Test\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    String id = ok.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    assertRefused(admin.postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Evil\",\"query\":{\"assigneeExpression\":\"${''.getClass()}\"}}"));
    assertRefused(admin.putJson("/engine-rest/filter/" + id,
        "{\"resourceType\":\"Task\",\"name\":\"Test\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}}"));
    assertRefused(admin.postJson("/engine-rest/filter/" + id + "/list?maxResults=5",
        "{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}"));
    assertThat(admin.postJson("/engine-rest/filter/" + id + "/list?maxResults=5", "{}").statusCode()).isEqualTo(200);
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("InvalidRequestException");
  }

  @Test
  void weakPasswordsAreRefusedByThePasswordPolicy() throws Exception {
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    HttpResponse<String> weak = admin.postJson("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"weakling\",\"firstName\":\"W\",\"lastName\":\"L\"},\"credentials\":{\"password\":\"abc\"}}");
    // refused with a Swedish message that says what the policy wants (Admin shows the message)
    assertThat(weak.statusCode()).as(weak.body()).isGreaterThanOrEqualTo(400);
    assertThat(weak.body()).contains("uppfyller inte lösenordspolicyn");
    assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
  }

  @Test
  void unboundedQueriesAreRefused() throws Exception {
    HttpResponse<String> unbounded = new Http(port).basic(caseworker, caseworkerPassword).get("/engine-rest/task");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("'maxResults'");
  }

  @Test
  void theWebappsListsWithoutAPageSizeGetTheLimitInsteadOfAnError() throws Exception {
    // Cockpit's dashboard asks the process definitions without maxResults; the engine would refuse it (400)
    Http tasklist = new Http(port).webappLogin("tasklist", caseworker, caseworkerPassword);
    HttpResponse<String> list = tasklist.get("/camunda/api/engine/engine/default/process-definition?latestVersion=true");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"key\":\"arende\"");
    HttpResponse<String> rest = new Http(port).basic(caseworker, caseworkerPassword).get("/engine-rest/process-definition?latestVersion=true");
    assertThat(rest.statusCode()).as("REST clients still page themselves").isEqualTo(400);
  }

  @Test
  void javaSerializedVariablesAreRefused() throws Exception {
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    String key = "test_serialization";
    String process = BPMN.formatted(key).replace("<bpmn:startEvent id=\"StartEvent_Test\"/>",
        "<bpmn:startEvent id=\"StartEvent_Test\"/><bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_Test\" targetRef=\"Wait\"/>"
            + "<bpmn:receiveTask id=\"Wait\"/>");
    assertThat(admin.postMultipart("/engine-rest/deployment/create", "data", key + ".bpmn",
        process.getBytes(StandardCharsets.UTF_8), "deployment-name", key).statusCode()).isEqualTo(200);
    // users start instances only through a start form (RouteAllowlist); an administrator may still set variables
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
    HttpResponse<String> start = admin.putJson("/engine-rest/process-instance/" + instance + "/variables/x",
        "{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}");
    assertThat(start.statusCode()).as(start.body()).isBetween(400, 499);
    assertThat(start.body()).contains("Javas serialiseringsformat");
    assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("x");
  }

  @Test
  void healthIsPublicButBareAndMetricsNeedAnAdministrator() throws Exception {
    HttpResponse<String> health = new Http(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"").doesNotContain("components", "processEngine", "H2");

    HttpResponse<String> adminHealth = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD)
        .get("/actuator/health");
    assertThat(adminHealth.body()).contains("processEngine", "\"db\"");

    assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(new Http(port).basic(caseworker, caseworkerPassword).get("/actuator/prometheus").statusCode()).isEqualTo(403);
    HttpResponse<String> metrics = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD)
        .get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(new Http(port).get("/actuator/env").statusCode()).isIn(401, 404);
  }
}
