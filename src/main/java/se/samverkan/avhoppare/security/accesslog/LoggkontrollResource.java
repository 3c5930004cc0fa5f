package se.samverkan.avhoppare.security.accesslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Roll;
import se.samverkan.avhoppare.security.ApiResponses;

/**
 * Loggkontroll: a manager reviews and exports the access log of their own municipality's data,
 * filtered by user, case and time. {@code GET /api/loggkontroll} answers JSON,
 * {@code GET /api/loggkontroll/export} CSV. The review is itself logged. Messages are Swedish.
 */
@Component
@Path("/loggkontroll")
public class LoggkontrollResource {

  static final int DEFAULT_MAX = 500;
  static final int LIMIT = 10_000;
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final AccessLog log;
  private final ObjectMapper mapper;

  public LoggkontrollResource(ProcessEngine engine, Organisation organisation, AccessLog log, ObjectMapper mapper) {
    this.engine = engine;
    this.organisation = organisation;
    this.log = log;
    this.mapper = mapper;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
  public Response list(@QueryParam("kommun") String kommun, @QueryParam("anvandare") String anvandare,
      @QueryParam("arende") String arende, @QueryParam("fran") String fran, @QueryParam("till") String till,
      @QueryParam("max") Integer max, @Context HttpServletRequest request) {
    Query q = query(kommun, anvandare, arende, fran, till, max, request);
    if (q.refusal != null) {
      return logged(q.refusal, arende, request);
    }
    return ApiResponses.json(mapper, 200, q.rows);
  }

  @GET
  @Path("/export")
  @Produces("text/csv;charset=utf-8")
  public Response export(@QueryParam("kommun") String kommun, @QueryParam("anvandare") String anvandare,
      @QueryParam("arende") String arende, @QueryParam("fran") String fran, @QueryParam("till") String till,
      @QueryParam("max") Integer max, @Context HttpServletRequest request) {
    Query q = query(kommun, anvandare, arende, fran, till, max == null ? LIMIT : max, request);
    if (q.refusal != null) {
      return logged(q.refusal, arende, request);
    }
    StringBuilder csv = new StringBuilder("tidpunkt;anvandare;kommun;arende;processinstans;atgard;yta;resurs;klient;status\n");
    for (AccessLogEntry e : q.rows) {
      csv.append(String.join(";", cell(e.tidpunkt().toString()), cell(e.anvandare()), cell(e.kommun()), cell(e.arende()),
          cell(e.processInstans()), cell(e.atgard()), cell(e.yta()), cell(e.resurs()), cell(e.klient()),
          cell(Integer.toString(e.status())))).append('\n');
    }
    return Response.ok(csv.toString())
        .header("Content-Disposition", "attachment; filename=\"atkomstlogg-" + q.kommun + ".csv\"")
        .build();
  }

  private record Query(String kommun, List<AccessLogEntry> rows, Response refusal) {}

  private Query query(String kommun, String anvandare, String arende, String fran, String till, Integer max,
      HttpServletRequest request) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth == null) {
      return refuse(401, "Inloggning krävs.");
    }
    Set<String> managerOf = organisation.kommuner().stream()
        .filter(k -> auth.getGroupIds() != null && auth.getGroupIds().contains(k.grupp(Roll.CHEF)))
        .map(k -> k.id()).collect(Collectors.toSet());
    if (managerOf.isEmpty()) {
      return refuse(403, "Endast samordnare/chef kan granska åtkomstloggen, och bara för sin egen kommun.");
    }
    String chosen = kommun;
    if (chosen == null || chosen.isBlank()) {
      if (managerOf.size() > 1) {
        return refuse(400, "Fältet 'kommun' måste anges: du är samordnare/chef i flera kommuner.");
      }
      chosen = managerOf.iterator().next();
    } else if (!managerOf.contains(chosen)) {
      return refuse(403, "Du kan bara granska åtkomstloggen för din egen kommun.");
    }
    OffsetDateTime from;
    OffsetDateTime to;
    try {
      from = parse(fran, false);
      to = parse(till, true);
    } catch (DateTimeParseException e) {
      return refuse(400, "Fälten 'fran' och 'till' ska vara datum (ÅÅÅÅ-MM-DD) eller tidpunkter (ISO 8601).");
    }
    int limit = max == null ? DEFAULT_MAX : Math.max(1, Math.min(max, LIMIT));
    List<AccessLogEntry> rows = log.search(chosen, anvandare, arende, from, to, limit);
    log.append(new AccessLogEntry(null, OffsetDateTime.now(), auth.getUserId(), chosen, blankToNull(arende), null,
        AccessLogEntry.LASNING, "loggkontroll", "GET " + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
        request.getRemoteAddr(), 200));
    return new Query(chosen, rows, null);
  }

  private static OffsetDateTime parse(String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() == 10) {
      LocalDate day = LocalDate.parse(value);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toOffsetDateTime();
    }
    return OffsetDateTime.parse(value);
  }

  /** A refused review is logged too (under the user's first municipality), so no request goes unlogged. */
  private Response logged(Response refusal, String arende, HttpServletRequest request) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      String kommun = auth.getTenantIds() == null || auth.getTenantIds().isEmpty() ? null : auth.getTenantIds().get(0);
      log.append(new AccessLogEntry(null, OffsetDateTime.now(), auth.getUserId(), kommun, blankToNull(arende), null,
          AccessLogEntry.LASNING, "loggkontroll", "GET " + request.getRequestURI()
              + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
          request.getRemoteAddr(), refusal.getStatus()));
    }
    return refusal;
  }

  private Query refuse(int status, String message) {
    return new Query(null, null, ApiResponses.error(mapper, status, message));
  }

  /** A CSV cell, quoted, with spreadsheet formulas defused. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
