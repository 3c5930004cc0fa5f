package se.samverkan.avhoppare.avtal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The services of the §6 catalogue that a receiving municipality can provide. Health care is the
 * region's and housing and income support stay with the home municipality (§5): they are not here.
 */
public enum Insats {
  KRISSTOD("Krisstöd"),
  MOTIVATIONSSAMTAL("Motivationssamtal"),
  PRAKTISKT_STOD("Praktiskt stöd (SIG-lots)"),
  KONTAKTPERSON("Kontaktperson"),
  BOENDESTOD("Boendestöd"),
  MISSBRUKSBEHANDLING("Missbruksbehandling"),
  BUDGET_OCH_SKULDRADGIVNING("Budget- och skuldrådgivning"),
  OPPENVARDSBEHANDLING("Öppenvårdsbehandling"),
  KRIMINALITET_SOM_LIVSSTIL("Kriminalitet som livsstil"),
  KONTAKT_MED_PSYKIATRIN("Kontakt med psykiatrin"),
  ARBETSINRIKTADE_INSATSER("Arbetsinriktade insatser (KRAMI)");

  private final String benamning;

  Insats(String benamning) {
    this.benamning = benamning;
  }

  public String benamning() {
    return benamning;
  }

  /** The catalogue service with this code, if it is one. */
  public static Optional<Insats> fran(String kod) {
    return Arrays.stream(values()).filter(i -> i.name().equals(kod)).findFirst();
  }
}
