package se.samverkan.avhoppare.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests ({@code browser/*BrowserIT}), one per call of
 * {@link #open()}, each with its own temporary profile; {@link #close()} quits them all and deletes
 * the profiles. The driver and the browser are given by path, so Selenium Manager never runs and
 * nothing is downloaded. The waits save a screenshot and the page source on failure and report the
 * page text and the browser console.
 *
 * <p>Each test sets what is its own: the screenshot folder, the waits, the window size, the browser
 * language (the tests ask for English on purpose: the webapps must be Swedish regardless).
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Paths.get(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

  private final String profilePrefix;
  private final Path screenshots;
  private final Duration wait;
  private String windowSize = "1400,1000";
  private String language;
  private String acceptLanguages;
  private Duration pageLoadTimeout;
  private String failurePrefix = "fel-";
  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  /**
   * @param profilePrefix name prefix of the temporary profile folders
   * @param screenshots where {@link #screenshot} and failed waits save their pictures
   * @param wait how long {@link #waitFor} and {@link #waitVisible(WebDriver, By)} wait
   */
  public Browser(String profilePrefix, Path screenshots, Duration wait) {
    this.profilePrefix = profilePrefix;
    this.screenshots = screenshots;
    this.wait = wait;
  }

  /** The window size as Chromium's {@code --window-size} takes it, e.g. {@code "1400,1000"}. */
  public Browser windowSize(String widthCommaHeight) {
    this.windowSize = widthCommaHeight;
    return this;
  }

  /** The browser's UI language ({@code --lang}) and the Accept-Language it sends. */
  public Browser language(String lang, String acceptLanguages) {
    this.language = lang;
    this.acceptLanguages = acceptLanguages;
    return this;
  }

  /** How long a page may take to load (Selenium's default when not set). */
  public Browser pageLoadTimeout(Duration timeout) {
    this.pageLoadTimeout = timeout;
    return this;
  }

  /** Name prefix of the screenshot and page source saved when a wait fails ({@code "fel-"} if not set). */
  public Browser failurePrefix(String prefix) {
    this.failurePrefix = prefix;
    return this;
  }

  /** A new browser with a fresh profile; closed by {@link #close()}. */
  public WebDriver open() {
    Path profile;
    try {
      profile = Files.createTempDirectory(profilePrefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + windowSize);
    if (language != null) {
      options.addArguments("--lang=" + language);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
    }
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    if (pageLoadTimeout != null) {
      driver.manage().timeouts().pageLoadTimeout(pageLoadTimeout);
    }
    drivers.add(driver);
    return driver;
  }

  /** Fills in the webapps' login form (waiting up to {@code timeout} for it) and submits it. */
  public void submitLogin(WebDriver driver, String user, String password, Duration timeout) {
    waitVisible(driver, By.cssSelector("input[ng-model='username']"), timeout).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
  }

  public WebElement waitVisible(WebDriver driver, By by) {
    return waitVisible(driver, by, wait);
  }

  public WebElement waitVisible(WebDriver driver, By by, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (TimeoutException e) {
      throw failure(driver, "Not visible within " + timeout.toSeconds() + " s: " + by, e);
    }
  }

  public void waitFor(WebDriver driver, Function<WebDriver, Boolean> condition, String what) {
    try {
      new WebDriverWait(driver, wait).until(condition::apply);
    } catch (TimeoutException e) {
      throw failure(driver, "Waited " + wait.toSeconds() + " s for " + what, e);
    }
  }

  /**
   * The error for a wait of the test's own that ran out: saves the screenshot and page source like a
   * failed {@link #waitFor}, whose message it has.
   */
  public AssertionError timedOut(WebDriver driver, String what) {
    return failure(driver, "Waited " + wait.toSeconds() + " s for " + what, null);
  }

  /** Saves {@code name}.png in the screenshot folder; a failure to save is only reported. */
  public void screenshot(WebDriver driver, String name) {
    try {
      Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save screenshot " + name + ": " + e);
    }
  }

  private AssertionError failure(WebDriver driver, String message, TimeoutException cause) {
    String name = failurePrefix + System.currentTimeMillis();
    screenshot(driver, name);
    try {
      Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save " + name + ".html: " + e);
    }
    return new AssertionError(message + " (see " + name + ".png)\nPage text:\n" + bodyText(driver)
        + "\nBrowser console:\n" + console(driver), cause);
  }

  private static String console(WebDriver driver) {
    try {
      StringBuilder sb = new StringBuilder();
      driver.manage().logs().get(LogType.BROWSER)
          .forEach(entry -> sb.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
      return sb.toString();
    } catch (RuntimeException e) {
      return "(unavailable: " + e.getMessage() + ")";
    }
  }

  public static String bodyText(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getText();
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Looks every 100 ms, for at most {@code limit}, until {@code seen} holds (no failure when it does not). */
  public static void lookBriefly(Duration limit, java.util.function.BooleanSupplier seen) {
    long until = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < until && !seen.getAsBoolean()) {
      pause(Duration.ofMillis(100));
    }
  }

  /** Quits every browser opened and deletes their profiles. */
  @Override
  public void close() {
    drivers.forEach(WebDriver::quit);
    drivers.clear();
    profiles.forEach(Browser::deleteQuietly);
    profiles.clear();
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temp profile left behind is harmless
    }
  }
}
