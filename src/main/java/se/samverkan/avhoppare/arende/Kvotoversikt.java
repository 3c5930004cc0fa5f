package se.samverkan.avhoppare.arende;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.KvotOchBalans;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * Quota and balance figures for the caseworker choosing a receiving municipality (§2, §4), and the
 * check whether the chosen one goes past the quota ({@code ${sammanstallKvot}} and {@code ${kontrolleraKvot}}).
 * (Not named like the variable {@code kvotoversikt}: a variable would shadow the bean in expressions.)
 */
@Component("sammanstallKvot")
public class Kvotoversikt implements JavaDelegate {

  private final ArendeRepository repository;
  private final AvtalRegister avtal;
  private final Organisation organisation;

  public Kvotoversikt(ArendeRepository repository, AvtalRegister avtal, Organisation organisation) {
    this.repository = repository;
    this.avtal = avtal;
    this.organisation = organisation;
  }

  /** Quota and balance of the case's own agreement version, read from the case record, never from variables. */
  KvotOchBalans kvot(Arende arende) {
    return kvot(arende.avtalsversion());
  }

  /** Quota and balance of an agreement version (the managers' overview reads the same figures). */
  public KvotOchBalans kvot(String avtalsversion) {
    return new KvotOchBalans(avtal.version(avtalsversion).orElseThrow(),
        organisation.kommuner().stream().map(Kommun::id).toList(), repository.flyttar(avtalsversion));
  }

  /** How far the assignments counted in the version have come (the managers' overview). */
  public ArendeRepository.Uppdragslagen lagen(String avtalsversion) {
    return repository.uppdragslagen(avtalsversion);
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
