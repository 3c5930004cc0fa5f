package se.samverkan.avhoppare.felsvar;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * JAX-RS exception mappers for every type Camunda's REST API maps itself, with a higher priority than
 * Camunda's, so {@link Felsvar} decides the answer on /engine-rest, the webapps' API and /api alike.
 */
public final class Felmappare {

  private Felmappare() {}

  static final Class<?>[] ALLA = {Alla.class, Motor.class, Rest.class, Behorighet.class, JsonFel.class, JsonTolkning.class, Webb.class};

  @Priority(1)
  public static final class Alla implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class Motor implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class Behorighet implements ExceptionMapper<AuthorizationException> {
    @Override
    public Response toResponse(AuthorizationException e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class Rest implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class JsonFel implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class JsonTolkning implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return Felsvar.svar(e);
    }
  }

  @Priority(1)
  public static final class Webb implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      return Felsvar.svar(e);
    }
  }
}
