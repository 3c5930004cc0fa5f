package se.samverkan.avhoppare.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions in task queries on every HTTP route, before the engine sees them.
 *
 * <p>Camunda 7.24.0 CE evaluates expressions nested in a task query's {@code orQueries} even with
 * {@code enableExpressionsInAdhocQueries=false}: an authenticated user could run code on the
 * server. 7.24.0 gets no more fixes, so this filter stands in front of the engine REST API
 * ({@code /engine-rest}) and the webapps' API ({@code /camunda/api/engine}):
 *
 * <ul>
 *   <li>ad-hoc task queries ({@code /task}, {@code /task/count}) and filter executions
 *       ({@code /filter/{id}/list|count|singleResult}, whose body extends the stored query): no
 *       expression anywhere, neither in the query string nor in any JSON value;
 *   <li>stored filters ({@code /filter/create}, {@code PUT /filter/{id}}): only the documented
 *       filter functions {@code currentUser()}, {@code currentUserGroups()}, {@code now()} and
 *       {@code dateTime()} with plain date arithmetic.
 * </ul>
 *
 * JSON is parsed (not searched as text), so a {@code \u0024{…}} escape is seen as what it is.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  static final int MAX_BODY = 256 * 1024;

  private static final Pattern GUARDED = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/(?:task|filter)(?:/.*)?)$");
  private static final Pattern ALLOWED_IN_FILTER = Pattern.compile(
      "\\$\\{(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes)\\(\\d{1,4}\\))*"
          + "(?:\\.(?:withTimeAtStartOfDay)\\(\\))?(?:\\.toDate\\(\\))?)\\}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private enum Kind { NONE, QUERY, STORED_FILTER }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Kind kind = classify(request);
    if (kind == Kind.NONE) {
      chain.doFilter(request, response);
      return;
    }
    List<String> values = new ArrayList<>(queryStringValues(request.getQueryString()));
    HttpServletRequest forward = request;
    if (hasBody(request)) {
      CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
      if (cached == null) {
        JsonErrors.write(response, 413, "InvalidRequestException", "Begäran är för stor.");
        return;
      }
      try {
        collectValues(MAPPER.readTree(cached.body()), values);
      } catch (JsonProcessingException e) {
        JsonErrors.write(response, 400, "InvalidRequestException", "Frågan är inte giltig JSON.");
        return;
      }
      forward = cached;
    }
    for (String value : values) {
      if (containsForbiddenExpression(value, kind)) {
        JsonErrors.write(response, 400, "InvalidRequestException",
            kind == Kind.QUERY
                ? "Uttryck är inte tillåtna i sökningar efter uppgifter (inte heller i orQueries)."
                : "I sparade filter är bara funktionerna currentUser(), currentUserGroups(), now() och dateTime() tillåtna.");
        return;
      }
    }
    chain.doFilter(forward, response);
  }

  private static Kind classify(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    path = path.replaceAll("/{2,}", "/").replaceAll("/+$", "");
    Matcher m = GUARDED.matcher(path);
    if (!m.matches()) {
      return Kind.NONE;
    }
    String[] segments = m.group(1).substring(1).split("/");
    if (segments[0].equals("task")) {
      boolean query = segments.length == 1 || (segments.length == 2 && segments[1].equals("count"));
      return query ? Kind.QUERY : Kind.NONE;
    }
    // filter
    if (segments.length == 2 && (segments[1].equals("create") || "PUT".equalsIgnoreCase(request.getMethod()))) {
      return Kind.STORED_FILTER;
    }
    return Kind.QUERY;
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return !"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method) && !"OPTIONS".equalsIgnoreCase(method);
  }

  static boolean containsForbiddenExpression(String value, Kind kind) {
    if (value.indexOf("${") < 0 && value.indexOf("#{") < 0) {
      return false;
    }
    if (kind == Kind.QUERY || value.contains("#{")) {
      return true;
    }
    return value.contains("${") && !ALLOWED_IN_FILTER.matcher(value).matches();
  }

  private static List<String> queryStringValues(String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String pair : queryString.split("&")) {
      for (String part : pair.split("=", 2)) {
        values.add(decode(part));
      }
    }
    return values;
  }

  private static String decode(String s) {
    try {
      // decode repeatedly: a doubly encoded $%257B must not slip through
      String previous;
      String current = s;
      int rounds = 0;
      do {
        previous = current;
        current = URLDecoder.decode(previous, StandardCharsets.UTF_8);
      } while (!current.equals(previous) && ++rounds < 5);
      return current;
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static void collectValues(JsonNode node, List<String> values) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      values.add(node.textValue());
    } else if (node.isContainerNode()) {
      node.fieldNames().forEachRemaining(values::add);
      node.elements().forEachRemaining(child -> collectValues(child, values));
    }
  }
}
