package se.samverkan.avhoppare.avtal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.Hotbild;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.KriminelltSammanhang;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.Uppgifter;

class BehorighetsbedomningTest {

  static final Avtalsversion V2026 = new Avtalsversion("avtal-2026", "2026", LocalDate.of(2026, 1, 1), 24, new Kvot(2, 2),
      Set.of(Malgrupp.AVHOPPARE, Malgrupp.SKYDDSPERSON), Set.of("a", "b"));
  static final Uppgifter ELIGIBLE = new Uppgifter(Malgrupp.AVHOPPARE, KriminelltSammanhang.KRIMINELL_GRUPP, Hotbild.LATENT,
      true, false, true);

  @Test
  void anEligiblePersonHasNoReasonToEnd() {
    assertThat(Behorighetsbedomning.skalAttAvsluta(ELIGIBLE, V2026)).isEmpty();
    assertThat(Behorighetsbedomning.skalAttAvsluta(new Uppgifter(Malgrupp.SKYDDSPERSON, KriminelltSammanhang.DESTRUKTIV_MILJO,
        Hotbild.KONKRET, true, false, true), V2026)).isEmpty();
  }

  @Test
  void eachUnmetConditionIsItsOwnReason() {
    assertThat(Behorighetsbedomning.skalAttAvsluta(new Uppgifter(Malgrupp.AVHOPPARE, KriminelltSammanhang.INGET, Hotbild.INGEN,
        false, true, false), V2026)).containsExactly(
        "Personen ingår inte i en kriminell grupp eller kriminell destruktiv miljö (§4).",
        "Det finns ingen latent eller konkret hotbild (§4).",
        "Personen är inte motiverad till förändring (§4).",
        "Personen har ansvar för barn (§4).",
        "Personen har inte samtyckt till informationsutbyte (§7).");
  }

  @Test
  void aTargetGroupOutsideTheVersionIsARefusal() {
    Avtalsversion onlyDefectors = new Avtalsversion("v", "v", LocalDate.of(2024, 1, 1), 12, new Kvot(1, 1),
        Set.of(Malgrupp.AVHOPPARE), Set.of("a", "b"));
    assertThat(Behorighetsbedomning.skalAttAvsluta(new Uppgifter(Malgrupp.SKYDDSPERSON, KriminelltSammanhang.KRIMINELL_GRUPP,
        Hotbild.KONKRET, true, false, true), onlyDefectors)).containsExactly("Personen tillhör inte avtalets målgrupp (§4).");
  }

  @Test
  void onlyALatentThreatNeedsThePoliceAdviceAcknowledged() {
    assertThat(Behorighetsbedomning.kraverBekraftelseAvPolisensRad(Hotbild.LATENT)).isTrue();
    assertThat(Behorighetsbedomning.kraverBekraftelseAvPolisensRad(Hotbild.KONKRET)).isFalse();
  }
}
