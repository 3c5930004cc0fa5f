package se.samverkan.avhoppare.arende;

import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.Hotbild;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.KriminelltSammanhang;
import se.samverkan.avhoppare.avtal.Malgrupp;

/** §4 eligibility: the rule decides; an unmet condition ends the case (a BPMN error) with its reasons. */
@Component("malgruppsbedomning")
public class Malgruppsbedomning implements JavaDelegate {

  private final ArendeRepository repository;
  private final AvtalRegister avtal;

  public Malgruppsbedomning(ArendeRepository repository, AvtalRegister avtal) {
    this.repository = repository;
    this.avtal = avtal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Arende a = repository.hamta(execution.getProcessBusinessKey());
    List<String> skal = Behorighetsbedomning.skalAttAvsluta(new Behorighetsbedomning.Uppgifter(Malgrupp.valueOf(a.malgrupp()),
        KriminelltSammanhang.valueOf(a.kriminelltSammanhang()), Hotbild.valueOf(a.hotbild()), a.motiverad(),
        a.ansvarForBarn(), a.samtycke()), avtal.version(a.avtalsversion()).orElseThrow());
    if (!skal.isEmpty()) {
      throw new BpmnError(ArendeProcess.ERROR_EJ_I_MALGRUPP, String.join(" ", skal));
    }
    // the gateway after this routes on the recorded threat, whatever a submission put in the variable
    execution.setVariable(ArendeProcess.VAR_HOTBILD, a.hotbild());
  }
}
