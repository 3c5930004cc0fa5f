package se.samverkan.avhoppare.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL server the integration tests run against, from the environment:
 * {@code AVHOPPARE_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/avhoppare_test}),
 * {@code AVHOPPARE_TEST_DB_USER} (default {@code avhoppare_test}) and
 * {@code AVHOPPARE_TEST_DB_PASSWORD} (no default). {@code bash .ci/run} creates that role and
 * database with a fresh random password and exports all three.
 */
public final class PostgresTestDatabase {

  public static final String URL = env("AVHOPPARE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/avhoppare_test");
  public static final String USER = env("AVHOPPARE_TEST_DB_USER", "avhoppare_test");
  public static final String PASSWORD = env("AVHOPPARE_TEST_DB_PASSWORD", null);

  private static volatile String unavailableReason;
  private static volatile boolean checked;

  private PostgresTestDatabase() {}

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Null when the server answers with these credentials; otherwise why not. */
  public static synchronized String unavailableReason() {
    if (!checked) {
      checked = true;
      if (PASSWORD == null) {
        unavailableReason = "AVHOPPARE_TEST_DB_PASSWORD is not set";
      } else {
        try (Connection ignored = connect()) {
          unavailableReason = null;
        } catch (SQLException e) {
          unavailableReason = "cannot connect to " + URL + " as " + USER + ": " + e.getMessage();
        }
      }
    }
    return unavailableReason;
  }

  public static Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    if (PASSWORD != null) {
      props.setProperty("password", PASSWORD);
    }
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "3");
    return DriverManager.getConnection(URL, props);
  }
}
