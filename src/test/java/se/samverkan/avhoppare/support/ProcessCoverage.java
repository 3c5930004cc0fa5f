package se.samverkan.avhoppare.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
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
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process-test-coverage in the shared test context: only classes named {@code *ProcessTest} are
 * measured, test-only processes are left out, and the report lands in target/process-test-coverage.
 * The static helpers join those reports for the coverage ITs ({@code ProcessCoverageIT},
 * {@code ManagerProcessCoverageIT}) and check a diagram against them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverageProperties() {
    return new ProcessEngineCoverageProperties(false, true, List.of("attack_hemligt", "test_owner_deploy",
        "test_caseworker_deploy", "test_serialization"), List.of(), Map.of(), List.of(),
        "target/process-test-coverage");
  }

  /**
   * Reads the coverage report of one process test class into {@code reached} (process id to the ids
   * of the flow nodes and sequence flows reached); fails if the report is missing.
   *
   * @param testClass fully qualified name of the process test class
   * @param name how the failure message names the test class
   */
  public static void addReached(String testClass, String name, Map<String, Set<String>> reached) throws IOException {
    Path report = Path.of("target/process-test-coverage/" + testClass + "/report.json");
    assertThat(report).as("coverage report of " + name + " (run the unit tests first: ./mvnw verify)").exists();
    for (JsonNode run : new ObjectMapper().readTree(report.toFile()).at("/suites/0/runs")) {
      for (JsonNode event : run.get("events")) {
        reached.computeIfAbsent(event.get("modelKey").asText(), k -> new HashSet<>()).add(event.get("definitionKey").asText());
      }
    }
  }

  /**
   * Fails on any flow node or sequence flow of any process in the diagram that {@code reached} does
   * not hold, and prints the figures per process.
   */
  public static void assertEveryFlowNodeAndSequenceFlowReached(String diagram, Map<String, Set<String>> reached) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(diagram).toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      Set<String> elements = new TreeSet<>();
      Stream.concat(model.getModelElementsByType(FlowNode.class).stream(), model.getModelElementsByType(SequenceFlow.class).stream())
          .filter(e -> inProcess(e, process)).forEach(e -> elements.add(e.getAttributeValue("id")));
      Set<String> missing = new TreeSet<>(elements);
      missing.removeAll(reached.getOrDefault(process.getId(), Set.of()));
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
