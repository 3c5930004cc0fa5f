package se.samverkan.avhoppare.oversikt;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Roll;
import se.samverkan.avhoppare.security.ApiResponses;

/**
 * {@code GET /api/oversikt} (JSON), {@code GET /api/oversikt.csv} or {@code ?format=csv} (CSV): the
 * managers' overview, for managers of any municipality and administrators; anyone else gets 403.
 * Reached with HTTP Basic, or from Cockpit with the webapp session (see {@link SessionOrBasicAuthenticationProvider}).
 */
@Component
@Path("/")
public class OversiktResource {

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final Oversikt oversikt;
  private final ObjectMapper mapper;

  public OversiktResource(ProcessEngine engine, Organisation organisation, Oversikt oversikt, ObjectMapper mapper) {
    this.engine = engine;
    this.organisation = organisation;
    this.oversikt = oversikt;
    this.mapper = mapper;
  }

  @GET
  @Path("oversikt")
  @Produces({"application/json;charset=utf-8", "text/csv;charset=utf-8"})
  public Response oversikt(@QueryParam("format") String format) {
    Response nej = behorighet();
    if (nej != null) {
      return nej;
    }
    if ("csv".equalsIgnoreCase(format)) {
      return csv();
    }
    return ApiResponses.json(mapper, 200, Map.of("avtalsversioner", oversikt.versioner()));
  }

  @GET
  @Path("oversikt.csv")
  @Produces("text/csv;charset=utf-8")
  public Response oversiktCsv() {
    Response nej = behorighet();
    return nej != null ? nej : csv();
  }

  private Response csv() {
    return Response.ok(oversikt.csv(oversikt.versioner())).type("text/csv;charset=utf-8").header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"oversikt.csv\"").build();
  }

  private Response behorighet() {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth == null) {
      return ApiResponses.error(mapper, 401, "Inloggning krävs.");
    }
    boolean tillaten = auth.getGroupIds() != null && (auth.getGroupIds().contains(Roll.ADMIN_GRUPP)
        || organisation.kommuner().stream().anyMatch(k -> auth.getGroupIds().contains(k.grupp(Roll.CHEF))));
    return tillaten ? null : ApiResponses.error(mapper, 403, "Översikten är till för samordnare/chefer och administratörer.");
  }
}
