package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.Formular;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsuppsagning;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Roll;

/**
 * A manager records a party's written notice of the whole agreement (§11)
 * ({@code ${avtalsuppsagningRegistrering}}, start listener of the form start): checks the form and
 * records the notice in the same transaction as the start, so a refusal creates nothing. Only a
 * municipality's manager may record (the process definition is startable by managers only).
 */
@Component("avtalsuppsagningRegistrering")
public class AvtalsuppsagningRegistrering implements ExecutionListener {

  private final AvtalRegister avtal;
  private final Organisation organisation;
  private final AvtalsuppsagningRepository repository;

  public AvtalsuppsagningRegistrering(AvtalRegister avtal, Organisation organisation, AvtalsuppsagningRepository repository) {
    this.avtal = avtal;
    this.organisation = organisation;
    this.repository = repository;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Formular f = new Formular(execution);
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    boolean chef = auth != null && auth.getGroupIds() != null
        && organisation.kommuner().stream().anyMatch(k -> auth.getGroupIds().contains(k.grupp(Roll.CHEF)));
    if (!chef) {
      f.avvisa("uppsagandeKommun", "En uppsägning av avtalet registreras av en kommuns chef.");
      f.kontrollera();
    }
    String versionId = f.enAv("avtalsversion", "Avtalsversion", avtal.versioner().stream().map(Avtalsversion::id).toList());
    String kommun = f.enAv("uppsagandeKommun", "Kommun som sagt upp avtalet", organisation.kommuner().stream().map(Kommun::id).toList());
    LocalDate skickad = execution.getVariable("skickadDatum") == null || execution.getVariable("skickadDatum").toString().isBlank() ? null
        : f.datum("skickadDatum", "Datum då uppsägningen skickades");
    LocalDate mottagen = f.datum("mottagenDatum", "Datum då uppsägningen mottogs");
    String kommentar = f.valfriText("uppsagningKommentar", "Kommentar", 2000);
    Avtalsversion version = versionId == null ? null : avtal.version(versionId).orElseThrow();
    if (mottagen != null && mottagen.isAfter(AvtalsuppsagningRepository.idag())) {
      f.avvisa("mottagenDatum", "Fältet 'Datum då uppsägningen mottogs' kan inte ligga i framtiden.");
    }
    if (mottagen != null && skickad != null && skickad.isAfter(mottagen)) {
      f.avvisa("skickadDatum", "Fältet 'Datum då uppsägningen skickades' kan inte ligga efter datumet då den mottogs.");
    }
    if (version != null && mottagen != null && !version.omfattar(mottagen)) {
      f.avvisa("mottagenDatum", "Uppsägningen måste ha mottagits medan " + version.namn() + " gäller (" + version.period() + ").");
    }
    if (version != null && kommun != null && repository.uppsagning(version.id(), kommun).isPresent()) {
      f.avvisa("uppsagandeKommun", organisation.namn(kommun) + " har redan sagt upp " + version.namn() + ".");
    }
    f.kontrollera();
    LocalDate sistaDag = new Avtalsuppsagning(version.id(), kommun, mottagen).sistaDag(version);
    repository.registrera(version.id(), kommun, skickad, mottagen, sistaDag, kommentar, auth.getUserId());
    execution.setVariable("sistaDag", sistaDag.toString());
    execution.removeVariable("uppsagningKommentar");
  }
}
