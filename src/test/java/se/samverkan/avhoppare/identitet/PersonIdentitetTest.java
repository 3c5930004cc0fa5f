package se.samverkan.avhoppare.identitet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonIdentitetTest {

  @Test
  void personnummerIsNormalisedAndChecked() {
    assertThat(Personnummer.normalise("198112189876")).isEqualTo("19811218-9876");
    assertThat(Personnummer.normalise(" 19811218-9876 ")).isEqualTo("19811218-9876");
    assertThat(Personnummer.normalise("19811278-9873")).as("samordningsnummer, day + 60").isEqualTo("19811278-9873");
  }

  @Test
  void badPersonnummerGetsASwedishMessageNamingTheFieldWithoutRepeatingTheNumber() {
    assertThatThrownBy(() -> Personnummer.normalise("19811218-9875")).hasMessage("Fältet 'Personnummer' har fel kontrollsiffra.");
    assertThatThrownBy(() -> Personnummer.normalise("19811318-9876")).hasMessageContaining("giltigt datum");
    assertThatThrownBy(() -> Personnummer.normalise("811218-9876")).hasMessageContaining("tolv siffror")
        .message().doesNotContain("811218");
    assertThatThrownBy(() -> Personnummer.normalise(" ")).hasMessage("Fältet 'Personnummer' måste anges.");
  }

  @Test
  void nameAndProtectionLevelAreRequired() {
    assertThatThrownBy(() -> PersonIdentitet.of(" ", "19811218-9876", Skyddsniva.INGEN)).hasMessageContaining("'Namn'");
    assertThatThrownBy(() -> PersonIdentitet.of("Anna", "19811218-9876", null)).hasMessageContaining("'Skyddsnivå'");
  }

  @Test
  void toStringLeaksNothing() {
    PersonIdentitet p = PersonIdentitet.of("Anna Andersson", "19811218-9876", Skyddsniva.SKYDDAD_FOLKBOKFORING);
    assertThat(p.toString()).doesNotContain("Anna", "9876", "SKYDDAD");
  }
}
