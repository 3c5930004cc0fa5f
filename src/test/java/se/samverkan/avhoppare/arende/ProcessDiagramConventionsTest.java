package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every diagram in processes/ as a process owner meets it in Modeler and a caseworker in Tasklist:
 * a shape for every flow node, an edge for every flow, a form and a candidate group on every user
 * task (the form present in processes/), historyTimeToLive on every process, no generated ids.
 */
class ProcessDiagramConventionsTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
      "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask",
      "manualTask", "callActivity", "subProcess", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "complexGateway");
  static final Pattern GENERATED = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
  static final Path PROCESSES = Path.of("processes");

  private static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> all(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  @Test
  void everyDiagramIsCompleteForModelerAndTasklist() throws Exception {
    List<Path> diagrams = diagrams();
    assertThat(diagrams).isNotEmpty();
    List<String> problems = new ArrayList<>();
    Set<String> forms = formIds();
    for (Path file : diagrams) {
      Document doc = parse(file);
      Set<String> shapes = new HashSet<>();
      all(doc, BPMNDI, "BPMNShape").forEach(s -> shapes.add(s.getAttribute("bpmnElement")));
      Set<String> edges = new HashSet<>();
      all(doc, BPMNDI, "BPMNEdge").forEach(e -> edges.add(e.getAttribute("bpmnElement")));
      for (Element process : all(doc, BPMN, "process")) {
        if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
          problems.add(file + ": process " + process.getAttribute("id") + " has no historyTimeToLive");
        }
      }
      for (String tag : FLOW_NODES) {
        for (Element node : all(doc, BPMN, tag)) {
          String id = node.getAttribute("id");
          if (!shapes.contains(id)) {
            problems.add(file + ": " + tag + " " + id + " has no shape");
          }
          if (GENERATED.matcher(id).matches()) {
            problems.add(file + ": " + tag + " " + id + " has a generated id");
          }
          if (!tag.endsWith("Gateway") && node.getAttribute("name").isBlank()) {
            problems.add(file + ": " + tag + " " + id + " has no label");
          }
        }
      }
      for (String tag : List.of("sequenceFlow", "messageFlow")) {
        for (Element flow : all(doc, BPMN, tag)) {
          if (!edges.contains(flow.getAttribute("id"))) {
            problems.add(file + ": " + tag + " " + flow.getAttribute("id") + " has no edge");
          }
        }
      }
      for (Element task : all(doc, BPMN, "userTask")) {
        String formRef = task.getAttributeNS(CAMUNDA, "formRef");
        if (formRef.isBlank()) {
          problems.add(file + ": user task " + task.getAttribute("id") + " has no form");
        } else if (!forms.contains(formRef)) {
          problems.add(file + ": user task " + task.getAttribute("id") + " refers to form " + formRef + ", which is not in processes/");
        }
        if (task.getAttributeNS(CAMUNDA, "candidateGroups").isBlank() && task.getAttributeNS(CAMUNDA, "assignee").isBlank()) {
          problems.add(file + ": user task " + task.getAttribute("id") + " has no candidate group");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsSwedishLabelledWithUniqueIds() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = mapper.readTree(file.toFile());
        Set<String> ids = new HashSet<>();
        for (JsonNode c : form.findParents("type")) {
          if (c.has("id") && !ids.add(c.get("id").asText())) {
            problems.add(file + ": duplicate component id " + c.get("id").asText());
          }
          boolean input = c.has("key");
          if (input && !(c.has("label") || c.has("dateLabel"))) {
            problems.add(file + ": field " + c.get("key").asText() + " has no label");
          }
        }
        if (form.path("schemaVersion").asInt() < 1) {
          problems.add(file + ": no schemaVersion");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        ids.add(mapper.readTree(file.toFile()).path("id").asText());
      }
    }
    return ids;
  }
}
