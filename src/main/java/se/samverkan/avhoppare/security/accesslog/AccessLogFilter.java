package se.samverkan.avhoppare.security.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverkan.avhoppare.security.CachedBodyRequest;
import se.samverkan.avhoppare.security.JsonErrors;

/**
 * Writes every authenticated request to the engine REST API and the webapps' APIs to the access
 * log, after the response: who, when, which case (resolved from the ids in the request), what, from
 * where, and the answer's status. It runs inside the REST authentication filter, so the REST user is
 * known; webapp users come from their session. A failure to log is itself logged and never hides
 * the answer.
 */
public class AccessLogFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
  private static final Pattern API = Pattern.compile(
      "^(?<surface>/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+|/camunda/api/cockpit/plugin/[^/]+/[^/]+"
          + "|/camunda/api/tasklist/plugin/[^/]+/[^/]+)(?<rest>/.*)?$");
  private static final Pattern READ_POST = Pattern.compile(
      "(^|/)(task|process-instance|variable-instance|execution|incident|job|count|list|singleResult|history/.*[a-z])$");
  private static final Pattern CHANGE_WORDS = Pattern.compile("(delete|suspended|async|retries|modification|restart|set-removal-time)");

  private static final int MAX_BODY = 1024 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> CASE_KEYS = List.of("processInstanceId", "processInstanceIdIn", "processInstanceIds",
      "businessKey", "processInstanceBusinessKey");

  private final ProcessEngine engine;
  private final CaseResolver resolver;
  private final AccessLog log;

  public AccessLogFilter(ProcessEngine engine, CaseResolver resolver, AccessLog log) {
    this.engine = engine;
    this.resolver = resolver;
    this.log = log;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher m = API.matcher(path.replaceAll("/{2,}", "/"));
    Caller user = m.matches() ? currentUser(request) : null;
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest forward = request;
    Map<String, String[]> params = new HashMap<>(request.getParameterMap());
    if (isJson(request)) {
      CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
      if (cached == null) {
        JsonErrors.write(response, 413, "InvalidRequestException", "Begäran är för stor.");
        record(request, params, 413, user, m.group("surface"), m.group("rest") == null ? "" : m.group("rest"));
        return;
      }
      caseKeysFromBody(cached.body(), params);
      forward = cached;
    }
    try {
      chain.doFilter(forward, response);
    } finally {
      record(request, params, response.getStatus(), user, m.group("surface"), m.group("rest") == null ? "" : m.group("rest"));
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
        && !"GET".equalsIgnoreCase(request.getMethod());
  }

  /** Case keys named in a JSON body (queries by POST): the query string's names win. */
  private static void caseKeysFromBody(byte[] body, Map<String, String[]> params) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        return;
      }
      for (String key : CASE_KEYS) {
        JsonNode value = root.get(key);
        if (value != null && value.isArray() && !value.isEmpty()) {
          value = value.get(0);
        }
        if (value != null && value.isTextual() && !params.containsKey(key)) {
          params.put(key, new String[] {value.textValue()});
        }
      }
    } catch (IOException e) {
      // not JSON after all: the API will answer that; nothing to attribute
    }
  }

  private void record(HttpServletRequest request, Map<String, String[]> params, int status, Caller user, String surface,
      String rest) {
    try {
      Optional<CaseResolver.CaseRef> ref = resolver.resolve(rest, params);
      // no single case: the user's own municipality, already known from the authentication
      String kommun = ref.map(CaseResolver.CaseRef::tenantId)
          .orElse(user.tenants() == null || user.tenants().isEmpty() ? null : user.tenants().get(0));
      String resource = request.getMethod() + " " + surface + rest
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      log.append(new AccessLogEntry(null, OffsetDateTime.now(), user.id(), kommun,
          ref.map(CaseResolver.CaseRef::businessKey).orElse(null),
          ref.map(CaseResolver.CaseRef::processInstanceId).orElse(null),
          action(request.getMethod(), rest), surfaceName(surface), resource, request.getRemoteAddr(), status));
    } catch (RuntimeException e) {
      LOG.error("Access log entry could not be written for user {} ({} {})", user.id(), request.getMethod(), surface, e);
    }
  }

  static String action(String method, String rest) {
    if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
      return AccessLogEntry.LASNING;
    }
    String trimmed = rest.replaceAll("/+$", "");
    if ("POST".equalsIgnoreCase(method) && READ_POST.matcher(trimmed).find() && !CHANGE_WORDS.matcher(trimmed).find()) {
      return AccessLogEntry.LASNING;
    }
    return AccessLogEntry.ANDRING;
  }

  private static String surfaceName(String surface) {
    if (surface.startsWith("/engine-rest")) {
      return "engine-rest";
    }
    if (surface.startsWith("/camunda/api/engine")) {
      return "webapp-api";
    }
    return surface.startsWith("/camunda/api/cockpit") ? "cockpit" : "tasklist";
  }

  /** Who calls, with the municipalities (tenants) their authentication already carries. */
  private record Caller(String id, List<String> tenants) {}

  private Caller currentUser(HttpServletRequest request) {
    Authentication rest = engine.getIdentityService().getCurrentAuthentication();
    if (rest != null && rest.getUserId() != null) {
      return new Caller(rest.getUserId(), rest.getTenantIds());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine.getName());
    return auth instanceof UserAuthentication user ? new Caller(user.getIdentityId(), user.getTenantIds()) : null;
  }
}
