package se.samverkan.avhoppare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Refusals written the way Camunda's REST API writes its errors: {@code {"type":…,"message":…}}. */
public final class JsonErrors {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonErrors() {}

  public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    MAPPER.writeValue(response.getOutputStream(), body);
  }
}
