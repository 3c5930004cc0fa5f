package se.samverkan.avhoppare.config;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the service itself, without the current user's authentication (which
 * Camunda keeps per thread), and restores it afterwards. For the service's own bookkeeping only
 * (resolving which case a request touched, correlating messages between municipalities), never to
 * hand a user data they may not see.
 */
public final class EngineAuthentication {

  private EngineAuthentication() {}

  public static void asService(IdentityService identityService, Runnable work) {
    asService(identityService, () -> {
      work.run();
      return null;
    });
  }

  public static <T> T asService(IdentityService identityService, Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
