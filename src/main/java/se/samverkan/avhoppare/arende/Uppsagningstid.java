package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * §12 as decided in DOMAIN.md: a notice takes effect when the other party receives it, and a week's
 * notice ends at the end of the same weekday one week after receipt. Received Monday 1 June, the
 * assignment ends at the end of Monday 8 June, that is 00:00 on 9 June, Europe/Stockholm, whatever the
 * JVM's zone and across a change to or from summer time.
 */
public final class Uppsagningstid {

  private Uppsagningstid() {}

  /** The last day of the assignment: the same weekday one week after receipt. */
  public static LocalDate sistaDag(LocalDate mottagen) {
    return mottagen.plusWeeks(1);
  }

  /** The moment the assignment ends: the start of the day after the last day, in Europe/Stockholm. */
  public static ZonedDateTime upphor(LocalDate mottagen) {
    return sistaDag(mottagen).plusDays(1).atStartOfDay(ProcessInstallningar.ZONE);
  }
}
