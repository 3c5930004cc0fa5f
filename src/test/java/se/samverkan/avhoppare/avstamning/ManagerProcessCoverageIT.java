package se.samverkan.avhoppare.avstamning;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.support.ProcessCoverage;

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
      Map<String, Set<String>> covered = new HashMap<>();
      ProcessCoverage.addReached(e.getValue(), e.getValue(), covered);
      ProcessCoverage.assertEveryFlowNodeAndSequenceFlowReached(e.getKey(), covered);
    }
  }
}
