package se.samverkan.avhoppare.arende;

import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.support.ProcessCoverage;

/**
 * Process-test-coverage reports per test class; the lifecycle is tested by two (steps 1–7 and
 * 8–13). After the unit tests have run, this joins their reports and requires every flow node and
 * sequence flow of both processes (arende.bpmn, uppdrag.bpmn) to have been reached, and prints the figures.
 */
class ProcessCoverageIT {

  static final List<String> SUITES = List.of("AvhopparProcessTest", "VerkstallighetProcessTest");

  @Test
  void theProcessTestsTogetherCoverEveryFlowNodeAndSequenceFlow() throws Exception {
    Map<String, Set<String>> covered = new HashMap<>();
    for (String suite : SUITES) {
      ProcessCoverage.addReached("se.samverkan.avhoppare.arende." + suite, suite, covered);
    }
    ProcessCoverage.assertEveryFlowNodeAndSequenceFlowReached("processes/arende.bpmn", covered);
    ProcessCoverage.assertEveryFlowNodeAndSequenceFlowReached("processes/uppdrag.bpmn", covered);
  }
}
