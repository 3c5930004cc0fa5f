package se.samverkan.avhoppare.avstamning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The managers' processes are covered whole by their process tests: {@code avstamning} and
 * {@code avstamningskontroll} by {@code AvstamningProcessTest}, {@code avtalsuppsagning} by
 * {@code AvtalsuppsagningProcessTest}. After the unit tests, this reads their coverage reports and
 * fails on any flow node or sequence flow never reached, and prints the figures.
 */
class ManagerProcessCoverageIT {

  static final Map<String, String> DIAGRAM_SUITE = Map.of(
      "processes/avstamning.bpmn", "se.samverkan.avhoppare.avstamning.AvstamningProcessTest",
      "processes/avtalsuppsagning.bpmn", "se.samverkan.avhoppare.arende.AvtalsuppsagningProcessTest");

  @Test
  void everyPathOfTheManagersProcessesIsReachedByTheirTests() throws Exception {
    for (Map.Entry<String, String> e : DIAGRAM_SUITE.entrySet()) {
      Path report = Path.of("target/process-test-coverage/" + e.getValue() + "/report.json");
      assertThat(report).as("coverage report of " + e.getValue() + " (run the unit tests first: ./mvnw verify)").exists();
      Map<String, Set<String>> covered = new HashMap<>();
      for (JsonNode run : new ObjectMapper().readTree(report.toFile()).at("/suites/0/runs")) {
        for (JsonNode event : run.get("events")) {
          covered.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>()).add(event.get("definitionKey").asText());
        }
      }
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(e.getKey()).toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> elements = new TreeSet<>();
        Stream.concat(model.getModelElementsByType(FlowNode.class).stream(), model.getModelElementsByType(SequenceFlow.class).stream())
            .filter(el -> inProcess(el, process)).forEach(el -> elements.add(el.getAttributeValue("id")));
        Set<String> missing = new TreeSet<>(elements);
        missing.removeAll(covered.getOrDefault(process.getId(), Set.of()));
        System.out.printf("process-test-coverage %s: %d of %d flow nodes and sequence flows%n", process.getId(),
            elements.size() - missing.size(), elements.size());
        assertThat(elements).as(process.getId() + " has elements").isNotEmpty();
        assertThat(missing).as("never reached in " + process.getId()).isEmpty();
      }
    }
  }

  private static boolean inProcess(ModelElementInstance element, Process process) {
    for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e == process) {
        return true;
      }
    }
    return false;
  }
}
