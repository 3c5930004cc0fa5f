package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * Process-test-coverage reports per test class; the lifecycle is tested by two (steps 1–7 and
 * 8–13). After the unit tests have run, this joins their reports and requires every flow node and
 * sequence flow of both processes to have been reached, and prints the figures.
 */
class ProcessCoverageIT {

  static final List<String> SUITES = List.of("AvhopparProcessTest", "VerkstallighetProcessTest");

  @Test
  void theProcessTestsTogetherCoverEveryFlowNodeAndSequenceFlow() throws Exception {
    Map<String, Set<String>> covered = new HashMap<>();
    for (String suite : SUITES) {
      Path report = Path.of("target/process-test-coverage/se.samverkan.avhoppare.arende." + suite + "/report.json");
      assertThat(report).as("coverage report of " + suite + " (run the unit tests first: ./mvnw verify)").exists();
      for (JsonNode run : new ObjectMapper().readTree(report.toFile()).at("/suites/0/runs")) {
        for (JsonNode event : run.get("events")) {
          covered.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>()).add(event.get("definitionKey").asText());
        }
      }
    }
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/avhoppare.bpmn").toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      Set<String> elements = new TreeSet<>();
      Stream.concat(model.getModelElementsByType(FlowNode.class).stream(), model.getModelElementsByType(SequenceFlow.class).stream())
          .filter(e -> inProcess(e, process)).forEach(e -> elements.add(e.getAttributeValue("id")));
      Set<String> missing = new TreeSet<>(elements);
      missing.removeAll(covered.getOrDefault(process.getId(), Set.of()));
      System.out.printf("process-test-coverage %s: %d of %d flow nodes and sequence flows%n", process.getId(),
          elements.size() - missing.size(), elements.size());
      assertThat(elements).as(process.getId() + " has elements").isNotEmpty();
      assertThat(missing).as("never reached in " + process.getId()).isEmpty();
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
