package se.samverkan.avhoppare.avstamning;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * A manager asks for a reconciliation with another municipality: the rule of the start form
 * {@code avstamning-begaran}. Checks what the form cannot say and names the pair. The requester's own
 * municipality is always one side; a refused start creates nothing and keeps the form.
 */
@Component
public class AvstamningBegaran implements FormularRegel {

  private final AvtalRegister avtal;
  private final Organisation organisation;

  public AvstamningBegaran(AvtalRegister avtal, Organisation organisation) {
    this.avtal = avtal;
    this.organisation = organisation;
  }

  @Override
  public Set<String> formular() {
    return Set.of("avstamning-begaran");
  }

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    List<String> egna = AvstamningProcess.chefFor(organisation.kommuner());
    if (egna.size() != 1) {
      fel.meddelande("motpart", "En avstämning begärs av chefen i en av kommunerna.");
      return;
    }
    String motpart = in.text("motpart");
    if (motpart != null && motpart.equals(egna.get(0))) {
      fel.falt("motpart", "kan inte vara den egna kommunen.");
    }
    LocalDate start = in.datum(AvstamningProcess.VAR_PERIOD_START);
    LocalDate slut = in.datum(AvstamningProcess.VAR_PERIOD_SLUT);
    Avtalsversion v = in.har(AvstamningProcess.VAR_AVTALSVERSION) ? avtal.version(in.text(AvstamningProcess.VAR_AVTALSVERSION)).orElse(null)
        : null;
    if (v == null) {
      return;
    }
    if (motpart != null && !arPart(v, motpart)) {
      fel.falt("motpart", "kommunen är inte part i " + v.namn() + ".");
    }
    if (start != null && slut != null) {
      if (slut.isBefore(start)) {
        fel.falt(AvstamningProcess.VAR_PERIOD_SLUT, "kan inte ligga före periodens första dag.");
      } else if (!v.omfattar(start) || !v.omfattar(slut)) {
        fel.meddelande(AvstamningProcess.VAR_PERIOD_START, "Perioden måste ligga inom " + v.namn() + " (" + v.period() + ").");
      } else if (slut.isAfter(AvstamningRepository.idag())) {
        fel.falt(AvstamningProcess.VAR_PERIOD_SLUT, "kan inte ligga i framtiden.");
      }
    }
  }

  @Override
  public void verkstall(Inlamning in) {
    String egen = AvstamningProcess.chefFor(organisation.kommuner()).get(0);
    String motpart = in.text("motpart");
    String a = egen.compareTo(motpart) < 0 ? egen : motpart;
    String b = egen.compareTo(motpart) < 0 ? motpart : egen;
    var execution = in.execution();
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_A, a);
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_B, b);
    execution.setVariable(AvstamningProcess.VAR_PERIOD_START, in.datum(AvstamningProcess.VAR_PERIOD_START).toString());
    execution.setVariable(AvstamningProcess.VAR_PERIOD_SLUT, in.datum(AvstamningProcess.VAR_PERIOD_SLUT).toString());
    execution.setVariable(AvstamningProcess.VAR_BEGARD_AV, AvstamningProcess.anvandare());
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of(AvstamningProcess.VAR_AVTALSVERSION, AvstamningProcess.VAR_PERIOD_START, AvstamningProcess.VAR_PERIOD_SLUT);
  }

  private boolean arPart(Avtalsversion v, String kommun) {
    return organisation.kommun(kommun).map(k -> k.parter().stream().anyMatch(p -> v.arPart(p.id()))).orElse(false);
  }
}
