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
        List.of(new Flytt("A1", "stockholm", "malmo"), new Flytt("A2", "stockholm", "goteborg"), new Flytt("B1", "goteborg", "malmo")));
    assertThat(k.siffror("stockholm")).isEqualTo(new KvotOchBalans.Siffror(2, 0));
    assertThat(k.siffror("malmo")).isEqualTo(new KvotOchBalans.Siffror(0, 2));
    assertThat(k.sammanfattning(Map.of("malmo", "Malmö"))).contains("- Malmö: 0 skickade, 2 mottagna", "högst 2 skickade");
  }

  @Test
  void oneMoreCasePastEitherSidesQuotaIsOver() {
    KvotOchBalans k = new KvotOchBalans(BehorighetsbedomningTest.V2026, KOMMUNER,
        List.of(new Flytt("A1", "stockholm", "malmo"), new Flytt("A2", "stockholm", "goteborg"), new Flytt("B1", "goteborg", "malmo")));
    assertThat(k.overskrids("stockholm", "goteborg")).as("Stockholm has sent two").isTrue();
    assertThat(k.overskrids("goteborg", "malmo")).as("Malmö has received two").isTrue();
    assertThat(k.overskrids("goteborg", "stockholm")).as("within both quotas").isFalse();
    assertThat(k.overskrids("malmo", "goteborg")).isFalse();
  }

  /**
   * Worked example in one version. Facts (accepted requests): Stockholm's case A1 accepted by Malmö, then
   * released by force majeure (§13) and accepted by Göteborg; Stockholm's A2 accepted by Göteborg;
   * Göteborg's B1 accepted by Malmö; Malmö's C1 accepted by Stockholm.
   */
  @Test
  void aForceMajeureChangeKeepsTheFirstReceiverItsCountAndTheNewOneCountsOnlyOnceItAccepts() {
    List<Flytt> fore = List.of(new Flytt("A1", "stockholm", "malmo"), new Flytt("A2", "stockholm", "goteborg"),
        new Flytt("B1", "goteborg", "malmo"), new Flytt("C1", "malmo", "stockholm"));
    KvotOchBalans innanGoteborgSvarat = new KvotOchBalans(BehorighetsbedomningTest.V2026, KOMMUNER, fore);
    assertThat(innanGoteborgSvarat.siffror("goteborg")).as("Göteborg has only A2 so far: A1 is merely asked")
        .isEqualTo(new KvotOchBalans.Siffror(1, 1));
    assertThat(innanGoteborgSvarat.siffror("malmo")).isEqualTo(new KvotOchBalans.Siffror(1, 2));

    List<Flytt> efter = new java.util.ArrayList<>(fore);
    efter.add(new Flytt("A1", "stockholm", "goteborg"));
    KvotOchBalans k = new KvotOchBalans(BehorighetsbedomningTest.V2026, KOMMUNER, efter);
    // Stockholm sent two cases (A1 once, however many receivers), received C1
    assertThat(k.siffror("stockholm")).isEqualTo(new KvotOchBalans.Siffror(2, 1));
    // Göteborg now received A1 and A2, sent B1
    assertThat(k.siffror("goteborg")).isEqualTo(new KvotOchBalans.Siffror(1, 2));
    // Malmö really received A1 and B1 and keeps both after A1 went on to Göteborg
    assertThat(k.siffror("malmo")).isEqualTo(new KvotOchBalans.Siffror(1, 2));
    assertThat(k.balans("stockholm", "malmo")).isEqualTo(1);
    assertThat(k.balans("stockholm", "goteborg")).isEqualTo(2);
    assertThat(k.balans("goteborg", "malmo")).isEqualTo(1);
    assertThat(k.balans("malmo", "stockholm")).isEqualTo(1);
    assertThat(k.balans("goteborg", "stockholm")).isZero();
    assertThat(k.balans()).hasSize(6).contains(new KvotOchBalans.Balans("stockholm", "goteborg", 2),
        new KvotOchBalans.Balans("malmo", "goteborg", 0));
    assertThat(k.overskrids("stockholm", "malmo")).as("Stockholm has sent two").isTrue();
    assertThat(k.overskrids("malmo", "stockholm")).as("Malmö one sent, Stockholm one received").isFalse();
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
