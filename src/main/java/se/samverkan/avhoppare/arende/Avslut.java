package se.samverkan.avhoppare.arende;

import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Records on the case and the assignment how and why they ended, from the end event reached. */
@Configuration(proxyBeanMethods = false)
public class Avslut {

  static final Map<String, ArendeRepository.Status> ARENDE = Map.of(
      ArendeProcess.END_UTANFOR_AVTALET, ArendeRepository.Status.UTANFOR_AVTALET,
      ArendeProcess.END_OVERLAMNAT, ArendeRepository.Status.OVERLAMNAT,
      ArendeProcess.END_EJ_I_MALGRUPP, ArendeRepository.Status.EJ_I_MALGRUPP,
      ArendeProcess.END_POLISEN_AVRADER, ArendeRepository.Status.POLISEN_AVRADER,
      ArendeProcess.END_INGEN_MOTTAGARE, ArendeRepository.Status.INGEN_MOTTAGARE,
      ArendeProcess.END_UPPDRAG_OVERENSKOMMET, ArendeRepository.Status.UPPDRAG_OVERENSKOMMET);

  @Bean
  ExecutionListener arendeAvslut(ArendeRepository repository) {
    return execution -> {
      ArendeRepository.Status status = ARENDE.get(execution.getCurrentActivityId());
      Object orsak = execution.getVariable(ArendeProcess.VAR_AVSLUTSORSAK);
      repository.status(execution.getProcessBusinessKey(), status, orsak == null ? null : orsak.toString());
    };
  }

  @Bean
  ExecutionListener uppdragMottaget(ArendeRepository repository) {
    return execution -> repository.uppdragMottaget(execution.getProcessBusinessKey(),
        (String) execution.getVariable(ArendeProcess.VAR_HEMKOMMUN), execution.getTenantId(), execution.getProcessInstanceId());
  }

  @Bean
  ExecutionListener uppdragAvslut(ArendeRepository repository) {
    return execution -> repository.uppdragStatus(execution.getProcessInstanceId(),
        "EndEvent_PlanUpprattad".equals(execution.getCurrentActivityId()) ? "PLAN_UPPRATTAD" : "AVBOJT");
  }
}
