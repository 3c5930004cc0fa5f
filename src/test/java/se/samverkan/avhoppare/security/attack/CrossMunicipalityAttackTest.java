package se.samverkan.avhoppare.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.avhoppare.organisation.OrganisationProvisioner;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.SecretCase;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * Stockholm's caseworker and manager attack a Malmö case on every surface: the engine REST API,
 * the webapps' API behind Tasklist and Cockpit, and Cockpit's own plugin API. Each attempt must be
 * refused (an error, or an empty result) with none of the case's secrets in the response, and the
 * case must be exactly as it was afterwards. Positive controls show the same requests do reach the
 * data for Malmö's own people, so a refusal is the isolation at work and not a malformed request.
 */
@H2IntegrationTest
class CrossMunicipalityAttackTest {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT_PLUGIN = "/camunda/api/cockpit/plugin/base/default";
  static final List<String> COCKPIT_ATTACKS = List.of(
      "GET /process-instance?businessKey={bk}&maxResults=10",
      "POST /process-instance?maxResults=10 {\"businessKey\":\"{bk}\"}",
      "POST /process-instance/count {\"businessKey\":\"{bk}\"}",
      "GET /incident?processInstanceIdIn={pi}&maxResults=10",
      "POST /incident?maxResults=10 {\"processInstanceIdIn\":[\"{pi}\"]}",
      "GET /process-instance/{pi}/called-process-instances",
      "~GET /process-definition/statistics?maxResults=10");
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  String secret;
  String businessKey;
  String comment;
  ProcessInstance instance;
  Task task;
  Job job;
  Incident incident;
  String caseworker;
  String caseworkerPassword;
  String manager;
  String managerPassword;
  String victim;
  long instancesBefore;
  long historicInstancesBefore;

  @BeforeEach
  void aMalmoCaseAndTwoStockholmAttackers() {
    SecretCase malmo = SecretCase.start(engine, "malmo");
    secret = malmo.secret();
    businessKey = malmo.businessKey();
    comment = "KOMMENTAR-" + UUID.randomUUID();
    instance = malmo.instance();
    task = malmo.task();
    engine.getTaskService().createComment(task.getId(), instance.getId(), comment);
    job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    incident = engine.getRuntimeService().createIncident("failedJob", task.getExecutionId(), job.getId(), "test incident");
    caseworker = TestAccounts.uniqueId("handlaggare");
    caseworkerPassword = TestAccounts.createUser(engine.getIdentityService(), caseworker, "stockholm-handlaggare");
    victim = TestAccounts.uniqueId("handlaggare");
    TestAccounts.createUser(engine.getIdentityService(), victim, "malmo-handlaggare");
    manager = TestAccounts.uniqueId("chef");
    managerPassword = TestAccounts.createUser(engine.getIdentityService(), manager, "stockholm-chef");
    instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    historicInstancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
  }

  @Test
  void engineRestRefusesEveryAttempt() throws Exception {
    attack(new Http(port).basic(caseworker, caseworkerPassword), caseworker, ENGINE_REST, Attacks.all());
    attack(new Http(port).basic(manager, managerPassword), manager, ENGINE_REST, Attacks.all());
  }

  @Test
  void webappApiBehindTasklistAndCockpitRefusesEveryAttempt() throws Exception {
    attack(new Http(port).webappLogin("tasklist", caseworker, caseworkerPassword), caseworker, WEBAPP_ENGINE, Attacks.all());
    attack(new Http(port).webappLogin("cockpit", manager, managerPassword), manager, WEBAPP_ENGINE, Attacks.all());
  }

  @Test
  void cockpitPluginApiShowsTheManagerNothingOfAnotherMunicipality() throws Exception {
    attack(new Http(port).webappLogin("cockpit", manager, managerPassword), manager, COCKPIT_PLUGIN,
        COCKPIT_ATTACKS.stream().map(Attack::parse).toList());
  }

  @Test
  void aCaseworkerCannotEvenEnterCockpitAndNeitherRoleEntersAdmin() {
    for (String[] attempt : new String[][] {{"cockpit", caseworker, caseworkerPassword}, {"admin", caseworker, caseworkerPassword},
        {"admin", manager, managerPassword}}) {
      ATTEMPTS.incrementAndGet();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Http(port).webappLogin(attempt[0], attempt[1], attempt[2]))
          .as(attempt[1] + " into " + attempt[0]).hasMessageContaining("failed");
    }
  }

  /** The same requests, by Malmö's own manager and caseworker, do reach the data. */
  @Test
  void positiveControlsTheSameRequestsWorkForMalmo() throws Exception {
    String malmoManager = TestAccounts.uniqueId("chef");
    String pw = TestAccounts.createUser(engine.getIdentityService(), malmoManager, "malmo-chef");
    String malmoCaseworker = TestAccounts.uniqueId("handlaggare");
    String cpw = TestAccounts.createUser(engine.getIdentityService(), malmoCaseworker, "malmo-handlaggare");
    Map<String, String> values = placeholders(malmoManager);

    Http rest = new Http(port).basic(malmoManager, pw);
    for (String read : List.of("GET /process-instance/{pi}/variables", "GET /process-instance?businessKey={bk}&maxResults=10",
        "GET /history/variable-instance?processInstanceId={pi}&maxResults=10", "GET /variable-instance/{var}",
        "GET /history/process-instance?processInstanceBusinessKey={bk}&maxResults=10", "GET /task?processInstanceId={pi}&maxResults=10",
        "GET /process-instance?variables=hemlig_eq_{secret}&maxResults=10", "GET /history/incident?processInstanceId={pi}&maxResults=10")) {
      HttpResponse<String> response = send(rest, ENGINE_REST, Attack.parse(read).resolve(values));
      assertThat(response.statusCode()).as(read + " " + response.body()).isEqualTo(200);
      assertThat(response.body()).as(read).containsAnyOf(secret, businessKey, instance.getId());
    }
    Http tasklist = new Http(port).webappLogin("tasklist", malmoCaseworker, cpw);
    HttpResponse<String> variables = send(tasklist, WEBAPP_ENGINE, Attack.parse("GET /task/{task}/variables").resolve(values));
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(variables.body()).contains(secret);

    Http cockpit = new Http(port).webappLogin("cockpit", malmoManager, pw);
    for (String read : List.of("POST /process-instance?maxResults=10 {\"businessKey\":\"{bk}\"}",
        "GET /incident?processInstanceIdIn={pi}&maxResults=10")) {
      HttpResponse<String> response = send(cockpit, COCKPIT_PLUGIN, Attack.parse(read).resolve(values));
      assertThat(response.statusCode()).as(read + " " + response.body()).isEqualTo(200);
      assertThat(response.body()).as(read).contains(instance.getId());
    }
  }

  private void attack(Http http, String attacker, String root, List<Attack> attacks) throws Exception {
    Map<String, String> values = placeholders(attacker);
    List<String> failures = new ArrayList<>();
    for (Attack template : attacks) {
      Attack attack = template.resolve(values);
      HttpResponse<String> response = send(http, root, attack);
      ATTEMPTS.incrementAndGet();
      String body = response.body() == null ? "" : response.body();
      boolean refused = attack.mayListOwnData() || response.statusCode() >= 400
          || (response.statusCode() == 200 && (body.equals("[]") || body.matches("\\{\"count\":0}")));
      // victim-specific markers only: the attacker may see its own municipality's cases of the same process
      boolean namedVictim = attack.toString().contains(victim);
      boolean leaked = body.contains(secret) || body.contains(businessKey) || body.contains(comment)
          || (body.contains(victim) && !namedVictim)
          || body.replace(" ", "").contains("\"tenantId\":\"malmo\"");
      if (!refused || leaked) {
        failures.add(attacker + " " + root + " " + attack + " -> " + response.statusCode() + " "
            + body.substring(0, Math.min(300, body.length())));
      }
    }
    assertThat(failures).as("attempts that were not refused or leaked data").isEmpty();
  }

  private Map<String, String> placeholders(String me) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pi", instance.getId());
    values.put("task", task.getId());
    values.put("bk", businessKey);
    values.put("secret", secret);
    values.put("job", job.getId());
    values.put("incident", incident.getId());
    values.put("var", engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableName("hemlig").singleResult().getId());
    values.put("hvar", engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("hemlig").singleResult().getId());
    values.put("filter", engine.getFilterService().createTaskFilterQuery()
        .filterName(OrganisationProvisioner.FILTER_GRUPP).singleResult().getId());
    values.put("me", me);
    values.put("victim", victim);
    values.putAll(ProcessBypassAttackTest.definitions(engine));
    return values;
  }

  private static HttpResponse<String> send(Http http, String root, Attack attack) throws Exception {
    String path = root + attack.path();
    return switch (attack.method()) {
      case "GET" -> http.get(path);
      case "POST" -> http.postJson(path, attack.body() == null ? "{}" : attack.body());
      case "PUT" -> http.putJson(path, attack.body() == null ? "{}" : attack.body());
      case "DELETE" -> http.delete(path);
      default -> throw new IllegalArgumentException(attack.method());
    };
  }

  @AfterEach
  void theCaseIsExactlyAsItWas() {
    var runtime = engine.getRuntimeService();
    ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(after).as("instance still there").isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(runtime.createProcessInstanceQuery().count()).as("no instance was started").isEqualTo(instancesBefore);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).as("no instance was started, even briefly")
        .isEqualTo(historicInstancesBefore);
    assertThat(runtime.getVariable(instance.getId(), "hemlig")).isEqualTo(secret);
    Task taskAfter = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(taskAfter).as("task still open").isNotNull();
    assertThat(taskAfter.getAssignee()).isNull();
    assertThat(taskAfter.getOwner()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .allSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("malmo-handlaggare"));
    assertThat(engine.getTaskService().getTaskComments(task.getId())).hasSize(1);
    Job jobAfter = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(jobAfter).isNotNull();
    assertThat(jobAfter.isSuspended()).isFalse();
    assertThat(jobAfter.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(engine.getRuntimeService().createIncidentQuery().incidentId(incident.getId()).singleResult().getAnnotation()).isNull();
    assertThat(engine.getManagementService().createBatchQuery().count()).as("no batch was started").isZero();
    var identity = engine.getIdentityService();
    assertThat(identity.createTenantQuery().userMember(caseworker).includingGroupsOfUser(true).list())
        .extracting(t -> t.getId()).containsExactly("stockholm");
    assertThat(identity.createGroupQuery().groupMember(caseworker).list()).extracting(g -> g.getId())
        .containsExactly("stockholm-handlaggare");
    assertThat(identity.createTenantQuery().groupMember("stockholm-handlaggare").list()).extracting(t -> t.getId())
        .containsExactly("stockholm");
    assertThat(identity.checkPassword(victim, "Intrang-1234!")).isFalse();
  }

  @AfterAll
  static void report() {
    System.out.println("Cross-municipality attack suite: " + ATTEMPTS.get() + " attempts made, all refused without leaks");
  }
}
