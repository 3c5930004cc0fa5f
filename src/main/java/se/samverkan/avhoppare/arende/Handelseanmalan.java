package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Handelse;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The standing task *Anmäl händelse i uppdraget* on either side, from the request onwards (§4, §12,
 * §13): the rule of the forms {@code handelse-hem} / {@code handelse-mottagande} (which events each
 * side may report is the forms' own options; dates not in the future are
 * {@link Uppgiftsvalidering.DatumInteIFramtiden}'s).
 *
 * <ul>
 *   <li>§12 notice: only for an agreed assignment (the request accepted); the date it was sent and the
 *       date the other municipality received it, received not before sent, sent not before the
 *       acceptance; the assignment ends at the end of the same weekday one week after receipt
 *       ({@link Uppsagningstid}). A second notice changes nothing.</li>
 *   <li>Withdrawal (home): ends the current assignment at once, before or during implementation.</li>
 *   <li>Children, force majeure: recorded; the process tells the other side.</li>
 * </ul>
 */
@Component
public class Handelseanmalan implements FormularRegel {

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

  @Override
  public Set<String> formular() {
    return Set.of("handelse-hem", "handelse-mottagande");
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of(ArendeProcess.VAR_HANDELSE);
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

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    String typ = in.text(ArendeProcess.VAR_HANDELSE);
    if ("UPPSAGNING".equals(typ)) {
      if ("ANNAT_SARSKILT_SKAL".equals(in.text("uppsagningsorsak")) && !in.har("handelseBeskrivning")) {
        fel.falt("handelseBeskrivning", "måste anges.");
      }
      LocalDate skickad = in.datum("uppsagningDatum");
      LocalDate mottagen = in.datum("uppsagningMottagen");
      var accepterad = arenden.senastAccepterad(in.referens());
      if (accepterad.isEmpty()) {
        fel.meddelande(ArendeProcess.VAR_HANDELSE, "Fältet '" + fel.etikett(ArendeProcess.VAR_HANDELSE) + "': förfrågan är ännu inte accepterad, så det finns inget uppdrag att säga upp (§12). "
            + "Avsluta i stället med 'Personen avslutar' eller invänta svaret.");
      } else if (skickad != null
          && skickad.isBefore(accepterad.get().accepterad().atZoneSameInstant(ProcessInstallningar.ZONE).toLocalDate())) {
        fel.falt("uppsagningDatum", "kan inte ligga före den dag förfrågan accepterades.");
      }
      if (skickad != null && mottagen != null && mottagen.isBefore(skickad)) {
        fel.falt("uppsagningMottagen", "kan inte ligga före den dag den skickades.");
      }
      // locks the case row: two notices at once are checked one after the other
      repository.uppsagning(in.referens()).ifPresent(tidigare -> fel.meddelande(ArendeProcess.VAR_HANDELSE, "Uppdraget är redan uppsagt av "
          + organisation.namn(tidigare.kommun()) + " (" + uppsagningDatum(tidigare) + ") En ny uppsägning ändrar inget."));
    } else if ("FORCE_MAJEURE".equals(typ) && !in.har("handelseBeskrivning")) {
      fel.falt("handelseBeskrivning", "måste anges.");
    }
  }

  @Override
  public void verkstall(Inlamning in) {
    String referens = in.referens();
    String kommun = in.kommun();
    String typ = in.text(ArendeProcess.VAR_HANDELSE);
    String beskrivning = in.text("handelseBeskrivning");
    switch (typ) {
      case "UPPSAGNING" -> {
        LocalDate skickad = in.datum("uppsagningDatum");
        LocalDate mottagen = in.datum("uppsagningMottagen");
        String skal = in.text("uppsagningsorsak");
        String av = in.text("uppsagdAv");
        Handelse h = new Handelse(0, referens, kommun, typ, skickad, skal, av, beskrivning,
            Uppsagningstid.upphor(mottagen).toOffsetDateTime(), null, mottagen);
        repository.handelse(referens, kommun, typ, skickad, skal, av, beskrivning, h.upphor(), mottagen);
        // shown to this side in its standing task; the other side gets the same text in its own task
        in.scope().setVariable("uppsagningSammanfattning", organisation.namn(kommun) + " har sagt upp uppdraget i ärende " + referens
            + " enligt §12. " + uppsagningDatum(h) + " Stöd och uppföljning fortsätter till dess.");
      }
      case "AVBRYTER" -> {
        LocalDate datum = in.datum("avbrottDatum");
        repository.handelse(referens, kommun, typ, datum, null, null, beskrivning, null);
        String fas = repository.aktuell(referens).isPresent() ? "" : " innan uppdraget hade börjat verkställas";
        avslut.registrera(in.scope(), referens, Avslutstyp.AVBRUTET.name(), "Personen avslutade sin medverkan " + datum + fas + " (§4). "
            + "Personen kan i stället ansöka om insatser enligt socialtjänstlagen.", kommun);
      }
      default -> repository.handelse(referens, kommun, typ, Genomforandevalidering.idag(), null, null, beskrivning, null);
    }
  }
}
