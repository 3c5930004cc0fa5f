package se.samverkan.avhoppare.avtal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AvtalsuppsagningTest {

  @Test
  void theVersionEndsForThePartyThreeMonthsAfterReceipt() {
    assertThat(new Avtalsuppsagning("avtal-2026", "malmo", LocalDate.of(2026, 3, 2)).sistaDag(BehorighetsbedomningTest.V2026))
        .isEqualTo(LocalDate.of(2026, 6, 2));
    // the end of a shorter month: 30 November + 3 months = 28 February
    assertThat(new Avtalsuppsagning("avtal-2026", "malmo", LocalDate.of(2026, 11, 30)).sistaDag(BehorighetsbedomningTest.V2026))
        .isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void aNoticeNeverLengthensTheVersion() {
    assertThat(new Avtalsuppsagning("avtal-2026", "goteborg", LocalDate.of(2027, 11, 1)).sistaDag(BehorighetsbedomningTest.V2026))
        .isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void aNoticeOfAnotherVersionIsNotAnswered() {
    assertThatThrownBy(() -> new Avtalsuppsagning("avtal-2025", "malmo", LocalDate.of(2025, 3, 1)).sistaDag(BehorighetsbedomningTest.V2026))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
