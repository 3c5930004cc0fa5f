package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * §8 cost reconciliation between two municipalities for one period, in plain Java.
 *
 * <p>The receiving municipality bears the costs of the services in the implementation plan (§8).
 * Each plan row's monthly cost is prorated by the days the service actually ran in the period,
 * month by month: a whole calendar month costs the monthly amount, a part of a month costs
 * {@code monthly × days running in that month / days in that month}. A service runs from its start
 * date up to and including the last day of its assignment (open-ended while the assignment runs).
 *
 * <p>A fair and equal split is half of the pair's total each. The deviation is what municipality A
 * bore beyond its half (negative: less). When the deviation is past the threshold (strictly more
 * than {@code andel × total} <em>and</em> strictly more than {@code lagstaBelopp}), the one that
 * bore less is proposed to pay the deviation to the one that bore more, so both end at half.
 */
public final class Kostnadsavstamning {

  /** A plan row as the reconciliation sees it: who bore it for whom, how much a month, and when it ran. */
  public record Planpost(String mottagandeKommun, String hemkommun, BigDecimal manadskostnad, LocalDate start, LocalDate sistaDag) {
    public Planpost {
      Objects.requireNonNull(mottagandeKommun);
      Objects.requireNonNull(hemkommun);
      Objects.requireNonNull(manadskostnad);
      Objects.requireNonNull(start);
    }
  }

  /** When an equalisation is proposed: the deviation must pass both. */
  public record Troskel(BigDecimal andel, BigDecimal lagstaBelopp) {
    public Troskel {
      if (andel.signum() < 0 || andel.compareTo(BigDecimal.ONE) > 0 || lagstaBelopp.signum() < 0) {
        throw new IllegalArgumentException("threshold share must be 0–1 and the lowest amount not negative");
      }
    }
  }

  /** A manual correction after a dispute: amounts added to what each side bore (may be negative). */
  public record Justering(BigDecimal kommunA, BigDecimal kommunB) {
    public static final Justering INGEN = new Justering(BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /**
   * The result. {@code betalare}/{@code mottagare} are null when no equalisation is proposed.
   * Amounts in kronor with two decimals.
   */
  public record Resultat(String kommunA, String kommunB, LocalDate periodStart, LocalDate periodSlut, BigDecimal kostnadA,
      BigDecimal kostnadB, BigDecimal total, BigDecimal avvikelse, boolean utjamningForeslas, BigDecimal utjamning,
      String betalare, String mottagare) {}

  private final Troskel troskel;

  public Kostnadsavstamning(Troskel troskel) {
    this.troskel = Objects.requireNonNull(troskel);
  }

  /**
   * @param kommunA one municipality of the pair
   * @param kommunB the other
   * @param periodStart first day of the period
   * @param periodSlut last day of the period
   * @param poster plan rows; rows not between A and B are ignored
   */
  public Resultat berakna(String kommunA, String kommunB, LocalDate periodStart, LocalDate periodSlut, List<Planpost> poster,
      Justering justering) {
    if (kommunA.equals(kommunB)) {
      throw new IllegalArgumentException("a reconciliation needs two different municipalities");
    }
    if (periodSlut.isBefore(periodStart)) {
      throw new IllegalArgumentException("period ends before it starts");
    }
    BigDecimal a = justering.kommunA();
    BigDecimal b = justering.kommunB();
    for (Planpost p : poster) {
      if (p.mottagandeKommun().equals(kommunA) && p.hemkommun().equals(kommunB)) {
        a = a.add(kostnad(p, periodStart, periodSlut));
      } else if (p.mottagandeKommun().equals(kommunB) && p.hemkommun().equals(kommunA)) {
        b = b.add(kostnad(p, periodStart, periodSlut));
      }
    }
    a = a.setScale(2, RoundingMode.HALF_UP);
    b = b.setScale(2, RoundingMode.HALF_UP);
    BigDecimal total = a.add(b);
    BigDecimal avvikelse = a.subtract(b).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    BigDecimal belopp = avvikelse.abs();
    boolean foreslas = belopp.signum() > 0
        && belopp.compareTo(total.multiply(troskel.andel())) > 0
        && belopp.compareTo(troskel.lagstaBelopp()) > 0;
    String betalare = null;
    String mottagare = null;
    if (foreslas) {
      betalare = avvikelse.signum() > 0 ? kommunB : kommunA;
      mottagare = avvikelse.signum() > 0 ? kommunA : kommunB;
    }
    return new Resultat(kommunA, kommunB, periodStart, periodSlut, a, b, total, avvikelse, foreslas,
        foreslas ? belopp : BigDecimal.ZERO.setScale(2), betalare, mottagare);
  }

  /** One plan row's cost within the period, prorated month by month by the days it ran. */
  static BigDecimal kostnad(Planpost p, LocalDate periodStart, LocalDate periodSlut) {
    LocalDate fran = p.start().isAfter(periodStart) ? p.start() : periodStart;
    LocalDate till = p.sistaDag() != null && p.sistaDag().isBefore(periodSlut) ? p.sistaDag() : periodSlut;
    BigDecimal sum = BigDecimal.ZERO;
    if (till.isBefore(fran)) {
      return sum;
    }
    YearMonth manad = YearMonth.from(fran);
    while (!manad.atDay(1).isAfter(till)) {
      LocalDate forsta = manad.atDay(1).isBefore(fran) ? fran : manad.atDay(1);
      LocalDate sista = manad.atEndOfMonth().isAfter(till) ? till : manad.atEndOfMonth();
      long dagar = sista.toEpochDay() - forsta.toEpochDay() + 1;
      sum = sum.add(p.manadskostnad().multiply(BigDecimal.valueOf(dagar))
          .divide(BigDecimal.valueOf(manad.lengthOfMonth()), 10, RoundingMode.HALF_UP));
      manad = manad.plusMonths(1);
    }
    return sum;
  }

  /** The half-year periods of an agreement version (start, +6 months, …) up to its last day. */
  public static List<LocalDate[]> halvar(LocalDate versionStart, LocalDate versionSlut) {
    java.util.ArrayList<LocalDate[]> perioder = new java.util.ArrayList<>();
    for (LocalDate s = versionStart; !s.isAfter(versionSlut); s = s.plusMonths(6)) {
      LocalDate e = s.plusMonths(6).minusDays(1);
      perioder.add(new LocalDate[] {s, e.isAfter(versionSlut) ? versionSlut : e});
    }
    return perioder;
  }
}
