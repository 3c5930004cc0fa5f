package se.samverkan.avhoppare.arende;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads a submitted form's values from a task or execution and checks them on the server, whatever
 * the form already checked. Every problem is collected with a Swedish message naming the field;
 * {@link #kontrollera()} then refuses the whole submission at once (the engine rolls back: the task
 * stays open with its data, and /engine-rest answers 400 with the message).
 */
public final class Formular {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private final VariableScope scope;
  private final List<String> fel = new ArrayList<>();
  private String forstaFalt;

  public Formular(VariableScope scope) {
    this.scope = scope;
  }

  /** Adds a problem found by a rule beyond the single field (a period, a choice against the case). */
  public void avvisa(String falt, String meddelande) {
    fel(falt, meddelande);
  }

  private void fel(String falt, String meddelande) {
    if (forstaFalt == null) {
      forstaFalt = falt;
    }
    fel.add(meddelande);
  }

  /** Refuses the submission if anything was wrong. */
  public void kontrollera() {
    if (!fel.isEmpty()) {
      throw new FormFieldValidationException(forstaFalt, "Uppgifterna kunde inte sparas. " + String.join(" ", fel));
    }
  }

  private Object varde(String falt) {
    Object v = scope.getVariable(falt);
    if (v instanceof String s && s.isBlank()) {
      return null;
    }
    return v;
  }

  public String text(String falt, String etikett, int max) {
    Object v = varde(falt);
    if (v == null) {
      fel(falt, "Fältet '" + etikett + "' måste anges.");
      return null;
    }
    String s = v.toString().strip();
    if (s.length() > max) {
      fel(falt, "Fältet '" + etikett + "' får vara högst " + max + " tecken.");
    }
    return s;
  }

  public String valfriText(String falt, String etikett, int max) {
    Object v = varde(falt);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    if (s.length() > max) {
      fel(falt, "Fältet '" + etikett + "' får vara högst " + max + " tecken.");
    }
    return s;
  }

  public LocalDate datum(String falt, String etikett) {
    Object v = varde(falt);
    if (v == null) {
      fel(falt, "Fältet '" + etikett + "' måste anges.");
      return null;
    }
    return tolkaDatum(v, falt, etikett);
  }

  private LocalDate tolkaDatum(Object v, String falt, String etikett) {
    if (v instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    try {
      String s = v.toString().strip();
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      fel(falt, "Fältet '" + etikett + "' ska vara ett datum (ÅÅÅÅ-MM-DD).");
      return null;
    }
  }

  public <E extends Enum<E>> E val(String falt, String etikett, Class<E> typ) {
    Object v = varde(falt);
    if (v == null) {
      fel(falt, "Fältet '" + etikett + "' måste anges.");
      return null;
    }
    try {
      return Enum.valueOf(typ, v.toString().strip());
    } catch (IllegalArgumentException e) {
      fel(falt, "Fältet '" + etikett + "' har ett värde som inte finns bland alternativen.");
      return null;
    }
  }

  /** A yes/no answer that must be given (a checkbox counts as given: unticked is no). */
  public boolean jaNej(String falt) {
    Object v = varde(falt);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  /** A checkbox that must be ticked to go on (an acknowledgement or a §-requirement). */
  public void bekraftad(String falt, String meddelande) {
    if (!jaNej(falt)) {
      fel(falt, meddelande);
    }
  }

  /** One of the given ids (e.g. municipalities); the message names the field. */
  public String enAv(String falt, String etikett, Collection<String> tillatna) {
    Object v = varde(falt);
    if (v == null) {
      fel(falt, "Fältet '" + etikett + "' måste anges.");
      return null;
    }
    String s = v.toString().strip();
    if (!tillatna.contains(s)) {
      fel(falt, "Fältet '" + etikett + "' har ett värde som inte finns bland alternativen.");
      return null;
    }
    return s;
  }

  /** A checklist: at least one value, each one of the allowed. */
  public List<String> lista(String falt, String etikett, Set<String> tillatna) {
    List<String> valda = new ArrayList<>();
    JsonNode node = json(varde(falt));
    if (node != null && node.isArray()) {
      node.forEach(n -> valda.add(n.asText()));
    } else if (varde(falt) instanceof Collection<?> c) {
      c.forEach(o -> valda.add(String.valueOf(o)));
    }
    if (valda.isEmpty()) {
      fel(falt, "Fältet '" + etikett + "' måste ha minst ett val.");
    } else if (!tillatna.containsAll(valda)) {
      fel(falt, "Fältet '" + etikett + "' innehåller något som inte finns i förteckningen.");
    }
    return valda;
  }

  /** A repeating group (dynamic list) of objects; each row is read by {@code rad}. */
  public <T> List<T> rader(String falt, String etikett, Function<Rad, T> rad) {
    JsonNode node = json(varde(falt));
    List<T> rader = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      fel(falt, "Fältet '" + etikett + "' måste ha minst en rad.");
      return rader;
    }
    int i = 1;
    for (JsonNode n : node) {
      rader.add(rad.apply(new Rad(this, falt, etikett, i++, n)));
    }
    return rader;
  }

  /** One row of a repeating group, with messages naming the row. */
  public static final class Rad {
    private final Formular formular;
    private final String falt;
    private final String prefix;
    private final JsonNode node;

    Rad(Formular formular, String falt, String etikett, int nummer, JsonNode node) {
      this.formular = formular;
      this.falt = falt;
      this.prefix = etikett + ", rad " + nummer + ": ";
      this.node = node;
    }

    private String raw(String key) {
      JsonNode v = node.get(key);
      return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    public String text(String key, String etikett, int max) {
      String v = raw(key);
      if (v == null) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' måste anges.");
      } else if (v.length() > max) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' får vara högst " + max + " tecken.");
      }
      return v;
    }

    public LocalDate datum(String key, String etikett) {
      String v = raw(key);
      if (v == null) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' måste anges.");
        return null;
      }
      try {
        return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      } catch (DateTimeParseException e) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' ska vara ett datum (ÅÅÅÅ-MM-DD).");
        return null;
      }
    }

    public BigDecimal belopp(String key, String etikett) {
      String v = raw(key);
      if (v == null) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' måste anges.");
        return null;
      }
      try {
        BigDecimal b = new BigDecimal(v.replace(',', '.').replace(" ", ""));
        if (b.signum() < 0 || b.compareTo(new BigDecimal("10000000")) > 0) {
          formular.fel(falt, prefix + "fältet '" + etikett + "' ska vara ett belopp mellan 0 och 10 000 000 kr.");
          return null;
        }
        return b;
      } catch (NumberFormatException e) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' ska vara ett belopp i kronor.");
        return null;
      }
    }

    /** A value that must be one of {@code tillatna}: {@code meddelande} says what else is wrong. */
    public String enAv(String key, String etikett, Set<String> tillatna, String meddelande) {
      String v = raw(key);
      if (v == null) {
        formular.fel(falt, prefix + "fältet '" + etikett + "' måste anges.");
      } else if (!tillatna.contains(v)) {
        formular.fel(falt, prefix + meddelande);
        return null;
      }
      return v;
    }
  }

  private static JsonNode json(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
      return MAPPER.valueToTree(v);
    }
    String s = v.toString().strip();
    if (!s.startsWith("[") && !s.startsWith("{")) {
      return null;
    }
    try {
      return MAPPER.readTree(s);
    } catch (Exception e) {
      return null;
    }
  }
}
