package se.samverkan.avhoppare.organisation;

/**
 * The roles held per municipality. Each becomes one Camunda group per municipality,
 * {@code <kommun>-<suffix>}.
 */
public enum Roll {
  HANDLAGGARE("handlaggare", "Handläggare"),
  CHEF("chef", "Samordnare/chef");

  /** Group of the process owners, who edit and deploy diagrams; not tied to a municipality. */
  public static final String PROCESSAGARE_GRUPP = "processagare";

  /** Camunda's administrator group: users, groups and authorizations in Admin. */
  public static final String ADMIN_GRUPP = "camunda-admin";

  private final String suffix;
  private final String benamning;

  Roll(String suffix, String benamning) {
    this.suffix = suffix;
    this.benamning = benamning;
  }

  public String gruppFor(String kommunId) {
    return kommunId + "-" + suffix;
  }

  /** The part after the municipality in the group id, e.g. {@code chef}. */
  public String suffix() {
    return suffix;
  }

  public String benamning() {
    return benamning;
  }
}
