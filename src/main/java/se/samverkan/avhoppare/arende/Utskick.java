package se.samverkan.avhoppare.arende;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The sending steps of both processes. Each sends only what the receiver needs and the consent
 * covers: the case reference, the target group, the threat picture and police risk levels, the
 * services and period; never who the person is.
 */
@Configuration(proxyBeanMethods = false)
public class Utskick {

  @Bean
  JavaDelegate overlamnaArende(ArendeRepository repository, Meddelanden meddelanden) {
    return execution -> {
      Arende a = repository.hamta(execution.getProcessBusinessKey());
      meddelanden.overlamna(a, (String) execution.getVariable(ArendeProcess.VAR_OVERLAMNAS_TILL));
    };
  }

  @Bean
  JavaDelegate skickaForfragan(ArendeRepository repository, Meddelanden meddelanden, Organisation organisation) {
    return execution -> {
      Arende a = repository.hamta(execution.getProcessBusinessKey());
      String till = a.mottagandeKommun();
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put(ArendeProcess.VAR_REFERENS, a.referens());
      vars.put(ArendeProcess.VAR_HEMKOMMUN, a.hemkommun());
      vars.put(ArendeProcess.VAR_AVTALSVERSION, a.avtalsversion());
      vars.put("forfraganSammanfattning", "Förfrågan från " + organisation.kommun(a.hemkommun()).orElseThrow().namn()
          + " i ärende " + a.referens() + ". Målgrupp: " + a.malgrupp().toLowerCase() + ". Hotbild: " + a.hotbild().toLowerCase()
          + ". Polisens hot- och riskbedömning: " + String.join(", ", repository.senasteRiskniva(a.referens()))
          + ". Personens samtycke till informationsutbyte finns (" + a.samtyckeDatum() + ").");
      meddelanden.startaUppdrag(a, till, vars);
      repository.status(a.referens(), ArendeRepository.Status.FORFRAGAN_SKICKAD, null);
    };
  }

  @Bean
  JavaDelegate skickaBeslut(ArendeRepository repository, Meddelanden meddelanden) {
    return execution -> {
      Arende a = repository.hamta(execution.getProcessBusinessKey());
      Map<String, Object> vars = new LinkedHashMap<>();
      String insatser = repository.beslutadeInsatser(a.referens());
      vars.put("beslutadeInsatser", insatser);
      vars.put("uppdragSammanfattning", "Hemkommunen har beslutat om insatser: " + insatser.replace(",", ", ").toLowerCase()
          + ". Tillfälligt boende ordnas och bekostas av hemkommunen (§5).");
      meddelanden.skicka(a, a.hemkommun(), a.mottagandeKommun(), ArendeProcess.MSG_UPPDRAG_BESLUTAT, vars);
    };
  }

  @Bean
  JavaDelegate meddelaAccepterad(ArendeRepository repository, Meddelanden meddelanden, Kvotrakning kvotrakning) {
    return execution -> {
      // the fact quota and balance count: accepted now, against the version in force today (Europe/Stockholm)
      Arende a = repository.hamta(execution.getProcessBusinessKey());
      var nu = VerkstallighetRepository.nu();
      repository.uppdragAccepterat(execution.getProcessInstanceId(), nu, kvotrakning.versionVidAccept(a, nu.toLocalDate()).id());
      svara(repository, meddelanden, execution, ArendeProcess.MSG_ACCEPTERAD);
    };
  }

  @Bean
  JavaDelegate meddelaAvbojd(ArendeRepository repository, Meddelanden meddelanden) {
    return execution -> svara(repository, meddelanden, execution, ArendeProcess.MSG_AVBOJD);
  }

  private static void svara(ArendeRepository repository, Meddelanden meddelanden, DelegateExecution execution, String meddelande) {
    Arende a = repository.hamta(execution.getProcessBusinessKey());
    if (ArendeProcess.MSG_ACCEPTERAD.equals(meddelande)) {
      repository.accepterad(a.referens());
    }
    meddelanden.skicka(a, execution.getTenantId(), a.hemkommun(), meddelande, Map.of());
  }

  @Bean
  JavaDelegate meddelaPlan(ArendeRepository repository, Meddelanden meddelanden) {
    return execution -> {
      Arende a = repository.hamta(execution.getProcessBusinessKey());
      String kommun = execution.getTenantId();
      Map<String, Object> vars = Map.of("planensManadskostnad", repository.planensManadskostnad(a.referens(), kommun).toPlainString(),
          "antalPlanposter", repository.antalPlanposter(a.referens(), kommun));
      meddelanden.skicka(a, kommun, a.hemkommun(), ArendeProcess.MSG_PLAN_KLAR, vars);
      repository.uppdragStatus(execution.getProcessInstanceId(), "GENOMFORS");
    };
  }
}
