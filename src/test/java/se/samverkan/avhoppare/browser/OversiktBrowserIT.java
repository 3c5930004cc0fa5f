package se.samverkan.avhoppare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.avhoppare.support.Browser;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * The managers' overview plugin loads on the real Cockpit dashboard in Debian's Chromium (English
 * browser language on purpose): a Stockholm manager logs in and sees the Swedish overview with the
 * quota table, the balance and a confirmed reconciliation read from /api/oversikt with the Cockpit
 * session. Screenshot: {@code target/browser-screenshots/oversikt-cockpit.png}.
 */
@BrowserTest
class OversiktBrowserIT {

  static final Path SCREENSHOTS = TasklistBrowserIT.SCREENSHOTS;
  static final Duration APP_LOAD = Duration.ofSeconds(90);

  @DynamicPropertySource
  static void isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry) {
    BrowserTest.Application.isolatedDatabaseAndRandomAdmin(registry, "oversikt-browser");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private final Browser chrome = new Browser("oversikt-browser-profile-", SCREENSHOTS, APP_LOAD)
      .windowSize("1400,2200").language("en-US", "en-US,en");
  private String userId;

  @AfterEach
  void cleanUp() throws IOException {
    chrome.close();
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

    Files.createDirectories(SCREENSHOTS);
    WebDriver driver = chrome.open();
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    chrome.submitLogin(driver, userId, password, APP_LOAD);

    var oversikt = chrome.waitVisible(driver, By.cssSelector(".avhoppare-oversikt-version[data-version='avtal-2026']"));
    String text = oversikt.getText();
    assertThat(driver.findElement(By.cssSelector(".avhoppare-oversikt h3")).getText())
        .isEqualTo("Översikt för samordnare: kvot, balans och avstämningar");
    assertThat(text).contains("Samverkansavtal 2026–2027", "Skickade", "Mottagna", "0 av 2", "Balans",
        "0 pågående, 0 avslutade, 0 under förberedelse", "Stockholm betalar", "till Malmö");
    assertThat(driver.findElements(By.cssSelector(".avhoppare-oversikt-version"))).hasSize(2);
    assertThat(driver.findElement(By.linkText("Ladda ner siffrorna som CSV")).getAttribute("href")).endsWith("/api/oversikt.csv");

    chrome.screenshot(driver, "oversikt-cockpit");
  }

}
