package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * What docs/process-owners.md tells a process owner about changing a diagram with cases running, done
 * once for real on PostgreSQL through /engine-rest: a changed arende.bpmn is deployed with its forms
 * (a new version of the arende process); a running case stays on its version until it is migrated; a
 * manager may not migrate it (403); the administrator generates the migration plan (activities mapped
 * by id) and migrates the case; the case then continues on the new version and its waiting task
 * completes through the server checks with the new deployment's form.
 */
@PostgresIntegrationTest
class ProcessMigrationIT {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String WAITING_TASK = "UserTask_Tillhorighetsutredning";
  static final String NEXT_TASK = "UserTask_ValjMottagandeKommun";
  static final Path PROCESSES = Path.of("processes");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private String deploymentId;
  private ProcessInstance arende;

  @AfterEach
  void removeTheChangedVersion() {
    if (arende != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(arende.getId()).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(arende.getId(), "migration test done");
    }
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aRunningCaseIsMigratedToAChangedDiagramByTheAdministratorAndContinues() throws Exception {
    Http admin = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD);
    String chefId = TestAccounts.uniqueId("chef");
    Http chef = new Http(port).basic(chefId, TestAccounts.createUser(engine.getIdentityService(), chefId, "stockholm-chef"));
    String caseworkerId = TestAccounts.uniqueId("handlaggare");
    Http caseworker = new Http(port).basic(caseworkerId,
        TestAccounts.createUser(engine.getIdentityService(), caseworkerId, "stockholm-handlaggare"));

    arende = ArendeTestCases.startaStockholmsArende(engine);
    String source = arende.getProcessDefinitionId();
    assertThat(task(WAITING_TASK)).as("the case waits at %s", WAITING_TASK).isNotNull();

    // 1. the changed diagram, deployed with its forms (formRefBinding="deployment"), as Modeler does it
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("arende.bpmn", changedDiagram());
    try (Stream<Path> forms = Files.list(PROCESSES)) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        files.put(form.getFileName().toString(), Files.readAllBytes(form));
      }
    }
    HttpResponse<String> deployed = deploy(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD, files);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    deploymentId = JSON.readTree(deployed.body()).get("id").asText();
    ProcessDefinition target = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).processDefinitionKey("arende").singleResult();
    assertThat(target.getVersion()).isGreaterThan(engine.getRepositoryService().getProcessDefinition(source).getVersion());
    assertThat(instance().getProcessDefinitionId()).as("a running case stays on its version").isEqualTo(source);

    // 2. the migration plan: every activity mapped to the one with the same id
    String planRequest = JSON.writeValueAsString(Map.of(
        "sourceProcessDefinitionId", source, "targetProcessDefinitionId", target.getId(), "updateEventTriggers", true));
    HttpResponse<String> generated = admin.postJson("/engine-rest/migration/generate", planRequest);
    assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
    JsonNode plan = JSON.readTree(generated.body());
    assertThat(plan.get("instructions").toString()).as("the plan's instructions").contains("\"" + WAITING_TASK + "\"");

    ObjectNode execute = JSON.createObjectNode();
    execute.set("migrationPlan", plan);
    execute.putArray("processInstanceIds").add(arende.getId());
    HttpResponse<String> validated = admin.postJson("/engine-rest/migration/validate", JSON.writeValueAsString(plan));
    assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
    assertThat(JSON.readTree(validated.body()).get("instructionReports")).as(validated.body()).isEmpty();

    // 3. a manager may not migrate; nothing changes
    HttpResponse<String> refused = chef.postJson("/engine-rest/migration/execute", JSON.writeValueAsString(execute));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(instance().getProcessDefinitionId()).isEqualTo(source);

    // 4. the administrator migrates the case
    HttpResponse<String> migrated = admin.postJson("/engine-rest/migration/execute", JSON.writeValueAsString(execute));
    assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);
    assertThat(instance().getProcessDefinitionId()).isEqualTo(target.getId());
    var waiting = task(WAITING_TASK);
    assertThat(waiting.getProcessDefinitionId()).isEqualTo(target.getId());

    // 5. the case continues on the new version: the task completes through the server checks
    HttpResponse<String> bad = caseworker.postJson("/engine-rest/task/" + waiting.getId() + "/submit-form",
        vars("tillhorighet", "HEMKOMMUNEN"));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("Fältet 'Motivering' måste anges.");
    HttpResponse<String> done = caseworker.postJson("/engine-rest/task/" + waiting.getId() + "/submit-form",
        vars("tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(task(NEXT_TASK)).as("the next task, %s, on the new version", NEXT_TASK).isNotNull()
        .satisfies(next -> assertThat(next.getProcessDefinitionId()).isEqualTo(target.getId()));
  }

  /** processes/arende.bpmn with the waiting task renamed: a change a process owner makes in Modeler. */
  private static byte[] changedDiagram() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(PROCESSES.resolve("arende.bpmn").toFile());
    NodeList tasks = doc.getElementsByTagNameNS(BPMN, "userTask");
    boolean changed = false;
    for (int i = 0; i < tasks.getLength(); i++) {
      Element task = (Element) tasks.item(i);
      if (WAITING_TASK.equals(task.getAttribute("id"))) {
        task.setAttribute("name", task.getAttribute("name") + " (ny version)");
        changed = true;
      }
    }
    assertThat(changed).as("%s in processes/arende.bpmn", WAITING_TASK).isTrue();
    StringWriter xml = new StringWriter();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(xml));
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** POST /engine-rest/deployment/create with several files, as Modeler's deploy dialog sends them. */
  private HttpResponse<String> deploy(String user, String password, Map<String, byte[]> files) throws Exception {
    String boundary = "----migreringstest" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = Map.of("deployment-name", "migreringstest", "deployment-source", "ProcessMigrationIT",
        "enable-duplicate-filtering", "false");
    for (var field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
          + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private ProcessInstance instance() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(arende.getId()).singleResult();
  }

  private org.camunda.bpm.engine.task.Task task(String definitionKey) {
    List<org.camunda.bpm.engine.task.Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceId(arende.getId()).taskDefinitionKey(definitionKey).list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private static String vars(Object... kv) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      variables.putObject((String) kv[i]).putPOJO("value", kv[i + 1]);
    }
    return JSON.writeValueAsString(JSON.createObjectNode().set("variables", variables));
  }
}
