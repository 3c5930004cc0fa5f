package se.samverkan.avhoppare.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * One Jackson {@link ObjectMapper} for Camunda's REST resources, configured exactly as Camunda's own
 * {@link JacksonConfigurator} configures it, built once instead of once per request.
 *
 * <p>Camunda's resolver answers every {@code getContext} with a <em>new</em> mapper, and its resources
 * ask for one whenever they are created — once per request (for example the filter resource that reads
 * Tasklist's query, and the HAL task list). A new mapper has no cached (de)serializers, so every request
 * paid for introspecting the DTO classes again: about 1.5–2.5 ms per mapper on the 2-core machine
 * (measured in isolation), several per Tasklist request. A configured {@code ObjectMapper} is
 * thread-safe, and nothing in Camunda's REST or webapp code changes a mapper after it has it (checked
 * against the 7.24 jars: no call to a configuring method outside {@code JacksonConfigurator}).
 *
 * <p>Registered in every Jersey application of the service ({@code /engine-rest}, the webapps' APIs)
 * through Jersey's service loader, with a higher priority than Camunda's resolver, so Jersey asks it
 * first. {@link #served()} counts the mappers handed out, so a test can tell that it is the one in use.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
@Priority(1)
public final class SharedObjectMapper implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  private static final AtomicLong SERVED = new AtomicLong();

  /** How many times a Jersey application of this JVM was handed the shared mapper. */
  public static long served() {
    return SERVED.get();
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    SERVED.incrementAndGet();
    return MAPPER;
  }

  /** Adds the resolver to every Jersey application (listed in {@code META-INF/services}). */
  public static final class Registration implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(SharedObjectMapper.class)) {
        context.register(SharedObjectMapper.class, 1);
      }
    }
  }
}
