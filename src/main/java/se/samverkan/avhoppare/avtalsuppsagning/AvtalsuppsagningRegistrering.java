package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsuppsagning;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.organisation.Roll;

/**
 * A manager records a party's written notice of the whole agreement (§11): the rule of the start form
 * {@code avtalsuppsagning}. Checks what the form cannot say and records the notice in the same
 * transaction as the start, so a refusal creates nothing. Only a municipality's manager may record
 * (the process definition is startable by managers only).
 */
@Component
public class AvtalsuppsagningRegistrering implements FormularRegel {

  private final AvtalRegister avtal;
  private final Organisation organisation;
  private final AvtalsuppsagningRepository repository;

  public AvtalsuppsagningRegistrering(AvtalRegister avtal, Organisation organisation, AvtalsuppsagningRepository repository) {
    this.avtal = avtal;
    this.organisation = organisation;
    this.repository = repository;
  }

  @Override
  public Set<String> formular() {
    return Set.of("avtalsuppsagning");
  }

  private static Authentication anvandare() {
    return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
  }

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    Authentication auth = anvandare();
    boolean chef = auth != null && auth.getGroupIds() != null
        && organisation.kommuner().stream().anyMatch(k -> auth.getGroupIds().contains(k.grupp(Roll.CHEF)));
    if (!chef) {
      fel.meddelande("uppsagandeKommun", "En uppsägning av avtalet registreras av en kommuns chef.");
      return;
    }
    String kommun = in.text("uppsagandeKommun");
    LocalDate skickad = in.datum("skickadDatum");
    LocalDate mottagen = in.datum("mottagenDatum");
    Avtalsversion version = in.har("avtalsversion") ? avtal.version(in.text("avtalsversion")).orElse(null) : null;
    if (mottagen != null && mottagen.isAfter(AvtalsuppsagningRepository.idag())) {
      fel.falt("mottagenDatum", "kan inte ligga i framtiden.");
    }
    if (mottagen != null && skickad != null && skickad.isAfter(mottagen)) {
      fel.falt("skickadDatum", "kan inte ligga efter datumet då den mottogs.");
    }
    if (version != null && mottagen != null && !version.omfattar(mottagen)) {
      fel.meddelande("mottagenDatum", "Uppsägningen måste ha mottagits medan " + version.namn() + " gäller (" + version.period() + ").");
    }
    if (version != null && kommun != null && repository.uppsagning(version.id(), kommun).isPresent()) {
      fel.meddelande("uppsagandeKommun", organisation.namn(kommun) + " har redan sagt upp " + version.namn() + ".");
    }
  }

  @Override
  public void verkstall(Inlamning in) {
    Avtalsversion version = avtal.version(in.text("avtalsversion")).orElseThrow();
    String kommun = in.text("uppsagandeKommun");
    LocalDate mottagen = in.datum("mottagenDatum");
    LocalDate sistaDag = new Avtalsuppsagning(version.id(), kommun, mottagen).sistaDag(version);
    repository.registrera(version.id(), kommun, in.datum("skickadDatum"), mottagen, sistaDag, in.text("uppsagningKommentar"),
        anvandare().getUserId());
    in.execution().setVariable("sistaDag", sistaDag.toString());
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("avtalsversion", "uppsagandeKommun", "skickadDatum", "mottagenDatum");
  }
}
