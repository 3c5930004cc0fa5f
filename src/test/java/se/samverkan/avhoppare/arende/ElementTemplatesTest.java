package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every delegate and listener bean a diagram in processes/ calls has an element template in
 * processes/.camunda/element-templates/ that sets exactly that call on that kind of element, so a process
 * owner picks "Skicka förfrågan" in Modeler instead of typing a bean name (a new delegate without a
 * template fails here). The templates' schema is checked by {@code npm run check-templates} in CI.
 *
 * <p>One exception, by necessity: Camunda 7 element templates cannot set task listeners, so the server
 * check {@code ${uppgiftsvalidering}} on completing a user task has no template (docs/process-owners.md
 * tells owners how to add it by hand).
 */
class ElementTemplatesTest {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Path PROCESSES = Path.of("processes");
  static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
  /** Calls templates cannot express (see the class comment). */
  static final Set<String> WITHOUT_TEMPLATE = Set.of("bpmn:UserTask taskListener complete ${uppgiftsvalidering}");

  @Test
  void everyDelegateAndListenerInTheDiagramsHasATemplate() throws Exception {
    Set<String> used = usedInDiagrams();
    assertThat(used).as("delegate and listener calls found in processes/*.bpmn").hasSizeGreaterThan(10);
    Set<String> offered = offeredByTemplates();

    List<String> missing = new ArrayList<>();
    for (String call : used) {
      if (!offered.contains(call) && !WITHOUT_TEMPLATE.contains(call)) {
        missing.add(call);
      }
    }
    assertThat(missing).as("calls in processes/*.bpmn without an element template in %s "
        + "(element type, binding, event, expression)", TEMPLATES).isEmpty();
  }

  @Test
  void everyTemplateIsInSwedishAndNamesWhatItDoes() throws Exception {
    for (JsonNode template : templates()) {
      String id = template.path("id").asText();
      assertThat(id).as("template id").startsWith("avhoppare.");
      assertThat(template.path("$schema").asText()).as("%s $schema", id)
          .contains("@camunda/element-templates-json-schema");
      assertThat(template.path("name").asText()).as("%s name", id).isNotBlank();
      assertThat(template.path("description").asText()).as("%s description", id).hasSizeGreaterThan(20);
      assertThat(template.path("version").asInt()).as("%s version", id).isPositive();
    }
  }

  /** "bpmn:ServiceTask delegateExpression - ${bean}", "bpmn:EndEvent executionListener start ${bean}", ... */
  private static Set<String> usedInDiagrams() throws Exception {
    Set<String> used = new TreeSet<>();
    List<Path> diagrams;
    try (Stream<Path> files = Files.list(PROCESSES)) {
      diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
    for (Path diagram : diagrams) {
      Document doc = parse(diagram);
      NodeList all = doc.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        for (String attribute : List.of("delegateExpression", "expression", "class")) {
          String value = element.getAttributeNS(CAMUNDA, attribute);
          if (!value.isEmpty()) {
            used.add(type(element) + " " + attribute + " - " + value);
          }
        }
        if (CAMUNDA.equals(element.getNamespaceURI())
            && (element.getLocalName().equals("executionListener") || element.getLocalName().equals("taskListener"))) {
          Element owner = (Element) element.getParentNode().getParentNode(); // extensionElements' parent
          String call = !element.getAttribute("delegateExpression").isEmpty() ? element.getAttribute("delegateExpression")
              : !element.getAttribute("expression").isEmpty() ? element.getAttribute("expression")
              : element.getAttribute("class");
          used.add(type(owner) + " " + element.getLocalName() + " " + element.getAttribute("event") + " " + call);
        }
      }
    }
    return used;
  }

  private static Set<String> offeredByTemplates() throws Exception {
    Set<String> offered = new HashSet<>();
    for (JsonNode template : templates()) {
      for (JsonNode applies : template.path("appliesTo")) {
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          String value = property.path("value").asText();
          switch (binding.path("type").asText()) {
            case "property" -> {
              String name = binding.path("name").asText();
              if (name.startsWith("camunda:")) {
                offered.add(applies.asText() + " " + name.substring("camunda:".length()) + " - " + value);
              }
            }
            case "camunda:executionListener" -> offered.add(applies.asText() + " executionListener "
                + binding.path("event").asText() + " " + value);
            default -> { }
          }
        }
      }
    }
    return offered;
  }

  private static List<JsonNode> templates() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> templates = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(TEMPLATES)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("element templates in %s", TEMPLATES).isNotEmpty();
    for (Path file : files) {
      JsonNode node = json.readTree(file.toFile());
      if (node.isArray()) {
        node.forEach(templates::add);
      } else {
        templates.add(node);
      }
    }
    return templates;
  }

  /** "bpmn:ServiceTask" for a serviceTask element: the type as element templates name it. */
  private static String type(Node element) {
    String local = element.getLocalName();
    return "bpmn:" + Character.toUpperCase(local.charAt(0)) + local.substring(1);
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
