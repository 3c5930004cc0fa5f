package se.samverkan.avhoppare.felsvar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import se.samverkan.avhoppare.formular.OgiltigtFormularException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that reaches a REST API (Camunda's /engine-rest, the webapps' /camunda/api,
 * our /api) into a clean answer: a refusal of bad input is a 4xx, and every message is Swedish and
 * free of engine internals, SQL or English prefixes ("Cannot submit task form …: "). A form's own
 * refusal keeps its message, which already names the fields. Only a real fault is a 500, and then
 * without details; the server log gets the exception's class chain (never values).
 * <p>{@link OptimisticLockingException} is left to Camunda's own handling here (its outcome belongs
 * to the concurrency work).
 */
public final class Felsvar {

  private static final Logger LOG = LoggerFactory.getLogger(Felsvar.class);
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  static final String OGILTIG = "Begäran kunde inte behandlas: den innehåller ett värde som saknas, har fel typ eller fel form.";
  static final String FINNS_INTE = "Det du frågade efter finns inte, eller så har du inte behörighet att se det.";
  static final String BEHORIGHET = "Du har inte behörighet att göra detta.";
  static final String JSON = "Begäran är inte giltig JSON, eller ett värde i den har fel typ.";
  static final String DATA = "Uppgifterna kunde inte sparas: ett värde är för långt eller har fel form.";
  static final String INTERNT = "Ett internt fel uppstod. Försök igen senare eller kontakta förvaltningen.";

  private Felsvar() {}

  /** The answer for {@code t}. */
  public static Response svar(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FormFieldValidationException f) {
        return json(400, "InvalidRequestException", f.getMessage());
      }
      if (c instanceof OgiltigtFormularException f) {
        return json(400, "InvalidRequestException", f.getMessage());
      }
      if (c instanceof OptimisticLockingException) {
        return ExceptionHandlerHelper.getInstance().getResponse(c);
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof org.camunda.bpm.engine.ParseException p) {
        return json(400, "InvalidRequestException", diagramfel(p));
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AuthorizationException) {
        return json(403, "AuthorizationException", BEHORIGHET);
      }
    }
    String tasklist = tasklistmarkor(t);
    if (tasklist != null) {
      return tasklist.equals(UPPGIFT_SAKNAS) ? json(404, "NotFound", tasklist) : json(400, "InvalidRequestException", tasklist);
    }
    if (t instanceof RestException r) {
      int status = r.getStatus() == null ? 500 : r.getStatus().getStatusCode();
      if (status < 500) {
        String kand = kand(t);
        return json(status, typ(status), status == 400 && kand != null ? kand : meddelande(status, r));
      }
      return t.getCause() != null && t.getCause() != t ? svar(t.getCause()) : json(500, "RestException", INTERNT);
    }
    if (t instanceof ParamException p) {
      return json(400, "InvalidRequestException", "Parametern '" + saker(p.getParameterName()) + "' har fel form.");
    }
    if (t instanceof WebApplicationException w) {
      int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
      if (status == 404) {
        return json(404, "NotFound", "Adressen finns inte.");
      }
      if (w instanceof NotAllowedException) {
        return json(405, "InvalidRequestException", "Metoden är inte tillåten på den här adressen.");
      }
      if (w instanceof NotSupportedException) {
        return json(415, "InvalidRequestException", "Innehållstypen stöds inte; skicka application/json.");
      }
      if (w instanceof NotAcceptableException) {
        return json(406, "InvalidRequestException", "Svaret kan inte ges i det format som begärdes.");
      }
      if (status < 500) {
        return json(status, typ(status), status == 401 ? "Inloggning krävs." : OGILTIG);
      }
      if (w.getCause() != null) {
        return svar(w.getCause());
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StreamConstraintsException || c instanceof JsonProcessingException) {
        return json(400, "InvalidRequestException", JSON);
      }
      if (c instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
          return json(400, "InvalidRequestException", DATA);
        }
        LOG.error("Database fault answered 500: {}", kedja(t));
        return json(500, "ProcessEngineException", INTERNT);
      }
    }
    if (t instanceof NotFoundException || (t instanceof NullValueException && arInteFunnen(t.getMessage()))) {
      return json(404, "NotFound", FINNS_INTE);
    }
    if (t instanceof ProcessEngineException p && arInteFunnen(p.getMessage())) {
      return json(404, "NotFound", FINNS_INTE);
    }
    if (t instanceof BadUserRequestException || t instanceof NotValidException || t instanceof NullValueException) {
      return json(400, "InvalidRequestException", kand(t) != null ? kand(t) : OGILTIG);
    }
    if (t instanceof ProcessEngineException || t instanceof IllegalArgumentException || t instanceof NullPointerException
        || t instanceof ClassCastException || t instanceof IllegalStateException || t instanceof DateTimeException
        || t instanceof IndexOutOfBoundsException || t instanceof UnsupportedOperationException) {
      // reached only by input the API could not use (a missing body, a value of the wrong kind, …)
      LOG.warn("Request refused with 400 after {}", kedja(t));
      return json(400, "InvalidRequestException", kand(t) != null ? kand(t) : OGILTIG);
    }
    LOG.error("Unexpected fault answered 500: {}", kedja(t), t);
    return json(500, "ProcessEngineException", INTERNT);
  }

  /** For a process owner deploying from Modeler: where the diagram is wrong (resource, line, element). */
  static String diagramfel(org.camunda.bpm.engine.ParseException p) {
    StringBuilder b = new StringBuilder("Diagrammet kunde inte driftsättas: det innehåller fel.");
    int n = 0;
    for (var report : p.getResorceReports()) {
      for (var problem : report.getErrors()) {
        if (n++ == 5) {
          return b.append(" …").toString();
        }
        b.append(" ").append(saker(report.getResourceName())).append(" rad ").append(problem.getLine());
        if (problem.getMainElementId() != null) {
          b.append(", element '").append(saker(problem.getMainElementId())).append("'");
        }
        String m = problem.getMessage() == null ? "" : problem.getMessage().replaceAll("ENGINE-\\d+\\s*", "");
        b.append(": ").append(m.length() > 200 ? m.substring(0, 200) + "…" : m).append(".");
      }
    }
    return b.toString();
  }

  /**
   * Tasklist recognises a few refusals by English words in the message ("No matching task", "task is
   * null", "is suspended") and then shows its own Swedish notice; those words are kept, in parentheses,
   * after the Swedish sentence.
   */
  static final String UPPGIFT_SAKNAS = "Uppgiften finns inte, är redan slutförd eller är inte din att se (No matching task).";

  static String tasklistmarkor(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage();
      if (m.contains("No matching task") || m.contains("task is null")) {
        return UPPGIFT_SAKNAS;
      }
      if (m.contains("is suspended")) {
        return "Ärendet är vilande och kan inte ändras just nu (is suspended).";
      }
    }
    return null;
  }

  /** Engine refusals worth telling precisely, in Swedish; null for the rest. */
  static String kand(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("unbound") || m.contains("maximum number of results") || m.contains("exceeds the maximum")) {
        return "Sökningen måste ha en gräns: ange 'maxResults' (högst 2000).";
      }
      if (m.contains("password does not match policy")) {
        return "Lösenordet uppfyller inte lösenordspolicyn: minst 10 tecken med stora och små bokstäver, en siffra och ett specialtecken.";
      }
      if (m.contains("java serialization")) {
        return "Värden i Javas serialiseringsformat tas inte emot.";
      }
      if (m.contains("firstresult") || m.contains("maxresults")) {
        return "Parametrarna 'firstResult' och 'maxResults' ska vara heltal, minst 0.";
      }
      if (m.contains("cannot deserialize") || m.contains("unknown type") || m.contains("unsupported value type")
          || m.contains("cannot find serializer")) {
        return "Ett värde har en typ som inte tas emot.";
      }
    }
    return null;
  }

  private static boolean arInteFunnen(String m) {
    if (m == null) {
      return false;
    }
    String s = m.toLowerCase(Locale.ROOT);
    return s.contains("cannot find") || s.contains("does not exist") || s.contains("not found") || s.contains("no process definition found")
        || s.contains("no deployed process definition") || s.matches("(?s).*no .* found.*");
  }

  private static String meddelande(int status, RestException r) {
    return switch (status) {
      case 401 -> "Inloggning krävs.";
      case 403 -> BEHORIGHET;
      case 404 -> FINNS_INTE;
      case 409 -> "Uppgiften har redan ändrats av någon annan. Ladda om och försök igen.";
      default -> {
        String m = r.getMessage() == null ? "" : r.getMessage();
        if (m.contains("firstResult") || m.contains("maxResults")) {
          yield "Parametrarna 'firstResult' och 'maxResults' ska vara heltal, minst 0.";
        }
        yield OGILTIG;
      }
    };
  }

  private static String typ(int status) {
    return switch (status) {
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      case 404 -> "NotFound";
      default -> "InvalidRequestException";
    };
  }

  static String saker(String s) {
    String t = s == null ? "" : s.replaceAll("[^\\p{L}\\p{N}_\\-.]", "?").replaceAll("\\d{4,}", "…");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  private static String kedja(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null && b.length() < 500; c = c.getCause()) {
      b.append(b.length() == 0 ? "" : " <- ").append(c.getClass().getName());
      if (c == c.getCause()) {
        break;
      }
    }
    return b.toString();
  }

  public static Response json(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    String text;
    try {
      text = MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).entity(text)
        .header("Cache-Control", "no-store").build();
  }
}
