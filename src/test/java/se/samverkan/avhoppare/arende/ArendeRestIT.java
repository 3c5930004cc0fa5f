package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PersonalDataScan;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * A case from intake to an agreed plan on PostgreSQL, through the same /engine-rest calls
 * docs/processes.md shows, by a Stockholm caseworker and a Malmö caseworker; neither can list or
 * complete the other's tasks.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ArendeRestIT {

  static final String NAMN = "Testa Identitetsson";
  static final String PERSONNUMMER = "19811218-9876";

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aCaseFromIntakeToAnAgreedPlanThroughTheRestApi(CapturedOutput output) throws Exception {
    String sthlmUser = TestAccounts.uniqueId("handlaggare");
    Http stockholm = new Http(port).basic(sthlmUser, TestAccounts.createUser(engine.getIdentityService(), sthlmUser, "stockholm-handlaggare"));
    String sthlmChef = TestAccounts.uniqueId("chef");
    Http stockholmChef = new Http(port).basic(sthlmChef, TestAccounts.createUser(engine.getIdentityService(), sthlmChef, "stockholm-chef"));
    String malmoUser = TestAccounts.uniqueId("handlaggare");
    Http malmo = new Http(port).basic(malmoUser, TestAccounts.createUser(engine.getIdentityService(), malmoUser, "malmo-handlaggare"));

    // 1. intake (aktualisering): the start form, as the Stockholm caseworker
    HttpResponse<String> refused = stockholm.postJson("/engine-rest/process-definition/key/arende/submit-form",
        vars("part", "stockholm-socialnamnden", "startdatum", "2028-01-01"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Fältet 'Målgrupp' måste anges.", "utanför alla avtalsversioner");

    HttpResponse<String> started = stockholm.postJson("/engine-rest/process-definition/key/arende/submit-form", vars(
        "part", "stockholm-jarva", "malgrupp", "SKYDDSPERSON", "kriminelltSammanhang", "DESTRUKTIV_MILJO", "hotbild", "KONKRET",
        "motiverad", true, "ansvarForBarn", false, "samtycke", true, "samtyckeDatum", "2026-02-01", "startdatum", "2026-02-01"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String arende = JSON.readTree(started.body()).get("id").asText();
    String referens = JSON.readTree(started.body()).get("businessKey").asText();
    assertThat(referens).startsWith("AVH-");
    // the person's identity: registered beside the case, only for Stockholm's caseworkers
    assertThat(stockholm.putJson("/api/arenden/" + referens + "/identitet", "{\"namn\":\"" + NAMN + "\",\"personnummer\":\""
        + PERSONNUMMER + "\",\"skyddsniva\":\"FINGERADE_PERSONUPPGIFTER\"}").statusCode()).isEqualTo(200);
    assertThat(malmo.get("/api/arenden/" + referens + "/identitet").statusCode()).isEqualTo(404);

    // 2. tillhörighet: a bad submission is refused with the field named and leaves the task open
    String task = onlyTask(stockholm, "processInstanceId=" + arende);
    HttpResponse<String> bad = stockholm.postJson("/engine-rest/task/" + task + "/submit-form", vars("tillhorighet", "HEMKOMMUNEN"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Fältet 'Motivering' måste anges.");
    assertThat(onlyTask(stockholm, "processInstanceId=" + arende)).isEqualTo(task);
    submit(stockholm, task, vars("tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm"));

    // 3. choice of receiving municipality (past the quota, Stockholm's manager decides)
    submit(stockholm, onlyTask(stockholm, "processInstanceId=" + arende), vars("mottagandeKommun", "malmo"));
    JsonNode next = JSON.readTree(stockholmChef.get("/engine-rest/task?processInstanceId=" + arende + "&maxResults=10").body());
    for (JsonNode t : next) {
      if ("UserTask_GodkannUndantag".equals(t.get("taskDefinitionKey").asText())) {
        submit(stockholmChef, t.get("id").asText(), vars("undantagBeslut", "GODKANN", "undantagMotivering", "Test"));
      }
    }

    // 4. dual police consultation
    JsonNode samrad = JSON.readTree(stockholm.get("/engine-rest/task?processInstanceId=" + arende + "&maxResults=10").body());
    assertThat(samrad).hasSize(2);
    for (JsonNode t : samrad) {
      submit(stockholm, t.get("id").asText(), vars("samradDatum", "2026-02-10", "polisenhet", "Polisregion", "polisKontakt",
          "Kontakt", "riskniva", "HOG", "samradUtfall", "STODJER"));
    }

    // 4b. high threat: the police's protection is recorded before the request is sent (seed 004)
    assertThat(malmo.get("/engine-rest/task?processDefinitionKey=uppdrag&processInstanceBusinessKey=" + referens + "&maxResults=10").body())
        .isEqualTo("[]");
    submit(stockholm, onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_Polisskydd"), vars(
        "polisskyddEnhet", "Bops", "polisskyddKontakt", "Personsäkerhetssamordnare", "polisskyddDatum", "2026-02-11",
        "polisskyddSamordnat", true));
    // from the request onwards the home municipality can report events (Anmäl händelse)
    onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_HandelseHem");

    // 5. the receiving municipality answers: only Malmö sees the request
    String uppdragQuery = "processDefinitionKey=uppdrag&processInstanceBusinessKey=" + referens;
    assertThat(stockholm.get("/engine-rest/task?" + uppdragQuery + "&maxResults=10").body()).isEqualTo("[]");
    String besvara = onlyTask(malmo, uppdragQuery);
    assertThat(stockholm.postJson("/engine-rest/task/" + besvara + "/submit-form", vars("svar", "ACCEPTERAR")).statusCode())
        .as("Stockholm completing a Malmö task").isEqualTo(403);
    assertThat(malmo.get("/engine-rest/task?processInstanceId=" + arende + "&maxResults=10").body()).isEqualTo("[]");
    submit(malmo, besvara, vars("svar", "ACCEPTERAR"));
    String beskrivning = onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_Uppdragsbeskrivning");
    HttpResponse<String> foreign = malmo.postJson("/engine-rest/task/" + beskrivning + "/submit-form", vars("mal", "x"));
    assertThat(foreign.statusCode()).as("Malmö completing a Stockholm task: " + foreign.body()).isEqualTo(403);
    assertThat(onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_Uppdragsbeskrivning")).isEqualTo(beskrivning);

    // 6. assignment description and decision on services (checklists are Json values)
    submit(stockholm, beskrivning, vars("mal", "Stöd att lämna den destruktiva miljön",
        "efterfragadeInsatser", json("[\"KRISSTOD\",\"KONTAKTPERSON\"]"), "periodStart", "2026-03-01", "periodSlut", "2027-02-28",
        "uppfoljningsintervall", "P1M", "kontaktHemkommun", "A", "kontaktMottagandeKommun", "B", "boendeOrdnasAvHemkommunen", true));
    submit(stockholm, onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_BeslutOmInsatser"), vars("beslutsdatum", "2026-02-20",
        "beslutadeInsatser", json("[\"KRISSTOD\",\"KONTAKTPERSON\"]"), "beslutsfattare", "Enhetschef", "samradMedMottagandeKommun", true));

    // 7. the implementation plan, in Malmö
    submit(malmo, onlyTask(malmo, uppdragQuery + "&taskDefinitionKey=UserTask_Genomforandeplan"), vars("planposter", json("[{\"insats\":\"KRISSTOD\",\"utforare\":\"Malmö stad\","
        + "\"startdatum\":\"2026-03-01\",\"manadskostnad\":3000},{\"insats\":\"KONTAKTPERSON\",\"utforare\":\"Malmö stad\","
        + "\"startdatum\":\"2026-03-15\",\"manadskostnad\":2500}]")));

    // 8–10. implementation runs; the person withdraws, Stockholm records it and both instances end at once
    submit(stockholm, onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_HandelseHem"), vars("handelse", "AVBRYTER", "avbrottDatum", "2026-03-20"));
    assertThat(malmo.get("/engine-rest/task?" + uppdragQuery + "&maxResults=10").body()).isEqualTo("[]");
    assertThat(jdbc.queryForObject("select concat(status, ' ', avslutstyp) from uppdrag where arende = ?", String.class, referens))
        .isEqualTo("AVSLUTAT AVBRUTET");

    // the manager reads history (caseworkers work tasks and do not)
    JsonNode done = JSON.readTree(stockholmChef.get("/engine-rest/history/process-instance/" + arende).body());
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(JSON.readTree(stockholmChef.get("/engine-rest/history/activity-instance?processInstanceId=" + arende
        + "&activityId=EndEvent_Avbrutet&maxResults=10").body())).hasSize(1);
    assertThat(done.get("tenantId").asText()).isEqualTo("stockholm");
    assertThat(jdbc.queryForObject("select status from arende where referens = ?", String.class, referens))
        .isEqualTo("AVBRUTET");
    assertThat(jdbc.queryForObject("select sum(manadskostnad) from plan_post where arende = ?", java.math.BigDecimal.class, referens))
        .isEqualByComparingTo("5500");
    assertThat(stockholmChef.get("/engine-rest/history/process-instance?processDefinitionKey=uppdrag&processInstanceBusinessKey="
        + referens + "&maxResults=10").body()).as("Stockholm's manager sees nothing of Malmö's assignment").isEqualTo("[]");

    // after the whole lifecycle: the name and personal identity number are nowhere in the engine's
    // tables, in the log output, in what crossed to Malmö, in the access log; the identity table
    // holds them only encrypted, and the home caseworker still reads them back
    List<String> needles = List.of(NAMN, PERSONNUMMER, PERSONNUMMER.replace("-", ""));
    assertThat(PersonalDataScan.tableCount(dataSource, "act_")).isGreaterThan(40);
    assertThat(PersonalDataScan.hits(dataSource, "act_", needles)).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "utlamnande", needles)).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "atkomstlogg", needles)).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "person_identitet", needles)).isEmpty();
    assertThat(output.getAll()).doesNotContain(NAMN, PERSONNUMMER);
    assertThat(stockholm.get("/api/arenden/" + referens + "/identitet").body()).contains(NAMN, PERSONNUMMER);
    assertThat(PersonalDataScan.hits(dataSource, "act_", List.of(referens))).as("positive control").isNotEmpty();
  }

  private static String onlyTask(Http http, String query) throws Exception {
    JsonNode tasks = JSON.readTree(http.get("/engine-rest/task?" + query + "&maxResults=10").body());
    assertThat(tasks).as(query).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static void submit(Http http, String task, String body) throws Exception {
    HttpResponse<String> response = http.postJson("/engine-rest/task/" + task + "/submit-form", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  /** A Json-typed value, as Tasklist sends a Camunda Form's lists. */
  record JsonValue(String json) {}

  private static JsonValue json(String value) {
    return new JsonValue(value);
  }

  private static String vars(Object... kv) throws Exception {
    var variables = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      var v = variables.putObject((String) kv[i]);
      if (kv[i + 1] instanceof JsonValue j) {
        v.put("value", j.json()).put("type", "Json");
      } else {
        v.putPOJO("value", kv[i + 1]);
      }
    }
    return JSON.writeValueAsString(JSON.createObjectNode().set("variables", variables));
  }
}
