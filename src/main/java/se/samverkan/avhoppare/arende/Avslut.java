package se.samverkan.avhoppare.arende;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/** Records on the case and the assignment how and why they ended, from the end event reached. */
@Configuration(proxyBeanMethods = false)
public class Avslut {

  static final Map<String, ArendeRepository.Status> ARENDE = Map.of(
      ArendeProcess.END_UTANFOR_AVTALET, ArendeRepository.Status.UTANFOR_AVTALET,
      ArendeProcess.END_OVERLAMNAT, ArendeRepository.Status.OVERLAMNAT,
      ArendeProcess.END_EJ_I_MALGRUPP, ArendeRepository.Status.EJ_I_MALGRUPP,
      ArendeProcess.END_POLISEN_AVRADER, ArendeRepository.Status.POLISEN_AVRADER,
      ArendeProcess.END_INGEN_MOTTAGARE, ArendeRepository.Status.INGEN_MOTTAGARE,
      ArendeProcess.END_AVSLUTAT_ENLIGT_PLAN, ArendeRepository.Status.AVSLUTAT_ENLIGT_PLAN,
      ArendeProcess.END_UPPSAGT, ArendeRepository.Status.UPPSAGT,
      ArendeProcess.END_AVBRUTET, ArendeRepository.Status.AVBRUTET,
      ArendeProcess.END_AVTALSVERSION_UPPHORT, ArendeRepository.Status.AVTALSVERSION_UPPHORT,
      ArendeProcess.END_FORCE_MAJEURE, ArendeRepository.Status.FORCE_MAJEURE);

  /** Ends of the agreed or requested assignment: their reason is the one recorded for both municipalities. */
  static final Set<String> VERKSTALLIGHET = Set.of(ArendeProcess.END_AVSLUTAT_ENLIGT_PLAN, ArendeProcess.END_UPPSAGT,
      ArendeProcess.END_AVBRUTET, ArendeProcess.END_AVTALSVERSION_UPPHORT, ArendeProcess.END_FORCE_MAJEURE);

  @Bean
  ExecutionListener arendeAvslut(ArendeRepository repository, Uppdragsavslut avslut) {
    return execution -> {
      String end = execution.getCurrentActivityId();
      String referens = execution.getProcessBusinessKey();
      String orsak;
      if (VERKSTALLIGHET.contains(end)) {
        // the current assignment's recorded ending, before or during implementation
        orsak = avslut.registrerat(execution, referens).orElseThrow().orsak();
      } else {
        Object v = execution.getVariable(ArendeProcess.VAR_AVSLUTSORSAK);
        orsak = v == null ? null : v.toString();
      }
      repository.status(referens, ARENDE.get(end), orsak);
    };
  }

  @Bean
  ExecutionListener uppdragMottaget(ArendeRepository repository) {
    return execution -> repository.uppdragMottaget(execution.getProcessBusinessKey(),
        (String) execution.getVariable(ArendeProcess.VAR_HEMKOMMUN), execution.getTenantId(), execution.getProcessInstanceId());
  }

  @Bean
  ExecutionListener uppdragAvslut(ArendeRepository repository, VerkstallighetRepository verkstallighet) {
    return execution -> {
      switch (execution.getCurrentActivityId()) {
        case UppdragProcess.END_AVBOJD -> repository.uppdragStatus(execution.getProcessInstanceId(), "AVBOJT");
        // the home municipality's message carried its recorded reason, set on this instance by that same delivery
        case UppdragProcess.END_UPPDRAG_AVSLUTAT -> verkstallighet.uppdragAvslut(execution.getProcessInstanceId(),
            (String) execution.getVariable(ArendeProcess.VAR_AVSLUTSTYP), (String) execution.getVariable(ArendeProcess.VAR_AVSLUTSORSAK));
        // the receiving municipality recorded its ending (and reason) before it told the home municipality
        case UppdragProcess.END_AVSLUTAT_AV_MOTTAGANDE -> { }
        default -> throw new IllegalStateException("no outcome for end event " + execution.getCurrentActivityId());
      }
    };
  }
}
