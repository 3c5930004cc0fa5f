package se.samverkan.avhoppare.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only when PostgreSQL answers. Outside CI an unreachable server skips the test with a
 * message saying how to enable it; with {@code CI=true} it fails the test: CI must run them.
 */
public class RequiresPostgres implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = PostgresTestDatabase.unavailableReason();
    if (reason == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.URL);
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("PostgreSQL integration tests are required in CI, but " + reason
          + ". .ci/run should have started the server and created the role and database.");
    }
    return ConditionEvaluationResult.disabled("PostgreSQL integration test skipped: " + reason
        + ". To run it: `bash .ci/run` (starts the local cluster and creates the test role and database), "
        + "or export AVHOPPARE_TEST_DB_URL, AVHOPPARE_TEST_DB_USER and AVHOPPARE_TEST_DB_PASSWORD.");
  }
}
