package se.samverkan.avhoppare.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import se.samverkan.avhoppare.AvhopparApplication;
import se.samverkan.avhoppare.support.TestAccounts;

/**
 * Start-up rules that protect a real installation: no invented administrator, no fixed passwords.
 * An *IT (own JVM under failsafe): it starts applications by hand, and Camunda's webapp filters keep
 * a JVM-wide reference to the last application context.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSafetyIT {

  @Test
  void withoutDemoUsersTheServiceRefusesToStartWithoutAdministratorCredentials(CapturedOutput output) {
    SpringApplicationBuilder app = new SpringApplicationBuilder(AvhopparApplication.class)
        .web(WebApplicationType.SERVLET);
    // command-line arguments: they outrank application.yaml, as an operator's environment would
    String[] args = {"--spring.datasource.url=jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1",
        "--avhoppare.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--avhoppare.identitet.nycklar=" + TestAccounts.IDENTITY_KEYS};
    assertThatThrownBy(() -> app.run(args)).isInstanceOf(MissingAdminCredentialsException.class);
    assertThat(output).contains("APPLICATION FAILED TO START").contains("Set AVHOPPARE_ADMIN_USER and AVHOPPARE_ADMIN_PASSWORD in the environment");
  }

  @Test
  void demoModeCreatesOneCaseworkerAndManagerPerCityAndShowsGeneratedPasswordsOnce(CapturedOutput output,
      @TempDir java.nio.file.Path keyDir) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvhopparApplication.class)
        .web(WebApplicationType.SERVLET)
        .run("--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1", "--avhoppare.demo.enabled=true",
            "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
            "--avhoppare.identitet.demo-nyckelfil=" + keyDir.resolve("identitet.key"))) {
      var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
      for (String city : new String[] {"stockholm", "goteborg", "malmo"}) {
        assertThat(identity.createUserQuery().userId("handlaggare." + city).memberOfGroup(city + "-handlaggare").count()).isOne();
        assertThat(identity.createUserQuery().userId("chef." + city).memberOfGroup(city + "-chef").count()).isOne();
      }
      assertThat(identity.createUserQuery().userId("processagare").memberOfGroup("processagare").count()).isOne();
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
      String printed = output.getOut();
      assertThat(printed).contains("New accounts (shown once").contains("handlaggare.malmo");

      int before = output.getOut().length();
      assertThat(context.getBean(OrganisationProvisioner.class).provision()).isZero();
      assertThat(output.getOut().substring(before)).doesNotContain("New accounts");
      assertThat(keyDir.resolve("identitet.key")).as("demo identity key generated beside the data").exists();
      // an operator reads Jersey's "registered in SERVER runtime ... will be ignored" as a broken /api
      assertThat(output.getAll()).as("Jersey's warnings about the /api resources at start").doesNotContain("registered in SERVER runtime");
    }
  }
}
