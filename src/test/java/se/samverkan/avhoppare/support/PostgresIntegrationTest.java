package se.samverkan.avhoppare.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application (web server on a random port, job executor on) on the production profile
 * {@code postgres} against the test PostgreSQL database. Name such classes {@code *IT}: Maven
 * failsafe runs them in {@code ./mvnw verify}. Skipped outside CI when no server answers; failed in CI.
 *
 * <p>All such classes run in one JVM and share one application context (unless tagged {@value #OWN_JVM}): a class
 * must leave the database as other classes expect it (its own users, cases and deployments). A class
 * that changes the application ({@code @TestPropertySource}, {@code @DynamicPropertySource}, a mocked
 * bean) or starts a second one is tagged {@value #OWN_JVM} and runs in a JVM of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresPostgres.class)
@Tag(PostgresIntegrationTest.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = {TestAccounts.Initializer.class, PostgresIntegrationTest.Database.class})
public @interface PostgresIntegrationTest {

  /** The tag of these classes: failsafe runs them apart from the ITs with in-memory databases (pom.xml). */
  String TAG = "postgres";

  /** The tag of such a class that needs a JVM of its own. */
  String OWN_JVM = "own-jvm";

  /** Points the postgres profile's datasource at the test database. */
  class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgres", Map.of(
          "spring.datasource.url", PostgresTestDatabase.URL,
          "spring.datasource.username", PostgresTestDatabase.USER,
          "spring.datasource.password", PostgresTestDatabase.PASSWORD == null ? "" : PostgresTestDatabase.PASSWORD)));
    }
  }
}
