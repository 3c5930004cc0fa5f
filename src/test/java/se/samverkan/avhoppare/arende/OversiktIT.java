package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * The managers' overview on PostgreSQL: cases between the three cities run to different stages by
 * the processes themselves, a §8 reconciliation is asked for and confirmed through the engine REST
 * API, and {@code /api/oversikt} (JSON and CSV) answers the expected counts and amounts to a
 * manager, also with a Cockpit session; a caseworker gets 403. The confirmed result cannot be
 * changed, not even by the application's own database role.
 */
@PostgresIntegrationTest
class OversiktIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theOverviewCountsCasesAtEveryStageAndShowsTheConfirmedReconciliation() throws Exception {
    ArendeFixture fx = new ArendeFixture(engine);
    fx.rensa(jdbc);
    jdbc.update("delete from avstamning_omgang");

    // A: Stockholm → Malmö, implementation began, then the person withdrew (ended)
    ProcessInstance a = fx.tillVerkstallighet("malmo", "2026-06-01", "2027-05-31", "P1M");
    fx.gor(a.getId(), ArendeProcess.TASK_HANDELSE, "handelse", "AVBRYTER", "avbrottDatum",
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString());
    // B: Stockholm → Göteborg, running
    fx.tillVerkstallighet("goteborg", "2026-06-01", "2027-05-31", "P1M");
    // C: Göteborg → Stockholm, request accepted: in preparation
    ProcessInstance c = fx.starta("goteborg", ArendeFixture.with(ArendeFixture.aktualisering(), "part", "goteborg-nordost"));
    fx.gor(c.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Göteborg");
    fx.gor(c.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "stockholm");
    if (fx.task(c.getId(), ArendeProcess.TASK_KVOTUNDANTAG) != null) {
      fx.gor(c.getId(), ArendeProcess.TASK_KVOTUNDANTAG, "undantagBeslut", "GODKANN", "undantagMotivering", "Test");
    }
    fx.gor(c.getId(), ArendeProcess.TASK_SAMRAD_HEM, ArendeFixture.samrad("STODJER"));
    fx.gor(c.getId(), ArendeProcess.TASK_SAMRAD_MOTTAGANDE, ArendeFixture.samrad("STODJER"));
    fx.polisskydd(c); // high threat (the consultations say HOG): the police protection step first
    fx.gor(fx.uppdrag(fx.referens(c)).getId(), "UserTask_BesvaraForfragan", "svar", "ACCEPTERAR");
    // D: Malmö → Göteborg, request sent, not answered: not counted
    ProcessInstance d = fx.starta("malmo", ArendeFixture.with(ArendeFixture.aktualisering(), "part", "malmo-asn"));
    fx.gor(d.getId(), ArendeProcess.TASK_TILLHORIGHET, "tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Malmö");
    fx.gor(d.getId(), ArendeProcess.TASK_VALJ_KOMMUN, "mottagandeKommun", "goteborg");

    String chefS = TestAccounts.uniqueId("chef");
    String chefSPassword = TestAccounts.createUser(engine.getIdentityService(), chefS, "stockholm-chef");
    Http stockholmChef = new Http(port).basic(chefS, chefSPassword);
    String chefM = TestAccounts.uniqueId("chef");
    Http malmoChef = new Http(port).basic(chefM, TestAccounts.createUser(engine.getIdentityService(), chefM, "malmo-chef"));
    String hl = TestAccounts.uniqueId("handlaggare");
    Http handlaggare = new Http(port).basic(hl, TestAccounts.createUser(engine.getIdentityService(), hl, "stockholm-handlaggare"));

    // §8: Stockholm's manager asks for May–November; Malmö bore A's plan (4 500 from 1 May, 12 000.50 from 15 May):
    // 7 × 4 500 = 31 500 + 12 000.50 × (17/31 + 6) = 78 583.92 → 110 083.92; Stockholm bore nothing → 55 041.96
    HttpResponse<String> start = stockholmChef.postJson("/engine-rest/process-definition/key/avstamning/submit-form",
        "{\"variables\":{\"avtalsversion\":{\"value\":\"avtal-2026\"},\"motpart\":{\"value\":\"malmo\"},"
            + "\"periodStart\":{\"value\":\"2026-05-01\"},\"periodSlut\":{\"value\":\"2026-11-30\"}}}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String pi = JSON.readTree(start.body()).get("id").asText();
    svara(malmoChef, "malmo", pi, "{\"svar\":{\"value\":\"BEKRAFTAR\"}}");
    svara(stockholmChef, "stockholm", pi, "{\"svar\":{\"value\":\"BEKRAFTAR\"}}");
    assertThat(jdbc.queryForObject("select count(*) from avstamning where process_instans = ?", Integer.class, pi)).isEqualTo(1);

    // the overview, as a manager
    HttpResponse<String> svar = stockholmChef.get("/api/oversikt");
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(200);
    assertThat(svar.body()).doesNotContain("AVH-");
    JsonNode v = version(JSON.readTree(svar.body()), "avtal-2026");
    assertThat(v.at("/kvot/skickade").asInt()).isEqualTo(2);
    assertThat(kommun(v, "stockholm").get("skickade").asInt()).isEqualTo(2);
    assertThat(kommun(v, "stockholm").get("mottagna").asInt()).isEqualTo(1);
    assertThat(kommun(v, "goteborg").get("skickade").asInt()).isEqualTo(1);
    assertThat(kommun(v, "goteborg").get("mottagna").asInt()).isEqualTo(1);
    assertThat(kommun(v, "malmo").get("skickade").asInt()).isEqualTo(0);
    assertThat(kommun(v, "malmo").get("mottagna").asInt()).isEqualTo(1);
    assertThat(balans(v, "stockholm", "malmo")).isEqualTo(1);
    assertThat(balans(v, "stockholm", "goteborg")).isEqualTo(1);
    assertThat(balans(v, "goteborg", "stockholm")).isEqualTo(1);
    assertThat(balans(v, "malmo", "goteborg")).isZero();
    assertThat(v.at("/uppdrag/pagaende").asInt()).isEqualTo(1);
    assertThat(v.at("/uppdrag/avslutade").asInt()).isEqualTo(1);
    assertThat(v.at("/uppdrag/underForberedelse").asInt()).isEqualTo(1);
    JsonNode avst = null;
    for (JsonNode r : v.get("avstamningar")) {
      if ("2026-05-01".equals(r.get("periodStart").asText()) && "2026-11-30".equals(r.get("periodSlut").asText())) {
        avst = r;
      }
    }
    assertThat(avst).isNotNull();
    assertThat(avst.get("kommunA").asText()).isEqualTo("malmo");
    assertThat(avst.get("kostnadA").decimalValue()).isEqualByComparingTo("110083.92");
    assertThat(avst.get("kostnadB").decimalValue()).isEqualByComparingTo("0");
    assertThat(avst.get("utjamning").decimalValue()).isEqualByComparingTo("55041.96");
    assertThat(avst.get("betalare").asText()).isEqualTo("stockholm");
    assertThat(avst.get("mottagare").asText()).isEqualTo("malmo");

    // the same figures as CSV
    HttpResponse<String> csv = malmoChef.get("/api/oversikt.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).contains("avtal-2026;skickade;stockholm;;;2\n", "avtal-2026;balans;stockholm;malmo;;1\n",
        "avtal-2026;uppdrag_under_forberedelse;;;;1\n", "avtal-2026;avstamning_utjamning;stockholm;malmo;2026-05-01–2026-11-30;55041.96\n");
    assertThat(stockholmChef.get("/api/oversikt?format=csv").body()).isEqualTo(csv.body());

    // with the Cockpit session instead of HTTP Basic (what the dashboard plugin does)
    Http cockpit = new Http(port).webappLogin("cockpit", chefS, chefSPassword);
    HttpResponse<String> viaSession = cockpit.get("/api/oversikt");
    assertThat(viaSession.statusCode()).isEqualTo(200);
    assertThat(viaSession.body()).isEqualTo(svar.body());
    assertThat(cockpit.get("/api/loggkontroll").statusCode()).as("the session opens the overview only").isEqualTo(401);
    assertThat(cockpit.get("/api/oversikt/../loggkontroll").statusCode()).as("not by a detour either").isIn(400, 401, 404);

    // nobody else
    HttpResponse<String> nej = handlaggare.get("/api/oversikt");
    assertThat(nej.statusCode()).isEqualTo(403);
    assertThat(nej.body()).contains("samordnare/chefer och administratörer");
    assertThat(handlaggare.get("/api/oversikt.csv").statusCode()).isEqualTo(403);
    assertThat(new Http(port).get("/api/oversikt").statusCode()).isEqualTo(401);

    // the confirmed result is immutable on PostgreSQL
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update avstamning set utjamning = 0 where process_instans = ?", pi))
        .hasMessageContaining("cannot be changed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from avstamning where process_instans = ?", pi))
        .hasMessageContaining("cannot be changed");
  }

  /** Answers the own side's task; the other side's task (readable to every manager) cannot be completed. */
  private static void svara(Http chef, String kommun, String pi, String vars) throws Exception {
    JsonNode tasks = JSON.readTree(chef.get("/engine-rest/task?processInstanceId=" + pi + "&candidateGroup=" + kommun
        + "-chef&maxResults=10").body());
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).as("one task for this side's managers").hasSize(1);
    JsonNode alla = JSON.readTree(chef.get("/engine-rest/task?processInstanceId=" + pi + "&maxResults=10").body());
    for (JsonNode t : alla) {
      if (!ids.contains(t.get("id").asText())) {
        assertThat(chef.postJson("/engine-rest/task/" + t.get("id").asText() + "/submit-form", "{\"variables\":" + vars + "}")
            .statusCode()).as("the other side's task").isEqualTo(403);
      }
    }
    HttpResponse<String> r = chef.postJson("/engine-rest/task/" + ids.get(0) + "/submit-form", "{\"variables\":" + vars + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  private static JsonNode version(JsonNode body, String id) {
    for (JsonNode v : body.get("avtalsversioner")) {
      if (v.get("id").asText().equals(id)) {
        return v;
      }
    }
    throw new AssertionError("no version " + id);
  }

  private static JsonNode kommun(JsonNode v, String id) {
    for (JsonNode k : v.get("kommuner")) {
      if (k.get("kommun").asText().equals(id)) {
        return k;
      }
    }
    throw new AssertionError("no municipality " + id);
  }

  private static int balans(JsonNode v, String fran, String till) {
    for (JsonNode b : v.get("balans")) {
      if (b.get("fran").asText().equals(fran) && b.get("till").asText().equals(till)) {
        return b.get("antal").asInt();
      }
    }
    throw new AssertionError("no balance " + fran + "→" + till);
  }
}
