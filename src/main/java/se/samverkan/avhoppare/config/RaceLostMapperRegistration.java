package se.samverkan.avhoppare.config;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link RaceLostExceptionMapper} in every Jersey application of the service: {@code /engine-rest}
 * and the webapps' engine API ({@code /camunda/api/engine}, Camunda's own application class, which takes no
 * providers from Spring). Listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}.
 */
public class RaceLostMapperRegistration implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RaceLostExceptionMapper.class)) {
      context.register(RaceLostExceptionMapper.class);
    }
  }
}
