package se.samverkan.avhoppare.arende;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Inlamning;

/**
 * High threat (seed 004, "Skyddsåtgärder vid hög hotbild"): when either police authority's latest
 * threat and risk assessment is high, the police (Bops) lead the protection, and the case records that
 * coordination (who at the police, on which date) before the request is sent. The diagram asks
 * {@code ${polisskydd.kravs(execution)}}; this is also the rule of the form {@code polisskydd}
 * (its date is checked by {@link Uppgiftsvalidering.DatumInteIFramtiden}).
 */
@Component("polisskydd")
public class Polisskydd implements FormularRegel {

  private final ArendeRepository repository;

  public Polisskydd(ArendeRepository repository) {
    this.repository = repository;
  }

  /** Whether the case needs the police protection step: the latest assessment of either police is high, read from our tables. */
  public boolean kravs(DelegateExecution execution) {
    return repository.hogHotniva(execution.getProcessBusinessKey());
  }

  @Override
  public Set<String> formular() {
    return Set.of("polisskydd");
  }

  @Override
  public void kontrollera(Inlamning in, Avvisning fel) {
    if (!in.jaNej("polisskyddSamordnat")) {
      fel.meddelande("polisskyddSamordnat",
          "Fältet '" + fel.etikett("polisskyddSamordnat") + "' måste kryssas i innan förfrågan skickas.");
    }
  }

  @Override
  public void verkstall(Inlamning in) {
    repository.polisskydd(in.referens(), in.text("polisskyddEnhet"), in.text("polisskyddKontakt"), in.datum("polisskyddDatum"),
        in.text("polisskyddKommentar"));
  }
}
