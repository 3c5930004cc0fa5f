package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * §11: once the agreement has ended for a municipality that gave notice, no new assignment goes to
 * or from it: the rule of the forms choosing the receiving municipality and answering a request
 * (declining is still possible). The refusal is in Swedish and leaves the task open.
 */
@Component
public class AvtalsuppsagningKontroll implements FormularRegel {

  private final AvtalsuppsagningRepository repository;
  private final Organisation organisation;
  private final JdbcTemplate jdbc;

  public AvtalsuppsagningKontroll(AvtalsuppsagningRepository repository, Organisation organisation, JdbcTemplate jdbc) {
    this.repository = repository;
    this.organisation = organisation;
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> formular() {
    return Set.of("val-av-mottagande-kommun", "besvara-forfragan");
  }

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    if ("AVBOJER".equals(in.text("svar"))) {
      return;
    }
    String falt = in.har("svar") ? "svar" : "mottagandeKommun";
    // the case record, not a variable: version and both municipalities as the case has them
    var arende = jdbc.queryForMap("select avtalsversion, hemkommun, mottagande_kommun from arende where referens = ?", in.referens());
    String version = (String) arende.get("avtalsversion");
    String hem = (String) arende.get("hemkommun");
    String mottagande = in.har("mottagandeKommun") ? in.text("mottagandeKommun") : (String) arende.get("mottagande_kommun");
    LocalDate idag = AvtalsuppsagningRepository.idag();
    for (String kommun : new String[] {hem, mottagande}) {
      if (kommun == null) {
        continue;
      }
      Optional<AvtalsuppsagningRepository.Uppsagning> u = repository.uppsagning(version, kommun);
      if (u.isPresent() && idag.isAfter(u.get().sistaDag())) {
        String namn = organisation.namn(kommun);
        fel.meddelande(falt, namn + " har sagt upp avtalet (uppsägningen mottogs " + u.get().mottagen() + "); avtalet gällde för " + namn
            + " till och med " + u.get().sistaDag() + ". Inga nya uppdrag kan lämnas till eller från " + namn + ".");
      }
    }
  }
}
