package se.samverkan.avhoppare.avstamning;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.Formular;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * A manager asks for a reconciliation with another municipality ({@code ${avstamningBegaran}}, start
 * listener of the form start): checks the form on the server and names the pair. The requester's
 * own municipality is always one side; a refused start creates nothing and keeps the form.
 */
@Component("avstamningBegaran")
public class AvstamningBegaran implements ExecutionListener {

  private final AvtalRegister avtal;
  private final Organisation organisation;

  public AvstamningBegaran(AvtalRegister avtal, Organisation organisation) {
    this.avtal = avtal;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Formular f = new Formular(execution);
    List<String> egna = AvstamningProcess.chefFor(organisation.kommuner());
    if (egna.size() != 1) {
      f.avvisa("motpart", "En avstämning begärs av chefen i en av kommunerna.");
      f.kontrollera();
    }
    String egen = egna.get(0);
    String versionId = f.enAv(AvstamningProcess.VAR_AVTALSVERSION, "Avtalsversion",
        avtal.versioner().stream().map(Avtalsversion::id).toList());
    String motpart = f.enAv("motpart", "Motpart", organisation.kommuner().stream().map(Kommun::id).filter(k -> !k.equals(egen)).toList());
    LocalDate start = f.datum(AvstamningProcess.VAR_PERIOD_START, "Periodens första dag");
    LocalDate slut = f.datum(AvstamningProcess.VAR_PERIOD_SLUT, "Periodens sista dag");
    if (versionId != null && start != null && slut != null) {
      Avtalsversion v = avtal.version(versionId).orElseThrow();
      if (motpart != null && !arPart(v, motpart)) {
        f.avvisa("motpart", "Fältet 'Motpart': kommunen är inte part i " + v.namn() + ".");
      }
      if (slut.isBefore(start)) {
        f.avvisa(AvstamningProcess.VAR_PERIOD_SLUT, "Fältet 'Periodens sista dag' kan inte ligga före periodens första dag.");
      } else if (!v.omfattar(start) || !v.omfattar(slut)) {
        f.avvisa(AvstamningProcess.VAR_PERIOD_START, "Perioden måste ligga inom " + v.namn() + " (" + v.period() + ").");
      } else if (slut.isAfter(AvstamningRepository.idag())) {
        f.avvisa(AvstamningProcess.VAR_PERIOD_SLUT, "Fältet 'Periodens sista dag' kan inte ligga i framtiden.");
      }
    }
    f.kontrollera();
    String a = egen.compareTo(motpart) < 0 ? egen : motpart;
    String b = egen.compareTo(motpart) < 0 ? motpart : egen;
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_A, a);
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_B, b);
    execution.setVariable(AvstamningProcess.VAR_PERIOD_START, start.toString());
    execution.setVariable(AvstamningProcess.VAR_PERIOD_SLUT, slut.toString());
    execution.setVariable(AvstamningProcess.VAR_BEGARD_AV, AvstamningProcess.anvandare());
    execution.removeVariable("motpart");
  }

  private boolean arPart(Avtalsversion v, String kommun) {
    return organisation.kommun(kommun).map(k -> k.parter().stream().anyMatch(p -> v.arPart(p.id()))).orElse(false);
  }
}
