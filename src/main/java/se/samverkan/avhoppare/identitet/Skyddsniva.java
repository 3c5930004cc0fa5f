package se.samverkan.avhoppare.identitet;

/** The person's protection in the population register. */
public enum Skyddsniva {
  INGEN("Ingen"),
  SEKRETESSMARKERING("Sekretessmarkering"),
  SKYDDAD_FOLKBOKFORING("Skyddad folkbokföring"),
  FINGERADE_PERSONUPPGIFTER("Fingerade personuppgifter");

  private final String benamning;

  Skyddsniva(String benamning) {
    this.benamning = benamning;
  }

  public String benamning() {
    return benamning;
  }
}
