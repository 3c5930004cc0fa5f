package se.samverkan.avhoppare.formular;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A deployed Camunda Form read as the contract of its task: its fields (keys, types, labels),
 * validations (required, lengths, pattern, min/max), options (static or from a variable), dynamic
 * lists and conditional hiding. Built once per deployed form; whatever the form-js editor can produce
 * that this class cannot enforce is refused when the form is read (at deployment and start-up), so a
 * form is never half-checked.
 */
public final class Formkontrakt {

  /** Strict JSON: no comments, no trailing tokens, no duplicate keys, bounded nesting and size. */
  static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(100_000)
        .maxNumberLength(40).build());
  }

  /** The kinds of value a field holds. */
  public enum Typ {
    TEXT, JA_NEJ, TAL, DATUM, ETT_AV, FLERA_AV, RADER
  }

  /** One field (or a dynamic list's nested field) and what it accepts. */
  public record Falt(String nyckel, String etikett, Typ typ, boolean obligatorisk, Integer minLangd, Integer maxLangd,
      Pattern monster, BigDecimal min, BigDecimal max, Integer decimaler, List<String> alternativ, String alternativFran,
      Villkor dold, List<Falt> rader) {

    /** The field's options, or null when they come from a variable ({@link #alternativFran()}). */
    public List<String> alternativ() {
      return alternativ;
    }
  }

  private static final Set<String> UTAN_VARDE = Set.of("text", "html", "image", "separator", "spacer", "button", "iframe", "table");

  private final String id;
  private final List<Falt> falt;
  private final Map<String, Falt> perNyckel;

  private Formkontrakt(String id, List<Falt> falt) {
    this.id = id;
    this.falt = List.copyOf(falt);
    Map<String, Falt> m = new LinkedHashMap<>();
    falt.forEach(f -> m.put(f.nyckel(), f));
    this.perNyckel = Collections.unmodifiableMap(m);
  }

  public String id() {
    return id;
  }

  public List<Falt> falt() {
    return falt;
  }

  public Falt falt(String nyckel) {
    return perNyckel.get(nyckel);
  }

  public Set<String> nycklar() {
    return perNyckel.keySet();
  }

  /** The label a message names for {@code nyckel} (the key itself if the form has no such field). */
  public String etikett(String nyckel) {
    Falt f = perNyckel.get(nyckel);
    return f == null ? nyckel : f.etikett();
  }

  /** Reads a deployed form; {@link IllegalArgumentException} says what in it cannot be enforced. */
  public static Formkontrakt las(String json) {
    JsonNode rot;
    try {
      rot = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the form is not valid JSON: " + e.getOriginalMessage());
    }
    String id = rot.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the form has no id");
    }
    List<Falt> falt = new ArrayList<>();
    try {
      komponenter(rot.path("components"), falt, id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("form '" + id + "': " + e.getMessage(), e);
    }
    Set<String> sedda = new LinkedHashSet<>();
    for (Falt f : falt) {
      if (!sedda.add(f.nyckel())) {
        throw new IllegalArgumentException("form '" + id + "': the key '" + f.nyckel() + "' is used by two fields");
      }
    }
    return new Formkontrakt(id, falt);
  }

  private static void komponenter(JsonNode lista, List<Falt> ut, String form) {
    if (lista.isMissingNode()) {
      return;
    }
    for (JsonNode k : lista) {
      String typ = k.path("type").asText("");
      if (UTAN_VARDE.contains(typ)) {
        continue;
      }
      if (typ.equals("group")) {
        if (k.hasNonNull("path") && !k.path("path").asText().isEmpty()) {
          throw new IllegalArgumentException("a group with a path ('" + k.path("path").asText() + "') is not supported");
        }
        if (k.has("conditional")) {
          throw new IllegalArgumentException("a group hidden by a condition is not supported");
        }
        komponenter(k.path("components"), ut, form);
        continue;
      }
      ut.add(falt(k, typ));
    }
  }

  private static Falt falt(JsonNode k, String typ) {
    boolean lista = typ.equals("dynamiclist");
    String nyckel = k.path(lista ? "path" : "key").asText("");
    if (nyckel.isBlank()) {
      throw new IllegalArgumentException("a '" + typ + "' field has no " + (lista ? "path" : "key"));
    }
    if (nyckel.contains(".")) {
      throw new IllegalArgumentException("the key '" + nyckel + "' is a path; nested data is not supported");
    }
    if (k.path("disabled").asBoolean(false) || k.path("readonly").isTextual() || k.path("disabled").isTextual()) {
      throw new IllegalArgumentException("the field '" + nyckel + "' is disabled or read-only; such fields are not supported");
    }
    JsonNode v = k.path("validate");
    for (var it = v.fieldNames(); it.hasNext();) {
      String namn = it.next();
      if (!Set.of("required", "minLength", "maxLength", "pattern", "min", "max").contains(namn)) {
        throw new IllegalArgumentException("the validation '" + namn + "' of field '" + nyckel + "' is not supported");
      }
    }
    String etikett = k.path(typ.equals("datetime") ? "dateLabel" : "label").asText(nyckel);
    Typ t = switch (typ) {
      case "textfield", "textarea" -> Typ.TEXT;
      case "checkbox" -> Typ.JA_NEJ;
      case "number" -> Typ.TAL;
      case "datetime" -> {
        if (!"date".equals(k.path("subtype").asText())) {
          throw new IllegalArgumentException("the datetime field '" + nyckel + "' must have subtype 'date' (time is not supported)");
        }
        yield Typ.DATUM;
      }
      case "radio", "select" -> Typ.ETT_AV;
      case "checklist", "taglist" -> Typ.FLERA_AV;
      case "dynamiclist" -> Typ.RADER;
      default -> throw new IllegalArgumentException("the field type '" + typ + "' ('" + nyckel + "') is not supported");
    };
    if (k.has("valuesExpression")) {
      throw new IllegalArgumentException("options from an expression ('" + nyckel + "') are not supported");
    }
    List<String> alternativ = null;
    String alternativFran = null;
    if (t == Typ.ETT_AV || t == Typ.FLERA_AV) {
      if (k.hasNonNull("valuesKey")) {
        alternativFran = k.path("valuesKey").asText();
      } else if (k.path("values").isArray() && !k.path("values").isEmpty()) {
        alternativ = new ArrayList<>();
        for (JsonNode o : k.path("values")) {
          alternativ.add(o.path("value").asText());
        }
        alternativ = List.copyOf(alternativ);
      } else {
        throw new IllegalArgumentException("the field '" + nyckel + "' has no options");
      }
    }
    Villkor dold = null;
    JsonNode villkor = k.path("conditional").path("hide");
    if (!villkor.isMissingNode() && !villkor.isNull()) {
      dold = Villkor.tolka(villkor.asText());
    }
    Pattern monster = null;
    if (v.hasNonNull("pattern")) {
      try {
        monster = Pattern.compile(v.path("pattern").asText());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("the pattern of '" + nyckel + "' is not a valid regular expression");
      }
    }
    List<Falt> rader = null;
    if (t == Typ.RADER) {
      rader = new ArrayList<>();
      komponenter(k.path("components"), rader, nyckel);
      for (Falt r : rader) {
        if (r.typ() == Typ.RADER || r.dold() != null || r.alternativFran() != null) {
          throw new IllegalArgumentException("the field '" + r.nyckel() + "' in the list '" + nyckel
              + "' is a nested list, conditional or has options from a variable: not supported");
        }
      }
      rader = List.copyOf(rader);
    }
    return new Falt(nyckel, etikett, t, v.path("required").asBoolean(false), heltal(v, "minLength"), heltal(v, "maxLength"), monster,
        tal(v, "min"), tal(v, "max"), heltal(k, "decimalDigits"), alternativ, alternativFran, dold, rader);
  }

  private static Integer heltal(JsonNode n, String namn) {
    return n.hasNonNull(namn) ? n.path(namn).asInt() : null;
  }

  private static BigDecimal tal(JsonNode n, String namn) {
    return n.hasNonNull(namn) ? n.path(namn).decimalValue() : null;
  }
}
