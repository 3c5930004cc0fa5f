package se.samverkan.avhoppare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverkan.avhoppare.config.EngineAuthentication;
import se.samverkan.avhoppare.organisation.Roll;

/**
 * No way round the process: a deny-by-default allowlist of the changing requests (anything but GET, HEAD
 * and OPTIONS) each role may send to Camunda's APIs, on every surface: the engine REST API
 * ({@code /engine-rest}), the webapps' engine API ({@code /camunda/api/engine/engine/…}, what Tasklist and
 * Cockpit call), Cockpit's plugin API and the webapps' other APIs.
 *
 * <ul>
 *   <li>everyone signed in: queries sent by POST (task, filter, instance, history, job lists and counts),
 *       their own profile and password, the webapps' login and logout;
 *   <li>caseworker ({@code <kommun>-handlaggare}): start a case of {@code arende} through its start form
 *       ({@code submit-form}); submit the form of a task, claim and unclaim it;
 *   <li>manager ({@code <kommun>-chef}): the same for tasks; retry failed jobs (Cockpit);
 *   <li>process owner: deploy ({@code /deployment/create});
 *   <li>administrator ({@code camunda-admin}): everything else Admin and Cockpit offer (users, groups,
 *       authorizations; repair of instances: modification, migration, suspension, deletion, variables, jobs),
 *       except what only the service does.
 * </ul>
 *
 * <p>Only the service (its Java code, which records every disclosure in {@code utlamnande}) correlates
 * messages, throws signals, evaluates conditions, triggers subscriptions and starts the receiving process
 * {@code uppdrag} or an instance at any other point than the start form: those routes are refused to every
 * user, administrators included. Completing a task outside its form ({@code complete}, {@code resolve},
 * BPMN errors and escalations), creating or updating tasks, and setting variables are refused to everyone
 * but administrators. What is allowed is still subject to Camunda's authorizations and tenant check.
 *
 * <p>Refusals are 403 with a Swedish message; the access log filter, which runs outside this one, records them.
 */
public class RouteAllowlist extends OncePerRequestFilter {

  /** The roles a caller holds, from their Camunda groups. */
  enum Role { HANDLAGGARE, CHEF, PROCESSAGARE, ADMIN }

  private static final Set<Role> TASK_WORKERS = EnumSet.of(Role.HANDLAGGARE, Role.CHEF);
  private static final Set<Role> EVERYONE = EnumSet.noneOf(Role.class);

  private static final Pattern ENGINE = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(?<rest>/.*)?$");
  private static final Pattern COCKPIT = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/[^/]+(?<rest>/.*)?$");
  private static final Pattern WEBAPP_AUTH = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/(?:login/[^/]+|logout)$");

  /** A route a role may call: method, path below the API root, and who (empty set: everyone signed in). */
  private record Rule(String method, Pattern path, Set<Role> roles) {
    Rule(String method, String path, Set<Role> roles) {
      this(method, Pattern.compile("^" + path + "$"), roles);
    }

    boolean matches(String m, String p) {
      return method.equals(m) && path.matcher(p).matches();
    }
  }

  private static final String ID = "[^/]+";
  private static final String HISTORY_QUERIES =
      "(?:activity-instance|process-instance|task|variable-instance|detail|job-log|external-task-log)";

  /** Changing requests (by method) allowed on the engine API, both surfaces. Everything else is refused. */
  private static final List<Rule> ENGINE_RULES = List.of(
      // queries sent by POST: reading, governed by Camunda's authorizations and tenant check
      new Rule("POST", "/(?:task|process-instance|execution|variable-instance|job|job-definition|group)(?:/count)?",
          EVERYONE),
      new Rule("POST", "/filter/" + ID + "/(?:list|count|singleResult)", EVERYONE),
      new Rule("POST", "/history/" + HISTORY_QUERIES + "(?:/count)?", EVERYONE),
      new Rule("POST", "/identity/password-policy", EVERYONE),
      // working a task: only through its form
      new Rule("POST", "/task/" + ID + "/(?:submit-form|claim|unclaim)", TASK_WORKERS),
      // Cockpit: a manager retries failed jobs of their municipality
      new Rule("PUT", "/job/" + ID + "/retries", EnumSet.of(Role.CHEF)),
      new Rule("PUT", "/job-definition/" + ID + "/retries", EnumSet.of(Role.CHEF)),
      // process owners deploy diagrams and forms (Modeler, Cockpit)
      new Rule("POST", "/deployment/create", EnumSet.of(Role.PROCESSAGARE)));

  private static final List<Rule> COCKPIT_RULES = List.of(
      new Rule("POST", "/(?:process-instance|incident)(?:/count)?", EVERYONE),
      new Rule("POST", "/process-instance/" + ID + "/called-process-instances", EVERYONE),
      new Rule("POST", "/process-definition/" + ID + "/called-process-definitions", EVERYONE));

  /** Only the service does these: refused to every user, administrators included. */
  private static final List<Pattern> SERVICE_ONLY = List.of(
      Pattern.compile("^/message$"),
      Pattern.compile("^/process-instance/message-async$"),
      Pattern.compile("^/signal$"),
      Pattern.compile("^/condition$"),
      Pattern.compile("^/execution/" + ID + "/(?:signal|messageSubscriptions/.*)$"),
      // starting an instance other than through the start form of arende
      Pattern.compile("^/process-definition/.*/(?:start|restart|restart-async)$"));

  private static final Pattern START_FORM = Pattern.compile(
      "^/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/[^/]+)?|(?<id>[^/]+))/submit-form$");
  private static final Pattern OWN_USER = Pattern.compile("^/user/(?<id>[^/]+)/(?:profile|credentials)$");

  static final String REFUSED = "Anropet är inte tillåtet (%s %s). Ärenden drivs bara genom processen: starta ett ärende med "
      + "startformuläret och slutför uppgifter med deras formulär i Tasklist.";
  static final String SERVICE = "Anropet är inte tillåtet (%s %s). Meddelanden och signaler mellan processerna och kommunerna, "
      + "och start av processerna på annat sätt än genom startformuläret, sköts bara av tjänsten själv, som registrerar varje "
      + "utlämnande.";

  private static final Logger LOG = LoggerFactory.getLogger(RouteAllowlist.class);

  private final ProcessEngine engine;

  public RouteAllowlist(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/{2,}", "/").replaceAll("(?<=.)/+$", "");
    String refusal = refusal(request, method, path);
    if (refusal != null) {
      LOG.info("Refused {} {}: not on the route allowlist of the caller's roles", method, path);
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Null when the request may go on to Camunda; else the Swedish reason. */
  String refusal(HttpServletRequest request, String method, String path) {
    if (WEBAPP_AUTH.matcher(path).matches()) {
      return null;
    }
    Caller caller = caller(request);
    if (caller == null) {
      // not signed in (the engine REST API has already answered 401): nothing changes without a user
      return path.startsWith("/engine-rest") || path.startsWith("/camunda/api/") ? String.format(REFUSED, method, path) : null;
    }
    Matcher engineApi = ENGINE.matcher(path);
    if (engineApi.matches()) {
      String rest = engineApi.group("rest") == null ? "" : engineApi.group("rest");
      for (Pattern serviceOnly : SERVICE_ONLY) {
        if (serviceOnly.matcher(rest).matches()) {
          return String.format(SERVICE, method, rest);
        }
      }
      Matcher start = START_FORM.matcher(rest);
      if (start.matches() && method.equals("POST")) {
        // a user starts an instance only through a start form drawn in the diagram (arende for caseworkers,
        // the managers' avstamning and avtalsuppsagning); who may is Camunda's CREATE_INSTANCE grant.
        // A process that only a message starts (uppdrag) has no start form and is the service's alone.
        return hasStartForm(start.group("key"), start.group("id")) ? null : String.format(SERVICE, method, rest);
      }
      if (caller.roles().contains(Role.ADMIN)) {
        return null;
      }
      Matcher own = OWN_USER.matcher(rest);
      if (own.matches() && method.equals("PUT") && own.group("id").equals(caller.id())) {
        return null;
      }
      return allowed(ENGINE_RULES, caller, method, rest) ? null : String.format(REFUSED, method, rest);
    }
    if (caller.roles().contains(Role.ADMIN)) {
      return null;
    }
    Matcher cockpit = COCKPIT.matcher(path);
    if (cockpit.matches()) {
      String rest = cockpit.group("rest") == null ? "" : cockpit.group("rest");
      return allowed(COCKPIT_RULES, caller, method, rest) ? null : String.format(REFUSED, method, rest);
    }
    return String.format(REFUSED, method, path);
  }

  private static boolean allowed(List<Rule> rules, Caller caller, String method, String rest) {
    for (Rule rule : rules) {
      if (rule.matches(method, rest) && (rule.roles().isEmpty() || rule.roles().stream().anyMatch(caller.roles()::contains))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the definition (by key: the latest version; or by id) starts with a Camunda Form on its none
   * start event, looked up as the service (the user may not read it).
   */
  private boolean hasStartForm(String key, String id) {
    return EngineAuthentication.asService(engine.getIdentityService(), () -> {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      var definition = key != null ? query.processDefinitionKey(key).latestVersion().list().stream().findFirst().orElse(null)
          : query.processDefinitionId(id).singleResult();
      if (definition == null) {
        return false;
      }
      try {
        var form = engine.getFormService().getStartFormData(definition.getId());
        return form != null && (form.getCamundaFormRef() != null || form.getFormKey() != null);
      } catch (RuntimeException noStartForm) {
        return false; // e.g. a process only a message starts: it has no initial none start event
      }
    });
  }

  /** Who calls, with their roles: the REST user (HTTP Basic), else the webapp session's user. */
  record Caller(String id, Set<Role> roles) {}

  private Caller caller(HttpServletRequest request) {
    Authentication rest = engine.getIdentityService().getCurrentAuthentication();
    if (rest != null && rest.getUserId() != null) {
      return new Caller(rest.getUserId(), roles(rest.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine.getName());
    return auth instanceof UserAuthentication user ? new Caller(user.getIdentityId(), roles(user.getGroupIds())) : null;
  }

  static Set<Role> roles(java.util.Collection<String> groups) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (groups == null) {
      return roles;
    }
    for (String group : groups) {
      if (group.equals(Roll.ADMIN_GRUPP)) {
        roles.add(Role.ADMIN);
      } else if (group.equals(Roll.PROCESSAGARE_GRUPP)) {
        roles.add(Role.PROCESSAGARE);
      } else if (group.endsWith("-" + Roll.HANDLAGGARE.suffix())) {
        roles.add(Role.HANDLAGGARE);
      } else if (group.endsWith("-" + Roll.CHEF.suffix())) {
        roles.add(Role.CHEF);
      }
    }
    return roles;
  }
}
