package se.samverkan.avhoppare.avtal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.avtal.KvotOchBalans.Flytt;

/** The from→to balance the managers' overview shows, from the same counted assignments as the quota. */
class BalansTest {

  @Test
  void countsAssignmentsFromEachMunicipalityToEachOther() {
    KvotOchBalans k = new KvotOchBalans(BehorighetsbedomningTest.V2026, List.of("stockholm", "goteborg", "malmo"),
        List.of(new Flytt("A1", "stockholm", "malmo"), new Flytt("A2", "stockholm", "malmo"), new Flytt("A3", "goteborg", "stockholm")));
    assertThat(k.balans("stockholm", "malmo")).isEqualTo(2);
    assertThat(k.balans("malmo", "stockholm")).isZero();
    assertThat(k.balans("goteborg", "stockholm")).isEqualTo(1);
    assertThat(k.siffror("stockholm")).isEqualTo(new KvotOchBalans.Siffror(2, 1));
  }
}
