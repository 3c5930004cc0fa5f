package se.samverkan.avhoppare.avstamning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.avhoppare.avstamning.Kostnadsavstamning.Justering;
import se.samverkan.avhoppare.avstamning.Kostnadsavstamning.Planpost;
import se.samverkan.avhoppare.avstamning.Kostnadsavstamning.Resultat;
import se.samverkan.avhoppare.avstamning.Kostnadsavstamning.Troskel;

/** Worked numbers for §8: the receiving municipality bears the plan's costs, prorated by the days each service ran. */
class KostnadsavstamningTest {

  static final LocalDate H1_START = LocalDate.of(2026, 1, 1);
  static final LocalDate H1_SLUT = LocalDate.of(2026, 6, 30);
  static final Kostnadsavstamning TIO_PROCENT = new Kostnadsavstamning(new Troskel(new BigDecimal("0.10"), new BigDecimal("5000")));

  static BigDecimal kr(String s) {
    return new BigDecimal(s);
  }

  static Planpost post(String mottagande, String hem, String manad, String start, String sistaDag) {
    return new Planpost(mottagande, hem, kr(manad), LocalDate.parse(start), sistaDag == null ? null : LocalDate.parse(sistaDag));
  }

  @Test
  void oneSidedHalfYearIsSixWholeMonthsAndTheOtherSidePaysHalf() {
    // Malmö receives a Stockholm case: 4 500 + 12 000 a month for the whole half-year = 6 × 16 500 = 99 000
    Resultat r = TIO_PROCENT.berakna("malmo", "stockholm", H1_START, H1_SLUT, List.of(
        post("malmo", "stockholm", "4500", "2025-11-01", null),
        post("malmo", "stockholm", "12000", "2026-01-01", null)), Justering.INGEN);
    assertThat(r.kostnadA()).isEqualByComparingTo("99000.00");
    assertThat(r.kostnadB()).isEqualByComparingTo("0");
    assertThat(r.total()).isEqualByComparingTo("99000.00");
    assertThat(r.avvikelse()).isEqualByComparingTo("49500.00");
    assertThat(r.utjamningForeslas()).isTrue();
    assertThat(r.utjamning()).isEqualByComparingTo("49500.00");
    assertThat(r.betalare()).isEqualTo("stockholm");
    assertThat(r.mottagare()).isEqualTo("malmo");
  }

  @Test
  void balancedPairNeedsNoEqualisationAndOtherPairsDoNotCount() {
    Resultat r = TIO_PROCENT.berakna("goteborg", "stockholm", H1_START, H1_SLUT, List.of(
        post("goteborg", "stockholm", "10000", "2026-01-01", null),
        post("stockholm", "goteborg", "10000", "2026-01-01", null),
        post("malmo", "stockholm", "99999", "2026-01-01", null),
        post("goteborg", "malmo", "99999", "2026-01-01", null)), Justering.INGEN);
    assertThat(r.kostnadA()).isEqualByComparingTo("60000.00");
    assertThat(r.kostnadB()).isEqualByComparingTo("60000.00");
    assertThat(r.avvikelse()).isEqualByComparingTo("0");
    assertThat(r.utjamningForeslas()).isFalse();
    assertThat(r.utjamning()).isEqualByComparingTo("0");
    assertThat(r.betalare()).isNull();
    assertThat(r.mottagare()).isNull();
  }

  @Test
  void servicesStartingAndEndingMidPeriodCountTheDaysTheyRan() {
    // 3 100/month in March, last day 10 March: 10/31 × 3 100 = 1 000.00
    // 2 800/month from 15 February: 14/28 × 2 800 = 1 400 + March–June 4 × 2 800 = 11 200 → 12 600.00
    Resultat r = TIO_PROCENT.berakna("goteborg", "malmo", H1_START, H1_SLUT, List.of(
        post("goteborg", "malmo", "3100", "2026-03-01", "2026-03-10"),
        post("malmo", "goteborg", "2800", "2026-02-15", null)), Justering.INGEN);
    assertThat(r.kostnadA()).isEqualByComparingTo("1000.00");
    assertThat(r.kostnadB()).isEqualByComparingTo("12600.00");
    assertThat(r.total()).isEqualByComparingTo("13600.00");
    assertThat(r.avvikelse()).isEqualByComparingTo("-5800.00");
    assertThat(r.utjamningForeslas()).isTrue();
    assertThat(r.utjamning()).isEqualByComparingTo("5800.00");
    assertThat(r.betalare()).isEqualTo("goteborg");
    assertThat(r.mottagare()).isEqualTo("malmo");
  }

  @Test
  void anAssignmentThatEndedBeforeThePeriodOrStartsAfterItCostsNothing() {
    Resultat r = TIO_PROCENT.berakna("malmo", "stockholm", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), List.of(
        post("malmo", "stockholm", "4500", "2026-01-01", "2026-06-30"),
        post("stockholm", "malmo", "8000", "2027-01-01", null)), Justering.INGEN);
    assertThat(r.kostnadA()).isEqualByComparingTo("0");
    assertThat(r.kostnadB()).isEqualByComparingTo("0");
    assertThat(r.total()).isEqualByComparingTo("0");
    assertThat(r.utjamningForeslas()).isFalse();
  }

  @Test
  void shareThresholdJustUnderAndJustOver() {
    Kostnadsavstamning femProcent = new Kostnadsavstamning(new Troskel(new BigDecimal("0.05"), BigDecimal.ZERO));
    LocalDate mars = LocalDate.of(2026, 3, 1);
    LocalDate marsSlut = LocalDate.of(2026, 3, 31);
    // 55 000 against 45 000: the deviation 5 000 is exactly 5 % of 100 000 — not past the threshold
    Resultat vid = femProcent.berakna("malmo", "stockholm", mars, marsSlut, List.of(
        post("malmo", "stockholm", "55000", "2026-03-01", null), post("stockholm", "malmo", "45000", "2026-03-01", null)),
        Justering.INGEN);
    assertThat(vid.avvikelse()).isEqualByComparingTo("5000.00");
    assertThat(vid.utjamningForeslas()).isFalse();
    // 55 000.04 against 45 000: deviation 5 000.02 > 5 % of 100 000.04 (5 000.002)
    Resultat over = femProcent.berakna("malmo", "stockholm", mars, marsSlut, List.of(
        post("malmo", "stockholm", "55000.04", "2026-03-01", null), post("stockholm", "malmo", "45000", "2026-03-01", null)),
        Justering.INGEN);
    assertThat(over.avvikelse()).isEqualByComparingTo("5000.02");
    assertThat(over.utjamningForeslas()).isTrue();
    assertThat(over.utjamning()).isEqualByComparingTo("5000.02");
    assertThat(over.betalare()).isEqualTo("stockholm");
  }

  @Test
  void lowestAmountThresholdJustUnderAndJustOver() {
    Kostnadsavstamning minst = new Kostnadsavstamning(new Troskel(BigDecimal.ZERO, new BigDecimal("5000")));
    LocalDate mars = LocalDate.of(2026, 3, 1);
    LocalDate marsSlut = LocalDate.of(2026, 3, 31);
    Resultat vid = minst.berakna("goteborg", "stockholm", mars, marsSlut, List.of(post("goteborg", "stockholm", "10000", "2026-03-01", null)),
        Justering.INGEN);
    assertThat(vid.avvikelse()).isEqualByComparingTo("5000.00");
    assertThat(vid.utjamningForeslas()).as("exactly the lowest amount is not past it").isFalse();
    Resultat over = minst.berakna("goteborg", "stockholm", mars, marsSlut, List.of(post("goteborg", "stockholm", "10000.02", "2026-03-01", null)),
        Justering.INGEN);
    assertThat(over.utjamningForeslas()).isTrue();
    assertThat(over.utjamning()).isEqualByComparingTo("5000.01");
    assertThat(over.betalare()).isEqualTo("stockholm");
    assertThat(over.mottagare()).isEqualTo("goteborg");
  }

  @Test
  void aCorrectionAfterADisputeIsAddedToWhatEachSideBore() {
    Resultat r = TIO_PROCENT.berakna("malmo", "stockholm", H1_START, H1_SLUT, List.of(post("malmo", "stockholm", "10000", "2026-01-01", null)),
        new Justering(kr("-20000"), kr("40000")));
    assertThat(r.kostnadA()).isEqualByComparingTo("40000.00");
    assertThat(r.kostnadB()).isEqualByComparingTo("40000.00");
    assertThat(r.utjamningForeslas()).isFalse();
  }

  @Test
  void halfYearsOfAVersion() {
    List<LocalDate[]> p = Kostnadsavstamning.halvar(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
    assertThat(p).hasSize(4);
    assertThat(p.get(0)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    assertThat(p.get(3)).containsExactly(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31));
  }
}
