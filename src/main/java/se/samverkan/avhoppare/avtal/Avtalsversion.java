package se.samverkan.avhoppare.avtal;

import java.time.LocalDate;
import java.util.Set;

/**
 * One version of the agreement: who is party to it, when it runs, its quota and its target groups.
 * The period is {@code start} up to and including {@link #slut()}.
 */
public record Avtalsversion(
    String id,
    String namn,
    LocalDate start,
    int langdManader,
    Kvot kvot,
    Set<Malgrupp> malgrupper,
    Set<String> parter) {

  public Avtalsversion {
    if (langdManader < 1) {
      throw new IllegalArgumentException("agreement version " + id + " must run at least one month");
    }
    malgrupper = Set.copyOf(malgrupper);
    parter = Set.copyOf(parter);
  }

  /** The last day in force. */
  public LocalDate slut() {
    return start.plusMonths(langdManader).minusDays(1);
  }

  public boolean omfattar(LocalDate datum) {
    return !datum.isBefore(start) && !datum.isAfter(slut());
  }

  public boolean arPart(String partId) {
    return parter.contains(partId);
  }

  public boolean omfattarMalgrupp(Malgrupp malgrupp) {
    return malgrupper.contains(malgrupp);
  }

  public String period() {
    return start + "–" + slut();
  }
}
