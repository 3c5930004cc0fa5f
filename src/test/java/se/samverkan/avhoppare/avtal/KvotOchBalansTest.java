package se.samverkan.avhoppare.avtal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.avtal.KvotOchBalans.Flytt;

class KvotOchBalansTest {

  static final List<String> KOMMUNER = List.of("stockholm", "goteborg", "malmo");

  @Test
  void countsSentAndReceivedPerMunicipality() {
    KvotOchBalans k = new KvotOchBalans(BehorighetsbedomningTest.V2026, KOMMUNER,
        List.of(new Flytt("stockholm", "malmo"), new Flytt("stockholm", "goteborg"), new Flytt("goteborg", "malmo")));
    assertThat(k.siffror("stockholm")).isEqualTo(new KvotOchBalans.Siffror(2, 0));
    assertThat(k.siffror("malmo")).isEqualTo(new KvotOchBalans.Siffror(0, 2));
    assertThat(k.sammanfattning(Map.of("malmo", "Malmö"))).contains("- Malmö: 0 skickade, 2 mottagna", "högst 2 skickade");
  }

  @Test
  void oneMoreCasePastEitherSidesQuotaIsOver() {
    KvotOchBalans k = new KvotOchBalans(BehorighetsbedomningTest.V2026, KOMMUNER,
        List.of(new Flytt("stockholm", "malmo"), new Flytt("stockholm", "goteborg"), new Flytt("goteborg", "malmo")));
    assertThat(k.overskrids("stockholm", "goteborg")).as("Stockholm has sent two").isTrue();
    assertThat(k.overskrids("goteborg", "malmo")).as("Malmö has received two").isTrue();
    assertThat(k.overskrids("goteborg", "stockholm")).as("within both quotas").isFalse();
    assertThat(k.overskrids("malmo", "goteborg")).isFalse();
  }

  @Test
  void theCatalogueHoldsExactlyTheSection6ServicesAndNothingElse() {
    assertThat(Insats.values()).hasSize(11);
    assertThat(Insats.fran("KRISSTOD")).contains(Insats.KRISSTOD);
    assertThat(Insats.fran("HALSO_OCH_SJUKVARD")).isEmpty();
    assertThat(Insats.fran("BOENDE")).as("housing stays with the home municipality (§5)").isEmpty();
    assertThat(Insats.ARBETSINRIKTADE_INSATSER.benamning()).contains("KRAMI");
  }
}
