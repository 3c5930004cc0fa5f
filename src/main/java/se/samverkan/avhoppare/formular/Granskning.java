package se.samverkan.avhoppare.formular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import se.samverkan.avhoppare.formular.Formkontrakt.Falt;
import se.samverkan.avhoppare.formular.Formkontrakt.Typ;

/**
 * Checks submitted values against a {@link Formkontrakt}: only the form's keys, each of the type the
 * form declares (strictly: text is not a yes/no, a date is a real calendar date written ÅÅÅÅ-MM-DD, a
 * number is a number), required, lengths, pattern, min/max, options; dynamic lists row by row; a field
 * hidden by its condition is neither required nor kept. Values are never echoed in messages.
 */
final class Granskning {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Set<String> TALTYPER = Set.of("integer", "long", "short", "double");

  /** The accepted values (visible fields only) and the submitted keys that may be stored. */
  record Resultat(Map<String, Object> varden, Set<String> synligaInskickade) {}

  private Granskning() {}

  /**
   * @param inskickat the submitted values (key present = submitted)
   * @param annars    other variables a condition or an option list may name
   * @param baraFormensNycklar refuse keys the form does not have (a submission; false when re-reading stored values)
   */
  static Resultat granska(Formkontrakt kontrakt, Map<String, TypedValue> inskickat, Function<String, Object> annars,
      boolean baraFormensNycklar, Avvisning fel) {
    if (baraFormensNycklar) {
      for (String nyckel : inskickat.keySet()) {
        if (kontrakt.falt(nyckel) == null) {
          fel.lagg(nyckel, "Fältet '" + saker(nyckel) + "' finns inte i formuläret och kan inte tas emot.");
        }
      }
    }
    Map<String, Object> omvandlade = new LinkedHashMap<>();
    Map<String, String> typfel = new LinkedHashMap<>();
    for (Falt f : kontrakt.falt()) {
      if (!inskickat.containsKey(f.nyckel())) {
        continue;
      }
      try {
        Object v = omvandla(f, varde(inskickat.get(f.nyckel())), true);
        if (v != null) {
          omvandlade.put(f.nyckel(), v);
        }
      } catch (Typfel e) {
        typfel.put(f.nyckel(), e.getMessage());
      }
    }
    Function<String, Object> uppslag = k -> kontrakt.falt(k) != null ? omvandlade.get(k) : annars.apply(k);
    Map<String, Object> varden = new LinkedHashMap<>();
    Set<String> synliga = new LinkedHashSet<>();
    for (Falt f : kontrakt.falt()) {
      if (f.dold() != null && f.dold().galler(uppslag)) {
        continue;
      }
      if (inskickat.containsKey(f.nyckel())) {
        synliga.add(f.nyckel());
      }
      if (typfel.containsKey(f.nyckel())) {
        fel.lagg(f.nyckel(), "Fältet '" + f.etikett() + "' " + typfel.get(f.nyckel()));
        continue;
      }
      Object v = omvandlade.get(f.nyckel());
      String problem = kontrollera(f, v, annars);
      if (problem != null) {
        fel.lagg(f.nyckel(), "Fältet '" + f.etikett() + "' " + problem);
        continue;
      }
      if (f.typ() == Typ.RADER && v != null) {
        List<Map<String, Object>> rader = rader(f, (JsonNode) v, fel);
        varden.put(f.nyckel(), rader);
      } else if (v != null) {
        varden.put(f.nyckel(), v);
      }
    }
    return new Resultat(varden, synliga);
  }

  /** A key as it may appear in a message: printable, at most 60 characters. */
  static String saker(String s) {
    // never a personal identity number, even sent as a key: long digit runs are masked
    String t = s == null ? "" : s.replaceAll("[^\\p{L}\\p{N}_\\-. ]", "?").replaceAll("\\d{4,}", "…");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  private static final class Typfel extends Exception {
    Typfel(String text) {
      super(text, null, false, false);
    }
  }

  /** A submitted value as JSON, with whether it arrived as a Json-typed value. */
  private record Varde(JsonNode nod, boolean json) {}

  private static Varde varde(TypedValue tv) throws Typfel {
    if (tv == null) {
      return null;
    }
    String typ = tv.getType() == null ? null : tv.getType().getName();
    if ("null".equals(typ)) {
      return null;
    }
    if (tv instanceof SerializableValue sv) {
      if (!"json".equals(typ)) {
        throw new Typfel("har en värdetyp som formuläret inte tar emot.");
      }
      String text = sv.isDeserialized() && sv.getValue() != null ? sv.getValue().toString() : sv.getValueSerialized();
      if (text == null) {
        return null;
      }
      return new Varde(lasJson(text), true);
    }
    Object v = tv.getValue();
    if (v == null) {
      return null;
    }
    if (typ != null && !typ.equals("string") && !typ.equals("boolean") && !TALTYPER.contains(typ)) {
      throw new Typfel(typ.equals("date") ? "ska vara ett datum skrivet ÅÅÅÅ-MM-DD." : "har en värdetyp som formuläret inte tar emot.");
    }
    if (v instanceof String s) {
      return new Varde(TextNode.valueOf(s), false);
    }
    if (v instanceof Boolean b) {
      return new Varde(BooleanNode.valueOf(b), false);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return new Varde(JsonNodeFactory.instance.numberNode(((Number) v).longValue()), false);
    }
    if (v instanceof Double d && Double.isFinite(d)) {
      return new Varde(DecimalNode.valueOf(BigDecimal.valueOf(d)), false);
    }
    if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
      return new Varde(Formkontrakt.JSON.valueToTree(v), true);
    }
    throw new Typfel("har en värdetyp som formuläret inte tar emot.");
  }

  private static JsonNode lasJson(String text) throws Typfel {
    try {
      return Formkontrakt.JSON.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new Typfel("kunde inte läsas: värdet är inte giltig JSON.");
    }
  }

  /** Converts to the field's Java type, or says why it cannot be. */
  private static Object omvandla(Falt f, Varde varde, boolean toppniva) throws Typfel {
    if (varde == null || varde.nod() == null || varde.nod().isNull()) {
      return null;
    }
    JsonNode n = varde.nod();
    boolean json = varde.json();
    if ((f.typ() == Typ.FLERA_AV || f.typ() == Typ.RADER) && toppniva && !json) {
      if (!n.isTextual()) {
        throw new Typfel(f.typ() == Typ.RADER ? "ska vara en lista med rader (JSON)." : "ska vara en lista med val (JSON).");
      }
      if (n.asText().isBlank()) {
        return null;
      }
      n = lasJson(n.asText());
      json = true;
    } else if (toppniva && json && f.typ() != Typ.FLERA_AV && f.typ() != Typ.RADER) {
      throw new Typfel("har en värdetyp som formuläret inte tar emot.");
    }
    switch (f.typ()) {
      case TEXT -> {
        if (!n.isTextual()) {
          throw new Typfel("ska vara text.");
        }
        return n.asText();
      }
      case JA_NEJ -> {
        if (!n.isBoolean()) {
          throw new Typfel("ska vara ja eller nej (true eller false).");
        }
        return n.booleanValue();
      }
      case TAL -> {
        if (!n.isNumber()) {
          throw new Typfel("ska vara ett tal.");
        }
        return n.decimalValue();
      }
      case DATUM -> {
        if (!n.isTextual()) {
          throw new Typfel("ska vara ett datum (ÅÅÅÅ-MM-DD).");
        }
        if (n.asText().isEmpty()) {
          return null;
        }
        try {
          return LocalDate.parse(n.asText(), DATUM);
        } catch (DateTimeParseException e) {
          throw new Typfel("ska vara ett datum (ÅÅÅÅ-MM-DD) som finns i kalendern.");
        }
      }
      case ETT_AV -> {
        if (!n.isTextual()) {
          throw new Typfel("har ett värde som inte finns bland alternativen.");
        }
        return n.asText().isEmpty() ? null : n.asText();
      }
      case FLERA_AV -> {
        if (!n.isArray()) {
          throw new Typfel("ska vara en lista med val.");
        }
        List<String> valda = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isTextual()) {
            throw new Typfel("innehåller något som inte finns i förteckningen.");
          }
          valda.add(e.asText());
        }
        return List.copyOf(valda);
      }
      case RADER -> {
        if (!n.isArray()) {
          throw new Typfel("ska vara en lista med rader.");
        }
        for (JsonNode e : n) {
          if (!e.isObject()) {
            throw new Typfel("ska vara en lista med rader.");
          }
        }
        return n;
      }
      default -> throw new IllegalStateException(f.typ().name());
    }
  }

  /** What is wrong with a converted value, as the end of a sentence "Fältet 'X' …", or null. */
  private static String kontrollera(Falt f, Object v, Function<String, Object> annars) {
    if (v instanceof String s && s.isBlank()) {
      v = null;
    }
    if (v == null || (f.typ() == Typ.JA_NEJ && f.obligatorisk() && Boolean.FALSE.equals(v))
        || (v instanceof List<?> l && l.isEmpty() && f.typ() == Typ.FLERA_AV)) {
      if (!f.obligatorisk()) {
        return null;
      }
      return switch (f.typ()) {
        case JA_NEJ -> "måste kryssas i.";
        case FLERA_AV -> "måste ha minst ett val.";
        default -> "måste anges.";
      };
    }
    switch (f.typ()) {
      case TEXT -> {
        String s = ((String) v).strip();
        if (f.maxLangd() != null && s.length() > f.maxLangd()) {
          return "får vara högst " + f.maxLangd() + " tecken.";
        }
        if (f.minLangd() != null && s.length() < f.minLangd()) {
          return "ska vara minst " + f.minLangd() + " tecken.";
        }
        if (f.monster() != null && !f.monster().matcher(s).matches()) {
          return "har fel format.";
        }
      }
      case TAL -> {
        BigDecimal b = (BigDecimal) v;
        if (f.min() != null && b.compareTo(f.min()) < 0) {
          return "ska vara minst " + f.min().toPlainString() + ".";
        }
        if (f.max() != null && b.compareTo(f.max()) > 0) {
          return "får vara högst " + f.max().toPlainString() + ".";
        }
        if (f.decimaler() != null && b.stripTrailingZeros().scale() > f.decimaler()) {
          return "får ha högst " + f.decimaler() + " decimaler.";
        }
      }
      case ETT_AV -> {
        if (!alternativ(f, annars).contains((String) v)) {
          return "har ett värde som inte finns bland alternativen.";
        }
      }
      case FLERA_AV -> {
        if (!alternativ(f, annars).containsAll((List<?>) v)) {
          return "innehåller något som inte finns i förteckningen.";
        }
        if (new LinkedHashSet<>((List<?>) v).size() != ((List<?>) v).size()) {
          return "innehåller samma val två gånger.";
        }
      }
      default -> { }
    }
    return null;
  }

  /** The field's own options, or those of the variable its {@code valuesKey} names. */
  static List<String> alternativ(Falt f, Function<String, Object> annars) {
    if (f.alternativ() != null) {
      return f.alternativ();
    }
    Object v = annars.apply(f.alternativFran());
    if (v == null) {
      return List.of();
    }
    JsonNode n;
    try {
      n = v instanceof String s ? Formkontrakt.JSON.readTree(s) : Formkontrakt.JSON.valueToTree(v);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of();
    }
    List<String> ut = new ArrayList<>();
    for (JsonNode e : n) {
      ut.add(e.isObject() ? e.path("value").asText() : e.asText());
    }
    return ut;
  }

  private static List<Map<String, Object>> rader(Falt lista, JsonNode rader, Avvisning fel) {
    List<Map<String, Object>> ut = new ArrayList<>();
    int nr = 0;
    for (JsonNode rad : rader) {
      nr++;
      String prefix = lista.etikett() + ", rad " + nr + ": ";
      for (var it = rad.fieldNames(); it.hasNext();) {
        String k = it.next();
        if (lista.rader().stream().noneMatch(f -> f.nyckel().equals(k))) {
          fel.lagg(lista.nyckel(), prefix + "fältet '" + saker(k) + "' finns inte i formuläret och kan inte tas emot.");
        }
      }
      Map<String, Object> varden = new LinkedHashMap<>();
      for (Falt f : lista.rader()) {
        try {
          Object v = omvandla(f, rad.has(f.nyckel()) ? new Varde(rad.get(f.nyckel()), true) : null, false);
          String problem = kontrollera(f, v, k -> null);
          if (problem != null) {
            fel.lagg(lista.nyckel(), prefix + "fältet '" + f.etikett() + "' " + problem);
          } else if (v != null) {
            varden.put(f.nyckel(), v);
          }
        } catch (Typfel e) {
          fel.lagg(lista.nyckel(), prefix + "fältet '" + f.etikett() + "' " + e.getMessage());
        }
      }
      ut.add(varden);
    }
    return ut;
  }
}
