package se.samverkan.avhoppare.arende;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.config.EngineAuthentication;

/**
 * The only way data crosses from one municipality's process to the other's: a message, sent as the
 * service (the sender's user may not see the other municipality), correlated on the case reference
 * and the receiving tenant, and recorded as a disclosure with its legal ground (§7). Without a
 * recorded consent nothing is sent: the sending step fails with a Swedish message and the case
 * stays where it was.
 */
@Component
public class Meddelanden {

  private static final Logger LOG = LoggerFactory.getLogger(Meddelanden.class);

  public static final String GRUND_SAMTYCKE = "SAMTYCKE";

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ArendeRepository repository;

  public Meddelanden(@Lazy RuntimeService runtime, @Lazy IdentityService identity, ArendeRepository repository) {
    this.runtime = runtime;
    this.identity = identity;
    this.repository = repository;
  }

  /** Starts the receiving municipality's assignment. */
  public void startaUppdrag(Arende arende, String mottagandeKommun, Map<String, Object> variabler) {
    Map<String, Object> vars = new TreeMap<>(variabler);
    vars.put(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, mottagandeKommun);
    lamnaUt(arende, arende.hemkommun(), mottagandeKommun, ArendeProcess.MSG_UPPDRAGSFORFRAGAN, vars);
    EngineAuthentication.asService(identity, () -> runtime.createMessageCorrelation(ArendeProcess.MSG_UPPDRAGSFORFRAGAN)
        .processInstanceBusinessKey(arende.referens()).withoutTenantId().setVariables(vars).correlateStartMessage());
  }

  /** Delivers a message to the case reference's waiting instance in the given municipality. */
  public void skicka(Arende arende, String fran, String till, String meddelande, Map<String, Object> variabler) {
    lamnaUt(arende, fran, till, meddelande, variabler);
    EngineAuthentication.asService(identity, () -> runtime.createMessageCorrelation(meddelande)
        .processInstanceBusinessKey(arende.referens()).tenantId(till).setVariables(variabler).correlate());
  }

  /**
   * Delivers a message of the running assignment, once: a message id already recorded is a repeat
   * and changes nothing, and a message no instance waits for any more (the other side has already
   * ended) is not sent. Returns whether it was delivered.
   */
  public boolean skickaEnGang(Arende arende, String fran, String till, String meddelande, Map<String, Object> variabler,
      String meddelandeId) {
    if (repository.arUtlamnat(meddelandeId)) {
      LOG.info("Message {} in case {} was already delivered; the repeat changes nothing", meddelande, arende.referens());
      return false;
    }
    long vantar = EngineAuthentication.asService(identity, () -> runtime.createExecutionQuery().messageEventSubscriptionName(meddelande)
        .processInstanceBusinessKey(arende.referens()).tenantIdIn(till).count());
    if (vantar == 0) {
      LOG.info("Message {} in case {}: no instance in {} waits for it any more; not sent", meddelande, arende.referens(), till);
      return false;
    }
    lamnaUt(arende, fran, till, meddelande, variabler, meddelandeId);
    EngineAuthentication.asService(identity, () -> runtime.createMessageCorrelation(meddelande)
        .processInstanceBusinessKey(arende.referens()).tenantId(till).setVariables(variabler).correlate());
    return true;
  }

  /** Starts a handed-over case in the municipality the person belongs to (service to service). */
  public void overlamna(Arende arende, String till) {
    Map<String, Object> vars = Map.of(ArendeProcess.VAR_HEMKOMMUN, till, ArendeProcess.VAR_OVERLAMNAT_FRAN, arende.referens());
    lamnaUt(arende, arende.hemkommun(), till, ArendeProcess.MSG_OVERLAMNAT, vars);
    EngineAuthentication.asService(identity, () -> runtime.createMessageCorrelation(ArendeProcess.MSG_OVERLAMNAT)
        .withoutTenantId().setVariables(vars).correlateStartMessage());
  }

  private void lamnaUt(Arende arende, String fran, String till, String meddelande, Map<String, Object> variabler) {
    lamnaUt(arende, fran, till, meddelande, variabler, null);
  }

  private void lamnaUt(Arende arende, String fran, String till, String meddelande, Map<String, Object> variabler, String meddelandeId) {
    if (!arende.samtycke() || arende.samtyckeDatum() == null) {
      throw new IngetSamtyckeException(arende.referens());
    }
    repository.utlamnande(arende.referens(), fran, till, meddelande, String.join(",", new TreeMap<>(variabler).keySet()),
        GRUND_SAMTYCKE, arende.samtyckeDatum(), meddelandeId);
  }

  /** A disclosure without recorded consent: refused, and the message is for the caseworker. */
  public static class IngetSamtyckeException extends ProcessEngineException {
    public IngetSamtyckeException(String referens) {
      super("Inga uppgifter i ärende " + referens + " får lämnas till en annan kommun: samtycke till informationsutbyte "
          + "saknas (§7). Registrera samtycket innan ärendet kan gå vidare.");
    }
  }
}
