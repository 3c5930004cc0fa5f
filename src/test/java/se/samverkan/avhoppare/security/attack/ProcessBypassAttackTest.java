package se.samverkan.avhoppare.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.SecretCase;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * No way round the process: Malmö's own caseworker and manager (who may work the case's task) and
 * Stockholm's try every route of {@link Attacks#BYPASS} on the engine REST API and the webapps' API. Each
 * is refused with 403 and the Swedish message, logged in the access log, and afterwards no instance was
 * started, the variable is unchanged and the task is still open. Even the administrator cannot send a
 * message or start the receiving process. Positive controls: the same people's form submissions still work.
 */
@H2IntegrationTest
class ProcessBypassAttackTest {

  static final String ENGINE_REST = CrossMunicipalityAttackTest.ENGINE_REST;
  static final String WEBAPP_ENGINE = CrossMunicipalityAttackTest.WEBAPP_ENGINE;
  private static int attempts;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  SecretCase malmo;
  Map<String, String[]> users = new LinkedHashMap<>();

  @BeforeEach
  void aMalmoCaseAndFourUsers() {
    malmo = SecretCase.start(engine, "malmo");
    for (String group : List.of("malmo-handlaggare", "malmo-chef", "stockholm-handlaggare", "stockholm-chef")) {
      String id = TestAccounts.uniqueId(group.substring(group.indexOf('-') + 1));
      users.put(group, new String[] {id, TestAccounts.createUser(engine.getIdentityService(), id, group)});
    }
  }

  @Test
  void everyRouteRoundTheProcessIsRefusedOnTheEngineRestApi() throws Exception {
    for (Map.Entry<String, String[]> user : users.entrySet()) {
      attack(new Http(port).basic(user.getValue()[0], user.getValue()[1]), user.getKey(), ENGINE_REST);
    }
  }

  @Test
  void everyRouteRoundTheProcessIsRefusedOnTheWebappApi() throws Exception {
    for (Map.Entry<String, String[]> user : users.entrySet()) {
      String app = user.getKey().endsWith("-chef") ? "cockpit" : "tasklist";
      attack(new Http(port).webappLogin(app, user.getValue()[0], user.getValue()[1]), user.getKey(), WEBAPP_ENGINE);
    }
  }

  @Test
  void notEvenTheAdministratorSendsMessagesOrStartsTheReceivingProcess() throws Exception {
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    List<String> serviceOnly = Attacks.BYPASS.stream()
        .filter(line -> line.contains("/message") || line.contains("/signal") || line.contains("/condition")
            || line.contains("messageSubscriptions") || line.contains("/start ") || line.contains("/restart ")
            || line.contains("/submit-form"))
        .toList();
    assertThat(serviceOnly).hasSizeGreaterThan(15);
    attack(admin, "camunda-admin", ENGINE_REST, serviceOnly.stream().map(Attack::parse).toList());
    // positive control: an administrator still repairs a case (here: sets a variable)
    HttpResponse<String> repair = admin.putJson(ENGINE_REST + "/process-instance/" + malmo.instance().getId() + "/variables/reparerad",
        "{\"value\":\"ja\",\"type\":\"String\"}");
    assertThat(repair.statusCode()).as(repair.body()).isEqualTo(204);
  }

  /** The same routes disguised (path parameters, dot segments, encoding, case): refused by someone, nothing changes. */
  static final List<String> DISGUISED = List.of(
      "POST /message;x=1 {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "POST /task/{task}/complete;x=1 {\"variables\":{}}",
      "POST /task/{task};x=1/complete {\"variables\":{}}",
      "POST /task/{task}/submit-form/../complete {\"variables\":{}}",
      "POST /task/{task}/submit-form/..;/complete {\"variables\":{}}",
      "POST /task/{task}/./complete {\"variables\":{}}",
      "POST /task/{task}/%63omplete {\"variables\":{}}",
      "POST /task/{task}/submit-form%2F..%2Fcomplete {\"variables\":{}}",
      "POST /MESSAGE {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "POST /task/{task}/Complete {\"variables\":{}}",
      "POST /%6Dessage {\"messageName\":\"TestMeddelande\",\"businessKey\":\"{bk}\"}",
      "PUT /process-instance/{pi}/variables/hemlig;a=b {\"value\":\"ändrat\",\"type\":\"String\"}");

  @Test
  void disguisedRoutesAreRefusedToo() throws Exception {
    String[] caseworker = users.get("malmo-handlaggare");
    Http http = new Http(port).basic(caseworker[0], caseworker[1]);
    long historic = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    List<String> outcomes = new ArrayList<>();
    for (String line : DISGUISED) {
      Attack attack = Attack.parse(line).resolve(values());
      HttpResponse<String> response = send(http, ENGINE_REST, attack);
      attempts++;
      outcomes.add(response.statusCode() + " " + attack.method() + " " + attack.path().replace(malmo.task().getId(), "{task}"));
      assertThat(response.statusCode()).as(attack + " " + response.body()).isBetween(400, 499);
    }
    System.out.println("Disguised routes: " + outcomes);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(historic);
    assertThat(engine.getTaskService().createTaskQuery().taskId(malmo.task().getId()).count()).as("task still open").isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(malmo.instance().getId(), "hemlig")).isEqualTo(malmo.secret());
  }

  /** Without the route allowlist, the engine itself refuses a user's message start of a case; the service's works. */
  @Test
  void theEngineRefusesAUsersMessageStartWhateverTheRoute() {
    var identity = engine.getIdentityService();
    var history = engine.getHistoryService();
    String referens = "AVH-FORFALSKAT-" + System.nanoTime();
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count();
    identity.setAuthentication("handlaggare.x", List.of("malmo-handlaggare"), List.of("malmo"));
    try {
      assertThatThrownBy(() -> overlamna(referens)).hasStackTraceContaining("skickas bara av tjänsten själv");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count()).isEqualTo(before);
    // positive control: the service (no user) starts the handed-over case
    var started = overlamna(referens);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count()).isEqualTo(before + 1);
    engine.getRuntimeService().deleteProcessInstance(started.getId(), "test");
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance overlamna(String referens) {
    return engine.getRuntimeService().createMessageCorrelation("ArendeOverlamnat")
        .setVariables(Variables.putValue("hemkommun", "malmo").putValue("overlamnatFran", referens))
        .withoutTenantId().correlateStartMessage();
  }

  /** The allowlist lets the people work: a start form, a task's form, a claim. */
  @Test
  void positiveControlsTheProcessItselfStillWorks() throws Exception {
    // a manager retries a failed job in Cockpit
    String[] manager = users.get("malmo-chef");
    String job = engine.getManagementService().createJobQuery().processInstanceId(malmo.instance().getId()).singleResult().getId();
    HttpResponse<String> retry = new Http(port).webappLogin("cockpit", manager[0], manager[1])
        .putJson(WEBAPP_ENGINE + "/job/" + job + "/retries", "{\"retries\":1}");
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
    assertThat(engine.getManagementService().createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(1);

    String[] caseworker = users.get("malmo-handlaggare");
    Http rest = new Http(port).basic(caseworker[0], caseworker[1]);
    Task task = malmo.task();
    // the test process's definition, like arende's, readable by the municipality's caseworkers
    var authorizations = engine.getAuthorizationService();
    var read = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("malmo-handlaggare");
    read.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    read.setResourceId("attack_hemligt");
    read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    String grant = authorizations.saveAuthorization(read).getId();
    try {
      assertThat(rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/claim", "{\"userId\":\"" + caseworker[0] + "\"}").statusCode())
          .isEqualTo(204);
      HttpResponse<String> submitted = rest.postJson(ENGINE_REST + "/task/" + task.getId() + "/submit-form", "{\"variables\":{}}");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    } finally {
      authorizations.deleteAuthorization(grant);
    }

    String[] sthlm = users.get("stockholm-handlaggare");
    HttpResponse<String> start = new Http(port).webappLogin("tasklist", sthlm[0], sthlm[1])
        .postJson(WEBAPP_ENGINE + "/process-definition/key/arende/submit-form", "{\"variables\":{}}");
    assertThat(start.statusCode()).as("the start form is reached (and refuses the empty form): " + start.body()).isEqualTo(400);
    assertThat(start.body()).contains("Fältet");
  }

  private void attack(Http http, String who, String root) throws Exception {
    attack(http, who, root, Attacks.bypass());
  }

  private void attack(Http http, String who, String root, List<Attack> attacks) throws Exception {
    Map<String, String> values = values();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    long historic = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    long tasks = engine.getTaskService().createTaskQuery().count();
    List<String> failures = new ArrayList<>();
    for (Attack template : attacks) {
      Attack attack = template.resolve(values);
      HttpResponse<String> response = send(http, root, attack);
      attempts++;
      if (response.statusCode() != 403 || !response.body().contains("Anropet är inte tillåtet")) {
        failures.add(who + " " + root + " " + attack + " -> " + response.statusCode() + " "
            + response.body().substring(0, Math.min(300, response.body().length())));
      }
    }
    assertThat(failures).as("routes round the process that were not refused").isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("no instance started").isEqualTo(instances);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).as("none even briefly").isEqualTo(historic);
    assertThat(engine.getTaskService().createTaskQuery().count()).as("no task created or completed").isEqualTo(tasks);
    assertThat(engine.getTaskService().createTaskQuery().taskId(malmo.task().getId()).singleResult()).as("task still open")
        .satisfies(t -> {
          assertThat(t.getName()).isEqualTo("Hemlig uppgift");
          assertThat(t.getDueDate()).isNull();
        });
    assertThat(engine.getRuntimeService().getVariable(malmo.instance().getId(), "hemlig")).isEqualTo(malmo.secret());
    assertThat(engine.getTaskService().getVariablesLocal(malmo.task().getId())).isEmpty();
    // every refusal is in the access log, with its status
    String user = who.equals("camunda-admin") ? TestAccounts.ADMIN_USER : users.get(who)[0];
    assertThat(jdbc.queryForObject("select count(*) from atkomstlogg where anvandare = ? and status = 403 and resurs like ?",
        Integer.class, user, "POST " + root + "%/message%")).as("refused messages logged").isGreaterThanOrEqualTo(5);
  }

  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pi", malmo.instance().getId());
    values.put("task", malmo.task().getId());
    values.put("bk", malmo.businessKey());
    values.putAll(definitions(engine));
    return values;
  }

  /** Ids of the deployed definitions a route may name. */
  static Map<String, String> definitions(ProcessEngine engine) {
    var repository = engine.getRepositoryService();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("arendeDef", repository.createProcessDefinitionQuery().processDefinitionKey("arende").latestVersion().withoutTenantId()
        .singleResult().getId());
    ids.put("uppdragDef", repository.createProcessDefinitionQuery().processDefinitionKey("uppdrag").latestVersion().withoutTenantId()
        .singleResult().getId());
    ids.put("hemligtDef", repository.createProcessDefinitionQuery().processDefinitionKey("attack_hemligt").tenantIdIn("malmo")
        .latestVersion().singleResult().getId());
    return ids;
  }

  private static HttpResponse<String> send(Http http, String root, Attack attack) throws Exception {
    String path = root + attack.path();
    return switch (attack.method()) {
      case "POST" -> http.postJson(path, attack.body() == null ? "{}" : attack.body());
      case "PUT" -> http.putJson(path, attack.body() == null ? "{}" : attack.body());
      case "DELETE" -> http.delete(path);
      default -> throw new IllegalArgumentException(attack.method());
    };
  }

  @AfterAll
  static void report() {
    System.out.println("Process bypass attack suite: " + attempts + " attempts made, all refused (403, Swedish, logged)");
  }
}
