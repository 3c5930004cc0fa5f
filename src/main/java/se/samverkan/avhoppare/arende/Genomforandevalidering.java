package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Handelse;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * Server-side check of the implementation phase's tasks on both sides (§7–§13), as
 * {@link Uppgiftsvalidering} does for the earlier steps: Swedish messages naming the field, the task
 * stays open with what was entered, accepted answers go to our tables and only routing facts stay.
 */
@Component
public class Genomforandevalidering {

  static final Map<String, String> UPPSAGNINGSSKAL = Map.of(
      "KAN_INTE_MEDVERKA", "personen kan inte förmås att medverka i insatserna",
      "POLISEN_OLAMPLIGT", "polisen bedömer att genomförandet är olämpligt",
      "ANNAT_SARSKILT_SKAL", "annat särskilt skäl");
  static final Map<String, String> UTFALL = Map.of(
      "MALEN_UPPNADDA", "målen är uppnådda", "DELVIS_UPPNADDA", "målen är delvis uppnådda", "EJ_UPPNADDA", "målen är inte uppnådda");

  private final VerkstallighetRepository repository;
  private final Organisation organisation;

  public Genomforandevalidering(VerkstallighetRepository repository, Organisation organisation) {
    this.repository = repository;
    this.organisation = organisation;
  }

  /** Checks and records a completion; false if the task is not one of this phase's. */
  boolean kontrollera(DelegateTask task, String referens) {
    String kommun = task.getTenantId();
    switch (task.getTaskDefinitionKey()) {
      case ArendeProcess.TASK_UPPFOLJNING -> uppfoljning(task, referens);
      case ArendeProcess.TASK_SLUTUPPFOLJNING -> slutuppfoljning(task, referens, kommun);
      case ArendeProcess.TASK_HANDELSE -> handelse(task, referens, kommun, List.of("UPPSAGNING", "AVBRYTER", "BARN"));
      case UppdragProcess.TASK_HANDELSE -> handelse(task, referens, kommun, List.of("UPPSAGNING", "BARN", "FORCE_MAJEURE"));
      case ArendeProcess.TASK_BARN, ArendeProcess.TASK_BARN_FRAN_MOTTAGANDE, UppdragProcess.TASK_BARN, UppdragProcess.TASK_BARN_FRAN_HEM -> {
        Formular f = new Formular(task);
        String hur = f.text("ansvarKlarlagt", "Hur ansvaret har klarlagts", 2000);
        f.bekraftad("andraKommunenKontaktad", "Fältet 'Den andra kommunen är kontaktad' måste kryssas i (§4).");
        f.kontrollera();
        repository.handelse(referens, kommun, "BARN_KLARLAGT", idag(), null, null, hur, null);
        task.removeVariables(List.of("ansvarKlarlagt", "andraKommunenKontaktad"));
      }
      case ArendeProcess.TASK_UPPSAGNING_MOTTAGEN, UppdragProcess.TASK_UPPSAGNING_MOTTAGEN -> {
        Formular f = new Formular(task);
        f.bekraftad("uppsagningKand", "Fältet 'Jag har tagit del av uppsägningen' måste kryssas i.");
        f.kontrollera();
        task.removeVariable("uppsagningKand");
      }
      case ArendeProcess.TASK_BESLUT_AVTALSSLUT, UppdragProcess.TASK_BESLUT_AVTALSSLUT -> avtalsslut(task, referens, kommun);
      case UppdragProcess.TASK_RAPPORT -> {
        Formular f = new Formular(task);
        String deltar = f.enAv("deltar", "Deltar personen i insatserna?", List.of("JA", "DELVIS", "NEJ"));
        String rapport = f.text("rapport", "Rapport om insatserna", 4000);
        f.kontrollera();
        Object omgang = task.getVariable(ArendeProcess.VAR_UPPFOLJNING_OMGANG);
        repository.rapport(referens, kommun, omgang instanceof Number n ? n.intValue() : 0, deltar, rapport);
        task.removeVariables(List.of("deltar", "rapport"));
      }
      case ArendeProcess.TASK_FORCE_MAJEURE -> {
        Formular f = new Formular(task);
        String val = f.enAv(ArendeProcess.VAR_FORTSATTNING, "Fortsättning", List.of("ANNAN_KOMMUN", "AVSLUTA"));
        String motivering = f.text("fortsattningMotivering", "Motivering", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, "FORCE_MAJEURE_BESLUT", idag(), val, null, motivering, null);
        task.removeVariable("fortsattningMotivering");
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  static LocalDate idag() {
    return VerkstallighetRepository.nu().toLocalDate();
  }

  private static LocalDate ejFramtida(Formular f, LocalDate datum, String falt, String etikett) {
    if (datum != null && datum.isAfter(idag())) {
      f.avvisa(falt, "Fältet '" + etikett + "' kan inte ligga i framtiden.");
    }
    return datum;
  }

  private void uppfoljning(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    LocalDate datum = ejFramtida(f, f.datum("uppfoljningsdatum", "Datum för uppföljningen"), "uppfoljningsdatum", "Datum för uppföljningen");
    String bedomning = f.text("bedomning", "Bedömning", 4000);
    boolean registerslagning = f.jaNej("registerslagning");
    String svar = registerslagning ? f.enAv("registerslagningSvar", "Polisens svar på registerslagningen",
        List.of("INGA_NYA_UPPGIFTER", "NYA_UPPGIFTER", "INGET_SVAR_ANNU")) : null;
    String kommentar = f.valfriText("registerslagningKommentar", "Kommentar om registerslagningen", 2000);
    String nyttIntervall = f.valfriText("nyttIntervall", "Nytt uppföljningsintervall", 32);
    if (nyttIntervall != null && !Uppgiftsvalidering.arPositivPeriod(nyttIntervall)) {
      f.avvisa("nyttIntervall", "Fältet 'Nytt uppföljningsintervall' ska vara en period som P1M (en månad) eller P6W (sex veckor).");
    }
    f.kontrollera();
    repository.uppfoljning(referens, repository.oppenOmgang(referens), datum, bedomning, registerslagning, svar, kommentar, nyttIntervall);
    task.removeVariables(List.of("uppfoljningsdatum", "bedomning", "registerslagning", "registerslagningSvar", "registerslagningKommentar",
        "nyttIntervall"));
  }

  private void slutuppfoljning(DelegateTask task, String referens, String kommun) {
    Formular f = new Formular(task);
    LocalDate datum = ejFramtida(f, f.datum("uppfoljningsdatum", "Datum för slutuppföljningen"), "uppfoljningsdatum",
        "Datum för slutuppföljningen");
    String utfall = f.enAv("utfall", "Utfall", List.copyOf(UTFALL.keySet()));
    String bedomning = f.text("bedomning", "Bedömning", 4000);
    f.kontrollera();
    repository.slutuppfoljning(referens, datum, utfall, bedomning);
    repository.avslut(referens, Avslutstyp.PLANERAT_SLUT.name(), "Avslutat enligt plan " + repository.hamta(referens).planeratSlut()
        + " efter slutuppföljning " + datum + ": " + UTFALL.get(utfall) + ".", kommun);
    task.removeVariables(List.of("uppfoljningsdatum", "utfall", "bedomning"));
  }

  private void handelse(DelegateTask task, String referens, String kommun, List<String> tillatna) {
    Formular f = new Formular(task);
    String typ = f.enAv(ArendeProcess.VAR_HANDELSE, "Händelse", tillatna);
    if (typ == null) {
      f.kontrollera();
    }
    switch (typ) {
      case "UPPSAGNING" -> {
        String skal = f.enAv("uppsagningsorsak", "Skäl för uppsägningen", List.copyOf(UPPSAGNINGSSKAL.keySet()));
        LocalDate datum = ejFramtida(f, f.datum("uppsagningDatum", "Datum för den skriftliga uppsägningen"), "uppsagningDatum",
            "Datum för den skriftliga uppsägningen");
        String av = f.text("uppsagdAv", "Uppsagt av (befattning)", 200);
        String beskrivning = "ANNAT_SARSKILT_SKAL".equals(skal) ? f.text("handelseBeskrivning", "Beskrivning", 2000)
            : f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
        if (datum != null && datum.isBefore(repository.hamta(referens).startad().toLocalDate())) {
          f.avvisa("uppsagningDatum", "Fältet 'Datum för den skriftliga uppsägningen' kan inte ligga före uppdragets verkställighet.");
        }
        repository.uppsagning(referens).ifPresent(tidigare -> f.avvisa(ArendeProcess.VAR_HANDELSE, "Uppdraget är redan uppsagt av "
            + organisation.namn(tidigare.kommun()) + " (skriftlig uppsägning "
            + tidigare.datum() + ") och upphör " + tidigare.upphor().toLocalDate() + ". En ny uppsägning ändrar inget."));
        f.kontrollera();
        repository.handelse(referens, kommun, typ, datum, skal, av, beskrivning,
            datum.plusDays(7).atStartOfDay(ProcessInstallningar.ZONE).toOffsetDateTime());
      }
      case "AVBRYTER" -> {
        LocalDate datum = ejFramtida(f, f.datum("avbrottDatum", "Datum då personen avslutade sin medverkan"), "avbrottDatum",
            "Datum då personen avslutade sin medverkan");
        String beskrivning = f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, datum, null, null, beskrivning, null);
        repository.avslut(referens, Avslutstyp.AVBRUTET.name(), "Personen avslutade sin medverkan " + datum + " (§4). Personen kan i "
            + "stället ansöka om insatser enligt socialtjänstlagen.", kommun);
      }
      case "BARN" -> {
        String beskrivning = f.valfriText("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, idag(), null, null, beskrivning, null);
      }
      default -> {
        String beskrivning = f.text("handelseBeskrivning", "Beskrivning", 2000);
        f.kontrollera();
        repository.handelse(referens, kommun, typ, idag(), null, null, beskrivning, null);
      }
    }
    task.removeVariables(List.of("uppsagningsorsak", "uppsagningDatum", "uppsagdAv", "avbrottDatum", "handelseBeskrivning"));
  }

  private void avtalsslut(DelegateTask task, String referens, String kommun) {
    Formular f = new Formular(task);
    String beslut = f.enAv(ArendeProcess.VAR_AVTALSSLUT_BESLUT, "Beslut", List.of("FULLFOLJ", "AVSLUTA"));
    String motivering = f.text("avtalsslutMotivering", "Motivering", 2000);
    f.kontrollera();
    repository.handelse(referens, kommun, "AVTALSSLUT_BESLUT", idag(), beslut, null, motivering, null);
    if ("AVSLUTA".equals(beslut) && ArendeProcess.TASK_BESLUT_AVTALSSLUT.equals(task.getTaskDefinitionKey())) {
      repository.avslut(referens, Avslutstyp.AVTALSVERSION_UPPHORT.name(), "Avtalsversionen upphörde och "
          + organisation.namn(kommun) + " fullföljer inte uppdraget (§4): " + motivering, kommun);
    }
    task.removeVariable("avtalsslutMotivering");
  }
}
