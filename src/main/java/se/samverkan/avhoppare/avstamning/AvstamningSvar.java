package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.Formular;

/**
 * Checks and records the managers' answers ({@code ${avstamningSvar}}, on complete): each side
 * confirms or disputes the current round (a dispute needs a comment), and the correction after a
 * dispute gives each side's adjustment in kronor with a reason. A refused answer leaves the task
 * open with what was entered; the message names the field in Swedish.
 */
@Component("avstamningSvar")
public class AvstamningSvar implements TaskListener {

  static final String VAR_JUSTERING_A_KONTROLLERAD = "justeringAKontrollerad";
  static final String VAR_JUSTERING_B_KONTROLLERAD = "justeringBKontrollerad";
  static final String VAR_KORRIGERING = "korrigering";
  static final String VAR_KORRIGERAD_AV = "korrigeradAv";
  static final BigDecimal STORSTA_JUSTERING = new BigDecimal("100000000");

  private final AvstamningRepository repository;

  public AvstamningSvar(AvstamningRepository repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    switch (key) {
      case AvstamningProcess.TASK_BEKRAFTA_A -> svar(task, "A");
      case AvstamningProcess.TASK_BEKRAFTA_B -> svar(task, "B");
      case AvstamningProcess.TASK_KORRIGERA -> korrigering(task);
      default -> throw new IllegalStateException("no server-side check for task " + key);
    }
  }

  private void svar(DelegateTask task, String sida) {
    Formular f = new Formular(task);
    String svar = f.enAv("svar", "Ställningstagande", List.of(AvstamningProcess.BEKRAFTAR, AvstamningProcess.BESTRIDER));
    String kommentar = AvstamningProcess.BESTRIDER.equals(svar) ? f.text("kommentar", "Kommentar", 2000)
        : f.valfriText("kommentar", "Kommentar", 2000);
    f.kontrollera();
    repository.svar(repository.hamta(task.getProcessInstanceId()).id(), sida, svar, kommentar, AvstamningProcess.anvandare());
    task.getExecution().setVariable("svar" + sida, svar);
    task.getExecution().setVariable("kommentar" + sida, kommentar == null ? "" : kommentar);
    task.removeVariable("svar");
    task.removeVariable("kommentar");
  }

  private void korrigering(DelegateTask task) {
    Formular f = new Formular(task);
    BigDecimal a = belopp(f, task, "justeringA", "Justering för " + task.getVariable("kommunAnamn"));
    BigDecimal b = belopp(f, task, "justeringB", "Justering för " + task.getVariable("kommunBnamn"));
    String motivering = f.text("korrigeringMotivering", "Motivering till korrigeringen", 2000);
    f.kontrollera();
    // transient: handed to the calculation that follows in this same transaction, never stored as variables
    task.getExecution().setVariable(VAR_JUSTERING_A_KONTROLLERAD, Variables.stringValue(a.toPlainString(), true));
    task.getExecution().setVariable(VAR_JUSTERING_B_KONTROLLERAD, Variables.stringValue(b.toPlainString(), true));
    task.getExecution().setVariable(VAR_KORRIGERING, Variables.stringValue(motivering, true));
    task.getExecution().setVariable(VAR_KORRIGERAD_AV, Variables.stringValue(AvstamningProcess.anvandare(), true));
  }

  private static BigDecimal belopp(Formular f, DelegateTask task, String falt, String etikett) {
    Object v = task.getVariable(falt);
    if (v == null || v.toString().isBlank()) {
      f.avvisa(falt, "Fältet '" + etikett + "' måste anges (0 om inget ska justeras).");
      return null;
    }
    try {
      BigDecimal b = new BigDecimal(v.toString().strip().replace(',', '.').replace(" ", ""));
      if (b.abs().compareTo(STORSTA_JUSTERING) >= 0 || b.scale() > 2) {
        f.avvisa(falt, "Fältet '" + etikett + "' ska vara ett belopp i kronor med högst två decimaler.");
        return null;
      }
      return b.setScale(2);
    } catch (NumberFormatException e) {
      f.avvisa(falt, "Fältet '" + etikett + "' ska vara ett belopp i kronor, t.ex. -12500 eller 3000,50.");
      return null;
    }
  }
}
