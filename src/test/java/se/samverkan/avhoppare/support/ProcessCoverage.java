package se.samverkan.avhoppare.support;

import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process-test-coverage in the shared test context: only classes named {@code *ProcessTest} are
 * measured, test-only processes are left out, and the report lands in target/process-test-coverage.
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
}
