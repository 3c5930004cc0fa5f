package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * The managers' overview plugin loads on the real Cockpit dashboard in Debian's Chromium (English
 * browser language on purpose): a Stockholm manager logs in and sees the Swedish overview with the
 * quota table, the balance and a confirmed reconciliation read from /api/oversikt with the Cockpit
 * session. Screenshot: {@code target/browser-screenshots/oversikt-cockpit.png}.
 */
@ExtendWith(TasklistBrowserIT.RequiresChromium.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "avhoppare.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
    })
class OversiktBrowserIT {

  static final Duration APP_LOAD = Duration.ofSeconds(90);

  @DynamicPropertySource
  static void isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry) {
    String database = "oversikt-browser-" + UUID.randomUUID();
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    registry.add("avhoppare.admin.user", () -> "admin-" + HexFormat.of().formatHex(TestAccounts.randomBytes(4)));
    registry.add("avhoppare.admin.password", TestAccounts::randomPassword);
    registry.add("avhoppare.identitet.nycklar", () -> TestAccounts.IDENTITY_KEYS);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private WebDriver driver;
  private Path profile;
  private String userId;

  @AfterEach
  void cleanUp() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    if (userId != null) {
      identityService.deleteUser(userId);
    }
  }

  @Test
  void theOverviewPluginShowsOnTheCockpitDashboardInSwedish() throws IOException {
    jdbc.update("insert into avstamning (process_instans, avtalsversion, kommun_a, kommun_b, period_start, period_slut, kostnad_a, "
            + "kostnad_b, avvikelse, utjamning, betalare, mottagare, omgangar, bekraftad_av_a, bekraftad_av_b, faststalld) "
            + "values (?, 'avtal-2026', 'malmo', 'stockholm', ?, ?, ?, ?, ?, ?, 'stockholm', 'malmo', 1, 'chef.malmo', 'chef.stockholm', ?)",
        "browser-" + UUID.randomUUID(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), new BigDecimal("27000.00"),
        new BigDecimal("4500.00"), new BigDecimal("11250.00"), new BigDecimal("11250.00"), OffsetDateTime.now());
    userId = "chef.stockholm.browser";
    String password = TestAccounts.randomPassword();
    User user = identityService.newUser(userId);
    user.setFirstName("Stina");
    user.setLastName("Chefsson");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(userId, "stockholm-chef");

    driver = browser();
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    new WebDriverWait(driver, APP_LOAD).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(userId);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type='submit']")).click();

    var oversikt = new WebDriverWait(driver, APP_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".avhoppare-oversikt-version[data-version='avtal-2026']")));
    String text = oversikt.getText();
    assertThat(driver.findElement(By.cssSelector(".avhoppare-oversikt h3")).getText())
        .isEqualTo("Översikt för samordnare: kvot, balans och avstämningar");
    assertThat(text).contains("Samverkansavtal 2026–2027", "Skickade", "Mottagna", "0 av 2", "Balans",
        "0 pågående, 0 avslutade, 0 under förberedelse", "Stockholm betalar", "till Malmö");
    assertThat(driver.findElements(By.cssSelector(".avhoppare-oversikt-version"))).hasSize(2);
    assertThat(driver.findElement(By.linkText("Ladda ner siffrorna som CSV")).getAttribute("href")).endsWith("/api/oversikt.csv");

    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve("oversikt-cockpit.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private WebDriver browser() throws IOException {
    profile = Files.createTempDirectory("oversikt-browser-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TasklistBrowserIT.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,2200", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(TasklistBrowserIT.CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
