package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkan.avhoppare.support.Browser.bodyText;
import static se.samverkan.avhoppare.support.Browser.lookBriefly;
import static se.samverkan.avhoppare.support.Browser.pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.avhoppare.arende.ArendeTestCases;
import se.samverkan.avhoppare.support.Browser;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * Every form of both processes, filled in the real Tasklist in Chromium by the people whose task it
 * is: a Stockholm caseworker, a Stockholm manager and a Malmö caseworker work one case from intake
 * to its final follow-up. Dates are typed the Swedish way ({@code 2026-12-04}) in a browser that asks
 * for English; a required field left empty meets a Swedish message and is then corrected; the case
 * reference shows on the task card and in the form's header; the plan's dynamic list gets a second
 * row. Timers (reminder, follow-up, the agreement version's end, the planned end) are fired through
 * the {@link ManagementService}; nothing else is done past the browser for this case. Two earlier
 * accepted cases (set up through the engine) put Stockholm and Malmö at their quota, so the manager's
 * quota exception is asked for.
 *
 * <p>Screenshots of every form go to {@code target/tasklist-screenshots/}.
 */
@BrowserTest
class TasklistFormsBrowserIT {

  static final Path SCREENSHOTS = Paths.get("target", "tasklist-screenshots");
  static final Duration WAIT = Duration.ofSeconds(45);
  static final Duration APP_LOAD = Duration.ofSeconds(120);
  static final String FILTER_GRUPP = "Min grupps uppgifter";
  /**
   * The date typed into every date field: today, as the engine counts days. A fixed date broke the day
   * after it was written: the §12 notice may not be dated before the day the request was accepted.
   */
  static final String DAG = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();

  @DynamicPropertySource
  static void isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry) {
    BrowserTest.Application.isolatedDatabaseAndRandomAdmin(registry, "tasklist-forms");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine processEngine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final List<String> createdUsers = new ArrayList<>();
  private final Browser chrome = new Browser("tasklist-forms-profile-", SCREENSHOTS, WAIT)
      .windowSize("1400,1100").language("en-US", "en-US,en").pageLoadTimeout(APP_LOAD);
  private final Set<String> formsDriven = new LinkedHashSet<>();
  private int shot;

  @AfterEach
  void cleanUp() {
    chrome.close();
    createdUsers.forEach(identityService::deleteUser);
    System.out.println("Forms driven in Tasklist (" + formsDriven.size() + "): " + formsDriven);
  }

  @Test
  void everyFormOfBothProcessesIsCompletedInTasklist() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    // two accepted cases Stockholm -> Malmö: the next one is past the quota (2/2) and needs the manager
    ArendeTestCases.accepteratStockholmsArende(processEngine, "malmo");
    ArendeTestCases.accepteratStockholmsArende(processEngine, "malmo");

    WebDriver sthlm = logIn(user("handlaggare.sthlm.formular", "stockholm-handlaggare"));
    WebDriver chef = logIn(user("chef.sthlm.formular", "stockholm-chef"));
    WebDriver malmo = logIn(user("handlaggare.malmo.formular", "malmo-handlaggare"));

    // --- the migration banner is not shown to caseworkers
    assertThat(sthlm.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
        .as("the Camunda 8 migration banner is hidden in Tasklist").isTrue();

    // --- intake: the start form, with a Swedish validation message met and corrected
    String referens = startCase(sthlm);
    ProcessInstance arende = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referens)
        .processDefinitionKey("arende").singleResult();
    assertThat(arende).as("the case %s started from Tasklist", referens).isNotNull();
    String pi = arende.getId();
    assertThat(jdbc.queryForObject("select startdatum from arende where referens = ?", java.sql.Date.class, referens))
        .as("the typed start date, stored as that very day").hasToString(DAG);

    // --- home municipality, up to the request
    Form f = open(sthlm, referens, "Utred tillhörighet", pi, "UserTask_Tillhorighetsutredning", "tillhorighetsutredning");
    // routes the service refuses to users (RouteAllowlist) are not offered: no comment, no new task, no date or group editing
    for (String refused : List.of("a.createCommentLink", "a:has(> .glyphicon-paperclip)", ".followup-date a", ".due-date a",
        ".reset-follow-up-date", ".reset-due-date")) {
      assertThat(sthlm.findElements(By.cssSelector(refused)).stream().noneMatch(WebElement::isDisplayed))
          .as("Tasklist does not offer " + refused).isTrue();
    }
    assertThat(bodyText(sthlm)).doesNotContain("Lägg till kommentar").doesNotContain("Skapa uppgift");
    f.radio("Tillhörighet", "Personen tillhör vår kommun");
    f.text("Motivering", "Folkbokförd i Stockholm sedan 2019");
    f.complete();

    f = open(sthlm, referens, "Bekräfta polisens rekommendation", pi, "UserTask_BekraftaPolisensRad", "polisens-rad");
    f.checkbox("Jag har tagit del av polisens rekommendation");
    f.complete();

    f = open(sthlm, referens, "Välj mottagande kommun", pi, "UserTask_ValjMottagandeKommun", "val-av-mottagande-kommun");
    f.select("Mottagande kommun", "Malmö");
    f.complete();

    f = open(chef, referens, "Pröva undantag från kvoten", pi, "UserTask_GodkannUndantag", "kvotundantag");
    f.radio("Beslut", "Godkänn undantag");
    f.text("Motivering", "Särskilda skäl: hotbilden mot personen i Stockholm");
    f.complete();

    // police consultations: home advises against; a reminder of the receiving side's first
    f = open(sthlm, referens, "Samråd med polisen i hemkommunen", pi, "UserTask_SamradPolisHem", "samrad-polis");
    samrad(f, "Polisen avråder");
    // a consultation dated tomorrow: the server's Swedish refusal, the task stays open with what was entered
    f.date("Datum för samrådet", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).plusDays(1).toString());
    f.completeRefused("kan inte ligga i framtiden");
    assertThat(f.input("Polisenhet", 0).getAttribute("value")).isEqualTo("Polisregion Stockholm, LPO Järva");
    f.date("Datum för samrådet", DAG);
    f.complete();

    fireTimer(pi, "BoundaryEvent_SamradMottagandePaminnelse");
    f = open(chef, referens, "Påminnelse: samråd i mottagande kommun", pi, "UserTask_PaminnelseSamradMottagande", "paminnelse");
    f.checkbox("Jag har följt upp påminnelsen");
    f.complete();

    f = open(sthlm, referens, "Samråd med polisen i mottagande kommun", pi, "UserTask_SamradPolisMottagande", "samrad-polis");
    samrad(f, "Polisen stödjer förflyttningen");
    f.complete();

    f = open(sthlm, referens, "Polisen avråder – välj fortsättning", pi, "UserTask_SamradAvrader", "fortsattning");
    f.radio("Fortsättning", "Välj en annan mottagande kommun");
    f.text("Motivering", "Polisen avråder från den första placeringen");
    f.complete();

    f = open(sthlm, referens, "Välj mottagande kommun", pi, "UserTask_ValjMottagandeKommun", "val-av-mottagande-kommun");
    f.select("Mottagande kommun", "Malmö");
    f.complete();
    f = open(chef, referens, "Pröva undantag från kvoten", pi, "UserTask_GodkannUndantag", "kvotundantag");
    f.radio("Beslut", "Godkänn undantag");
    f.text("Motivering", "Malmö har ny kapacitet");
    f.complete();
    f = open(sthlm, referens, "Samråd med polisen i hemkommunen", pi, "UserTask_SamradPolisHem", "samrad-polis");
    samrad(f, "Polisen stödjer förflyttningen", "Hög (Bops leder)");
    f.complete();
    f = open(sthlm, referens, "Samråd med polisen i mottagande kommun", pi, "UserTask_SamradPolisMottagande", "samrad-polis");
    samrad(f, "Polisen stödjer förflyttningen");
    f.complete();

    // high threat at home: the police lead the protection, recorded before the request is sent
    f = open(sthlm, referens, "Registrera polisens personsäkerhetsarbete", pi, "UserTask_Polisskydd", "polisskydd");
    f.text("Polisenhet som leder personsäkerhetsarbetet", "Bops, Polisregion Stockholm");
    f.text("Kontaktperson hos polisen", "Personsäkerhetssamordnare");
    f.date("Datum för samordningen med polisen", DAG);
    f.checkbox("Polisen leder skyddet och det är samordnat med socialtjänsten");
    f.complete();

    // --- receiving municipality answers; its task shows the process name and diagram (READ on uppdrag)
    String uppdrag = waitForInstance("uppdrag", referens);
    f = open(malmo, referens, "Besvara uppdragsförfrågan", uppdrag, "UserTask_BesvaraForfragan", "besvara-forfragan");
    assertThat(bodyText(malmo)).contains("Uppdrag i mottagande kommun");
    chrome.waitVisible(malmo, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Diagram']")).click();
    chrome.waitVisible(malmo, By.cssSelector(".djs-container svg"));
    chrome.waitFor(malmo, x -> !x.findElements(By.xpath("//*[contains(@class,'djs-element')][@data-element-id='UserTask_BesvaraForfragan']"))
        .isEmpty(), "the uppdrag diagram, with the task's own step, for Malmö");
    assertThat(bodyText(malmo)).doesNotContain("Det finns inget diagram");
    chrome.screenshot(malmo, String.format("%02d-uppdrag-diagram-malmo", ++shot));
    chrome.waitVisible(malmo, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Formulär']")).click();
    f.radio("Svar", "Vi accepterar uppdraget");
    f.complete();

    f = open(sthlm, referens, "Upprätta uppdragsbeskrivning", pi, "UserTask_Uppdragsbeskrivning", "uppdragsbeskrivning");
    f.text("Mål med uppdraget", "Etablering i ny kommun och stöd att lämna kriminaliteten");
    f.option("Efterfrågade insatser", "Kontaktperson");
    f.option("Efterfrågade insatser", "Kriminalitet som livsstil");
    f.date("Uppdraget börjar", DAG);
    f.date("Uppdraget slutar", "2027-06-30");
    f.select("Uppföljningsintervall", "Varannan månad");
    f.text("Kontaktperson i hemkommunen", "Handläggare Stockholm");
    f.text("Kontaktperson i mottagande kommun", "Handläggare Malmö");
    f.checkbox("Tillfälligt boende ordnas och bekostas av hemkommunen (§5)");
    f.complete();

    f = open(sthlm, referens, "Besluta om insatser", pi, "UserTask_BeslutOmInsatser", "beslut-om-insatser");
    f.date("Beslutsdatum", DAG);
    f.option("Beslutade insatser", "Kontaktperson");
    f.option("Beslutade insatser", "Kriminalitet som livsstil");
    f.text("Beslutsfattare", "Enhetschef Stockholm");
    f.checkbox("Beslutet har föregåtts av samråd med mottagande kommun");
    f.complete();

    // --- the plan: a dynamic list, touched, extended by one row, completed (the bug this test guards)
    f = open(malmo, referens, "Upprätta genomförandeplan", uppdrag, "UserTask_Genomforandeplan", "genomforandeplan");
    f.select("Insats", 0, "Kontaktperson");
    f.text("Utförare (enhet)", 0, "Malmö stad, Kontaktpersonsenheten");
    f.date("Startdatum", 0, DAG);
    f.text("Beräknad månadskostnad (kr)", 0, "4500");
    f.addRow();
    f.select("Insats", 1, "Kriminalitet som livsstil");
    f.text("Utförare (enhet)", 1, "Malmö stad, Avhopparverksamheten");
    f.date("Startdatum", 1, DAG);
    f.text("Beräknad månadskostnad (kr)", 1, "12000");
    f.complete();
    assertThat(jdbc.queryForList("select insats || ' ' || startdatum || ' ' || cast(manadskostnad as int) from plan_post"
        + " where arende = ? order by id", String.class, referens))
        .as("both rows of the plan, with the dates as typed")
        .containsExactly("KONTAKTPERSON " + DAG + " 4500", "KRIMINALITET_SOM_LIVSSTIL " + DAG + " 12000");

    // --- implementation: a follow-up round
    fireTimer(pi, "CatchEvent_Uppfoljningstid");
    f = open(malmo, referens, "Rapportera inför uppföljning", uppdrag, "UserTask_RapportUppfoljning", "rapport-uppfoljning");
    f.radio("Deltar personen i insatserna?", "Ja");
    f.text("Rapport om insatserna", "Personen deltar i samtal varje vecka");
    f.complete();

    f = open(sthlm, referens, "Genomför uppföljning", pi, "UserTask_Uppfoljning", "uppfoljning");
    f.date("Datum för uppföljningen", DAG);
    f.text("Bedömning", "Insatserna fungerar; fortsätt enligt plan");
    f.checkbox("Registerslagning hos polisen har begärts");
    f.radio("Polisens svar på registerslagningen", "Inga nya uppgifter");
    f.complete();

    // --- events: children (home), notice (receiving)
    f = open(sthlm, referens, "Anmäl händelse i uppdraget", pi, "UserTask_HandelseHem", "handelse-hem");
    f.radio("Händelse", "Barn har kommit in i bilden (§4)");
    f.text("Beskrivning", "Personen har fått vårdnad om ett barn");
    f.complete();

    f = open(sthlm, referens, "Klarlägg ansvaret för barn", pi, "UserTask_BarnHem", "barn-i-bilden");
    f.text("Hur ansvaret har klarlagts", "Samtal med socialtjänsten i Malmö");
    f.checkbox("Den andra kommunen är kontaktad");
    f.complete();
    f = open(malmo, referens, "Klarlägg ansvaret för barn", uppdrag, "UserTask_BarnFranHem", "barn-i-bilden");
    f.text("Hur ansvaret har klarlagts", "Samtal med socialtjänsten i Stockholm");
    f.checkbox("Den andra kommunen är kontaktad");
    f.complete();

    f = open(malmo, referens, "Anmäl händelse i uppdraget", uppdrag, "UserTask_HandelseMottagande", "handelse-mottagande");
    f.radio("Händelse", "Uppsägning av uppdraget (§12)");
    f.radio("Skäl för uppsägningen", "Personen kan inte förmås att medverka i insatserna");
    f.date("Datum då uppsägningen skickades", DAG);
    f.date("Datum då den andra kommunen tog emot uppsägningen", DAG);
    f.text("Uppsagt av (befattning)", "Enhetschef Malmö");
    f.complete();

    f = open(sthlm, referens, "Ta del av uppsägningen", pi, "UserTask_UppsagningMottagenHem", "uppsagning-mottagen");
    f.checkbox("Jag har tagit del av uppsägningen");
    f.complete();

    // --- the agreement version ends: the manager decides; then the planned end: the final follow-up
    fireTimer(pi, "CatchEvent_Avtalsslut");
    f = open(chef, referens, "Besluta om uppdraget när avtalet upphör", pi, "UserTask_BeslutAvtalsslut", "beslut-avtalsslut");
    f.radio("Beslut", "Uppdraget fullföljs enligt avtalets villkor");
    f.text("Motivering", "Uppdraget fullföljs enligt avtalets villkor");
    f.complete();

    fireTimer(pi, "BoundaryEvent_PlaneratSlut");
    f = open(sthlm, referens, "Genomför slutuppföljning", pi, "UserTask_Slutuppfoljning", "slutuppfoljning");
    f.date("Datum för slutuppföljningen", DAG);
    f.radio("Utfall", "Målen är delvis uppnådda");
    f.text("Bedömning", "Personen har etablerat sig men behöver fortsatt stöd");
    f.complete();

    // the final follow-up ends the case on both sides
    chrome.waitFor(sthlm, x -> historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(pi, uppdrag))
        .finished().count() == 2, "both instances of " + referens + " to end after the final follow-up");

    assertThat(formsDriven).containsExactlyInAnyOrder("aktualisering", "polisskydd", "tillhorighetsutredning", "polisens-rad",
        "val-av-mottagande-kommun", "kvotundantag", "samrad-polis", "paminnelse", "fortsattning", "besvara-forfragan",
        "uppdragsbeskrivning", "beslut-om-insatser", "genomforandeplan", "rapport-uppfoljning", "uppfoljning",
        "handelse-hem", "barn-i-bilden", "handelse-mottagande", "uppsagning-mottagen", "beslut-avtalsslut",
        "slutuppfoljning");
  }

  // --- the start form

  private String startCase(WebDriver d) {
    chrome.waitVisible(d, By.xpath("//a[normalize-space(.)='Starta process']")).click();
    chrome.waitVisible(d, By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='Ärende i hemkommunen']")).click();
    Form f = new Form(d, "aktualisering");
    chrome.waitVisible(d, f.groupLabelled("Ansvarig nämnd"));
    f.select("Ansvarig nämnd", "Stockholm – Järva stadsdelsnämnd");
    f.radio("Målgrupp", "Avhoppare");
    f.radio("Kriminellt sammanhang", "Ingår i en kriminell grupp");
    f.radio("Hotbild", "Latent");
    f.checkbox("Personen är motiverad till förändring");
    f.checkbox("Personen har samtyckt till informationsutbyte mellan kommunerna och med polisen (§7)");
    // a consent date in the future: the server refuses it (below), the form keeps everything entered
    String imorgon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
    f.date("Datum för samtycke", imorgon);
    f.screenshot("ofullstandig");
    // the start date left empty: form-js refuses in Swedish, naming nothing but the field it sits under
    WebElement start = startButton(d);
    start.click();
    chrome.waitFor(d, x -> f.errorsUnder("Startdatum").contains("Fältet måste fyllas i."),
        "the Swedish message \"Fältet måste fyllas i.\" under Startdatum");
    assertThat(bodyText(d)).doesNotContain("Field is required");
    f.screenshot("valideringsmeddelande");
    // the date picker's calendar is Swedish too: weeks start on Monday
    WebElement startInput = f.dateInput("Startdatum");
    f.click(startInput);
    chrome.waitFor(d, x -> x.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")).stream()
        .map(WebElement::getText).map(String::trim).filter(t -> !t.isEmpty()).findFirst().orElse("").equals("mån"),
        "the calendar's first weekday \"mån\"");
    assertThat(d.findElement(By.cssSelector(".flatpickr-calendar.open")).getText()).doesNotContain("Mon").doesNotContain("Sun");
    f.screenshot("kalender");
    f.date("Startdatum", DAG);
    chrome.waitFor(d, x -> f.errorsUnder("Startdatum").isEmpty(), "the message under Startdatum to go once the date is typed");
    assertThat(f.dateInput("Startdatum").getAttribute("value")).isEqualTo(DAG);
    f.screenshot("ifylld");
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count();
    chrome.waitFor(d, x -> startButton(x).isEnabled(), "\"Starta\" to be enabled");
    startButton(d).click();
    // the server's Swedish refusal, without the engine's English wrapping
    chrome.waitFor(d, x -> notices(x).contains("kan inte ligga i framtiden"), "the server's refusal of the consent date");
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("arende")
        .withoutTenantId().latestVersion().singleResult().getId();
    assertThat(notices(d)).contains("Det gick inte att starta processen").contains("Datum för samtycke")
        .doesNotContain("Cannot").doesNotContain("instantiate").doesNotContain(definition)
        .doesNotContain(definition.substring(definition.lastIndexOf(':') + 1));
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block:'center'})",
        d.findElement(By.cssSelector(".notifications .alert")));
    f.screenshot("serverns-besked");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count()).isEqualTo(before);
    assertThat(f.dateInput("Startdatum").getAttribute("value")).as("nothing entered is lost").isEqualTo(DAG);
    d.findElements(By.cssSelector(".notifications .close")).stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
    f.date("Datum för samtycke", DAG);
    chrome.waitFor(d, x -> startButton(x).isEnabled(), "\"Starta\" to be enabled");
    startButton(d).click();
    chrome.waitFor(d, x -> historyService.createHistoricProcessInstanceQuery().processDefinitionKey("arende").count() == before + 1,
        "the case to be started");
    formsDriven.add("aktualisering");
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("arende")
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0).getBusinessKey();
  }

  /** The text of Tasklist's notices (errors of a completion or a start). */
  private static String notices(WebDriver d) {
    return d.findElements(By.cssSelector(".notifications .alert")).stream().filter(WebElement::isDisplayed)
        .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
  }

  private WebElement startButton(WebDriver d) {
    return chrome.waitVisible(d, By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Starta']"));
  }

  private static void samrad(Form f, String utfall) {
    samrad(f, utfall, "Medel");
  }

  private static void samrad(Form f, String utfall, String risk) {
    f.date("Datum för samrådet", DAG);
    f.text("Polisenhet", "Polisregion Stockholm, LPO Järva");
    f.text("Kontaktperson hos polisen", "Kommissarie K");
    f.radio("Hot- och riskbedömning", risk);
    f.radio("Polisens ställningstagande", utfall);
  }

  // --- tasks

  /** Opens the task from the group filter's card (which must show the reference), claims it, checks the header. */
  private Form open(WebDriver d, String referens, String taskName, String processInstanceId, String taskKey, String formKey) {
    Task task = waitForTask(processInstanceId, taskKey);
    // the card of exactly this task (Tasklist refreshes the list meanwhile: look again until it holds still)
    By card = By.xpath("//li[contains(@class,'task')][.//a[contains(@href,'task=" + task.getId() + "')]]");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        List<WebElement> cards = d.findElements(card);
        if (!cards.isEmpty() && cards.get(0).isDisplayed() && cards.get(0).getText().contains(referens)) {
          String text = cards.get(0).getText();
          assertThat(text).as("the task card shows the task and the case reference").contains(taskName).contains("Ärende " + referens);
          cards.get(0).findElement(By.xpath(".//a[contains(@href,'task=" + task.getId() + "')]")).click();
          break;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        continue;
      }
      if (System.nanoTime() > deadline) {
        throw chrome.timedOut(d, "a task card \"" + taskName + "\" showing " + referens + " in \"" + FILTER_GRUPP + "\"");
      }
      // Tasklist shows a new task once the list is asked for again: ask, then look for the card a while
      chrome.waitVisible(d, By.xpath("//a[contains(normalize-space(.),'" + FILTER_GRUPP + "')]")).click();
      lookBriefly(Duration.ofSeconds(3), () -> !d.findElements(card).isEmpty());
    }
    chrome.waitFor(d, x -> x.getCurrentUrl().contains(task.getId()), "the task " + taskName + " to open");
    // every task here is a group task: the caseworker takes it ("Ta uppgiften") before the form opens for input
    chrome.waitVisible(d, By.cssSelector("button.claim")).click();
    chrome.waitFor(d, x -> x.findElements(By.cssSelector("button.claim")).isEmpty()
        && taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null,
        "the task " + taskName + " to be claimed");
    chrome.waitFor(d, x -> x.findElements(By.cssSelector(".disabled-form")).stream().noneMatch(WebElement::isDisplayed),
        "the form of " + taskName + " to be enabled after claiming");
    Form form = new Form(d, formKey);
    form.taskId = task.getId();
    chrome.waitFor(d, x -> formText(x).contains("ärende " + referens), "the form header of " + taskName + " to name " + referens);
    assertThat(bodyText(d)).doesNotContain("Det finns inget diagram");
    return form;
  }

  private Task waitForTask(String processInstanceId, String taskKey) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No task " + taskKey + " in " + processInstanceId + "; waiting: "
            + taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream().map(Task::getTaskDefinitionKey).toList());
      }
      pause(Duration.ofMillis(300));
    }
  }

  private String waitForInstance(String key, String referens) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
          .processInstanceBusinessKey(referens).active().singleResult();
      if (p != null) {
        return p.getId();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No " + key + " instance for " + referens);
      }
      pause(Duration.ofMillis(300));
    }
  }

  /** Runs a waiting timer now, as the job executor would when it is due. */
  private void fireTimer(String processInstanceId, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(job).as("timer %s waiting", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  // --- the form-js form of the open task

  final class Form {
    final WebDriver d;
    final String key;
    String taskId;

    Form(WebDriver d, String key) {
      this.d = d;
      this.key = key;
    }

    /** The form-js fields whose own label reads {@code label} (their containers). */
    By groupLabelled(String label) {
      String own = "label[normalize-space(text())='" + label + "']";
      return By.xpath("//div[contains(@class,'fjs-form-field ')][./" + own + " or ./div/" + own + " or ./div/div/" + own + "]");
    }

    private WebElement group(String label, int index) {
      By by = groupLabelled(label);
      chrome.waitFor(d, x -> x.findElements(by).size() > index, "field \"" + label + "\" #" + (index + 1));
      return d.findElements(by).get(index);
    }

    WebElement input(String label, int index) {
      WebElement g = group(label, index);
      return g.findElement(By.cssSelector("input.fjs-input, textarea.fjs-textarea, textarea"));
    }

    void text(String label, String value) {
      text(label, 0, value);
    }

    void text(String label, int index, String value) {
      WebElement in = input(label, index);
      scroll(in);
      click(in);
      in.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
      blur(in);
      chrome.waitFor(d, x -> value.equals(in.getAttribute("value")), "\"" + label + "\" to read " + value);
    }

    WebElement dateInput(String label) {
      return group(label, 0).findElement(By.cssSelector("input.fjs-input"));
    }

    void date(String label, String value) {
      date(label, 0, value);
    }

    /** Types the date as a Swede writes it; it must stay exactly that in the field. */
    void date(String label, int index, String value) {
      WebElement in = group(label, index).findElement(By.cssSelector("input.fjs-input"));
      scroll(in);
      assertThat(in.getAttribute("placeholder")).as("placeholder of " + label).isEqualTo("ÅÅÅÅ-MM-DD");
      click(in);
      in.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value);
      blur(in);
      // a click outside closes the date picker (Escape would close Tasklist's start dialog too)
      WebElement neutral = d.findElement(By.cssSelector(".fjs-form-field-text, .fjs-form-field-label"));
      scroll(neutral);
      click(neutral);
      settle();
      chrome.waitFor(d, x -> value.equals(in.getAttribute("value")), "the date \"" + label + "\" to read " + value);
    }

    void radio(String label, String option) {
      option(label, option);
    }

    /** Ticks a radio or checklist option by its label. */
    void option(String label, String option) {
      WebElement g = group(label, 0);
      WebElement o = g.findElement(By.xpath(".//label[normalize-space(.)='" + option + "']"));
      scroll(o);
      WebElement in = o.findElement(By.tagName("input"));
      click(o);
      chrome.waitFor(d, x -> in.isSelected(), "\"" + option + "\" in \"" + label + "\" to be chosen");
      settle();
    }

    void checkbox(String label) {
      WebElement g = group(label, 0);
      WebElement in = g.findElement(By.cssSelector("input[type='checkbox']"));
      scroll(in);
      if (!in.isSelected()) {
        click(g.findElement(By.tagName("label")));
      }
      chrome.waitFor(d, x -> in.isSelected(), "\"" + label + "\" to be ticked");
      settle();
    }

    void select(String label, String option) {
      select(label, 0, option);
    }

    void select(String label, int index, String option) {
      WebElement g = group(label, index);
      WebElement display = g.findElement(By.cssSelector(".fjs-input-group"));
      scroll(display);
      By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (g.findElements(item).stream().noneMatch(WebElement::isDisplayed)) {
        if (System.nanoTime() > deadline) {
          throw chrome.timedOut(d, "the option \"" + option + "\" of \"" + label + "\" #" + (index + 1));
        }
        // the list opens on a click into the field (a click while it is open closes it again)
        click(display);
        lookBriefly(Duration.ofSeconds(1), () -> g.findElements(item).stream().anyMatch(WebElement::isDisplayed));
      }
      click(g.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow());
      chrome.waitFor(d, x -> option.equals(g.findElement(By.cssSelector(".fjs-select-display")).getText().trim()),
          "\"" + option + "\" to be chosen in \"" + label + "\"");
      settle();
    }

    /** The dynamic list's button, in Swedish. */
    void addRow() {
      WebElement add = chrome.waitVisible(d, By.xpath("//button[contains(@class,'fjs-repeat-render-add')][normalize-space(.)='Lägg till']"));
      scroll(add);
      click(add);
      settle();
    }

    /** Completes, expecting the server to refuse with {@code message}: shown as sent, the task still open. */
    void completeRefused(String message) {
      WebElement complete = chrome.waitVisible(d, By.xpath("//div[contains(@class,'form-actions')]//button"
          + "[contains(@class,'btn-primary') and normalize-space(.)='Slutför']"));
      chrome.waitFor(d, x -> complete.isEnabled(), "\"Slutför\" to be enabled in " + key);
      scroll(complete);
      click(complete);
      chrome.waitFor(d, x -> notices(x).contains(message), "the server's refusal \"" + message + "\"");
      assertThat(notices(d)).contains("Ett fel uppstod när formuläret skulle skickas")
          .doesNotContain("Cannot").doesNotContain("submit").doesNotContain(taskId);
      screenshot("serverns-besked");
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the refused task stays open").isEqualTo(1);
      d.findElements(By.cssSelector(".notifications .close")).stream().filter(WebElement::isDisplayed).forEach(this::click);
    }

    String errorsUnder(String label) {
      return group(label, 0).findElements(By.cssSelector(".fjs-form-field-error")).stream()
          .map(WebElement::getText).reduce("", String::concat).trim();
    }

    void complete() {
      screenshot("ifylld");
      WebElement complete = chrome.waitVisible(d, By.xpath("//div[contains(@class,'form-actions')]//button"
          + "[contains(@class,'btn-primary') and normalize-space(.)='Slutför']"));
      chrome.waitFor(d, x -> complete.isEnabled(), "\"Slutför\" to be enabled in " + key);
      assertThat(formText(d)).doesNotContain("Field is required").doesNotContain("Select").doesNotContain("Add new");
      scroll(complete);
      click(complete);
      chrome.waitFor(d, x -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1,
          "the task of form " + key + " to be completed in the engine");
      assertThat(bodyText(d)).doesNotContain("Ett fel uppstod");
      formsDriven.add(key);
    }

    void screenshot(String what) {
      chrome.screenshot(d, String.format("%02d-%s-%s", ++shot, key, what));
    }

    /** Clicks, waiting out a moment when something (a closing picker, an overlay) is still in the way. */
    void click(WebElement e) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        try {
          e.click();
          return;
        } catch (org.openqa.selenium.ElementNotInteractableException ex) {
          if (System.nanoTime() > deadline) {
            throw ex;
          }
          pause(Duration.ofMillis(300));
        }
      }
    }

    /** Leaves the field as a user would: form-js commits the value and runs its checks on blur. */
    private void blur(WebElement e) {
      ((JavascriptExecutor) d).executeScript("arguments[0].blur()", e);
      settle();
    }

    private void scroll(WebElement e) {
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    }
  }

  /**
   * Lets the form render a change before the next field is looked for. Typed text needs no longer: form-js
   * debounces it while typing but commits it when the field loses focus (its text field and text area flush
   * on blur, and {@link Form#blur} blurs), and choices are committed on the click itself.
   */
  private static void settle() {
    pause(Duration.ofMillis(100));
  }

  // --- browsers

  private String[] user(String id, String group) {
    String password = TestAccounts.randomPassword();
    var u = identityService.newUser(id);
    u.setFirstName("Test");
    u.setLastName(group);
    u.setPassword(password);
    identityService.saveUser(u);
    createdUsers.add(id);
    identityService.createMembership(id, group);
    return new String[] {id, password};
  }

  private WebDriver logIn(String[] credentials) {
    WebDriver d = chrome.open();
    d.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    chrome.submitLogin(d, credentials[0], credentials[1], APP_LOAD);
    chrome.waitFor(d, x -> bodyText(x).contains(FILTER_GRUPP), credentials[0] + "'s Tasklist");
    return d;
  }

  private static String formText(WebDriver d) {
    List<WebElement> forms = d.findElements(By.cssSelector(".fjs-container"));
    return forms.isEmpty() ? "" : forms.get(0).getText();
  }

}
