package se.samverkan.avhoppare.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts created at start-up. The administrator comes from {@code AVHOPPARE_ADMIN_USER} and
 * {@code AVHOPPARE_ADMIN_PASSWORD}; demo users exist only with {@code avhoppare.demo.enabled}
 * (the embedded-database default), with {@code AVHOPPARE_DEMO_PASSWORD} or generated passwords.
 */
@ConfigurationProperties("avhoppare")
public class AccountProperties {

  private final Admin admin = new Admin();
  private final Demo demo = new Demo();

  public Admin getAdmin() {
    return admin;
  }

  public Demo getDemo() {
    return demo;
  }

  public static class Admin {
    private String user;
    private String password;

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public boolean isConfigured() {
      return user != null && !user.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
      return "Admin[user=" + user + ", password=" + (password == null ? "unset" : "[set]") + "]";
    }
  }

  public static class Demo {
    private boolean enabled;
    private String password;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    @Override
    public String toString() {
      return "Demo[enabled=" + enabled + ", password=" + (password == null ? "unset" : "[set]") + "]";
    }
  }
}
