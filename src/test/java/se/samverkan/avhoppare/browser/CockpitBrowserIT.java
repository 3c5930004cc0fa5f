package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkan.avhoppare.support.Browser.bodyText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
 * Drives the real Cockpit in Debian's Chromium (English browser language on purpose): a Stockholm
 * manager opens a running case in Swedish and sees its token (the instance count on the waiting user
 * task in the diagram); Cockpit offers the manager no action the engine would refuse (cancel, suspend,
 * add/edit/delete variables, reassign the task), only retrying failed jobs; the Camunda 8 banner is
 * hidden. The administrator, who may do everything, is offered those actions: the hiding follows the
 * user's authorizations, not a blanket style. Admin and the start page are Swedish and bannerless too.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (see {@link TasklistBrowserIT}).
 * Screenshots go to {@code target/browser-screenshots/cockpit-*.png}.
 */
@BrowserTest
class CockpitBrowserIT {

  static final Path SCREENSHOTS = TasklistBrowserIT.SCREENSHOTS;
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration APP_LOAD = Duration.ofSeconds(90);
  static final String WAITING_TASK = "UserTask_Tillhorighetsutredning";

  /** Tooltips (Swedish, from our sv.json) of the process instance actions a manager may not perform. */
  static final List<String> REFUSED_ACTIONS = List.of(
      "Ta bort pågående processinstans", "Pausa processinstansen", "Lägg till en ny variabel i processinstansen");
  /** ... and of the one a manager may: retrying failed jobs (RETRY_JOB). */
  static final String RETRY_ACTION = "Öka antalet försök för misslyckade jobb";

  static String adminUser;
  static String adminPassword;

  @DynamicPropertySource
  static void isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry) {
    String[] admin = BrowserTest.Application.isolatedDatabaseAndRandomAdmin(registry, "cockpit-browser");
    adminUser = admin[0];
    adminPassword = admin[1];
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final List<String> createdUsers = new ArrayList<>();
  private final Browser chrome = new Browser("cockpit-browser-profile-", SCREENSHOTS, WAIT)
      .windowSize("1400,1000").language("en-US", "en-US,en").failurePrefix("cockpit-fel-");
  private ProcessInstance arende;

  @BeforeEach
  void startCase() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    arende = ArendeTestCases.startaStockholmsArende(processEngine);
    assertThat(taskService.createTaskQuery().processInstanceId(arende.getId()).taskDefinitionKey(WAITING_TASK).count())
        .as("the case waits at %s", WAITING_TASK).isEqualTo(1);
  }

  @AfterEach
  void cleanUp() {
    chrome.close();
    createdUsers.forEach(identityService::deleteUser);
    if (arende != null && runtimeService.createProcessInstanceQuery().processInstanceId(arende.getId()).count() > 0) {
      runtimeService.deleteProcessInstance(arende.getId(), "browser test done");
    }
  }

  @Test
  void managerSeesTheRunningCaseInSwedishWithItsTokenAndNoActionTheEngineWouldRefuse() {
    String password = TestAccounts.randomPassword();
    String manager = "chef.stockholm.cockpit";
    User user = identityService.newUser(manager);
    user.setFirstName("Cecilia");
    user.setLastName("Chefsson");
    user.setPassword(password);
    identityService.saveUser(user);
    createdUsers.add(manager);
    identityService.createMembership(manager, "stockholm-chef");

    WebDriver browser = chrome.open();
    browser.get(cockpitUrl());
    WebElement loginButton = chrome.waitVisible(browser, By.cssSelector("form button[type='submit']"), APP_LOAD);
    chrome.waitFor(browser, d -> "Logga in".equals(loginButton.getText().trim()), "the Swedish login button \"Logga in\"");
    assertThat((String) ((JavascriptExecutor) browser).executeScript("return navigator.languages[0]"))
        .as("the test browser must ask for English, to prove Swedish does not depend on it").startsWith("en");
    logIn(browser, manager, password);

    // the dashboard, in Swedish
    chrome.waitFor(browser, d -> bodyText(d).contains("Pågående processinstanser"),
        "the Swedish dashboard (\"Pågående processinstanser\")");
    assertThat(bodyText(browser)).contains("Processer", "Beslut").doesNotContain("Running Process Instances")
        .doesNotContain("Dashboard");
    assertBannerHidden(browser);
    chrome.screenshot(browser, "cockpit-chef-1-oversikt");

    // the process list, with the tooltip Camunda hard-codes in English shown in Swedish
    browser.get(cockpitUrl() + "#/processes");
    chrome.waitVisible(browser, By.cssSelector("button.section-toggle[uib-tooltip='Visa/dölj avsnittet']"));
    assertThat(browser.findElements(By.cssSelector("[uib-tooltip='Toggle this section']"))).isEmpty();
    chrome.waitFor(browser, d -> bodyText(d).contains("Ärende i hemkommunen"), "the process \"Ärende i hemkommunen\" in the list");

    // the running case: Swedish labels, and its token on the waiting user task
    openInstance(browser);
    assertThat(bodyText(browser)).contains("Instans-id:", "Affärsnyckel:", arende.getBusinessKey(), "Variabler",
        "Incidenter", "Användaruppgifter").doesNotContain("Instance ID:").doesNotContain("Business Key:")
        .doesNotContain("Actions");
    String tokens = chrome.waitVisible(browser, tokenBadge()).getText().trim();
    assertThat(tokens).as("the instance count on %s in the diagram", WAITING_TASK).isEqualTo("1");
    assertBannerHidden(browser);

    // rights are loaded: the one action a manager may perform is offered, the refused ones are not
    chrome.waitFor(browser, d -> bodyClasses(d).contains("avh-behorigheter-klara"), "the manager's rights to be loaded");
    chrome.waitVisible(browser, actionWithTooltip(RETRY_ACTION));
    for (String refused : REFUSED_ACTIONS) {
      assertThat(browser.findElements(actionWithTooltip(refused))).as("the action \"%s\"", refused).isEmpty();
    }
    chrome.waitVisible(browser, By.cssSelector("[cam-widget-variables-table] tbody tr"));
    assertThat(visible(browser, By.cssSelector("[cam-widget-variables-table] td.actions")))
        .as("edit/delete buttons of the variables").isEmpty();
    chrome.screenshot(browser, "cockpit-chef-2-instans-med-token");

    // the waiting task: no reassignment, no group or user changes
    clickTab(browser, "Användaruppgifter");
    chrome.waitFor(browser, d -> bodyText(d).contains("Utred tillhörighet"), "the user task \"Utred tillhörighet\" in the tab");
    assertThat(visible(browser, By.cssSelector("table.user-tasks .change-group-identity-links, "
        + "table.user-tasks .change-user-identity-links, table.user-tasks td.assignee .edit-toggle")))
        .as("the task's assignee and group/user changes").isEmpty();
    chrome.screenshot(browser, "cockpit-chef-3-anvandaruppgifter");
    browser.quit();

    // the administrator may do all of it, and is offered it
    WebDriver adminBrowser = chrome.open();
    adminBrowser.get(cockpitUrl());
    chrome.waitVisible(adminBrowser, By.cssSelector("input[ng-model='username']"), APP_LOAD);
    logIn(adminBrowser, adminUser, adminPassword);
    openInstance(adminBrowser);
    chrome.waitFor(adminBrowser, d -> bodyClasses(d).contains("avh-far-avbrytaInstans"), "the administrator's rights to be loaded");
    for (String action : REFUSED_ACTIONS) {
      chrome.waitVisible(adminBrowser, actionWithTooltip(action));
    }
    chrome.waitVisible(adminBrowser, By.cssSelector("[cam-widget-variables-table] tbody td.actions button"));
    chrome.screenshot(adminBrowser, "cockpit-admin-instans");

    // Admin (same session) in Swedish and without the banner; the start page without it too
    adminBrowser.get("http://localhost:" + port + "/camunda/app/admin/default/#/groups");
    chrome.waitFor(adminBrowser, d -> bodyText(d).contains("Skapa ny grupp") && bodyText(d).contains("stockholm-chef"),
        "Admin's group list in Swedish (\"Skapa ny grupp\")");
    assertThat(bodyText(adminBrowser)).contains("Användare", "Grupper", "Behörigheter").doesNotContain("Create new group")
        .doesNotContain("Authorizations");
    assertBannerHidden(adminBrowser);
    chrome.screenshot(adminBrowser, "admin-grupper");
    adminBrowser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    chrome.waitFor(adminBrowser, d -> bodyText(d).contains("Välkommen"), "the start page (\"Välkommen\")");
    assertBannerHidden(adminBrowser);
  }

  // --- helpers

  private String cockpitUrl() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  private void logIn(WebDriver driver, String user, String password) {
    chrome.submitLogin(driver, user, password, WAIT);
    chrome.waitFor(driver, d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty(), user + " to be logged in");
  }

  private void openInstance(WebDriver driver) {
    driver.get(cockpitUrl() + "#/process-instance/" + arende.getId() + "/runtime");
    chrome.waitVisible(driver, tokenBadge(), APP_LOAD);
  }

  private static By tokenBadge() {
    return By.cssSelector(".djs-overlays[data-container-id='" + WAITING_TASK + "'] .badge.instance-count");
  }

  private static By actionWithTooltip(String tooltip) {
    return By.cssSelector(".ctn-toolbar [uib-tooltip='" + tooltip + "']");
  }

  private void clickTab(WebDriver driver, String name) {
    chrome.waitVisible(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + name + "']")).click();
  }

  private static void assertBannerHidden(WebDriver driver) {
    assertThat(visible(driver, By.cssSelector(".ce-eol-banner"))).as("the Camunda 8 migration banner").isEmpty();
    assertThat(bodyText(driver)).doesNotContain("Camunda 8");
  }

  private static List<WebElement> visible(WebDriver driver, By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
  }

  private static String bodyClasses(WebDriver driver) {
    String classes = driver.findElement(By.tagName("body")).getAttribute("class");
    return classes == null ? "" : classes;
  }

}
