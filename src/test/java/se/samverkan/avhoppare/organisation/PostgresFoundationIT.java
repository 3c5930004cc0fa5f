package se.samverkan.avhoppare.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.AvhopparApplication;
import se.samverkan.avhoppare.security.accesslog.AccessLog;
import se.samverkan.avhoppare.security.accesslog.AccessLogEntry;
import se.samverkan.avhoppare.support.Http;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;
import se.samverkan.avhoppare.support.PostgresTestDatabase;
import se.samverkan.avhoppare.support.ProvisioningSnapshot;
import se.samverkan.avhoppare.support.TestAccounts;

/** The foundation on the production database: schema by Liquibase, security, idempotent start-up. */
@PostgresIntegrationTest
@Tag(PostgresIntegrationTest.OWN_JVM) // starts a second application
class PostgresFoundationIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired AccessLog accessLog;

  @Test
  void liquibaseOwnsTheEngineSchema() {
    assertThat(jdbc.queryForObject("select count(*) from databasechangelog where id = '7.16.0-baseline' and author = 'Camunda'",
        Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'act_ru_task'",
        Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
        .isEqualTo("3");
  }

  @Test
  void theAccessLogIsAppendOnlyEvenForTheApplicationsOwnDatabaseRole() {
    accessLog.append(new AccessLogEntry(null, OffsetDateTime.now(), "test", "malmo", "AVH-TEST", null,
        AccessLogEntry.LASNING, "test", "GET /test", "127.0.0.1", 200));
    long count = jdbc.queryForObject("select count(*) from atkomstlogg", Long.class);
    for (String sql : List.of("update atkomstlogg set anvandare = 'someone else'", "delete from atkomstlogg",
        "truncate atkomstlogg")) {
      assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).hasMessageContaining("append-only");
    }
    assertThat(jdbc.queryForObject("select count(*) from atkomstlogg", Long.class)).isEqualTo(count);
  }

  @Test
  void healthReportsPostgresAndTheEngine() throws Exception {
    var health = new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("PostgreSQL", "processEngine", "jobExecutor");
  }

  @Test
  void engineRestNeedsCredentials() throws Exception {
    assertThat(new Http(port).get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
    assertThat(new Http(port).basic(TestAccounts.ADMIN_USER, TestAccounts.ADMIN_PASSWORD)
        .get("/engine-rest/group?maxResults=50").statusCode()).isEqualTo(200);
  }

  @Test
  void aSecondStartOnTheSameDatabaseChangesNothing() {
    List<String> before = ProvisioningSnapshot.take(engine);
    assertThat(before).anyMatch(l -> l.startsWith("tenant malmo"));
    try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AvhopparApplication.class)
        .web(WebApplicationType.SERVLET)
        .profiles("postgres")
        // its own engine name: Camunda keeps engines in a JVM-wide registry, and closing a second
        // "default" would unregister the first one, which the other tests still use
        .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=second",
            "--spring.datasource.url=" + PostgresTestDatabase.URL,
            "--spring.datasource.username=" + PostgresTestDatabase.USER,
            "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
            "--avhoppare.admin.user=" + TestAccounts.ADMIN_USER,
            "--avhoppare.admin.password=" + TestAccounts.ADMIN_PASSWORD,
            "--avhoppare.identitet.nycklar=" + TestAccounts.IDENTITY_KEYS)) {
      assertThat(second.getBean(OrganisationProvisioner.class).provision()).isZero();
      assertThat(ProvisioningSnapshot.take(second.getBean(ProcessEngine.class))).isEqualTo(before);
    }
    assertThat(ProvisioningSnapshot.take(engine)).isEqualTo(before);
  }
}
