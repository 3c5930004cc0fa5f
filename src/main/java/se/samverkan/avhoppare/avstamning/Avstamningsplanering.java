package se.samverkan.avhoppare.avstamning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The half-year check ({@code ${avstamningsplanering}}, run by the timer start): for every agreement
 * version's half-year that has ended (six months from the version's start; the last one ends with
 * the version) and every pair of municipalities party to it that bore any cost in it, starts one
 * reconciliation, unless that half-year and pair has one already. A pair with no costs at all
 * needs no confirmation.
 */
@Component("avstamningsplanering")
public class Avstamningsplanering implements JavaDelegate {

  private final AvtalRegister avtal;
  private final Organisation organisation;
  private final AvstamningRepository repository;
  private final AvstamningInstallningar installningar;

  public Avstamningsplanering(AvtalRegister avtal, Organisation organisation, AvstamningRepository repository,
      AvstamningInstallningar installningar) {
    this.avtal = avtal;
    this.organisation = organisation;
    this.repository = repository;
    this.installningar = installningar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate idag = AvstamningRepository.idag();
    List<Kostnadsavstamning.Planpost> poster = repository.planposter();
    Kostnadsavstamning berakning = new Kostnadsavstamning(installningar.troskel());
    int startade = 0;
    for (Avtalsversion v : avtal.versioner()) {
      List<String> kommuner = organisation.kommuner().stream()
          .filter(k -> k.parter().stream().anyMatch(p -> v.arPart(p.id()))).map(Kommun::id).sorted().toList();
      for (LocalDate[] period : Kostnadsavstamning.halvar(v.start(), v.slut())) {
        if (!period[1].isBefore(idag)) {
          continue;
        }
        for (int i = 0; i < kommuner.size(); i++) {
          for (int j = i + 1; j < kommuner.size(); j++) {
            String a = kommuner.get(i);
            String b = kommuner.get(j);
            if (repository.finnsHalvar(v.id(), a, b, period[0])
                || berakning.berakna(a, b, period[0], period[1], poster, Kostnadsavstamning.Justering.INGEN).total().signum() == 0) {
              continue;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put(AvstamningProcess.VAR_AVTALSVERSION, v.id());
            vars.put(AvstamningProcess.VAR_KOMMUN_A, a);
            vars.put(AvstamningProcess.VAR_KOMMUN_B, b);
            vars.put(AvstamningProcess.VAR_PERIOD_START, period[0].toString());
            vars.put(AvstamningProcess.VAR_PERIOD_SLUT, period[1].toString());
            execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByMessage(AvstamningProcess.MESSAGE_HALVAR, v.id() + "/" + period[0] + "/" + a + "-" + b, vars);
            startade++;
          }
        }
      }
    }
    execution.setVariable("startadeAvstamningar", startade);
  }
}
