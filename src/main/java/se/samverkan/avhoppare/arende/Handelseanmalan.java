package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Handelse;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The standing task *Anmäl händelse i uppdraget* on either side, from the request onwards (§4, §12,
 * §13): its domain checks and what it records. Self-contained so that it can be attached as the rule
 * of the forms {@code handelse-hem} / {@code handelse-mottagande}.
 *
 * <ul>
 *   <li>§12 notice: only for an agreed assignment (the request accepted); the date it was sent and the
 *       date the other municipality received it, neither in the future (Europe/Stockholm), received not
 *       before sent, sent not before the acceptance; the assignment ends at the end of the same weekday
 *       one week after receipt ({@link Uppsagningstid}). A second notice changes nothing.</li>
 *   <li>Withdrawal (home): ends the current assignment at once, before or during implementation.</li>
 *   <li>Children, force majeure: recorded; the process tells the other side.</li>
 * </ul>
 */
@Component
public class Handelseanmalan {

  static final List<String> FALT = List.of("uppsagningsorsak", "uppsagningDatum", "uppsagningMottagen", "uppsagdAv", "avbrottDatum",
      "handelseBeskrivning");

  private final VerkstallighetRepository repository;
  private final ArendeRepository arenden;
  private final Organisation organisation;
  private final Uppdragsavslut avslut;

  public Handelseanmalan(VerkstallighetRepository repository, ArendeRepository arenden, Organisation organisation, Uppdragsavslut avslut) {
    this.repository = repository;
    this.arenden = arenden;
    this.organisation = organisation;
    this.avslut = avslut;
  }

  /** The last day of a noticed assignment (the day before it ends at 00:00). */
  static LocalDate sistaDag(Handelse h) {
    return h.upphor().atZoneSameInstant(ProcessInstallningar.ZONE).toLocalDate().minusDays(1);
  }

  /** The notice's dates as both municipalities are shown them. */
  static String uppsagningDatum(Handelse h) {
    return "Skriftlig uppsägning skickad " + h.datum() + (h.mottagen() == null ? "" : " och mottagen " + h.mottagen()) + " (av " + h.av()
        + "). Uppdraget upphör vid utgången av " + sistaDag(h) + ".";
  }

  private static LocalDate ejFramtida(Formular f, LocalDate datum, String falt, String etikett) {
    if (datum != null && datum.isAfter(Genomforandevalidering.idag())) {
      f.avvisa(falt, "Fältet '" + etikett + "' kan inte ligga i framtiden.");
    }
    return datum;
  }

  /** Checks and records one reported event; the task stays open with its data if anything is refused. */
  public void kontrollera(DelegateTask task, String referens, List<String> tillatna) {
    String kommun = task.getTenantId();
    Formular f = new Formular(task);
    String typ = f.enAv(ArendeProcess.VAR_HANDELSE, "Händelse", tillatna);
    if (typ == null) {
      f.kontrollera();
    }
    switch (typ) {
      case "UPPSAGNING" -> uppsagning(task, f, referens, kommun);
      case "AVBRYTER" -> {
        LocalDate datum = ejFramtida(f, f.datum("avbrottDatum", "Datum då personen avslutade sin medverkan"), "avbrottDatum",
            "Datum då personen avslutade sin medverkan");
        String beskrivning = f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, datum, null, null, beskrivning, null);
        String fas = repository.aktuell(referens).isPresent() ? "" : " innan uppdraget hade börjat verkställas";
        avslut.registrera(task, referens, Avslutstyp.AVBRUTET.name(), "Personen avslutade sin medverkan " + datum + fas + " (§4). "
            + "Personen kan i stället ansöka om insatser enligt socialtjänstlagen.", kommun);
      }
      case "BARN" -> {
        String beskrivning = f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, Genomforandevalidering.idag(), null, null, beskrivning, null);
      }
      default -> {
        String beskrivning = f.text("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, Genomforandevalidering.idag(), null, null, beskrivning, null);
      }
    }
    task.removeVariables(FALT);
  }

  private void uppsagning(DelegateTask task, Formular f, String referens, String kommun) {
    var accepterad = arenden.senastAccepterad(referens);
    String skal = f.enAv("uppsagningsorsak", "Skäl för uppsägningen", List.copyOf(Genomforandevalidering.UPPSAGNINGSSKAL.keySet()));
    LocalDate skickad = ejFramtida(f, f.datum("uppsagningDatum", "Datum då uppsägningen skickades"), "uppsagningDatum",
        "Datum då uppsägningen skickades");
    LocalDate mottagen = ejFramtida(f, f.datum("uppsagningMottagen", "Datum då den andra kommunen tog emot uppsägningen"),
        "uppsagningMottagen", "Datum då den andra kommunen tog emot uppsägningen");
    String av = f.text("uppsagdAv", "Uppsagt av (befattning)", 200);
    String beskrivning = "ANNAT_SARSKILT_SKAL".equals(skal) ? f.text("handelseBeskrivning", "Beskrivning", 2000)
        : f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
    if (accepterad.isEmpty()) {
      f.avvisa(ArendeProcess.VAR_HANDELSE, "Fältet 'Händelse': förfrågan är ännu inte accepterad, så det finns inget uppdrag att säga "
          + "upp (§12). Avsluta i stället med 'Personen avslutar' eller invänta svaret.");
    } else if (skickad != null && skickad.isBefore(accepterad.get().accepterad().atZoneSameInstant(ProcessInstallningar.ZONE).toLocalDate())) {
      f.avvisa("uppsagningDatum", "Fältet 'Datum då uppsägningen skickades' kan inte ligga före den dag förfrågan accepterades.");
    }
    if (skickad != null && mottagen != null && mottagen.isBefore(skickad)) {
      f.avvisa("uppsagningMottagen", "Fältet 'Datum då den andra kommunen tog emot uppsägningen' kan inte ligga före den dag den skickades.");
    }
    repository.uppsagning(referens).ifPresent(tidigare -> f.avvisa(ArendeProcess.VAR_HANDELSE, "Uppdraget är redan uppsagt av "
        + organisation.namn(tidigare.kommun()) + " (" + uppsagningDatum(tidigare) + ") En ny uppsägning ändrar inget."));
    f.kontrollera();
    Handelse h = new Handelse(0, referens, kommun, "UPPSAGNING", skickad, skal, av, beskrivning,
        Uppsagningstid.upphor(mottagen).toOffsetDateTime(), null, mottagen);
    repository.handelse(referens, kommun, h.typ(), skickad, skal, av, beskrivning, h.upphor(), mottagen);
    // shown to this side in its standing task; the other side gets the same text in its own task
    task.setVariable("uppsagningSammanfattning", organisation.namn(kommun) + " har sagt upp uppdraget i ärende " + referens
        + " enligt §12. " + uppsagningDatum(h) + " Stöd och uppföljning fortsätter till dess.");
  }
}
