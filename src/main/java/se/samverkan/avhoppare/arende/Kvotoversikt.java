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

  KvotOchBalans kvot(DelegateExecution execution) {
    String version = (String) execution.getVariable(ArendeProcess.VAR_AVTALSVERSION);
    return new KvotOchBalans(avtal.version(version).orElseThrow(), organisation.kommuner().stream().map(Kommun::id).toList(),
        repository.flyttar(version));
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ArendeProcess.VAR_KVOTOVERSIKT, kvot(execution).sammanfattning(Uppgiftsvalidering.kommunnamn(organisation)));
  }

  @Component("kontrolleraKvot")
  public static class Kvotkontroll implements JavaDelegate {
    private final Kvotoversikt kvotoversikt;

    public Kvotkontroll(Kvotoversikt kvotoversikt) {
      this.kvotoversikt = kvotoversikt;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(ArendeProcess.VAR_KVOT_OVERSKRIDEN, kvotoversikt.kvot(execution).overskrids(
          (String) execution.getVariable(ArendeProcess.VAR_HEMKOMMUN),
          (String) execution.getVariable(ArendeProcess.VAR_MOTTAGANDE_KOMMUN)));
    }
  }
}
