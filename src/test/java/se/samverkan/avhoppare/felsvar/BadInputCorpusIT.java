package se.samverkan.avhoppare.felsvar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.arende.ArendeProcess;
import se.samverkan.avhoppare.formular.Formkontrakt;
import se.samverkan.avhoppare.formular.Formkontrakt.Falt;
import se.samverkan.avhoppare.formular.Formkontrakt.Typ;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PersonalDataScan;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * Several hundred distinct bad requests, generated from the real forms (every field × missing, wrong
 * type, impossible date, unknown option, too long, unusable value types) and from the shapes a
 * client can get wrong (malformed or null bodies, deep nesting, odd types, unknown ids, paging and
 * over-long parameters), sent to /engine-rest, the webapps' API (/camunda/api, with session and CSRF
 * token, as Tasklist) and our /api while a case is worked from intake to an agreed plan on PostgreSQL.
 * None may answer ≥ 500, every refusal must be Swedish and free of internals, nothing the forms do not
 * define may be stored, and the injected name and personal identity number must be nowhere in the
 * engine's tables.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = Long.toString(Math.abs(new SecureRandom().nextLong()), 36);
  static final String NAMN = "Injicerad Namnsson" + RUN;
  static final String PERSONNUMMER = "19700101-" + (1000 + new SecureRandom().nextInt(8999));
  /** Part of every refused value: found anywhere in the engine's tables, a refused value was stored. */
  static final String MARK = "MARK" + RUN;
  /** Keys sent that no form has (routing variables sent as keys are refused too; their values carry MARK). */
  static final Set<String> INJICERADE_NAMN = Set.of("namn", "personnummer", "adress", "${" + MARK + "}", "ä" + MARK);

  private static final Pattern SVENSKA = Pattern.compile("[åäöÅÄÖ]|Fältet|Begäran|finns|inte|Adressen|Parameter|Inloggning|Uppgifterna|har fel|ska vara|måste");
  private static final Pattern INTERNT = Pattern.compile("(?i)cannot |exception|engine-|sql|java\\.|org\\.camunda|null pointer|\\bat [a-z]+\\.");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private final Set<String> distinct = new LinkedHashSet<>();
  private final List<String> problem = new ArrayList<>();
  private int refused;

  /** A Json-typed value, as Tasklist sends lists. */
  record JsonValue(String json) {}

  /** A value with an explicit Camunda type (and value info), sent as is. */
  record Typed(String type, Object value, Map<String, Object> valueInfo) {}

  @Test
  void badInputIsRefusedCleanlyInSwedishAndNothingOffTheFormIsStored(CapturedOutput output) throws Exception {
    String sthlmUser = TestAccounts.uniqueId("handlaggare");
    String sthlmPassword = TestAccounts.createUser(engine.getIdentityService(), sthlmUser, "stockholm-handlaggare");
    Http stockholm = new Http(port).basic(sthlmUser, sthlmPassword);
    String chefUser = TestAccounts.uniqueId("chef");
    Http chef = new Http(port).basic(chefUser, TestAccounts.createUser(engine.getIdentityService(), chefUser, "stockholm-chef"));
    String malmoUser = TestAccounts.uniqueId("handlaggare");
    Http malmo = new Http(port).basic(malmoUser, TestAccounts.createUser(engine.getIdentityService(), malmoUser, "malmo-handlaggare"));
    Http tasklist = new Http(port).webappLogin("tasklist", sthlmUser, sthlmPassword);
    String webapp = "/camunda/api/engine/engine/default";

    // intake: the start form's corpus on both surfaces, then a valid start
    Map<String, Object> intake = map("part", "stockholm-jarva", "malgrupp", "SKYDDSPERSON", "kriminelltSammanhang", "DESTRUKTIV_MILJO",
        "hotbild", "KONKRET", "motiverad", true, "ansvarForBarn", false, "samtycke", true, "samtyckeDatum", "2026-02-01",
        "startdatum", "2026-02-01");
    formCorpus(stockholm, "/engine-rest/process-definition/key/arende/submit-form", "aktualisering", intake);
    formCorpus(tasklist, webapp + "/process-definition/key/arende/submit-form", "aktualisering", intake);
    bodyCorpus(stockholm, "/engine-rest/process-definition/key/arende/submit-form");
    bodyCorpus(tasklist, webapp + "/process-definition/key/arende/submit-form");
    HttpResponse<String> started = stockholm.postJson("/engine-rest/process-definition/key/arende/submit-form", vars(intake));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String arende = JSON.readTree(started.body()).get("id").asText();
    String referens = JSON.readTree(started.body()).get("businessKey").asText();

    // every task on the way: its form's corpus (engine REST; the first also through Tasklist's API), then the valid answer
    String task = onlyTask(stockholm, "processInstanceId=" + arende);
    Map<String, Object> tillhorighet = map("tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm");
    formCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form", "tillhorighetsutredning", tillhorighet);
    formCorpus(tasklist, webapp + "/task/" + task + "/submit-form", "tillhorighetsutredning", tillhorighet);
    bodyCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form");
    bodyCorpus(tasklist, webapp + "/task/" + task + "/submit-form");
    submit(stockholm, task, tillhorighet);

    task = onlyTask(stockholm, "processInstanceId=" + arende);
    Map<String, Object> valj = map("mottagandeKommun", "malmo");
    formCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form", "val-av-mottagande-kommun", valj);
    send(stockholm, "POST", "/engine-rest/task/" + task + "/submit-form", vars(map("mottagandeKommun", "stockholm")), true);
    submit(stockholm, task, valj);
    for (JsonNode t : JSON.readTree(chef.get("/engine-rest/task?processInstanceId=" + arende + "&maxResults=10").body())) {
      if ("UserTask_GodkannUndantag".equals(t.get("taskDefinitionKey").asText())) {
        Map<String, Object> undantag = map("undantagBeslut", "GODKANN", "undantagMotivering", "Test");
        formCorpus(chef, "/engine-rest/task/" + t.get("id").asText() + "/submit-form", "kvotundantag", undantag);
        submit(chef, t.get("id").asText(), undantag);
      }
    }
    Map<String, Object> samrad = map("samradDatum", "2026-02-10", "polisenhet", "Polisregion", "polisKontakt", "Kontakt",
        "riskniva", "HOG", "samradUtfall", "STODJER", "samradKommentar", "Ingen");
    boolean forsta = true;
    for (JsonNode t : JSON.readTree(stockholm.get("/engine-rest/task?processInstanceId=" + arende + "&maxResults=10").body())) {
      if (forsta) {
        formCorpus(stockholm, "/engine-rest/task/" + t.get("id").asText() + "/submit-form", "samrad-polis", samrad);
        send(stockholm, "POST", "/engine-rest/task/" + t.get("id").asText() + "/submit-form",
            vars(with(samrad, "samradDatum", "2099-01-01")), true);
        forsta = false;
      }
      submit(stockholm, t.get("id").asText(), samrad);
    }
    // high threat: the police protection step comes before the request
    task = onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_Polisskydd");
    Map<String, Object> polisskydd = map("polisskyddEnhet", "Bops, Polisregion Stockholm", "polisskyddKontakt", "Samordnare",
        "polisskyddDatum", "2026-02-11", "polisskyddSamordnat", true);
    formCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form", "polisskydd", polisskydd);
    submit(stockholm, task, polisskydd);

    String uppdragQuery = "processDefinitionKey=uppdrag&processInstanceBusinessKey=" + referens;
    task = onlyTask(malmo, uppdragQuery);
    formCorpus(malmo, "/engine-rest/task/" + task + "/submit-form", "besvara-forfragan", map("svar", "ACCEPTERAR"));
    send(malmo, "POST", "/engine-rest/task/" + task + "/submit-form", vars(map("svar", "AVBOJER")), true);
    submit(malmo, task, map("svar", "ACCEPTERAR"));
    String uppdrag = JSON.readTree(malmo.get("/engine-rest/task/" + task.replace("/", "")).body()).path("processInstanceId").asText(null);

    task = onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_Uppdragsbeskrivning");
    Map<String, Object> beskrivning = map("mal", "Stöd att lämna miljön", "efterfragadeInsatser", new JsonValue("[\"KRISSTOD\",\"KONTAKTPERSON\"]"),
        "periodStart", "2026-03-01", "periodSlut", "2027-02-28", "uppfoljningsintervall", "P1M", "kontaktHemkommun", "A",
        "kontaktMottagandeKommun", "B", "boendeOrdnasAvHemkommunen", true);
    formCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form", "uppdragsbeskrivning", beskrivning);
    send(stockholm, "POST", "/engine-rest/task/" + task + "/submit-form", vars(with(beskrivning, "uppfoljningsintervall", "P1D")), true);
    send(stockholm, "POST", "/engine-rest/task/" + task + "/submit-form", vars(with(beskrivning, "periodSlut", "2026-02-01")), true);
    submit(stockholm, task, beskrivning);

    task = onlyTask(stockholm, "processInstanceId=" + arende + "&taskDefinitionKey=UserTask_BeslutOmInsatser");
    Map<String, Object> beslut = map("beslutsdatum", "2026-02-20", "beslutadeInsatser", new JsonValue("[\"KRISSTOD\",\"KONTAKTPERSON\"]"),
        "beslutsfattare", "Enhetschef", "samradMedMottagandeKommun", true);
    formCorpus(stockholm, "/engine-rest/task/" + task + "/submit-form", "beslut-om-insatser", beslut);
    submit(stockholm, task, beslut);

    task = onlyTask(malmo, uppdragQuery + "&taskDefinitionKey=" + se.samverkan.avhoppare.uppdrag.UppdragProcess.TASK_GENOMFORANDEPLAN);
    Map<String, Object> plan = map("planposter", new JsonValue("[{\"insats\":\"KRISSTOD\",\"utforare\":\"Malmö stad\","
        + "\"startdatum\":\"2026-03-01\",\"manadskostnad\":3000},{\"insats\":\"KONTAKTPERSON\",\"utforare\":\"Malmö stad\","
        + "\"startdatum\":\"2026-03-15\",\"manadskostnad\":2500.5}]"));
    formCorpus(malmo, "/engine-rest/task/" + task + "/submit-form", "genomforandeplan", plan);
    planCorpus(malmo, "/engine-rest/task/" + task + "/submit-form");
    submit(malmo, task, plan);

    pathCorpus(stockholm, "/engine-rest", task);
    pathCorpus(tasklist, webapp, task);
    apiCorpus(stockholm, chef, referens);

    // the figures
    System.out.printf("bad-input corpus: %d distinct requests, %d refused with 4xx, %d problems%n", distinct.size(), refused, problem.size());
    assertThat(problem).as("answers ≥ 500, accepted bad input, non-Swedish or internal messages").isEmpty();
    assertThat(distinct.size()).isGreaterThanOrEqualTo(400);

    // nothing off the forms stored: every variable name of the two instances, now and in history, is a form key or a routing fact
    Set<String> tillatna = allowedVariableNames();
    List<String> pis = uppdrag == null ? List.of(arende) : List.of(arende, uppdrag);
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      List<String> names = new ArrayList<>();
      for (String pi : pis) {
        names.addAll(jdbc.queryForList("select distinct name_ from " + table + " where proc_inst_id_ = ?", String.class, pi));
      }
      assertThat(names).as(table).isNotEmpty().doesNotContainAnyElementsOf(INJICERADE_NAMN);
      assertThat(tillatna).as(table + ": names not on any form nor a routing variable").containsAll(names);
    }
    // and the injected person, and every refused value, are nowhere in the engine's tables
    assertThat(PersonalDataScan.tableCount(dataSource, "act_")).isGreaterThan(40);
    assertThat(PersonalDataScan.hits(dataSource, "act_", List.of(NAMN, PERSONNUMMER, PERSONNUMMER.replace("-", ""), MARK))).isEmpty();
    assertThat(PersonalDataScan.hits(dataSource, "act_", List.of(referens))).as("positive control").isNotEmpty();
    assertThat(output.getAll()).as("the log").doesNotContain(NAMN, PERSONNUMMER);
  }

  // --- generators ---

  /** Every field of the form × its ways of being wrong, plus keys the form does not have. */
  private void formCorpus(Http http, String path, String formId, Map<String, Object> valid) throws Exception {
    Formkontrakt form = Formkontrakt.las(Files.readString(Path.of("processes", formId + ".form"), StandardCharsets.UTF_8));
    for (Falt f : form.falt()) {
      if (f.dold() != null && f.dold().galler(valid::get)) {
        continue; // hidden with these values: its value is not kept, nothing to refuse
      }
      if (f.obligatorisk()) {
        Map<String, Object> utan = new LinkedHashMap<>(valid);
        utan.remove(f.nyckel());
        send(http, "POST", path, vars(utan), true);
        send(http, "POST", path, vars(with(valid, f.nyckel(), null)), true);
        if (f.typ() == Typ.TEXT) {
          send(http, "POST", path, vars(with(valid, f.nyckel(), "   ")), true);
        }
      }
      for (Object fel : wrong(f)) {
        send(http, "POST", path, vars(with(valid, f.nyckel(), fel)), true);
      }
    }
    Object[][] okanda = {{"namn", NAMN}, {"personnummer", PERSONNUMMER}, {"adress", "Adressgatan 1 " + MARK},
        {"arendeReferens", "AVH-2026-9999" + MARK}, {"hemkommun", "malmo" + MARK}, {"${" + MARK + "}", "x"},
        {"k".repeat(300), MARK}, {"ä" + MARK, 1}, {"", MARK}, {PERSONNUMMER, MARK}};
    for (Object[] okand : okanda) {
      send(http, "POST", path, vars(with(valid, (String) okand[0], okand[1])), true);
    }
  }

  /** The ways a value for field {@code f} can be wrong. */
  private static List<Object> wrong(Falt f) {
    List<Object> ut = new ArrayList<>();
    ut.add(new Typed("Xml", "<a>" + MARK + "</a>", null));
    ut.add(new Typed("Object", "rO0ABXQAA2FiYw==", Map.of("objectTypeName", "java.lang.String",
        "serializationDataFormat", "application/x-java-serialized-object")));
    ut.add(new Typed("Object", "{\"a\":\"" + MARK + "\"}", Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat",
        "application/json")));
    ut.add(new Typed("Object", "{\"a\":1}", Map.of("objectTypeName", "se.finns.Inte" + MARK, "serializationDataFormat", "application/json")));
    ut.add(new Typed("Bytes", Base64.getEncoder().encodeToString(MARK.getBytes(StandardCharsets.UTF_8)), null));
    ut.add(new Typed("Json", "{inte json " + MARK, null));
    ut.add(new Typed("Okand" + MARK, "x", null));
    ut.add(new Typed("Integer", "abc" + MARK, null));
    ut.add(new Typed("Long", 1e300, null));
    ut.add(new Typed("Date", "inget datum " + MARK, null));
    ut.add(new Typed("Date", "2026-02-01T00:00:00.000+0100", null));
    ut.add(Map.of("djup", Map.of("djupare", MARK)));
    switch (f.typ()) {
      case TEXT -> {
        ut.add(true);
        ut.add(12345);
        ut.add(List.of(MARK));
        if (f.maxLangd() != null) {
          ut.add("x".repeat(f.maxLangd()) + MARK);
          ut.add(NAMN + " " + "y".repeat(f.maxLangd()));
        }
        ut.add(new JsonValue("\"" + MARK + "\""));
      }
      case JA_NEJ -> {
        ut.add("ja");
        ut.add("true");
        ut.add(1);
        ut.add(new Typed("String", "false" + MARK, null));
        if (f.obligatorisk()) {
          ut.add(false);
        }
      }
      case DATUM -> {
        ut.add("2026-02-30");
        ut.add("2026-13-01");
        ut.add("01/02/2026");
        ut.add("2026-02-01T10:00:00");
        ut.add("2026-2-1");
        ut.add(20260201);
        ut.add(MARK);
      }
      case ETT_AV -> {
        ut.add("FINNS_INTE_" + MARK);
        ut.add(true);
        ut.add(3);
        ut.add(new JsonValue("[\"" + MARK + "\"]"));
      }
      case FLERA_AV -> {
        ut.add(new JsonValue("[\"" + MARK + "\"]"));
        ut.add(new JsonValue("[\"KRISSTOD\""));
        ut.add(new JsonValue("{\"KRISSTOD\":true}"));
        ut.add(new JsonValue("[1,2]"));
        ut.add(new JsonValue("[\"KRISSTOD\",\"KRISSTOD\"]"));
        ut.add("KRISSTOD");
        ut.add(true);
        if (f.obligatorisk()) {
          ut.add(new JsonValue("[]"));
        }
      }
      case RADER -> {
        ut.add(new JsonValue("[{\"insats\":\"" + MARK + "\"}"));
        ut.add("inte en lista");
        ut.add(new JsonValue("[[]]"));
        ut.add(new JsonValue("[]"));
        ut.add(new JsonValue("{}"));
      }
      default -> { }
    }
    return ut;
  }

  /** Rows of the plan that are wrong in one way each. */
  private void planCorpus(Http http, String path) throws Exception {
    String ok = "{\"insats\":\"KRISSTOD\",\"utforare\":\"Malmö stad\",\"startdatum\":\"2026-03-01\",\"manadskostnad\":3000}";
    String[] rader = {
        ok.replace("\"KRISSTOD\"", "\"" + MARK + "\""),
        ok.replace("\"KRISSTOD\"", "\"BOENDESTOD\""), // in the catalogue, not in the decision
        ok.replace("\"KRISSTOD\"", "\"MOTIVATIONSSAMTAL\""),
        ok.replace("3000", "\"3000\""),
        ok.replace("3000", "-1"),
        ok.replace("3000", "10000001"),
        ok.replace("3000", "1.234"),
        ok.replace("3000", "true"),
        ok.replace("2026-03-01", "2026-02-30"),
        ok.replace("2026-03-01", "2026-03-01T00:00"),
        ok.replace("\"Malmö stad\"", "\"" + "u".repeat(201) + MARK + "\""),
        ok.replace("\"Malmö stad\"", "false"),
        ok.replace("\"Malmö stad\"", "\"  \""),
        ok.replace("}", ",\"namn\":\"" + NAMN + "\"}"),
        ok.replace("}", ",\"personnummer\":\"" + PERSONNUMMER + "\"}"),
        ok.replace("\"insats\":\"KRISSTOD\",", ""),
        ok.replace(",\"manadskostnad\":3000", ""),
        "\"" + MARK + "\"",
        "null",
        "[" + ok + "]",
    };
    for (String rad : rader) {
      send(http, "POST", path, vars(map("planposter", new JsonValue("[" + ok + "," + rad + "]"))), true);
    }
  }

  /** Bodies a client can get wrong before any field is looked at. */
  private void bodyCorpus(Http http, String path) throws Exception {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    String[] bodies = {"", "null", "[]", "{", "\"x\"", "42", "{\"variables\":null}", "{\"variables\":[]}", "{\"variables\":\"" + MARK + "\"}",
        "{\"variables\":{\"x\":null}}", "{\"variables\":{\"tillhorighet\":null}}", "{\"variables\":{\"tillhorighet\":{}}}",
        "{\"variables\":{\"tillhorighet\":{\"value\":" + deep + "}}}", "{\"variables\":" + deep + "}",
        "{\"variables\":{\"tillhorighet\":{\"value\":{\"a\":\"" + MARK + "\"}}}}",
        "{\"variables\":{\"tillhorighet\":{\"value\":\"HEMKOMMUNEN\",\"type\":\"String\",\"valueInfo\":\"" + MARK + "\"}}}",
        "{\"variables\":{\"tillhorighet\":{\"value\":1e999999}}}", "{\"variables\":{},\"businessKey\":\"" + "b".repeat(300) + MARK + "\"}",
        "{\"variables\":{\"tillhorighet\":{\"value\":\"\\ud800\"}}}", "{\"variables\":{\"a\":1,\"a\":2}}",
        "{\"variables\":{\"namn\":{\"value\":\"" + NAMN + "\"}},\"withVariablesInReturn\":\"ja\"}",
        "{\"variables\":{\"x1\":{\"value\":1},\"" + "n".repeat(5000) + "\":{\"value\":\"" + MARK + "\"}}}"};
    for (String body : bodies) {
      send(http, "POST", path, body, true);
    }
  }

  /** Unknown ids, paging and over-long parameters. */
  private void pathCorpus(Http http, String base, String liveTask) throws Exception {
    String okand = "00000000-0000-0000-0000-000000000000";
    String lang = "L".repeat(70) + MARK;
    String[] refused = {
        "GET /task/" + okand, "GET /task/" + okand + "/form-variables", "GET /task/" + okand + "/deployed-form",
        "POST /task/" + okand + "/submit-form {\"variables\":{}}", "GET /process-instance/" + okand, "GET /process-definition/" + okand,
        "GET /process-definition/" + okand + "/deployed-start-form", "POST /process-definition/" + okand + "/submit-form {\"variables\":{}}",
        "POST /process-definition/key/finnsinte" + RUN + "/submit-form {\"variables\":{}}", "GET /process-definition/key/finnsinte" + RUN,
        "GET /task/" + lang, "GET /process-instance/" + lang + "/variables", "GET /history/process-instance/" + okand,
        "GET /task?firstResult=-1&maxResults=10", "GET /task?firstResult=0&maxResults=-5", "GET /task?maxResults=abc",
        "GET /task?firstResult=1e3&maxResults=10", "GET /task?maxResults=99999999999", "GET /task/count?firstResult=-3",
        "POST /task?firstResult=-1&maxResults=10 {}", "POST /task?maxResults=10 {\"processInstanceBusinessKey\":" + "[".repeat(2000) + "}",
        "POST /task?maxResults=10 null", "POST /task?maxResults=10 {\"sorting\":[{\"sortBy\":\"" + MARK + "\",\"sortOrder\":\"asc\"}]}",
        "POST /task?maxResults=10 {\"priority\":\"hög\"}", "POST /task?maxResults=10 {\"dueBefore\":\"2026-02-30T00:00:00.000+0100\"}",
        "GET /task?dueBefore=igår&maxResults=10", "GET /task?priority=hög&maxResults=10",
        "GET /task?" + "p".repeat(300) + "=1&maxResults=10", "GET /task?processInstanceBusinessKey=" + "q".repeat(5000) + "&maxResults=10",
        "POST /task/" + liveTask + "/complete {\"variables\":{\"namn\":{\"value\":\"" + NAMN + "\"}}}",
        "POST /task/" + liveTask + "/submit-form {\"variables\":{\"personnummer\":{\"value\":\"" + PERSONNUMMER + "\"}}}",
        "POST /process-definition/key/uppdrag/submit-form {\"variables\":{}}",
        "POST /process-definition/key/arende/start {\"variables\":{\"namn\":{\"value\":\"" + NAMN + "\"}}}",
        "PUT /task/" + okand + "/variables/x {\"value\":\"" + MARK + "\"}",
        "POST /task/" + okand + "/claim {\"userId\":\"" + lang + "\"}",
    };
    for (String r : refused) {
      int space = r.indexOf(' ');
      int body = r.indexOf(' ', space + 1);
      String method = r.substring(0, space);
      String path = body < 0 ? r.substring(space + 1) : r.substring(space + 1, body);
      // a date Camunda's query parser may read leniently is a query that finds nothing, not an error
      send(http, method, base + path, body < 0 ? null : r.substring(body + 1), !r.contains("2026-02-30"));
    }
    // answers allowed to be 2xx (a valid query that finds nothing, deleting what is not there), as long as they are not errors
    send(http, "DELETE", base + "/task/" + okand, null, false);
    send(http, "GET", base + "/task?processInstanceBusinessKey=" + lang + "&maxResults=10", null, false);
    send(http, "GET", base + "/history/process-instance?processInstanceBusinessKey=" + lang + "&maxResults=10", null, false);
  }

  /** Our own API. */
  private void apiCorpus(Http caseworker, Http chef, String referens) throws Exception {
    String lang = "A".repeat(65);
    send(chef, "GET", "/api/loggkontroll?arende=" + lang, null, false);
    send(chef, "GET", "/api/loggkontroll?arende=" + "B".repeat(3000), null, false);
    send(chef, "GET", "/api/loggkontroll?anvandare=" + "C".repeat(200), null, false);
    for (String q : List.of("max=-1&fran=2026-02-30", "fran=igår", "till=2026-13-01", "fran=2026-01-01T25:00:00Z", "max=abc",
        "kommun=" + "k".repeat(100), "kommun=malmo", "firstResult=-1")) {
      send(chef, "GET", "/api/loggkontroll?" + q, null, true);
    }
    send(caseworker, "GET", "/api/loggkontroll", null, true);
    send(chef, "GET", "/api/loggkontroll/export?max=-4&fran=x", null, true);
    send(chef, "GET", "/api/finns-inte-" + RUN, null, true);
    String identitet = "/api/arenden/" + referens + "/identitet";
    for (String body : List.of("", "null", "{", "[]", "{\"namn\":null}", "{\"namn\":\"" + NAMN + "\",\"personnummer\":\"19811218-9875\"}",
        "{\"namn\":\"" + NAMN + "\",\"personnummer\":\"" + PERSONNUMMER + "\",\"skyddsniva\":\"" + MARK + "\"}",
        "{\"namn\":" + "[".repeat(3000) + "}", "{\"namn\":\"" + "n".repeat(5000) + "\",\"personnummer\":\"19811218-9876\"}")) {
      send(caseworker, "PUT", identitet, body, true);
    }
    send(caseworker, "GET", "/api/arenden/" + lang + "/identitet", null, true);
    send(caseworker, "PUT", "/api/arenden/AVH-0000-0000/identitet", "{\"namn\":\"" + NAMN + "\",\"personnummer\":\"19811218-9876\"}", true);
  }

  // --- sending and judging ---

  private void send(Http http, String method, String path, String body, boolean mustRefuse) throws Exception {
    distinct.add(method + " " + path + " " + body + " " + System.identityHashCode(http));
    HttpResponse<String> r = switch (method) {
      case "GET" -> http.get(path);
      case "DELETE" -> http.delete(path);
      case "PUT" -> http.putJson(path, body == null ? "" : body);
      default -> http.postJson(path, body == null ? "" : body);
    };
    String what = method + " " + abbreviate(path) + " " + abbreviate(body) + " -> " + r.statusCode() + " " + abbreviate(r.body());
    if (r.statusCode() >= 500) {
      problem.add("5xx: " + what);
      return;
    }
    if (r.statusCode() >= 400) {
      refused++;
      String message = message(r.body());
      if (message == null || !SVENSKA.matcher(message).find() || INTERNT.matcher(message).find()) {
        problem.add("not a clean Swedish refusal: " + what);
      }
    } else if (mustRefuse) {
      problem.add("accepted: " + what);
    }
  }

  private static String message(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.hasNonNull("message") ? n.get("message").asText() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  private static String onlyTask(Http http, String query) throws Exception {
    JsonNode tasks = JSON.readTree(http.get("/engine-rest/task?" + query + "&maxResults=10").body());
    assertThat(tasks).as(query).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static void submit(Http http, String task, Map<String, Object> values) throws Exception {
    HttpResponse<String> response = http.postJson("/engine-rest/task/" + task + "/submit-form", vars(values));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }

  private static String vars(Map<String, Object> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    for (var e : values.entrySet()) {
      ObjectNode v = variables.putObject(e.getKey());
      if (e.getValue() instanceof JsonValue j) {
        v.put("value", j.json()).put("type", "Json");
      } else if (e.getValue() instanceof Typed t) {
        v.putPOJO("value", t.value()).put("type", t.type());
        if (t.valueInfo() != null) {
          v.putPOJO("valueInfo", t.valueInfo());
        }
      } else {
        v.putPOJO("value", e.getValue());
      }
    }
    return JSON.writeValueAsString(JSON.createObjectNode().set("variables", variables));
  }

  /** Every key of every deployed form, and the routing variables the processes declare. */
  private static Set<String> allowedVariableNames() throws Exception {
    Set<String> names = new HashSet<>();
    try (var forms = Files.list(Path.of("processes"))) {
      for (Path p : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        names.addAll(Formkontrakt.las(Files.readString(p, StandardCharsets.UTF_8)).nycklar());
      }
    }
    for (Class<?> process : List.of(ArendeProcess.class, UppdragProcess.class)) {
      for (Field f : process.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("VAR_")) {
          names.add((String) f.get(null));
        }
      }
    }
    names.add("aktualiseradAv"); // the start event's initiator
    names.addAll(List.of("planensManadskostnad", "antalPlanposter", "avtalsslutSammanfattning")); // message payloads (Utskick)
    return names;
  }
}
