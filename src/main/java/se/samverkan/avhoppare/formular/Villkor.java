package se.samverkan.avhoppare.formular;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The part of FEEL that the forms' {@code conditional.hide} expressions use: {@code =a != "X"},
 * {@code =a = true}, combined with {@code and}/{@code or}, {@code not(…)} and parentheses; operands are
 * field keys (dotted paths), strings, numbers, {@code true}, {@code false} and {@code null}. Anything
 * else is refused when the form is read (at deployment and start-up), never guessed at.
 */
public final class Villkor {

  private final Nod rot;
  private final String text;

  private Villkor(Nod rot, String text) {
    this.rot = rot;
    this.text = text;
  }

  /** Parses a form-js expression ({@code =…}); throws {@link IllegalArgumentException} for anything outside the subset. */
  public static Villkor tolka(String uttryck) {
    if (uttryck == null || !uttryck.strip().startsWith("=")) {
      throw new IllegalArgumentException("the expression '" + uttryck + "' is not a FEEL expression (it must start with '=')");
    }
    Tolk tolk = new Tolk(uttryck.strip().substring(1));
    Nod nod = tolk.eller();
    if (tolk.pos < tolk.tokens.size()) {
      throw new IllegalArgumentException("cannot evaluate '" + uttryck + "': unexpected '" + tolk.tokens.get(tolk.pos) + "'");
    }
    return new Villkor(nod, uttryck);
  }

  /** True if the condition holds for the values {@code varde} gives for field keys. */
  public boolean galler(Function<String, Object> varde) {
    return Boolean.TRUE.equals(rot.varde(varde));
  }

  @Override
  public String toString() {
    return text;
  }

  private interface Nod {
    Object varde(Function<String, Object> v);
  }

  private static final class Tolk {
    final List<String> tokens = new ArrayList<>();
    int pos;
    final String kalla;

    Tolk(String s) {
      kalla = s;
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '"') {
          int j = s.indexOf('"', i + 1);
          if (j < 0) {
            throw new IllegalArgumentException("cannot evaluate '=" + s + "': unterminated string");
          }
          tokens.add(s.substring(i, j + 1));
          i = j + 1;
        } else if (s.startsWith("!=", i)) {
          tokens.add("!=");
          i += 2;
        } else if (c == '=' || c == '(' || c == ')') {
          tokens.add(String.valueOf(c));
          i++;
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
          int j = i;
          while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.'
              || (j == i && s.charAt(j) == '-'))) {
            j++;
          }
          tokens.add(s.substring(i, j));
          i = j;
        } else {
          throw new IllegalArgumentException("cannot evaluate '=" + s + "': '" + c + "' is not supported");
        }
      }
    }

    String titta() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    String ta() {
      if (pos >= tokens.size()) {
        throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': it ends too early");
      }
      return tokens.get(pos++);
    }

    Nod eller() {
      Nod vanster = och();
      while ("or".equals(titta())) {
        ta();
        Nod a = vanster;
        Nod b = och();
        vanster = v -> Boolean.TRUE.equals(a.varde(v)) || Boolean.TRUE.equals(b.varde(v));
      }
      return vanster;
    }

    Nod och() {
      Nod vanster = jamforelse();
      while ("and".equals(titta())) {
        ta();
        Nod a = vanster;
        Nod b = jamforelse();
        vanster = v -> Boolean.TRUE.equals(a.varde(v)) && Boolean.TRUE.equals(b.varde(v));
      }
      return vanster;
    }

    Nod jamforelse() {
      Nod vanster = term();
      String op = titta();
      if ("=".equals(op) || "!=".equals(op)) {
        ta();
        Nod hoger = term();
        boolean lika = "=".equals(op);
        return v -> lika == lika(vanster.varde(v), hoger.varde(v));
      }
      return vanster;
    }

    Nod term() {
      String t = ta();
      if ("(".equals(t)) {
        Nod inre = eller();
        forvanta(")");
        return inre;
      }
      if ("not".equals(t) && "(".equals(titta())) {
        ta();
        Nod inre = eller();
        forvanta(")");
        return v -> !Boolean.TRUE.equals(inre.varde(v));
      }
      if (t.startsWith("\"")) {
        String s = t.substring(1, t.length() - 1);
        return v -> s;
      }
      switch (t) {
        case "true" -> {
          return v -> Boolean.TRUE;
        }
        case "false" -> {
          return v -> Boolean.FALSE;
        }
        case "null" -> {
          return v -> null;
        }
        case "and", "or", "not", "=", "!=", ")" -> throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': unexpected '" + t + "'");
        default -> { }
      }
      if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
        try {
          BigDecimal tal = new BigDecimal(t);
          return v -> tal;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': '" + t + "' is not a number");
        }
      }
      if ("(".equals(titta())) {
        throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': the function " + t + "() is not supported");
      }
      if (t.startsWith(".") || t.endsWith(".") || t.contains("..")) {
        throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': '" + t + "' is not a field");
      }
      return v -> v.apply(t);
    }

    void forvanta(String s) {
      String t = ta();
      if (!s.equals(t)) {
        throw new IllegalArgumentException("cannot evaluate '=" + kalla + "': expected '" + s + "' but found '" + t + "'");
      }
    }
  }

  static boolean lika(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }
}
