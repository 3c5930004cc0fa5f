package se.samverkan.avhoppare.identitet;

/**
 * Who the person is. Lives only encrypted in {@code person_identitet}; never in process variables,
 * history, logs or messages. {@link #toString()} masks everything, so a stray log line leaks nothing.
 */
public record PersonIdentitet(String namn, String personnummer, Skyddsniva skyddsniva) {

  /** Checks and normalises; throws {@link IdentitetException} naming the field. */
  public static PersonIdentitet of(String namn, String personnummer, Skyddsniva skyddsniva) {
    if (namn == null || namn.isBlank()) {
      throw new IdentitetException("Fältet 'Namn' måste anges.");
    }
    if (namn.strip().length() > 200) {
      throw new IdentitetException("Fältet 'Namn' får vara högst 200 tecken.");
    }
    if (skyddsniva == null) {
      throw new IdentitetException("Fältet 'Skyddsnivå' måste anges.");
    }
    return new PersonIdentitet(namn.strip(), Personnummer.normalise(personnummer), skyddsniva);
  }

  @Override
  public String toString() {
    return "PersonIdentitet[***]";
  }
}
