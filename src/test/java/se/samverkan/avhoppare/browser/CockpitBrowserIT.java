package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.avhoppare.arende.ArendeTestCases;
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
@ExtendWith(TasklistBrowserIT.RequiresChromium.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "avhoppare.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
    })
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
    String database = "cockpit-browser-" + UUID.randomUUID();
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    adminUser = "admin-" + HexFormat.of().formatHex(TestAccounts.randomBytes(4));
    adminPassword = TestAccounts.randomPassword();
    registry.add("avhoppare.admin.user", () -> adminUser);
    registry.add("avhoppare.admin.password", () -> adminPassword);
    registry.add("avhoppare.identitet.nycklar", () -> TestAccounts.IDENTITY_KEYS);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final List<String> createdUsers = new ArrayList<>();
  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();
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
    drivers.forEach(WebDriver::quit);
    profiles.forEach(CockpitBrowserIT::deleteQuietly);
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

    WebDriver browser = newBrowser();
    browser.get(cockpitUrl());
    WebElement loginButton = waitVisible(browser, By.cssSelector("form button[type='submit']"), APP_LOAD);
    waitFor(browser, d -> "Logga in".equals(loginButton.getText().trim()), "the Swedish login button \"Logga in\"");
    assertThat((String) ((JavascriptExecutor) browser).executeScript("return navigator.languages[0]"))
        .as("the test browser must ask for English, to prove Swedish does not depend on it").startsWith("en");
    logIn(browser, manager, password);

    // the dashboard, in Swedish
    waitFor(browser, d -> bodyText(d).contains("Pågående processinstanser"),
        "the Swedish dashboard (\"Pågående processinstanser\")");
    assertThat(bodyText(browser)).contains("Processer", "Beslut").doesNotContain("Running Process Instances")
        .doesNotContain("Dashboard");
    assertBannerHidden(browser);
    screenshot(browser, "cockpit-chef-1-oversikt");

    // the process list, with the tooltip Camunda hard-codes in English shown in Swedish
    browser.get(cockpitUrl() + "#/processes");
    waitVisible(browser, By.cssSelector("button.section-toggle[uib-tooltip='Visa/dölj avsnittet']"));
    assertThat(browser.findElements(By.cssSelector("[uib-tooltip='Toggle this section']"))).isEmpty();
    waitFor(browser, d -> bodyText(d).contains("Ärende i hemkommunen"), "the process \"Ärende i hemkommunen\" in the list");

    // the running case: Swedish labels, and its token on the waiting user task
    openInstance(browser);
    assertThat(bodyText(browser)).contains("Instans-id:", "Affärsnyckel:", arende.getBusinessKey(), "Variabler",
        "Incidenter", "Användaruppgifter").doesNotContain("Instance ID:").doesNotContain("Business Key:")
        .doesNotContain("Actions");
    String tokens = waitVisible(browser, tokenBadge()).getText().trim();
    assertThat(tokens).as("the instance count on %s in the diagram", WAITING_TASK).isEqualTo("1");
    assertBannerHidden(browser);

    // rights are loaded: the one action a manager may perform is offered, the refused ones are not
    waitFor(browser, d -> bodyClasses(d).contains("avh-behorigheter-klara"), "the manager's rights to be loaded");
    waitVisible(browser, actionWithTooltip(RETRY_ACTION));
    for (String refused : REFUSED_ACTIONS) {
      assertThat(browser.findElements(actionWithTooltip(refused))).as("the action \"%s\"", refused).isEmpty();
    }
    waitVisible(browser, By.cssSelector("[cam-widget-variables-table] tbody tr"));
    assertThat(visible(browser, By.cssSelector("[cam-widget-variables-table] td.actions")))
        .as("edit/delete buttons of the variables").isEmpty();
    screenshot(browser, "cockpit-chef-2-instans-med-token");

    // the waiting task: no reassignment, no group or user changes
    clickTab(browser, "Användaruppgifter");
    waitFor(browser, d -> bodyText(d).contains("Utred tillhörighet"), "the user task \"Utred tillhörighet\" in the tab");
    assertThat(visible(browser, By.cssSelector("table.user-tasks .change-group-identity-links, "
        + "table.user-tasks .change-user-identity-links, table.user-tasks td.assignee .edit-toggle")))
        .as("the task's assignee and group/user changes").isEmpty();
    screenshot(browser, "cockpit-chef-3-anvandaruppgifter");
    browser.quit();

    // the administrator may do all of it, and is offered it
    WebDriver adminBrowser = newBrowser();
    adminBrowser.get(cockpitUrl());
    waitVisible(adminBrowser, By.cssSelector("input[ng-model='username']"), APP_LOAD);
    logIn(adminBrowser, adminUser, adminPassword);
    openInstance(adminBrowser);
    waitFor(adminBrowser, d -> bodyClasses(d).contains("avh-far-avbrytaInstans"), "the administrator's rights to be loaded");
    for (String action : REFUSED_ACTIONS) {
      waitVisible(adminBrowser, actionWithTooltip(action));
    }
    waitVisible(adminBrowser, By.cssSelector("[cam-widget-variables-table] tbody td.actions button"));
    screenshot(adminBrowser, "cockpit-admin-instans");

    // Admin (same session) in Swedish and without the banner; the start page without it too
    adminBrowser.get("http://localhost:" + port + "/camunda/app/admin/default/#/groups");
    waitFor(adminBrowser, d -> bodyText(d).contains("Skapa ny grupp") && bodyText(d).contains("stockholm-chef"),
        "Admin's group list in Swedish (\"Skapa ny grupp\")");
    assertThat(bodyText(adminBrowser)).contains("Användare", "Grupper", "Behörigheter").doesNotContain("Create new group")
        .doesNotContain("Authorizations");
    assertBannerHidden(adminBrowser);
    screenshot(adminBrowser, "admin-grupper");
    adminBrowser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    waitFor(adminBrowser, d -> bodyText(d).contains("Välkommen"), "the start page (\"Välkommen\")");
    assertBannerHidden(adminBrowser);
  }

  // --- helpers

  private String cockpitUrl() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  private void logIn(WebDriver driver, String user, String password) {
    waitVisible(driver, By.cssSelector("input[ng-model='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
    waitFor(driver, d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty(), user + " to be logged in");
  }

  private void openInstance(WebDriver driver) {
    driver.get(cockpitUrl() + "#/process-instance/" + arende.getId() + "/runtime");
    waitVisible(driver, tokenBadge(), APP_LOAD);
  }

  private static By tokenBadge() {
    return By.cssSelector(".djs-overlays[data-container-id='" + WAITING_TASK + "'] .badge.instance-count");
  }

  private static By actionWithTooltip(String tooltip) {
    return By.cssSelector(".ctn-toolbar [uib-tooltip='" + tooltip + "']");
  }

  private static void clickTab(WebDriver driver, String name) {
    waitVisible(driver, By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + name + "']")).click();
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

  private WebDriver newBrowser() {
    Path profile;
    try {
      profile = Files.createTempDirectory("cockpit-browser-profile-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TasklistBrowserIT.CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(TasklistBrowserIT.CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    return driver;
  }

  private static WebElement waitVisible(WebDriver driver, By by) {
    return waitVisible(driver, by, WAIT);
  }

  private static WebElement waitVisible(WebDriver driver, By by, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot(driver, "cockpit-fel-" + System.currentTimeMillis());
      throw new AssertionError("Not visible within " + timeout.toSeconds() + " s: " + by + "\nPage text:\n"
          + bodyText(driver), e);
    }
  }

  private static void waitFor(WebDriver driver, Function<WebDriver, Boolean> condition, String what) {
    try {
      new WebDriverWait(driver, WAIT).until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot(driver, "cockpit-fel-" + System.currentTimeMillis());
      throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what + "\nPage text:\n" + bodyText(driver), e);
    }
  }

  private static String bodyText(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getText();
  }

  private static void screenshot(WebDriver driver, String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      if (name.contains("-fel-")) {
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save screenshot " + name + ": " + e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temp profile left behind is harmless
    }
  }
}
