package se.samverkan.avhoppare.identitet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.config.EngineAuthentication;
import se.samverkan.avhoppare.organisation.Roll;
import se.samverkan.avhoppare.organisation.RoleAuthorizations;
import se.samverkan.avhoppare.security.ApiResponses;
import se.samverkan.avhoppare.security.accesslog.AccessLog;
import se.samverkan.avhoppare.security.accesslog.AccessLogEntry;

/**
 * The person's identity on a case, for the home municipality's caseworkers only:
 * {@code GET/PUT /api/arenden/{arende}/identitet}. Anyone else, including the receiving
 * municipality, gets the same 404 as for a case that does not exist, so the answer reveals nothing.
 * Every read and change is written to the access log.
 */
@Component
@Path("/arenden/{arende}/identitet")
public class IdentitetResource {

  private static final String NOT_FOUND = "Ärendet finns inte, eller så har du inte behörighet till uppgifterna.";

  private final ProcessEngine engine;
  private final IdentitetVault vault;
  private final AccessLog log;
  private final ObjectMapper mapper;

  public IdentitetResource(ProcessEngine engine, IdentitetVault vault, AccessLog log, ObjectMapper mapper) {
    this.engine = engine;
    this.vault = vault;
    this.log = log;
    this.mapper = mapper;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
  public Response read(@PathParam("arende") String arende, @Context HttpServletRequest request) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    Optional<String> hemkommun = homeMunicipalityFor(arende, auth);
    if (hemkommun.isEmpty()) {
      return logged(request, auth, null, arende, AccessLogEntry.LASNING, error(404, NOT_FOUND));
    }
    Optional<PersonIdentitet> identitet = vault.read(arende, hemkommun.get());
    Response response = identitet.map(p -> json(200, body(p)))
        .orElseGet(() -> error(404, "Ingen identitet är registrerad för ärendet."));
    return logged(request, auth, hemkommun.get(), arende, AccessLogEntry.LASNING, response);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
  public Response write(@PathParam("arende") String arende, String json, @Context HttpServletRequest request) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    Optional<String> hemkommun = homeMunicipalityFor(arende, auth);
    if (hemkommun.isEmpty()) {
      return logged(request, auth, null, arende, AccessLogEntry.ANDRING, error(404, NOT_FOUND));
    }
    Response response;
    try {
      JsonNode node = mapper.readTree(json == null ? "" : json);
      if (node == null || !node.isObject()) {
        throw new IdentitetException("Uppgifterna ska skickas som JSON med fälten namn, personnummer och skyddsniva.");
      }
      PersonIdentitet identitet = PersonIdentitet.of(text(node, "namn"), text(node, "personnummer"), skyddsniva(node));
      vault.store(arende, hemkommun.get(), identitet);
      response = json(200, body(identitet));
    } catch (IdentitetException e) {
      response = error(400, e.getMessage());
    } catch (JsonProcessingException e) {
      response = error(400, "Uppgifterna ska skickas som JSON med fälten namn, personnummer och skyddsniva.");
    }
    return logged(request, auth, hemkommun.get(), arende, AccessLogEntry.ANDRING, response);
  }

  /** The case's home municipality, when the user is one of its caseworkers; otherwise empty. */
  private Optional<String> homeMunicipalityFor(String arende, Authentication auth) {
    if (auth == null || auth.getGroupIds() == null) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> cases = EngineAuthentication.asService(engine.getIdentityService(), () ->
        engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(RoleAuthorizations.ARENDE_PROCESS).processInstanceBusinessKey(arende).listPage(0, 1));
    return cases.stream().map(HistoricProcessInstance::getTenantId)
        .filter(tenant -> tenant != null && auth.getGroupIds().contains(Roll.HANDLAGGARE.gruppFor(tenant)))
        .findFirst();
  }

  private Response logged(HttpServletRequest request, Authentication auth, String kommun, String arende, String action,
      Response response) {
    if (auth != null) {
      log.append(new AccessLogEntry(null, OffsetDateTime.now(), auth.getUserId(), kommun, arende, null, action, "identitet",
          request.getMethod() + " " + request.getRequestURI(), request.getRemoteAddr(), response.getStatus()));
    }
    return response;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Skyddsniva skyddsniva(JsonNode node) {
    String value = text(node, "skyddsniva");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Skyddsniva.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IdentitetException("Fältet 'Skyddsnivå' ska vara INGEN, SEKRETESSMARKERING, SKYDDAD_FOLKBOKFORING eller "
          + "FINGERADE_PERSONUPPGIFTER.");
    }
  }

  private static Map<String, Object> body(PersonIdentitet p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("namn", p.namn());
    body.put("personnummer", p.personnummer());
    body.put("skyddsniva", p.skyddsniva().name());
    body.put("skyddsnivaBenamning", p.skyddsniva().benamning());
    return body;
  }

  private Response json(int status, Object body) {
    return ApiResponses.json(mapper, status, body);
  }

  private Response error(int status, String message) {
    return ApiResponses.error(mapper, status, message);
  }
}
