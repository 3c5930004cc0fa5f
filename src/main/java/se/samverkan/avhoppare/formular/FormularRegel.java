package se.samverkan.avhoppare.formular;

import java.util.Set;

/**
 * A domain rule beyond what the form itself says, attached to one or more forms by id. Declare it as
 * a Spring bean; it applies wherever a task or start event uses one of its forms, in any process,
 * including a task a process owner adds in Modeler. The form's own contract (keys, types, required,
 * lengths, options…) is checked first by the server; a rule only adds what the form cannot say.
 *
 * <pre>
 * &#64;Component
 * class PeriodSlutEfterStart implements FormularRegel {
 *   public Set&lt;String&gt; formular() { return Set.of("uppdragsbeskrivning"); }
 *   public void kontrollera(Inlamning in, Avvisning fel) {
 *     if (in.har("periodStart") &amp;&amp; in.har("periodSlut") &amp;&amp; !in.datum("periodSlut").isAfter(in.datum("periodStart")))
 *       fel.falt("periodSlut", "måste vara efter '" + fel.etikett("periodStart") + "'.");
 *   }
 * }
 * </pre>
 */
public interface FormularRegel {

  /** The ids of the forms this rule applies to. */
  Set<String> formular();

  /**
   * Checks a submission before anything is stored; add each problem to {@code fel} (a Swedish sentence
   * naming the field). Values that failed the form's own checks are absent from {@code in}.
   */
  default void kontrollera(Inlamning in, Avvisning fel) {}

  /**
   * After the submission is accepted, in the same transaction (at the task's completion or the
   * process's start): write the accepted data to our tables and set routing variables.
   */
  default void verkstall(Inlamning in) {}

  /**
   * The form's keys that stay process variables after {@link #verkstall} (routing facts gateways use).
   * Every other key of a form that has a rule is removed again: its data lives in our tables. A form
   * without any rule keeps its values as variables.
   */
  default Set<String> processvariabler() {
    return Set.of();
  }
}
