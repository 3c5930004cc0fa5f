package se.samverkan.avhoppare.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * A browser test: needs Chromium and its driver ({@link TasklistBrowserIT.RequiresChromium}) and runs
 * the full application on a random port without demo users or the job executor. Each test class
 * gives it its own in-memory database and a random administrator from a {@code @DynamicPropertySource}
 * method that calls {@link Application#isolatedDatabaseAndRandomAdmin} (a method of its own, so the
 * classes never share an application context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TasklistBrowserIT.RequiresChromium.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "avhoppare.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
    })
@interface BrowserTest {

  /** The application a browser test drives. */
  final class Application {

    private Application() {}

    /**
     * An in-memory H2 database named {@code database}-(random), a random administrator and identity
     * key; returns the administrator's user id and password.
     */
    static String[] isolatedDatabaseAndRandomAdmin(DynamicPropertyRegistry registry, String database) {
      String name = database + "-" + UUID.randomUUID();
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      String adminUser = "admin-" + HexFormat.of().formatHex(TestAccounts.randomBytes(4));
      String adminPassword = TestAccounts.randomPassword();
      registry.add("avhoppare.admin.user", () -> adminUser);
      registry.add("avhoppare.admin.password", () -> adminPassword);
      registry.add("avhoppare.identitet.nycklar", () -> TestAccounts.IDENTITY_KEYS);
      return new String[] {adminUser, adminPassword};
    }
  }
}
