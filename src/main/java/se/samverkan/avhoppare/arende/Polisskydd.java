package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * High threat (seed 004, "Skyddsåtgärder vid hög hotbild"): when either police authority's latest
 * threat and risk assessment is high, the police (Bops) lead the protection, and the case records that
 * coordination (who at the police, on which date) before the request is sent. The diagram asks
 * {@code ${polisskydd.kravs(execution)}}; the task {@code UserTask_Polisskydd} (form {@code polisskydd})
 * is checked and recorded by {@link #kontrollera}.
 */
@Component("polisskydd")
public class Polisskydd {

  static final List<String> FALT = List.of("polisskyddEnhet", "polisskyddKontakt", "polisskyddDatum", "polisskyddKommentar",
      "polisskyddSamordnat");

  private final ArendeRepository repository;

  public Polisskydd(ArendeRepository repository) {
    this.repository = repository;
  }

  /** Whether the case needs the police protection step: the latest assessment of either police is high, read from our tables. */
  public boolean kravs(DelegateExecution execution) {
    return repository.hogHotniva(execution.getProcessBusinessKey());
  }

  /** Checks and records the police protection step; the task stays open with its data if anything is refused. */
  public void kontrollera(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    String enhet = f.text("polisskyddEnhet", "Polisenhet som leder personsäkerhetsarbetet", 200);
    String kontakt = f.text("polisskyddKontakt", "Kontaktperson hos polisen", 200);
    LocalDate datum = f.datum("polisskyddDatum", "Datum för samordningen med polisen");
    String kommentar = f.valfriText("polisskyddKommentar", "Kommentar", 2000);
    f.bekraftad("polisskyddSamordnat",
        "Fältet 'Polisen leder skyddet och det är samordnat med socialtjänsten' måste kryssas i innan förfrågan skickas.");
    if (datum != null && datum.isAfter(Genomforandevalidering.idag())) {
      f.avvisa("polisskyddDatum", "Fältet 'Datum för samordningen med polisen' kan inte ligga i framtiden.");
    }
    f.kontrollera();
    repository.polisskydd(referens, enhet, kontakt, datum, kommentar);
    task.removeVariables(FALT);
  }
}
