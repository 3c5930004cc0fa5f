package se.samverkan.avhoppare.formular;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The problems found in one submission, each a Swedish sentence naming the field by its label in the
 * form. {@link #kontrollera()} refuses the whole submission at once: the engine rolls back, the task
 * stays open with what was entered, and REST answers 400 with the message.
 */
public final class Avvisning {

  static final String INLEDNING = "Uppgifterna kunde inte sparas. ";

  private final Formkontrakt kontrakt;
  private final List<String> fel = new ArrayList<>();
  private String forstaFalt;

  Avvisning(Formkontrakt kontrakt) {
    this.kontrakt = kontrakt;
  }

  /** "Fältet '<label>' <text>" — {@code text} goes on the sentence, e.g. "kan inte ligga i framtiden." */
  public void falt(String nyckel, String text) {
    lagg(nyckel, "Fältet '" + kontrakt.etikett(nyckel) + "' " + text);
  }

  /** A whole sentence about {@code nyckel} (for a rule whose message is not about a single label). */
  public void meddelande(String nyckel, String mening) {
    lagg(nyckel, mening);
  }

  /** The label of a field, for a message naming two fields. */
  public String etikett(String nyckel) {
    return kontrakt.etikett(nyckel);
  }

  void lagg(String nyckel, String mening) {
    if (forstaFalt == null) {
      forstaFalt = nyckel;
    }
    if (!fel.contains(mening)) {
      fel.add(mening);
    }
  }

  public boolean harFel() {
    return !fel.isEmpty();
  }

  public List<String> fel() {
    return List.copyOf(fel);
  }

  /** Refuses the submission if anything was wrong. */
  public void kontrollera() {
    if (!fel.isEmpty()) {
      throw new FormFieldValidationException(forstaFalt, INLEDNING + String.join(" ", fel));
    }
  }
}
