package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kept answers are given only for the very version they were computed at, and their number is bounded. */
class UppgiftsversionTest {

  @Test
  void anAnswerIsGivenOnlyAtItsOwnVersion() {
    Uppgiftsversion.Kept<String, Boolean> kept = new Uppgiftsversion.Kept<>(10);
    kept.put("anna läser filter 1", 41, true);
    assertThat(kept.get("anna läser filter 1", 41)).isTrue();
    assertThat(kept.get("anna läser filter 1", 42)).as("a change was committed since").isNull();
    assertThat(kept.get("anna läser filter 1", 40)).isNull();
    assertThat(kept.get("bo läser filter 1", 41)).as("another question").isNull();

    kept.put("anna läser filter 1", 42, false);
    assertThat(kept.get("anna läser filter 1", 42)).as("the newer answer replaces the older").isFalse();
    assertThat(kept.get("anna läser filter 1", 41)).isNull();
  }

  @Test
  void aboveTheLimitItStartsOver() {
    Uppgiftsversion.Kept<Integer, String> kept = new Uppgiftsversion.Kept<>(3);
    for (int i = 0; i < 3; i++) {
      kept.put(i, 1, "svar " + i);
    }
    assertThat(kept.size()).isEqualTo(3);
    kept.put(3, 1, "svar 3");
    assertThat(kept.size()).isEqualTo(1);
    assertThat(kept.get(0, 1)).isNull();
    assertThat(kept.get(3, 1)).isEqualTo("svar 3");
  }
}
