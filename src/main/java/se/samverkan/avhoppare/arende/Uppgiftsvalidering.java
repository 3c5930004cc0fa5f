package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.Insats;
import se.samverkan.avhoppare.formular.Avvisning;
import se.samverkan.avhoppare.formular.FormularRegel;
import se.samverkan.avhoppare.formular.Formularkontroll;
import se.samverkan.avhoppare.formular.Inlamning;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The completion listener of every user task with a form ({@code ${uppgiftsvalidering}} in the
 * diagram; {@link se.samverkan.avhoppare.formular.FormularPlugin} adds it to any task with a form that
 * lacks it): the task's deployed form and the {@link FormularRegel}s attached to that form decide, in
 * {@link Formularkontroll}. The rules of the steps before implementation are below, one small bean
 * per form; those of the implementation phase are in {@link Genomforandevalidering}.
 */
@Component("uppgiftsvalidering")
public class Uppgiftsvalidering implements TaskListener {

  private final Formularkontroll kontroll;

  public Uppgiftsvalidering(Formularkontroll kontroll) {
    this.kontroll = kontroll;
  }

  @Override
  public void notify(DelegateTask task) {
    kontroll.slutfor(task);
  }

  static Map<String, String> kommunnamn(Organisation organisation) {
    return organisation.kommuner().stream().collect(Collectors.toMap(Kommun::id, Kommun::namn));
  }

  /** Today in Europe/Stockholm by the engine's clock (never the JVM's zone). */
  static LocalDate idag() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcessInstallningar.ZONE).toLocalDate();
  }

  /** Dates of things that have happened cannot lie in the future (today in Europe/Stockholm). */
  @Component
  static class DatumInteIFramtiden implements FormularRegel {
    static final Map<String, List<String>> FALT = Map.of(
        "aktualisering", List.of("samtyckeDatum"),
        "samrad-polis", List.of("samradDatum"),
        "uppfoljning", List.of("uppfoljningsdatum"),
        "slutuppfoljning", List.of("uppfoljningsdatum"),
        "handelse-hem", List.of("uppsagningDatum", "uppsagningMottagen", "avbrottDatum"),
        "handelse-mottagande", List.of("uppsagningDatum", "uppsagningMottagen", "avbrottDatum"),
        "polisskydd", List.of("polisskyddDatum"));

    @Override
    public Set<String> formular() {
      return FALT.keySet();
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      LocalDate idag = idag();
      for (String falt : FALT.get(in.formular())) {
        if (in.har(falt) && in.datum(falt).isAfter(idag)) {
          fel.falt(falt, "kan inte ligga i framtiden.");
        }
      }
    }
  }

  /** Acknowledgements: nothing to record beyond the completion itself. */
  @Component
  static class Kvittens implements FormularRegel {
    @Override
    public Set<String> formular() {
      return Set.of("paminnelse", "uppsagning-mottagen");
    }
  }

  @Component
  static class Tillhorighet implements FormularRegel {
    private final ArendeRepository repository;

    Tillhorighet(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("tillhorighetsutredning");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      if (in.har(ArendeProcess.VAR_OVERLAMNAS_TILL) && in.text(ArendeProcess.VAR_OVERLAMNAS_TILL).equals(in.kommun())) {
        fel.falt(ArendeProcess.VAR_OVERLAMNAS_TILL, "kan inte vara den egna kommunen.");
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.tillhorighet(in.referens(), in.text(ArendeProcess.VAR_TILLHORIGHET), in.text("tillhorighetMotivering"),
          in.text(ArendeProcess.VAR_OVERLAMNAS_TILL));
    }

    @Override
    public Set<String> processvariabler() {
      return Set.of(ArendeProcess.VAR_TILLHORIGHET, ArendeProcess.VAR_OVERLAMNAS_TILL);
    }
  }

  @Component
  static class PolisensRad implements FormularRegel {
    private final ArendeRepository repository;

    PolisensRad(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("polisens-rad");
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.polisensRadBekraftat(in.referens());
    }
  }

  /** The receiving municipality is another municipality, party to the case's agreement version. */
  @Component
  static class MottagandeKommun implements FormularRegel {
    private final ArendeRepository repository;
    private final AvtalRegister avtal;
    private final Organisation organisation;

    MottagandeKommun(ArendeRepository repository, AvtalRegister avtal, Organisation organisation) {
      this.repository = repository;
      this.avtal = avtal;
      this.organisation = organisation;
    }

    @Override
    public Set<String> formular() {
      return Set.of("val-av-mottagande-kommun");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      String valt = in.text(ArendeProcess.VAR_MOTTAGANDE_KOMMUN);
      if (valt == null) {
        return;
      }
      if (valt.equals(in.kommun())) {
        fel.falt(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, "kan inte vara hemkommunen.");
        return;
      }
      Avtalsversion version = avtal.version(repository.hamta(in.referens()).avtalsversion()).orElseThrow();
      boolean part = organisation.kommun(valt).map(k -> k.parter().stream().anyMatch(p -> version.arPart(p.id()))).orElse(false);
      if (!part) {
        fel.meddelande(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, "Fältet '" + fel.etikett(ArendeProcess.VAR_MOTTAGANDE_KOMMUN)
            + "': kommunen är inte part i " + version.namn() + ".");
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.mottagandeKommun(in.referens(), in.text(ArendeProcess.VAR_MOTTAGANDE_KOMMUN));
    }

    @Override
    public Set<String> processvariabler() {
      return Set.of(ArendeProcess.VAR_MOTTAGANDE_KOMMUN);
    }
  }

  @Component
  static class Kvotundantag implements FormularRegel {
    private final ArendeRepository repository;

    Kvotundantag(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("kvotundantag");
    }

    @Override
    public void verkstall(Inlamning in) {
      String beslut = in.text("undantagBeslut");
      repository.kvotundantag(in.referens(), beslut, in.text("undantagMotivering"));
      in.scope().setVariable(ArendeProcess.VAR_UNDANTAG_GODKANT, "GODKANN".equals(beslut));
    }
  }

  /** A police consultation, at home or in the receiving municipality (by the task it was given in). */
  @Component
  static class Samrad implements FormularRegel {
    private final ArendeRepository repository;

    Samrad(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("samrad-polis");
    }

    @Override
    public void verkstall(Inlamning in) {
      boolean mottagande = ArendeProcess.TASK_SAMRAD_MOTTAGANDE.equals(in.aktivitet());
      String kommun = mottagande ? repository.hamta(in.referens()).mottagandeKommun() : in.kommun();
      String utfall = in.text("samradUtfall");
      repository.samrad(in.referens(), mottagande ? "MOTTAGANDE_KOMMUN" : "HEMKOMMUN", kommun, in.datum("samradDatum"),
          in.text("polisenhet"), in.text("polisKontakt"), in.text("riskniva"), utfall, in.text("samradKommentar"));
      in.scope().setVariable(mottagande ? ArendeProcess.VAR_SAMRAD_MOTTAGANDE_STODJER : ArendeProcess.VAR_SAMRAD_HEM_STODJER,
          "STODJER".equals(utfall));
    }
  }

  /** How to go on after a refusal, a decline or force majeure. */
  @Component
  static class Fortsattning implements FormularRegel {
    private final VerkstallighetRepository verkstallighet;

    Fortsattning(VerkstallighetRepository verkstallighet) {
      this.verkstallighet = verkstallighet;
    }

    @Override
    public Set<String> formular() {
      return Set.of("fortsattning");
    }

    @Override
    public void verkstall(Inlamning in) {
      String val = in.text(ArendeProcess.VAR_FORTSATTNING);
      String motivering = in.text("fortsattningMotivering");
      if (ArendeProcess.TASK_FORCE_MAJEURE.equals(in.aktivitet())) {
        verkstallighet.handelse(in.referens(), in.kommun(), "FORCE_MAJEURE_BESLUT", idag(), val, null, motivering, null);
      } else if ("AVSLUTA".equals(val)) {
        in.scope().setVariable(ArendeProcess.VAR_AVSLUTSORSAK, motivering);
      }
    }

    @Override
    public Set<String> processvariabler() {
      return Set.of(ArendeProcess.VAR_FORTSATTNING);
    }
  }

  @Component
  static class Uppdragsbeskrivning implements FormularRegel {
    private final ArendeRepository repository;

    Uppdragsbeskrivning(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("uppdragsbeskrivning");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      if (in.har("periodStart") && in.har("periodSlut") && !in.datum("periodSlut").isAfter(in.datum("periodStart"))) {
        fel.falt("periodSlut", "måste vara efter '" + fel.etikett("periodStart") + "'.");
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.uppdragsbeskrivning(in.referens(), in.text("mal"), String.join(",", in.lista("efterfragadeInsatser")),
          in.datum("periodStart"), in.datum("periodSlut"), in.text("uppfoljningsintervall"), in.text("kontaktHemkommun"),
          in.text("kontaktMottagandeKommun"));
    }
  }

  @Component
  static class BeslutOmInsatser implements FormularRegel {
    private final ArendeRepository repository;

    BeslutOmInsatser(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("beslut-om-insatser");
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.beslut(in.referens(), in.datum("beslutsdatum"), String.join(",", in.lista("beslutadeInsatser")), in.text("beslutsfattare"));
      repository.status(in.referens(), ArendeRepository.Status.UPPDRAG_BESLUTAT, null);
    }
  }

  /** The receiving municipality's answer; declining needs reasons. */
  @Component
  static class BesvaraForfragan implements FormularRegel {
    private final ArendeRepository repository;

    BesvaraForfragan(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("besvara-forfragan");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      if ("AVBOJER".equals(in.text("svar")) && !in.har("svarMotivering")) {
        fel.falt("svarMotivering", "måste anges.");
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      repository.uppdragSvar(in.processInstans(), in.text("svar"), in.text("svarMotivering"));
    }

    @Override
    public Set<String> processvariabler() {
      return Set.of("svar");
    }
  }

  /**
   * The implementation plan: at least one row, and every planned service among those the home
   * municipality decided ({@code beslut_om_insatser}) — the plan cannot add a service.
   */
  @Component
  static class Genomforandeplan implements FormularRegel {
    private final ArendeRepository repository;

    Genomforandeplan(ArendeRepository repository) {
      this.repository = repository;
    }

    @Override
    public Set<String> formular() {
      return Set.of("genomforandeplan");
    }

    @Override
    public void kontrollera(Inlamning in, Avvisning fel) {
      List<Map<String, Object>> rader = in.rader("planposter");
      if (rader.isEmpty()) {
        fel.falt("planposter", "måste ha minst en rad.");
        return;
      }
      Set<String> beslutade;
      try {
        String s = repository.beslutadeInsatser(in.referens());
        beslutade = s == null ? Set.of() : Set.of(s.split(","));
      } catch (EmptyResultDataAccessException e) {
        beslutade = Set.of();
      }
      int nr = 0;
      for (Map<String, Object> rad : rader) {
        nr++;
        Object insats = rad.get("insats");
        if (insats != null && !beslutade.contains(insats.toString())) {
          String namn = Insats.fran(insats.toString()).map(Insats::benamning).orElse(insats.toString());
          fel.meddelande("planposter", fel.etikett("planposter") + ", rad " + nr + ": insatsen '" + namn
              + "' ingår inte i hemkommunens beslut om insatser och kan inte planeras.");
        }
      }
    }

    @Override
    public void verkstall(Inlamning in) {
      for (Map<String, Object> rad : in.rader("planposter")) {
        repository.planpost(in.referens(), in.kommun(), (String) rad.get("insats"), ((String) rad.get("utforare")).strip(),
            (LocalDate) rad.get("startdatum"), (java.math.BigDecimal) rad.get("manadskostnad"));
      }
    }
  }
}
