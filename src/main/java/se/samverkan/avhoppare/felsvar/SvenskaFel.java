package se.samverkan.avhoppare.felsvar;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link Felmappare} in every Jersey application of the service — Camunda's engine REST API,
 * the webapps' API (a Jersey application the webapp starter creates, which no Spring bean reaches)
 * and our /api — through Jersey's service loader ({@code META-INF/services}).
 */
public final class SvenskaFel implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mappare : Felmappare.ALLA) {
      if (!context.getConfiguration().isRegistered(mappare)) {
        context.register(mappare, 1);
      }
    }
  }
}
