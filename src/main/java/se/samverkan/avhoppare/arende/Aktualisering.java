package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.UtanforAvtalException;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Formularkontroll;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Part;

/**
 * Intake (aktualisering), at the start of a case and when a handed-over case is received: the rule of
 * the {@code aktualisering} form. Beyond the form: the committee is one of the user's municipality's
 * parties and party to the agreement version in force on the start date; consent is not dated in the
 * future. Then the case is bound to that version, registered (reference, tenant) and only routing
 * facts stay as process variables.
 */
@Component("aktualiseringListener")
public class Aktualisering implements ExecutionListener, FormularRegel {

  private final ArendeRepository repository;
  private final AvtalRegister avtal;
  private final Organisation organisation;
  private final ObjectProvider<Formularkontroll> kontroll;

  public Aktualisering(ArendeRepository repository, AvtalRegister avtal, Organisation organisation,
      ObjectProvider<Formularkontroll> kontroll) {
    this.repository = repository;
    this.avtal = avtal;
    this.organisation = organisation;
    this.kontroll = kontroll;
  }

  /** The start event's listener: the start form's contract and rules. */
  @Override
  public void notify(DelegateExecution execution) {
    kontroll.getObject().slutforStart(execution);
  }

  @Override
  public Set<String> formular() {
    return Set.of("aktualisering");
  }

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    Optional<Kommun> kommun = organisation.kommun(in.kommun());
    if (kommun.isEmpty()) {
      fel.meddelande("part", "Ärendet kan inte aktualiseras: ditt konto hör inte till exakt en kommun. Kontakta administratören.");
      return;
    }
    String part = in.text("part");
    if (part != null && kommun.get().parter().stream().map(Part::id).noneMatch(part::equals)) {
      fel.falt("part", "har ett värde som inte finns bland alternativen för din kommun.");
      part = null;
    }
    LocalDate startdatum = in.datum("startdatum");
    if (startdatum != null) {
      try {
        Avtalsversion version = avtal.versionInForce(startdatum);
        if (part != null && !version.arPart(part)) {
          fel.meddelande("part", "Fältet '" + fel.etikett("part") + "': nämnden är inte part i " + version.namn() + ".");
        }
      } catch (UtanforAvtalException e) {
        fel.meddelande("startdatum", "Fältet '" + fel.etikett("startdatum") + "': " + e.getMessage());
      }
    }
  }

  @Override
  public void verkstall(Inlamning in) {
    String hemkommun = in.kommun();
    Avtalsversion version = avtal.versionInForce(in.datum("startdatum"));
    boolean samtycke = in.jaNej("samtycke");
    String overlamnatFran = (String) in.variabel(ArendeProcess.VAR_OVERLAMNAT_FRAN);
    String referens = repository.skapa(new Arende(null, hemkommun, in.text("part"), version.id(), in.text("malgrupp"),
        in.text("kriminelltSammanhang"), in.text("hotbild"), in.jaNej("motiverad"), in.jaNej("ansvarForBarn"), samtycke,
        samtycke ? in.datum("samtyckeDatum") : null, in.datum("startdatum"), null, null), overlamnatFran, in.processInstans());
    in.scope().setVariable(ArendeProcess.VAR_REFERENS, referens);
    in.scope().setVariable(ArendeProcess.VAR_HEMKOMMUN, hemkommun);
    in.scope().setVariable(ArendeProcess.VAR_AVTALSVERSION, version.id());
    in.execution().setProcessBusinessKey(referens);
  }

  /** The threat level routes the police recommendation; everything else of intake lives in {@code arende}. */
  @Override
  public Set<String> processvariabler() {
    return Set.of(ArendeProcess.VAR_HOTBILD);
  }
}
