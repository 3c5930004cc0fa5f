package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** §12 (DOMAIN.md): one week from receipt, to the end of the same weekday, Europe/Stockholm. */
class UppsagningstidTest {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @Test
  void receivedOnMondayFirstOfJuneEndsWhenMondayEighthOfJuneIsOver() {
    LocalDate mottagen = LocalDate.of(2026, 6, 1);
    assertThat(mottagen.getDayOfWeek().name()).isEqualTo("MONDAY");
    assertThat(Uppsagningstid.sistaDag(mottagen)).isEqualTo(LocalDate.of(2026, 6, 8));
    assertThat(Uppsagningstid.upphor(mottagen)).isEqualTo(ZonedDateTime.of(2026, 6, 9, 0, 0, 0, 0, STOCKHOLM));
    assertThat(Uppsagningstid.upphor(mottagen).toInstant().toString()).isEqualTo("2026-06-08T22:00:00Z");
  }

  @Test
  void receivedOnTheFridayBeforeSummerTimeEndsEndsWhenTheNextFridayIsOver() {
    // summer time ends Sunday 25 October 2026: the notice week is one hour longer than 7 × 24 h
    LocalDate mottagen = LocalDate.of(2026, 10, 23);
    assertThat(mottagen.getDayOfWeek().name()).isEqualTo("FRIDAY");
    ZonedDateTime upphor = Uppsagningstid.upphor(mottagen);
    assertThat(upphor).isEqualTo(ZonedDateTime.of(2026, 10, 31, 0, 0, 0, 0, STOCKHOLM));
    assertThat(upphor.toInstant().toString()).isEqualTo("2026-10-30T23:00:00Z");
    assertThat(Duration.between(mottagen.atStartOfDay(STOCKHOLM), upphor)).isEqualTo(Duration.ofHours(8 * 24 + 1));
  }

  @Test
  void receivedOnTheFridayBeforeSummerTimeBeginsEndsWhenTheNextFridayIsOver() {
    // summer time begins Sunday 29 March 2026: the week is one hour shorter
    LocalDate mottagen = LocalDate.of(2026, 3, 27);
    ZonedDateTime upphor = Uppsagningstid.upphor(mottagen);
    assertThat(upphor).isEqualTo(ZonedDateTime.of(2026, 4, 4, 0, 0, 0, 0, STOCKHOLM));
    assertThat(upphor.toInstant().toString()).isEqualTo("2026-04-03T22:00:00Z");
    assertThat(Duration.between(mottagen.atStartOfDay(STOCKHOLM), upphor)).isEqualTo(Duration.ofHours(8 * 24 - 1));
  }

  @Test
  void theEndDoesNotDependOnTheJvmZone() {
    java.util.TimeZone before = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
      assertThat(Uppsagningstid.upphor(LocalDate.of(2026, 6, 1)).toInstant().toString()).isEqualTo("2026-06-08T22:00:00Z");
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
      assertThat(Uppsagningstid.upphor(LocalDate.of(2026, 6, 1)).toInstant().toString()).isEqualTo("2026-06-08T22:00:00Z");
    } finally {
      java.util.TimeZone.setDefault(before);
    }
  }
}
