package se.samverkan.avhoppare.config;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lost race as Camunda's REST API answers errors ({@code type}, {@code message}): 409 or 404 with the
 * Swedish message, never a 500 with engine internals. Registered in every Jersey application (the engine
 * REST API and the webapps' API) by {@link RaceLostMapperRegistration}.
 */
@Provider
public class RaceLostExceptionMapper implements ExceptionMapper<RaceLostException> {

  @Override
  public Response toResponse(RaceLostException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", e.status() == 404 ? "NotFound" : "OptimisticLockingException");
    body.put("message", e.getMessage());
    return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store").entity(body).build();
  }
}
