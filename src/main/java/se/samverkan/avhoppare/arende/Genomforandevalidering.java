package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
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

  private final Handelseanmalan handelseanmalan;

  public Genomforandevalidering(VerkstallighetRepository repository, Organisation organisation, Handelseanmalan handelseanmalan) {
    this.handelseanmalan = handelseanmalan;
    this.repository = repository;
    this.organisation = organisation;
  }

  /** Checks and records a completion; false if the task is not one of this phase's. */
  boolean kontrollera(DelegateTask task, String referens) {
    String kommun = task.getTenantId();
    switch (task.getTaskDefinitionKey()) {
      case ArendeProcess.TASK_UPPFOLJNING -> uppfoljning(task, referens);
      case ArendeProcess.TASK_SLUTUPPFOLJNING -> slutuppfoljning(task, referens, kommun);
      case ArendeProcess.TASK_HANDELSE -> handelseanmalan.kontrollera(task, referens, List.of("UPPSAGNING", "AVBRYTER", "BARN"));
      case UppdragProcess.TASK_HANDELSE -> handelseanmalan.kontrollera(task, referens, List.of("UPPSAGNING", "BARN", "FORCE_MAJEURE"));
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
