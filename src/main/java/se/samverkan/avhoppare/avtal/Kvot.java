package se.samverkan.avhoppare.avtal;

/**
 * The quota of an agreement version, per municipality over the whole period (§4): a goal, not a ban.
 */
public record Kvot(int skickade, int mottagna) {

  public Kvot {
    if (skickade < 0 || mottagna < 0) {
      throw new IllegalArgumentException("a quota cannot be negative");
    }
  }
}
