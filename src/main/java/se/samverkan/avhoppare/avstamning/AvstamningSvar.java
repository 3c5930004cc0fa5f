package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;

/**
 * The managers' answers, as rules of their forms: each side confirms or disputes the current round
 * ({@code avstamning-bekrafta}; a dispute needs a comment), and the correction after a dispute
 * ({@code avstamning-korrigering}) gives each side's adjustment in kronor with a reason. A refused
 * answer leaves the task open with what was entered; the message names the field in Swedish.
 */
public final class AvstamningSvar {

  static final String VAR_JUSTERING_A_KONTROLLERAD = "justeringAKontrollerad";
  static final String VAR_JUSTERING_B_KONTROLLERAD = "justeringBKontrollerad";
  static final String VAR_KORRIGERING = "korrigering";
  static final String VAR_KORRIGERAD_AV = "korrigeradAv";
  static final BigDecimal STORSTA_JUSTERING = new BigDecimal("100000000");

  private AvstamningSvar() {}

  /** Confirm or dispute the current round; which side answers is the task's (A or B). */
  @Component
  static class Stallningstagande implements FormularRegel {
    private final AvstamningRepository repository;

    Stallningstagande(AvstamningRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("avstamning-bekrafta");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      if (AvstamningProcess.BESTRIDER.equals(in.text("svar")) && !in.har("kommentar")) {
        fel.falt("kommentar", "måste anges när avstämningen bestrids.");
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      String sida = AvstamningProcess.TASK_BEKRAFTA_A.equals(in.aktivitet()) ? "A" : "B";
      String svar = in.text("svar");
      String kommentar = in.text("kommentar");
      repository.svar(repository.hamta(in.processInstans()).id(), sida, svar, kommentar, AvstamningProcess.anvandare());
      in.execution().setVariable("svar" + sida, svar);
      in.execution().setVariable("kommentar" + sida, kommentar == null ? "" : kommentar);
    }
  }

  /** The correction after a dispute: handed to the calculation that follows in the same transaction. */
  @Component
  static class Korrigering implements FormularRegel {
    @Override
    public Set<String> formular() {
      return Set.of("avstamning-korrigering");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      for (String falt : new String[] {"justeringA", "justeringB"}) {
        BigDecimal b = in.tal(falt);
        if (b != null && (b.abs().compareTo(STORSTA_JUSTERING) >= 0 || b.stripTrailingZeros().scale() > 2)) {
          fel.falt(falt, "ska vara ett belopp i kronor med högst två decimaler.");
        }
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      // transient: never stored as variables
      in.execution().setVariable(VAR_JUSTERING_A_KONTROLLERAD, Variables.stringValue(in.tal("justeringA").setScale(2).toPlainString(), true));
      in.execution().setVariable(VAR_JUSTERING_B_KONTROLLERAD, Variables.stringValue(in.tal("justeringB").setScale(2).toPlainString(), true));
      in.execution().setVariable(VAR_KORRIGERING, Variables.stringValue(in.text("korrigeringMotivering"), true));
      in.execution().setVariable(VAR_KORRIGERAD_AV, Variables.stringValue(AvstamningProcess.anvandare(), true));
    }
  }
}
