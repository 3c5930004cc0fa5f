package se.samverkan.avhoppare.avtal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A party's written notice of the whole agreement (§11): the agreement version ends for that
 * municipality three months after the notice was received (its last day in force is the same day
 * of the month three months later, as DOMAIN.md counts §12's week), or with the version if that is
 * earlier. From the day after, no new assignment goes to or from it.
 */
public record Avtalsuppsagning(String avtalsversion, String kommun, LocalDate mottagen) {

  public static final int UPPSAGNINGSTID_MANADER = 3;

  public Avtalsuppsagning {
    Objects.requireNonNull(avtalsversion);
    Objects.requireNonNull(kommun);
    Objects.requireNonNull(mottagen);
  }

  /** The last day the version is in force for the municipality that gave notice. */
  public LocalDate sistaDag(Avtalsversion version) {
    if (!version.id().equals(avtalsversion)) {
      throw new IllegalArgumentException("notice of " + avtalsversion + " asked about " + version.id());
    }
    LocalDate efterUppsagningstid = mottagen.plusMonths(UPPSAGNINGSTID_MANADER);
    return efterUppsagningstid.isBefore(version.slut()) ? efterUppsagningstid : version.slut();
  }
}
