package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * Calculates a round of the reconciliation ({@code ${beraknaAvstamning}}) and records it. The first
 * round takes the pair and period from the start (checked there); later rounds take them from the
 * first round's record and add the correction just checked by {@link AvstamningSvar} in the same
 * transaction. The managers' forms see the aggregate figures as variables; no case is named.
 */
@Component("beraknaAvstamning")
public class AvstamningBerakning implements JavaDelegate {

  private final AvstamningRepository repository;
  private final AvstamningInstallningar installningar;
  private final Organisation organisation;

  public AvstamningBerakning(AvstamningRepository repository, AvstamningInstallningar installningar, Organisation organisation) {
    this.repository = repository;
    this.installningar = installningar;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String pi = execution.getProcessInstanceId();
    Optional<AvstamningRepository.Omgang> forra = repository.senaste(pi);
    String version;
    String a;
    String b;
    LocalDate start;
    LocalDate slut;
    String begardAv;
    Kostnadsavstamning.Justering justering = Kostnadsavstamning.Justering.INGEN;
    String korrigering = null;
    String korrigeradAv = null;
    if (forra.isEmpty()) {
      version = (String) execution.getVariable(AvstamningProcess.VAR_AVTALSVERSION);
      a = (String) execution.getVariable(AvstamningProcess.VAR_KOMMUN_A);
      b = (String) execution.getVariable(AvstamningProcess.VAR_KOMMUN_B);
      start = LocalDate.parse((String) execution.getVariable(AvstamningProcess.VAR_PERIOD_START));
      slut = LocalDate.parse((String) execution.getVariable(AvstamningProcess.VAR_PERIOD_SLUT));
      begardAv = (String) execution.getVariable(AvstamningProcess.VAR_BEGARD_AV);
    } else {
      AvstamningRepository.Omgang o = forra.get();
      version = o.avtalsversion();
      a = o.kommunA();
      b = o.kommunB();
      start = o.periodStart();
      slut = o.periodSlut();
      begardAv = o.begardAv();
      justering = new Kostnadsavstamning.Justering(
          new BigDecimal((String) execution.getVariable(AvstamningSvar.VAR_JUSTERING_A_KONTROLLERAD)),
          new BigDecimal((String) execution.getVariable(AvstamningSvar.VAR_JUSTERING_B_KONTROLLERAD)));
      korrigering = (String) execution.getVariable(AvstamningSvar.VAR_KORRIGERING);
      korrigeradAv = (String) execution.getVariable(AvstamningSvar.VAR_KORRIGERAD_AV);
    }
    Kostnadsavstamning.Resultat r = new Kostnadsavstamning(installningar.troskel())
        .berakna(a, b, start, slut, repository.planposter(), justering);
    int omgang = forra.map(o -> o.omgang() + 1).orElse(1);
    repository.nyOmgang(pi, omgang, version, begardAv, justering, korrigering, korrigeradAv, r);

    execution.setVariable(AvstamningProcess.VAR_AVTALSVERSION, version);
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_A, a);
    execution.setVariable(AvstamningProcess.VAR_KOMMUN_B, b);
    execution.setVariable(AvstamningProcess.VAR_PERIOD_START, start.toString());
    execution.setVariable(AvstamningProcess.VAR_PERIOD_SLUT, slut.toString());
    execution.setVariable("kommunAnamn", organisation.namn(a));
    execution.setVariable("kommunBnamn", organisation.namn(b));
    execution.setVariable("omgang", omgang);
    execution.setVariable("sammanfattning", sammanfattning(r, justering));
    execution.setVariable("justeringA", justering.kommunA().doubleValue());
    execution.setVariable("justeringB", justering.kommunB().doubleValue());
    execution.removeVariable("korrigeringMotivering");
  }

  /** The round in Swedish for both managers' forms: aggregate amounts only. */
  String sammanfattning(Kostnadsavstamning.Resultat r, Kostnadsavstamning.Justering j) {
    String na = organisation.namn(r.kommunA());
    String nb = organisation.namn(r.kommunB());
    StringBuilder sb = new StringBuilder("Avstämning av kostnadsutfall (§ 8) ").append(r.periodStart()).append(" – ").append(r.periodSlut())
        .append(" mellan ").append(na).append(" och ").append(nb).append(".\n")
        .append("- ").append(na).append(" har burit ").append(kr(r.kostnadA())).append(" för uppdrag från ").append(nb).append(".\n")
        .append("- ").append(nb).append(" har burit ").append(kr(r.kostnadB())).append(" för uppdrag från ").append(na).append(".\n")
        .append("- Totalt ").append(kr(r.total())).append("; lika fördelning är ").append(kr(r.total().divide(BigDecimal.valueOf(2))))
        .append(" var.\n");
    if (j.kommunA().signum() != 0 || j.kommunB().signum() != 0) {
      sb.append("- Korrigering ingår: ").append(na).append(" ").append(kr(j.kommunA())).append(", ").append(nb).append(" ")
          .append(kr(j.kommunB())).append(".\n");
    }
    if (r.utjamningForeslas()) {
      sb.append("Förslag till utjämning: ").append(organisation.namn(r.betalare())).append(" betalar ").append(kr(r.utjamning()))
          .append(" till ").append(organisation.namn(r.mottagare())).append(".");
    } else {
      sb.append("Avvikelsen från lika fördelning (").append(kr(r.avvikelse().abs()))
          .append(") är inte av betydelse: ingen utjämning föreslås.");
    }
    return sb.toString();
  }

  static String kr(BigDecimal belopp) {
    java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("sv-SE"));
    nf.setMinimumFractionDigits(2);
    nf.setMaximumFractionDigits(2);
    return nf.format(belopp) + " kr";
  }
}
