package se.samverkan.avhoppare.arende;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.Insats;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;
import se.samverkan.avhoppare.uppdrag.UppdragProcess;

/**
 * Server-side check of every task completion, whatever the form checked (also through
 * /engine-rest): a missing or wrong value refuses the completion with a Swedish message naming the
 * field, and the task stays open with what was entered. An accepted form is written to our tables
 * and only the routing facts stay as process variables.
 */
@Component("uppgiftsvalidering")
public class Uppgiftsvalidering implements TaskListener {

  static final Set<String> KATALOG = Arrays.stream(Insats.values()).map(Enum::name).collect(Collectors.toSet());

  private final ArendeRepository repository;
  private final Aktualisering aktualisering;
  private final Organisation organisation;
  private final AvtalRegister avtal;
  private final Genomforandevalidering genomforande;
  private final Polisskydd polisskydd;

  public Uppgiftsvalidering(ArendeRepository repository, Aktualisering aktualisering, Organisation organisation,
      AvtalRegister avtal, Genomforandevalidering genomforande, Polisskydd polisskydd) {
    this.polisskydd = polisskydd;
    this.genomforande = genomforande;
    this.repository = repository;
    this.aktualisering = aktualisering;
    this.organisation = organisation;
    this.avtal = avtal;
  }

  @Override
  public void notify(DelegateTask task) {
    // the case is the instance's business key: a variable could be overwritten by any submission
    String referens = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case ArendeProcess.TASK_TA_EMOT_OVERLAMNAT -> {
        String ny = aktualisering.registrera(task, task.getTenantId(), (String) task.getVariable(ArendeProcess.VAR_OVERLAMNAT_FRAN),
            task.getProcessInstanceId());
        task.getExecution().setProcessBusinessKey(ny);
      }
      case ArendeProcess.TASK_TILLHORIGHET -> tillhorighet(task, referens);
      case ArendeProcess.TASK_POLISENS_RAD -> {
        Formular f = new Formular(task);
        f.bekraftad("polisensRadBekraftad", "Fältet 'Jag har tagit del av polisens rekommendation' måste kryssas i för att gå vidare.");
        f.kontrollera();
        repository.polisensRadBekraftat(referens);
        task.removeVariable("polisensRadBekraftad");
      }
      case ArendeProcess.TASK_VALJ_KOMMUN -> valjKommun(task, referens);
      case ArendeProcess.TASK_KVOTUNDANTAG -> {
        Formular f = new Formular(task);
        String beslut = f.enAv("undantagBeslut", "Beslut", List.of("GODKANN", "AVSLA"));
        String motivering = f.text("undantagMotivering", "Motivering", 2000);
        f.kontrollera();
        repository.kvotundantag(referens, beslut, motivering);
        task.removeVariables(List.of("undantagBeslut", "undantagMotivering"));
        task.setVariable(ArendeProcess.VAR_UNDANTAG_GODKANT, "GODKANN".equals(beslut));
      }
      case ArendeProcess.TASK_SAMRAD_HEM -> samrad(task, referens, "HEMKOMMUN", task.getTenantId(),
          ArendeProcess.VAR_SAMRAD_HEM_STODJER);
      case ArendeProcess.TASK_SAMRAD_MOTTAGANDE -> samrad(task, referens, "MOTTAGANDE_KOMMUN",
          repository.hamta(referens).mottagandeKommun(), ArendeProcess.VAR_SAMRAD_MOTTAGANDE_STODJER);
      case ArendeProcess.TASK_PAMINNELSE_HEM, ArendeProcess.TASK_PAMINNELSE_MOTTAGANDE, ArendeProcess.TASK_PAMINN_SVAR -> {
        Formular f = new Formular(task);
        f.bekraftad("paminnelseHanterad", "Fältet 'Jag har följt upp påminnelsen' måste kryssas i.");
        f.kontrollera();
        task.removeVariable("paminnelseHanterad");
      }
      case ArendeProcess.TASK_SAMRAD_AVRADER, ArendeProcess.TASK_FORFRAGAN_AVBOJD -> {
        Formular f = new Formular(task);
        String val = f.enAv(ArendeProcess.VAR_FORTSATTNING, "Fortsättning", List.of("ANNAN_KOMMUN", "AVSLUTA"));
        String motivering = f.text("fortsattningMotivering", "Motivering", 2000);
        f.kontrollera();
        task.removeVariable("fortsattningMotivering");
        if ("AVSLUTA".equals(val)) {
          task.setVariable(ArendeProcess.VAR_AVSLUTSORSAK, motivering);
        }
      }
      case ArendeProcess.TASK_UPPDRAGSBESKRIVNING -> uppdragsbeskrivning(task, referens);
      case ArendeProcess.TASK_BESLUT -> beslut(task, referens);
      case UppdragProcess.TASK_BESVARA -> {
        Formular f = new Formular(task);
        String svar = f.enAv(UppdragProcess.VAR_SVAR, "Svar", List.of("ACCEPTERAR", "AVBOJER"));
        String motivering = "AVBOJER".equals(svar) ? f.text("svarMotivering", "Motivering", 2000)
            : f.valfriText("svarMotivering", "Motivering", 2000);
        f.kontrollera();
        repository.uppdragSvar(task.getProcessInstanceId(), svar, motivering);
        task.removeVariable("svarMotivering");
      }
      case UppdragProcess.TASK_GENOMFORANDEPLAN -> genomforandeplan(task, referens);
      case ArendeProcess.TASK_POLISSKYDD -> polisskydd.kontrollera(task, referens);
      default -> {
        if (!genomforande.kontrollera(task, referens)) {
          throw new IllegalStateException("no server-side check for task " + task.getTaskDefinitionKey());
        }
      }
    }
  }

  private void tillhorighet(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    String utfall = f.enAv(ArendeProcess.VAR_TILLHORIGHET, "Tillhörighet", List.of("HEMKOMMUNEN", "ANNAN_PARTSKOMMUN", "UTANFOR_AVTALET"));
    String motivering = f.text("tillhorighetMotivering", "Motivering", 2000);
    String hemkommun = task.getTenantId();
    String till = null;
    if ("ANNAN_PARTSKOMMUN".equals(utfall)) {
      till = f.enAv(ArendeProcess.VAR_OVERLAMNAS_TILL, "Kommun som ärendet överlämnas till", andraKommuner(hemkommun));
    }
    f.kontrollera();
    repository.tillhorighet(referens, utfall, motivering, till);
    task.removeVariable("tillhorighetMotivering");
    if (till == null) {
      task.removeVariable(ArendeProcess.VAR_OVERLAMNAS_TILL);
    }
  }

  private void valjKommun(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    String hemkommun = task.getTenantId();
    Avtalsversion version = avtal.version(repository.hamta(referens).avtalsversion()).orElseThrow();
    List<String> tillatna = andraKommuner(hemkommun).stream()
        .filter(k -> organisation.kommun(k).orElseThrow().parter().stream().anyMatch(p -> version.arPart(p.id())))
        .toList();
    String valt = f.enAv(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, "Mottagande kommun",
        organisation.kommuner().stream().map(Kommun::id).toList());
    if (valt != null && valt.equals(hemkommun)) {
      f.avvisa(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, "Fältet 'Mottagande kommun' kan inte vara hemkommunen.");
    } else if (valt != null && !tillatna.contains(valt)) {
      f.avvisa(ArendeProcess.VAR_MOTTAGANDE_KOMMUN, "Fältet 'Mottagande kommun': kommunen är inte part i " + version.namn() + ".");
    }
    f.kontrollera();
    repository.mottagandeKommun(referens, valt);
  }

  private void samrad(DelegateTask task, String referens, String polisI, String kommun, String stodjerVariabel) {
    Formular f = new Formular(task);
    LocalDate datum = f.datum("samradDatum", "Datum för samrådet");
    String enhet = f.text("polisenhet", "Polisenhet", 200);
    String kontakt = f.text("polisKontakt", "Kontaktperson hos polisen", 200);
    String risk = f.enAv("riskniva", "Hot- och riskbedömning", List.of("LAG", "MEDEL", "HOG"));
    String utfall = f.enAv("samradUtfall", "Polisens ställningstagande", List.of("STODJER", "AVRADER"));
    String kommentar = f.valfriText("samradKommentar", "Kommentar", 2000);
    if (datum != null && datum.isAfter(LocalDate.now())) {
      f.avvisa("samradDatum", "Fältet 'Datum för samrådet' kan inte ligga i framtiden.");
    }
    f.kontrollera();
    repository.samrad(referens, polisI, kommun, datum, enhet, kontakt, risk, utfall, kommentar);
    task.removeVariables(List.of("samradDatum", "polisenhet", "polisKontakt", "riskniva", "samradUtfall", "samradKommentar"));
    task.setVariable(stodjerVariabel, "STODJER".equals(utfall));
  }

  private void uppdragsbeskrivning(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    String mal = f.text("mal", "Mål med uppdraget", 4000);
    List<String> insatser = f.lista("efterfragadeInsatser", "Efterfrågade insatser", KATALOG);
    LocalDate start = f.datum("periodStart", "Uppdraget börjar");
    LocalDate slut = f.datum("periodSlut", "Uppdraget slutar");
    String intervall = f.text("uppfoljningsintervall", "Uppföljningsintervall", 32);
    String kontaktHem = f.text("kontaktHemkommun", "Kontaktperson i hemkommunen", 200);
    String kontaktMottagande = f.text("kontaktMottagandeKommun", "Kontaktperson i mottagande kommun", 200);
    f.bekraftad("boendeOrdnasAvHemkommunen",
        "Fältet 'Tillfälligt boende ordnas och bekostas av hemkommunen' måste kryssas i (§5).");
    if (start != null && slut != null && !slut.isAfter(start)) {
      f.avvisa("periodSlut", "Fältet 'Uppdraget slutar' måste vara efter 'Uppdraget börjar'.");
    }
    if (intervall != null && !arPositivPeriod(intervall)) {
      f.avvisa("uppfoljningsintervall", "Fältet 'Uppföljningsintervall' ska vara en period som P1M (en månad) eller P6W (sex veckor).");
    }
    f.kontrollera();
    repository.uppdragsbeskrivning(referens, mal, String.join(",", insatser), start, slut, intervall, kontaktHem, kontaktMottagande);
    task.removeVariables(List.of("mal", "efterfragadeInsatser", "periodStart", "periodSlut", "uppfoljningsintervall",
        "kontaktHemkommun", "kontaktMottagandeKommun", "boendeOrdnasAvHemkommunen"));
  }

  private void beslut(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    LocalDate datum = f.datum("beslutsdatum", "Beslutsdatum");
    List<String> insatser = f.lista("beslutadeInsatser", "Beslutade insatser", KATALOG);
    String beslutsfattare = f.text("beslutsfattare", "Beslutsfattare", 200);
    f.bekraftad("samradMedMottagandeKommun", "Fältet 'Beslutet har föregåtts av samråd med mottagande kommun' måste kryssas i (§5).");
    f.kontrollera();
    repository.beslut(referens, datum, String.join(",", insatser), beslutsfattare);
    repository.status(referens, ArendeRepository.Status.UPPDRAG_BESLUTAT, null);
    task.removeVariables(List.of("beslutsdatum", "beslutadeInsatser", "beslutsfattare", "samradMedMottagandeKommun"));
  }

  private void genomforandeplan(DelegateTask task, String referens) {
    Formular f = new Formular(task);
    String kommun = task.getTenantId();
    record Post(String insats, String utforare, LocalDate start, BigDecimal kostnad) {}
    List<Post> poster = f.rader("planposter", "Insatser i planen", rad -> new Post(
        rad.enAv("insats", "Insats", KATALOG, "insatsen finns inte i förteckningen i §6 (hälso- och sjukvård är regionens, "
            + "boende och försörjning hemkommunens)."),
        rad.text("utforare", "Utförare", 200), rad.datum("startdatum", "Startdatum"), rad.belopp("manadskostnad", "Beräknad månadskostnad")));
    f.kontrollera();
    poster.forEach(p -> repository.planpost(referens, kommun, p.insats(), p.utforare(), p.start(), p.kostnad()));
    task.removeVariable("planposter");
  }

  static boolean arPositivPeriod(String iso) {
    try {
      Period p = Period.parse(iso);
      return !p.isNegative() && !p.isZero();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private List<String> andraKommuner(String hemkommun) {
    return organisation.kommuner().stream().map(Kommun::id).filter(k -> !k.equals(hemkommun)).toList();
  }

  static Map<String, String> kommunnamn(Organisation organisation) {
    return organisation.kommuner().stream().collect(Collectors.toMap(Kommun::id, Kommun::namn));
  }
}
