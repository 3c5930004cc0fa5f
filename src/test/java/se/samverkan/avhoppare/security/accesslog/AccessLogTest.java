package se.samverkan.avhoppare.security.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.H2IntegrationTest;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.SecretCase;
import se.samverkan.avhoppare.support.TestAccounts;

/** Every surface's read lands in the access log with the right user and case; managers review their own. */
@H2IntegrationTest
class AccessLogTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  SecretCase malmoCase;
  String caseworker;
  String caseworkerPassword;
  String manager;
  String managerPassword;

  @BeforeEach
  void aMalmoCase() {
    malmoCase = SecretCase.start(engine, "malmo");
    caseworker = TestAccounts.uniqueId("handlaggare");
    caseworkerPassword = TestAccounts.createUser(engine.getIdentityService(), caseworker, "malmo-handlaggare");
    manager = TestAccounts.uniqueId("chef");
    managerPassword = TestAccounts.createUser(engine.getIdentityService(), manager, "malmo-chef");
  }

  private List<String> linesFor(String user) {
    return jdbc.queryForList("select concat(yta, ' ', atgard, ' ', coalesce(kommun, '-'), ' ', coalesce(arende, '-'), ' ', status, ' ', resurs)"
        + " from atkomstlogg where anvandare = ? order by id", String.class, user);
  }

  @Test
  void anOverLongCaseReferenceIsLoggedCutNeverLost() throws Exception {
    String lang = "AVH-" + "9".repeat(80);
    Http rest = new Http(port).basic(caseworker, caseworkerPassword);
    assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + lang + "&maxResults=10").statusCode()).isEqualTo(200);
    assertThat(rest.postJson("/engine-rest/task?maxResults=10", "{\"processInstanceBusinessKey\":\"" + lang + "\"}").statusCode())
        .isEqualTo(200);
    Http restManager = new Http(port).basic(manager, managerPassword);
    var review = restManager.get("/api/loggkontroll?arende=" + "A".repeat(65));
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    assertThat(restManager.get("/api/loggkontroll?fran=2026-02-30").statusCode()).isEqualTo(400);
    assertThat(linesFor(caseworker)).hasSize(2).allSatisfy(l -> assertThat(l).contains("9".repeat(40)));
    assertThat(jdbc.queryForList("select arende from atkomstlogg where anvandare = ? and yta = 'loggkontroll' order by id", String.class,
        manager)).hasSize(2).first().asString().hasSize(64).endsWith("…");
  }

  @Test
  void readsOnEverySurfaceAreLoggedWithUserCaseAndMunicipality() throws Exception {
    String pi = malmoCase.instance().getId();
    String task = malmoCase.task().getId();
    String bk = malmoCase.businessKey();
    Http rest = new Http(port).basic(caseworker, caseworkerPassword);
    assertThat(rest.get("/engine-rest/task/" + task + "/variables").statusCode()).isEqualTo(200);
    assertThat(rest.get("/engine-rest/task/" + task + "/form-variables").statusCode()).isEqualTo(200);
    Http tasklist = new Http(port).webappLogin("tasklist", caseworker, caseworkerPassword);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + task + "/variables").statusCode()).isEqualTo(200);

    Http restManager = new Http(port).basic(manager, managerPassword);
    assertThat(restManager.get("/engine-rest/history/variable-instance?processInstanceId=" + pi + "&maxResults=10").statusCode()).isEqualTo(200);
    assertThat(restManager.get("/engine-rest/process-instance/" + pi + "/variables").statusCode()).isEqualTo(200);
    Http cockpit = new Http(port).webappLogin("cockpit", manager, managerPassword);
    assertThat(cockpit.postJson("/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=5",
        "{\"businessKey\":\"" + bk + "\"}").statusCode()).isEqualTo(200);
    var variable = engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi).variableName("hemlig").singleResult();
    assertThat(cockpit.get("/camunda/api/engine/engine/default/variable-instance/" + variable.getId()).statusCode()).isEqualTo(200);

    assertThat(linesFor(caseworker)).contains(
        "engine-rest LASNING malmo " + bk + " 200 GET /engine-rest/task/" + task + "/variables",
        "engine-rest LASNING malmo " + bk + " 200 GET /engine-rest/task/" + task + "/form-variables",
        "webapp-api LASNING malmo " + bk + " 200 GET /camunda/api/engine/engine/default/task/" + task + "/variables");
    assertThat(linesFor(manager)).contains(
        "engine-rest LASNING malmo " + bk + " 200 GET /engine-rest/history/variable-instance?processInstanceId=" + pi + "&maxResults=10",
        "engine-rest LASNING malmo " + bk + " 200 GET /engine-rest/process-instance/" + pi + "/variables",
        "cockpit LASNING malmo " + bk + " 200 POST /camunda/api/cockpit/plugin/base/default/process-instance?maxResults=5",
        "webapp-api LASNING malmo " + bk + " 200 GET /camunda/api/engine/engine/default/variable-instance/" + variable.getId());
  }

  @Test
  void changesAreLoggedAsChanges() throws Exception {
    Http rest = new Http(port).basic(caseworker, caseworkerPassword);
    assertThat(rest.postJson("/engine-rest/task/" + malmoCase.task().getId() + "/claim", "{\"userId\":\"" + caseworker + "\"}")
        .statusCode()).isEqualTo(204);
    assertThat(linesFor(caseworker)).contains("engine-rest ANDRING malmo " + malmoCase.businessKey() + " 204 POST /engine-rest/task/"
        + malmoCase.task().getId() + "/claim");
  }

  @Test
  void anotherMunicipalitysAttemptIsLoggedUnderTheCaseItTargeted() throws Exception {
    String intruder = TestAccounts.uniqueId("handlaggare");
    String pw = TestAccounts.createUser(engine.getIdentityService(), intruder, "stockholm-handlaggare");
    int status = new Http(port).basic(intruder, pw).get("/engine-rest/task/" + malmoCase.task().getId() + "/variables").statusCode();
    assertThat(status).isGreaterThanOrEqualTo(400);
    assertThat(linesFor(intruder)).containsExactly("engine-rest LASNING malmo " + malmoCase.businessKey() + " " + status
        + " GET /engine-rest/task/" + malmoCase.task().getId() + "/variables");

    HttpResponse<String> review = new Http(port).basic(manager, managerPassword).get("/api/loggkontroll?anvandare=" + intruder);
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body()).contains(intruder, malmoCase.businessKey(), "\"status\":" + status);
  }

  @Test
  void managersReviewAndExportOnlyTheirOwnMunicipality() throws Exception {
    new Http(port).basic(caseworker, caseworkerPassword).get("/engine-rest/task/" + malmoCase.task().getId() + "/variables");
    Http malmoManager = new Http(port).basic(manager, managerPassword);

    HttpResponse<String> byCase = malmoManager.get("/api/loggkontroll?arende=" + malmoCase.businessKey());
    assertThat(byCase.statusCode()).isEqualTo(200);
    assertThat(byCase.body()).contains(caseworker).doesNotContain(malmoCase.secret());

    HttpResponse<String> csv = malmoManager.get("/api/loggkontroll/export?anvandare=" + caseworker + "&fran=2020-01-01");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body().lines().findFirst()).hasValue("tidpunkt;anvandare;kommun;arende;processinstans;atgard;yta;resurs;klient;status");
    assertThat(csv.body()).contains("\"" + caseworker + "\";\"malmo\";\"" + malmoCase.businessKey() + "\"");

    HttpResponse<String> future = malmoManager.get("/api/loggkontroll?anvandare=" + caseworker + "&fran=2999-01-01");
    assertThat(future.body()).isEqualTo("[]");
    assertThat(malmoManager.get("/api/loggkontroll?fran=igår").statusCode()).isEqualTo(400);

    assertThat(linesFor(manager)).anyMatch(l -> l.startsWith("loggkontroll LASNING malmo"));

    String stockholmManager = TestAccounts.uniqueId("chef");
    String pw = TestAccounts.createUser(engine.getIdentityService(), stockholmManager, "stockholm-chef");
    HttpResponse<String> foreign = new Http(port).basic(stockholmManager, pw).get("/api/loggkontroll?kommun=malmo");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("egen kommun").doesNotContain(caseworker);
    HttpResponse<String> own = new Http(port).basic(stockholmManager, pw).get("/api/loggkontroll?arende=" + malmoCase.businessKey());
    assertThat(own.body()).isEqualTo("[]");

    assertThat(new Http(port).basic(caseworker, caseworkerPassword).get("/api/loggkontroll").statusCode()).isEqualTo(403);
    assertThat(new Http(port).get("/api/loggkontroll").statusCode()).isEqualTo(401);
  }

  @Test
  void theLogCannotBeChangedOrDeletedThroughTheApplication() throws Exception {
    Http malmoManager = new Http(port).basic(manager, managerPassword);
    malmoManager.get("/api/loggkontroll");
    long before = jdbc.queryForObject("select count(*) from atkomstlogg", Long.class);
    assertThat(malmoManager.delete("/api/loggkontroll").statusCode()).isEqualTo(405);
    assertThat(malmoManager.putJson("/api/loggkontroll", "[]").statusCode()).isEqualTo(405);
    assertThat(malmoManager.postJson("/api/loggkontroll", "{}").statusCode()).isEqualTo(405);
    assertThat(jdbc.queryForObject("select count(*) from atkomstlogg", Long.class)).isGreaterThanOrEqualTo(before);
    assertThat(AccessLog.class.getDeclaredMethods()).extracting(m -> m.getName())
        .noneMatch(n -> n.matches("(?i).*(update|delete|remove|clear|truncate).*"));
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() {
    assertThat(LoggkontrollResource.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(LoggkontrollResource.cell("a;b")).isEqualTo("\"a;b\"");
  }
}
