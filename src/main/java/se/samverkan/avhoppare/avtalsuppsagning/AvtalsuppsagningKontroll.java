package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * §11: once the agreement has ended for a municipality that gave notice, no new assignment goes to
 * or from it ({@code ${avtalsuppsagningKontroll}}, on complete of the choice of receiving
 * municipality and of accepting a request). The refusal is in Swedish and leaves the task open.
 */
@Component("avtalsuppsagningKontroll")
public class AvtalsuppsagningKontroll implements TaskListener {

  private final AvtalsuppsagningRepository repository;
  private final Organisation organisation;
  private final JdbcTemplate jdbc;

  public AvtalsuppsagningKontroll(AvtalsuppsagningRepository repository, Organisation organisation, JdbcTemplate jdbc) {
    this.repository = repository;
    this.organisation = organisation;
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    if ("AVBOJER".equals(task.getVariable("svar"))) {
      return;
    }
    String referens = task.getExecution().getProcessBusinessKey();
    // the case record, not a variable: version and both municipalities as the case has them
    var arende = jdbc.queryForMap("select avtalsversion, hemkommun, mottagande_kommun from arende where referens = ?", referens);
    String version = (String) arende.get("avtalsversion");
    String hem = (String) arende.get("hemkommun");
    Object valt = task.getVariable("mottagandeKommun");
    String mottagande = valt != null ? valt.toString() : (String) arende.get("mottagande_kommun");
    LocalDate idag = AvtalsuppsagningRepository.idag();
    for (String kommun : new String[] {hem, mottagande}) {
      if (kommun == null) {
        continue;
      }
      Optional<AvtalsuppsagningRepository.Uppsagning> u = repository.uppsagning(version, kommun);
      if (u.isPresent() && idag.isAfter(u.get().sistaDag())) {
        throw new FormFieldValidationException("mottagandeKommun", "Uppgifterna kunde inte sparas. " + organisation.namn(kommun)
            + " har sagt upp avtalet (uppsägningen mottogs " + u.get().mottagen() + "); avtalet gällde för " + organisation.namn(kommun)
            + " till och med " + u.get().sistaDag() + ". Inga nya uppdrag kan lämnas till eller från " + organisation.namn(kommun) + ".");
      }
    }
  }
}
