package se.samverkan.avhoppare.arende;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.KvotOchBalans;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * Quota and balance figures for the caseworker choosing a receiving municipality (§2, §4), and the
 * check whether the chosen one goes past the quota ({@code ${sammanstallKvot}} and {@code ${kontrolleraKvot}}).
 * The figures are those of the version a request accepted today would count against (see {@link Kvotrakning}).
 * (Not named like the variable {@code kvotoversikt}: a variable would shadow the bean in expressions.)
 */
@Component("sammanstallKvot")
public class Kvotoversikt implements JavaDelegate {

  private final ArendeRepository repository;
  private final Kvotrakning rakning;
  private final Organisation organisation;

  public Kvotoversikt(ArendeRepository repository, Kvotrakning rakning, Organisation organisation) {
    this.repository = repository;
    this.rakning = rakning;
    this.organisation = organisation;
  }

  /** Quota and balance of the version the case would count against if accepted today, read from the case record. */
  KvotOchBalans kvot(Arende arende) {
    return rakning.kvotOchBalans(rakning.versionVidAccept(arende, Genomforandevalidering.idag()).id());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Arende arende = repository.hamta(execution.getProcessBusinessKey());
    execution.setVariable(ArendeProcess.VAR_KVOTOVERSIKT, kvot(arende).sammanfattning(Uppgiftsvalidering.kommunnamn(organisation)));
  }

  @Component("kontrolleraKvot")
  public static class Kvotkontroll implements JavaDelegate {
    private final Kvotoversikt kvotoversikt;

    public Kvotkontroll(Kvotoversikt kvotoversikt) {
      this.kvotoversikt = kvotoversikt;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Arende arende = kvotoversikt.repository.hamta(execution.getProcessBusinessKey());
      execution.setVariable(ArendeProcess.VAR_KVOT_OVERSKRIDEN,
          kvotoversikt.kvot(arende).overskrids(arende.hemkommun(), arende.mottagandeKommun()));
    }
  }
}
