package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkan.avhoppare.support.Browser.bodyText;
import static se.samverkan.avhoppare.support.Browser.pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.BeforeEach;
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
 * Drives the real Tasklist in Debian's Chromium: a Stockholm caseworker logs in, sees Swedish,
 * claims a task from "Min grupps uppgifter", fills in its Camunda Form and completes it; a Malmö
 * caseworker does not see the task at all. The browser runs with an English language setting on
 * purpose: Swedish must not depend on it.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install -y
 * chromium chromium-driver}); fails without them when {@code CI=true}, is skipped otherwise. Nothing
 * is downloaded: the driver and the browser are given by path, so Selenium Manager never runs.
 * Screenshots of the key steps go to {@code target/browser-screenshots/}.
 */
@BrowserTest
class TasklistBrowserIT {

  static final Path CHROMIUM = Browser.CHROMIUM;
  static final Path CHROMEDRIVER = Browser.CHROMEDRIVER;
  static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
  static final Duration WAIT = Duration.ofSeconds(30);
  /** The first load of a webapp parses several MB of JavaScript: slow on a busy two-core CI machine. */
  static final Duration APP_LOAD = Duration.ofSeconds(90);

  static final String TENANT_STOCKHOLM = "stockholm";
  static final String GROUP_STOCKHOLM = "stockholm-handlaggare";
  static final String GROUP_MALMO = "malmo-handlaggare";
  static final String PROCESS_KEY = "browserTest";
  static final String TASK_NAME = "Granska anmälan";
  static final String FILTER_GRUPP = "Min grupps uppgifter";
  static final String FILTER_MINA = "Mina uppgifter";

  @DynamicPropertySource
  static void isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry) {
    BrowserTest.Application.isolatedDatabaseAndRandomAdmin(registry, "tasklist-browser");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine processEngine;

  private final List<String> createdUsers = new ArrayList<>();
  private final Browser chrome = new Browser("tasklist-browser-profile-", SCREENSHOTS, WAIT)
      .windowSize("1400,1000").language("en-US", "en-US,en");
  private String deploymentId;

  @BeforeEach
  void deployTestProcess() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    deploymentId = repositoryService.createDeployment()
        .name("tasklist-browser-test")
        .tenantId(TENANT_STOCKHOLM)
        .addClasspathResource("browser/tasklist-browser-test.bpmn")
        .addClasspathResource("browser/tasklist-browser-test.form")
        .deploy()
        .getId();
  }

  @AfterEach
  void cleanUp() {
    chrome.close();
    createdUsers.forEach(identityService::deleteUser);
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void stockholmCaseworkerCompletesTaskInSwedishTasklistAndMalmoCannotSeeIt() {
    String stockholmPassword = TestAccounts.randomPassword();
    String stockholm = createCaseworker("handlaggare.stockholm.browser", "Sara", "Stockholmsson", GROUP_STOCKHOLM,
        stockholmPassword);
    String malmoPassword = TestAccounts.randomPassword();
    String malmo = createCaseworker("handlaggare.malmo.browser", "Mats", "Malmqvist", GROUP_MALMO, malmoPassword);

    ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionTenantId(TENANT_STOCKHOLM)
        .execute();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTenantId()).isEqualTo(TENANT_STOCKHOLM);
    assertThat(task.getName()).isEqualTo(TASK_NAME);

    // Malmö first, while the task is open: neither the group filter nor a direct link shows it
    WebDriver malmoBrowser = chrome.open();
    logIn(malmoBrowser, malmo, malmoPassword, "malmo");
    openFilter(malmoBrowser, FILTER_GRUPP);
    // the count comes from the server's filter query as this user, so it is not a stale "no tasks yet"
    chrome.waitFor(malmoBrowser, d -> filterCount(d, FILTER_GRUPP).equals("0") && bodyText(d).contains("Inga uppgifter matchar filtret."),
        "Malmö's group filter to count 0 tasks (\"Inga uppgifter matchar filtret.\")");
    assertThat(bodyText(malmoBrowser)).doesNotContain(TASK_NAME);
    chrome.screenshot(malmoBrowser, "malmo-1-min-grupps-uppgifter-tom");
    malmoBrowser.get(tasklistUrl() + "#/?task=" + task.getId());
    chrome.waitFor(malmoBrowser, d -> bodyText(d).contains("Uppgiften finns inte längre"),
        "the Swedish notice TASK_NOT_EXIST for Malmö's direct link to Stockholm's task");
    chrome.screenshot(malmoBrowser, "malmo-2-direktlank-till-stockholms-uppgift");
    assertThat(bodyText(malmoBrowser)).doesNotContain(TASK_NAME);
    assertThat(malmoBrowser.findElements(By.cssSelector("button.claim"))).isEmpty();
    malmoBrowser.quit();

    // the start page (Welcome), where the root URL leads and where passwords are changed, is Swedish too
    WebDriver browser = chrome.open();
    browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    WebElement welcomeLogin = chrome.waitVisible(browser, By.cssSelector("form button[type='submit']"), APP_LOAD);
    chrome.waitFor(browser, d -> "Logga in".equals(welcomeLogin.getText().trim()), "the Swedish login button on Welcome");
    assertThat(browser.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
        .isEqualTo("Användarnamn");
    assertThat(bodyText(browser)).contains("Välkommen").doesNotContain("Welcome");
    chrome.screenshot(browser, "welcome-inloggning");

    // Stockholm: the login page is Swedish although the browser asks for English
    browser.get(tasklistUrl());
    WebElement username = chrome.waitVisible(browser, By.cssSelector("input[ng-model='username']"), APP_LOAD);
    WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
    WebElement loginButton = browser.findElement(By.cssSelector("form button[type='submit']"));
    assertThat((String) ((JavascriptExecutor) browser).executeScript("return navigator.languages[0]"))
        .as("the test browser must ask for English, to prove Swedish does not depend on it")
        .startsWith("en");
    chrome.waitFor(browser, d -> "Logga in".equals(loginButton.getText().trim()), "the Swedish login button \"Logga in\"");
    assertThat(username.getAttribute("placeholder")).isEqualTo("Användarnamn");
    assertThat(password.getAttribute("placeholder")).isEqualTo("Lösenord");
    chrome.screenshot(browser, "stockholm-1-inloggning");

    username.sendKeys(stockholm);
    password.sendKeys(stockholmPassword);
    loginButton.click();

    // the filters the app provisions, and labels from our sv.json
    chrome.waitFor(browser, d -> bodyText(d).contains(FILTER_GRUPP) && bodyText(d).contains(FILTER_MINA),
        "the provisioned filters \"" + FILTER_MINA + "\" and \"" + FILTER_GRUPP + "\"");
    chrome.waitFor(browser, d -> bodyText(d).contains("Välj en uppgift i listan."),
        "the Swedish hint \"Välj en uppgift i listan.\" (SELECT_TASK_IN_LIST)");
    assertThat(bodyText(browser)).contains("Starta process").doesNotContain("Start process")
        .doesNotContain("Select a task in the list");
    chrome.screenshot(browser, "stockholm-2-inloggad");

    openFilter(browser, FILTER_GRUPP);
    chrome.waitFor(browser, d -> filterCount(d, FILTER_GRUPP).equals("1"), "Stockholm's group filter to count 1 task");
    WebElement taskInList = chrome.waitVisible(browser,
        By.xpath("//*[contains(@class,'task')]//a[normalize-space(.)='" + TASK_NAME + "']"));
    chrome.screenshot(browser, "stockholm-3-min-grupps-uppgifter");
    taskInList.click();

    WebElement claim = chrome.waitVisible(browser, By.cssSelector("button.claim"));
    assertThat(claim.getText().trim()).isEqualTo("Ta uppgiften");
    chrome.screenshot(browser, "stockholm-4-uppgift-ej-tagen");
    claim.click();
    chrome.waitFor(browser, d -> d.findElements(By.cssSelector("button.claim")).isEmpty()
        && stockholm.equals(assigneeOf(task.getId())), "the task to be claimed by " + stockholm);

    WebElement note = chrome.waitVisible(browser, fieldLabelled("Anteckning"));
    WebElement consent = browser.findElement(fieldLabelled("Samtycke inhämtat"));
    WebElement complete = chrome.waitVisible(browser, By.xpath("//div[contains(@class,'form-actions')]//button"
        + "[contains(@class,'btn-primary') and normalize-space(.)='Slutför']"));
    chrome.screenshot(browser, "stockholm-5-formular");

    // the required field is enforced: completing without it is refused in the browser and the task stays open
    complete.click();
    chrome.waitFor(browser, d -> bodyText(d).contains("Ett fel uppstod när formuläret skulle skickas"),
        "the Swedish notice COMPLETE_ERROR after completing with the required field empty");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
        .as("the task must stay open while the required field is empty").isEqualTo(1);
    chrome.screenshot(browser, "stockholm-6-obligatoriskt-falt-tomt");
    browser.findElements(By.cssSelector(".page-notifications .close, [notifications-panel] .close"))
        .stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
    chrome.waitFor(browser, d -> !bodyText(d).contains("Ett fel uppstod"), "the error notice to be closed");

    String entered = "Trygghetssamtal bokat " + HexFormat.of().formatHex(TestAccounts.randomBytes(3));
    note.sendKeys(entered);
    // form-js commits typed text after a short debounce from the form state of that moment: a click on the
    // checkbox within that window is overwritten (ticked, then unticked again). Let the text settle first.
    note.sendKeys(org.openqa.selenium.Keys.TAB);
    pause(Duration.ofSeconds(1));
    consent.click();
    chrome.waitFor(browser, d -> consent.isSelected(), "the checkbox \"Samtycke inhämtat\" to be ticked");
    chrome.waitFor(browser, d -> complete.isEnabled(), "the \"Slutför\" button to be enabled");
    chrome.screenshot(browser, "stockholm-7-ifyllt");
    complete.click();

    chrome.waitFor(browser, d -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1,
        "the task to be completed in the engine");
    // Tasklist shows no success notice; the task leaves the list and no error is shown
    chrome.waitFor(browser, d -> bodyText(d).contains("Inga uppgifter matchar filtret."),
        "the completed task to leave \"" + FILTER_GRUPP + "\"");
    assertThat(bodyText(browser)).doesNotContain("Ett fel uppstod").doesNotContain(TASK_NAME);
    chrome.screenshot(browser, "stockholm-8-slutford");

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getAssignee()).isEqualTo(stockholm);
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(variable(instance.getId(), "anteckning")).isEqualTo(entered);
    assertThat(variable(instance.getId(), "samtyckeInhamtat")).isEqualTo(Boolean.TRUE);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .completed().count()).isEqualTo(1);
  }

  // --- engine helpers

  /** One of our real forms, with its templated text, rendered and completed in Tasklist. */
  @Test
  void aRealCaseTaskFormRendersAndCompletesInTasklist() {
    String password = TestAccounts.randomPassword();
    String user = createCaseworker("handlaggare.stockholm.arende", "Sara", "Stockholmsson", GROUP_STOCKHOLM, password);
    ProcessInstance arende = ArendeTestCases.startaStockholmsArende(processEngine);
    String referens = arende.getBusinessKey();

    WebDriver browser = chrome.open();
    logIn(browser, user, password, "stockholm");
    openFilter(browser, FILTER_GRUPP);
    chrome.waitVisible(browser, By.xpath("//*[contains(@class,'task')]//a[normalize-space(.)='Utred tillhörighet']")).click();
    chrome.waitVisible(browser, By.cssSelector("button.claim")).click();
    chrome.waitFor(browser, d -> bodyText(d).contains("Tillhörighetsutredning – ärende " + referens),
        "the form's heading with the case reference filled in from the process");
    assertThat(bodyText(browser)).contains("Personen tillhör vår kommun", "Motivering");
    WebElement belongsHere = chrome.waitVisible(browser, fieldLabelled("Personen tillhör vår kommun"));
    WebElement motivering = browser.findElement(fieldLabelled("Motivering"));
    chrome.screenshot(browser, "arende-1-tillhorighetsutredning");
    belongsHere.click();
    motivering.sendKeys("Folkbokförd i Stockholm");
    motivering.sendKeys(org.openqa.selenium.Keys.TAB);
    pause(Duration.ofSeconds(1));
    chrome.waitVisible(browser, By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-primary') "
        + "and normalize-space(.)='Slutför']")).click();

    chrome.waitFor(browser, d -> taskService.createTaskQuery().processInstanceId(arende.getId())
        .taskDefinitionKey("UserTask_ValjMottagandeKommun").count() == 1,
        "the case to move on to \"Välj mottagande kommun\" after the server-side check");
    assertThat(bodyText(browser)).doesNotContain("Ett fel uppstod");
    // the next form shows the quota and balance figures the process computed
    openFilter(browser, FILTER_GRUPP);
    chrome.waitVisible(browser, By.xpath("//*[contains(@class,'task')]//a[normalize-space(.)='Välj mottagande kommun']")).click();
    chrome.waitVisible(browser, By.cssSelector("button.claim")).click();
    chrome.waitFor(browser, d -> bodyText(d).contains("Kvot och balans i Samverkansavtal 2026–2027"),
        "the quota and balance figures on the form");
    assertThat(bodyText(browser)).contains("Mottagande kommun");
    chrome.screenshot(browser, "arende-2-val-av-mottagande-kommun");
    // leave the shared database as the other test expects it: no open case tasks
    runtimeService.deleteProcessInstance(arende.getId(), "browser test done");
  }

  private String createCaseworker(String id, String firstName, String lastName, String groupId, String password) {
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(password);
    identityService.saveUser(user);
    createdUsers.add(id);
    identityService.createMembership(id, groupId);
    return id;
  }

  private String assigneeOf(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getAssignee();
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("process variable %s", name).isNotNull();
    return variable.getValue();
  }

  // --- browser helpers

  private String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logIn(WebDriver driver, String user, String password, String who) {
    driver.get(tasklistUrl());
    chrome.submitLogin(driver, user, password, APP_LOAD);
    chrome.waitFor(driver, d -> bodyText(d).contains(FILTER_GRUPP), who + "'s Tasklist with the filter \"" + FILTER_GRUPP + "\"");
  }

  private void openFilter(WebDriver driver, String name) {
    chrome.waitVisible(driver, By.xpath("//a[contains(normalize-space(.),'" + name + "')]")).click();
  }

  /** The task count Tasklist shows beside a filter's name ("" while not loaded). */
  private static String filterCount(WebDriver driver, String name) {
    for (WebElement link : driver.findElements(By.xpath("//a[contains(normalize-space(.),'" + name + "')]"))) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + "\\s*\\(?(\\d+)\\)?")
          .matcher(link.getText().trim());
      if (m.matches()) {
        return m.group(1);
      }
    }
    return "";
  }

  /** The form-js input whose label reads {@code label} (a label's {@code for} names its input). */
  private static By fieldLabelled(String label) {
    return new By() {
      @Override
      public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
        List<WebElement> labels = context.findElements(By.xpath("//form//label[starts-with(normalize-space(.),'" + label + "')]"));
        for (WebElement l : labels) {
          String forId = l.getAttribute("for");
          if (forId != null && !forId.isBlank()) {
            List<WebElement> inputs = context.findElements(By.id(forId));
            if (!inputs.isEmpty()) {
              return inputs;
            }
          }
        }
        return Collections.emptyList();
      }

      @Override
      public String toString() {
        return "field labelled '" + label + "'";
      }
    };
  }

  /**
   * Checked before Spring starts the application: without Chromium and its driver the test fails in CI
   * ({@code CI=true}) and is skipped elsewhere, both with the command that installs them.
   */
  static final class RequiresChromium implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      List<String> missing = new ArrayList<>();
      if (!Files.isExecutable(CHROMIUM)) {
        missing.add(CHROMIUM.toString());
      }
      if (!Files.isExecutable(CHROMEDRIVER)) {
        missing.add(CHROMEDRIVER.toString());
      }
      if (missing.isEmpty()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
      }
      String message = "The Tasklist browser test needs Debian's Chromium and its driver, missing: " + missing
          + ". Install them with: apt-get update && apt-get install -y chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      System.err.println("SKIPPED " + TasklistBrowserIT.class.getSimpleName() + ": " + message);
      return ConditionEvaluationResult.disabled(message + " (skipped outside CI)");
    }
  }
}
