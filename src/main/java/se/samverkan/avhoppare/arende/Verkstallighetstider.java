package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtalsuppsagning.AvtalsuppsagningRepository;

/**
 * The implementation phase's timers, read by the diagram as {@code ${verkstallighet.…(execution)}}.
 * Every date comes from our tables (the assignment description, the follow-ups, the written
 * notice), never from a process variable a submission could have changed. Dates are whole days in
 * Europe/Stockholm.
 */
@Component("verkstallighet")
public class Verkstallighetstider {

  private final VerkstallighetRepository repository;
  private final AvtalsuppsagningRepository uppsagningar;

  public Verkstallighetstider(VerkstallighetRepository repository, AvtalsuppsagningRepository uppsagningar) {
    this.repository = repository;
    this.uppsagningar = uppsagningar;
  }

  /** The next follow-up: the first after the configured interval from the start, then at the cadence from the last planned one. */
  public Date nastaUppfoljning(DelegateExecution execution) {
    return Date.from(repository.hamta(execution.getProcessBusinessKey()).nastaUppfoljning().toInstant());
  }

  /** The start of the planned end date in the assignment description. */
  public Date planeratSlut(DelegateExecution execution) {
    return dagensBorjan(repository.hamta(execution.getProcessBusinessKey()).planeratSlut());
  }

  /**
   * The first day after the agreement version's last day in force, or after the last day for the
   * home or receiving municipality if either gave notice of the agreement (§11).
   */
  public Date avtalsversionSlut(DelegateExecution execution) {
    VerkstallighetRepository.Verkstallighet v = repository.hamta(execution.getProcessBusinessKey());
    LocalDate slut = v.avtalsversionSlut();
    LocalDate uppsagd = uppsagningar.sistaDagForArende(v.arende(), v.mottagandeKommun()).orElse(slut);
    return dagensBorjan((uppsagd.isBefore(slut) ? uppsagd : slut).plusDays(1));
  }

  /** Exactly seven days after the written notice's date (§12), however late the notice was entered. */
  public Date uppsagningUpphor(DelegateExecution execution) {
    return Date.from(repository.uppsagning(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("no notice in case " + execution.getProcessBusinessKey())).upphor().toInstant());
  }

  static Date dagensBorjan(LocalDate dag) {
    return Date.from(dag.atStartOfDay(ProcessInstallningar.ZONE).toInstant());
  }
}
