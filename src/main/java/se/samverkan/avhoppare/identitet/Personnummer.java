package se.samverkan.avhoppare.identitet;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personal identity number (or coordination number, day + 60), checked and normalised to
 * {@code ÅÅÅÅMMDD-NNNN}. Messages are Swedish and name the field; they never repeat the number.
 */
public final class Personnummer {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})[-+]?(\\d{4})");

  private Personnummer() {}

  public static String normalise(String value) {
    if (value == null || value.isBlank()) {
      throw new IdentitetException("Fältet 'Personnummer' måste anges.");
    }
    Matcher m = FORMAT.matcher(value.strip());
    if (!m.matches()) {
      throw new IdentitetException("Fältet 'Personnummer' ska skrivas med tolv siffror: ÅÅÅÅMMDD-NNNN.");
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      LocalDate.of(year, month, day > 60 ? day - 60 : day);
    } catch (DateTimeException e) {
      throw new IdentitetException("Fältet 'Personnummer' innehåller inget giltigt datum.");
    }
    String tenDigits = m.group(1).substring(2) + m.group(2) + m.group(3) + m.group(4);
    if (!luhn(tenDigits)) {
      throw new IdentitetException("Fältet 'Personnummer' har fel kontrollsiffra.");
    }
    return m.group(1) + m.group(2) + m.group(3) + "-" + m.group(4);
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
