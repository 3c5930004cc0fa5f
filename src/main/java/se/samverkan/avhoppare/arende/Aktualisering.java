package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.Hotbild;
import se.samverkan.avhoppare.avtal.Behorighetsbedomning.KriminelltSammanhang;
import se.samverkan.avhoppare.avtal.Malgrupp;
import se.samverkan.avhoppare.avtal.UtanforAvtalException;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Part;

/**
 * Intake (aktualisering), at the start of a case and when a handed-over case is received: checks the
 * form on the server, binds the case to the agreement version in force on its start date, registers
 * it (reference, tenant) and keeps only routing facts as process variables.
 */
@Component("aktualiseringListener")
public class Aktualisering implements ExecutionListener {

  static final List<String> FALT = List.of("part", "malgrupp", "kriminelltSammanhang", "hotbild", "motiverad",
      "ansvarForBarn", "samtycke", "samtyckeDatum", "startdatum");

  private final ArendeRepository repository;
  private final AvtalRegister avtal;
  private final Organisation organisation;

  public Aktualisering(ArendeRepository repository, AvtalRegister avtal, Organisation organisation) {
    this.repository = repository;
    this.avtal = avtal;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String referens = registrera(execution, execution.getTenantId(), null, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(referens);
  }

  /** Checks and registers; returns the new case reference. Variables go on {@code scope}. */
  String registrera(VariableScope scope, String hemkommun, String overlamnatFran, String processInstans) {
    Kommun kommun = organisation.kommun(hemkommun).orElseThrow(() -> new FormFieldValidationException("part",
        "Ärendet kan inte aktualiseras: ditt konto hör inte till exakt en kommun. Kontakta administratören."));
    Formular f = new Formular(scope);
    String part = f.enAv("part", "Ansvarig nämnd", kommun.parter().stream().map(Part::id).toList());
    Malgrupp malgrupp = f.val("malgrupp", "Målgrupp", Malgrupp.class);
    KriminelltSammanhang sammanhang = f.val("kriminelltSammanhang", "Kriminellt sammanhang", KriminelltSammanhang.class);
    Hotbild hotbild = f.val("hotbild", "Hotbild", Hotbild.class);
    boolean motiverad = f.jaNej("motiverad");
    boolean barn = f.jaNej("ansvarForBarn");
    boolean samtycke = f.jaNej("samtycke");
    LocalDate samtyckeDatum = samtycke ? f.datum("samtyckeDatum", "Datum för samtycke") : null;
    LocalDate startdatum = f.datum("startdatum", "Startdatum");
    Avtalsversion version = null;
    if (startdatum != null) {
      try {
        version = avtal.versionInForce(startdatum);
        if (part != null && !version.arPart(part)) {
          f.avvisa("part", "Fältet 'Ansvarig nämnd': nämnden är inte part i " + version.namn() + ".");
        }
      } catch (UtanforAvtalException e) {
        f.avvisa("startdatum", "Fältet 'Startdatum': " + e.getMessage());
      }
    }
    if (samtyckeDatum != null && samtyckeDatum.isAfter(LocalDate.now())) {
      f.avvisa("samtyckeDatum", "Fältet 'Datum för samtycke' kan inte ligga i framtiden.");
    }
    f.kontrollera();

    String referens = repository.skapa(new Arende(null, hemkommun, part, version.id(), malgrupp.name(), sammanhang.name(),
        hotbild.name(), motiverad, barn, samtycke, samtyckeDatum, startdatum, null, null), overlamnatFran, processInstans);
    FALT.forEach(scope::removeVariable);
    scope.setVariable(ArendeProcess.VAR_REFERENS, referens);
    scope.setVariable(ArendeProcess.VAR_HEMKOMMUN, hemkommun);
    scope.setVariable(ArendeProcess.VAR_AVTALSVERSION, version.id());
    scope.setVariable(ArendeProcess.VAR_HOTBILD, hotbild.name());
    return referens;
  }
}
