package se.samverkan.avhoppare.organisation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator into a plain start-up message instead of a stack trace. */
public class MissingAdminCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminCredentialsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set AVHOPPARE_ADMIN_USER and AVHOPPARE_ADMIN_PASSWORD in the environment (for docker compose: in .env). "
            + "The password must satisfy Camunda's password policy (at least 10 characters with upper and lower "
            + "case, a digit and a special character).",
        cause);
  }
}
