package se.samverkan.avhoppare.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** JSON answers of the service's own API, errors shaped like Camunda's ({@code type}, {@code message}), never cached. */
public final class ApiResponses {

  private ApiResponses() {}

  public static Response json(ObjectMapper mapper, int status, Object body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=utf-8")
          .entity(mapper.writeValueAsString(body)).header("Cache-Control", "no-store").build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An error with a message safe to show (Swedish for caseworkers), its type named after the status. */
  public static Response error(ObjectMapper mapper, int status, String message) {
    String type = switch (status) {
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      case 404 -> "NotFound";
      default -> "InvalidRequestException";
    };
    return json(mapper, status, Map.of("type", type, "message", message));
  }
}
