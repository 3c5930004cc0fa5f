package se.samverkan.avhoppare.avtal;

/** Target groups of the agreement (§4; widened to skyddspersoner from 2025). */
public enum Malgrupp {
  AVHOPPARE("Avhoppare"),
  SKYDDSPERSON("Skyddsperson");

  private final String benamning;

  Malgrupp(String benamning) {
    this.benamning = benamning;
  }

  public String benamning() {
    return benamning;
  }
}
