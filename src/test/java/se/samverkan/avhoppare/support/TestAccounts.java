package se.samverkan.avhoppare.support;

import java.security.SecureRandom;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Test accounts with random passwords: nothing fixed in code. The administrator is set once per JVM
 * through {@link Initializer}; other users are created by {@link #createUser}.
 */
public final class TestAccounts {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Unique per run: a test database that outlives a run keeps the earlier admin with its old password. */
  public static final String ADMIN_USER = uniqueId("testadmin");
  public static final String ADMIN_PASSWORD = randomPassword();
  /** A random identity encryption key for this run, as the environment would give it. */
  public static final String IDENTITY_KEYS = "test:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32));

  private TestAccounts() {}

  /** A password that satisfies Camunda's password policy. */
  public static String randomPassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder("Aa1!");
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A user id unique to this run (tests on PostgreSQL share one database across runs). */
  public static String uniqueId(String prefix) {
    return prefix + "." + Long.toString(Math.abs(RANDOM.nextLong()), 36);
  }

  /** Creates a user in the given groups; returns the password. */
  public static String createUser(IdentityService identityService, String userId, String... groupIds) {
    String password = randomPassword();
    User user = identityService.newUser(userId);
    user.setFirstName("Test");
    user.setLastName(userId);
    user.setPassword(password);
    identityService.saveUser(user);
    for (String group : groupIds) {
      identityService.createMembership(userId, group);
    }
    return password;
  }

  /** Sets the administrator's credentials as the environment would. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testAccounts", Map.of(
          "avhoppare.admin.user", ADMIN_USER,
          "avhoppare.admin.password", ADMIN_PASSWORD,
          "avhoppare.identitet.nycklar", IDENTITY_KEYS)));
    }
  }
}
