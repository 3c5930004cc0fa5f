package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;

/**
 * The job executor's acquisition on PostgreSQL with thousands of waiting timers (issue #11): the
 * engine's own acquisition statement reads the due-date index (db/changelog/app/130-jobbhamtning.yaml)
 * instead of the whole job table, and still acquires exactly the due jobs. Not timed: the benchmark
 * measures the throughput.
 */
@PostgresIntegrationTest
class JobAcquisitionIT {

  private static final int WAITING = 3000;

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineAcquiresDueJobsByDueDateOnly() {
    ProcessEngineConfigurationImpl config = config();
    assertThat(config.isJobExecutorAcquireByDueDate()).as("jobExecutorAcquireByDueDate").isTrue();
    assertThat(config.isEnsureJobDueDateNotNull()).as("ensureJobDueDateNotNull: the acquisition skips jobs without one").isTrue();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null", Integer.class))
        .as("no job without a due date (the start-up changeset gives old ones their creation time)").isZero();
  }

  @Test
  void theAcquisitionReadsTheDueDateIndexNotEveryWaitingTimer() throws Exception {
    String tag = "acq-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      // thousands of timers months away, as open cases hold them; a few due ones among them. The rows have
      // no execution, so the due ones are selected here and never run (the test removes them again).
      jdbc.update("insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_, suspension_state_, priority_,"
          + " create_time_) select ? || '-' || g, 1, 'timer', true, 3,"
          + " case when g % 1000 = 0 then now() - interval '1 minute' else now() + interval '90 days' + g * interval '1 second' end,"
          + " 'timer-transition', 1, 0, now() from generate_series(1, ?) g", tag, WAITING);
      jdbc.execute("analyze act_ru_job");
      long before = indexScans("avh_idx_job_duedate");

      // the engine's acquisition statement, as the job executor runs it (ordered by due date, three per poll)
      List<AcquirableJobEntity> acquired = config().getCommandExecutorTxRequired()
          .execute(ctx -> ctx.getJobManager().findNextJobsToExecute(new Page(0, 3)));
      assertThat(acquired).extracting(AcquirableJobEntity::getId).as("the due jobs, earliest first")
          .allMatch(id -> id.startsWith(tag)).hasSize(3);
      assertThat(acquired).allMatch(j -> j.getDuedate().toInstant().isBefore(Instant.now()));

      // PostgreSQL publishes index statistics shortly after the statement's transaction
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      long after = indexScans("avh_idx_job_duedate");
      while (after == before && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
        after = indexScans("avh_idx_job_duedate");
      }
      assertThat(after).as("the acquisition used the due-date index (not a scan of all %d waiting timers)", WAITING)
          .isGreaterThan(before);
    } finally {
      jdbc.update("delete from act_ru_job where id_ like ?", tag + "-%");
    }
  }

  private ProcessEngineConfigurationImpl config() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private long indexScans(String index) {
    jdbc.execute("select pg_stat_clear_snapshot()");
    Long scans = jdbc.queryForObject("select idx_scan from pg_stat_user_indexes where indexrelname = ?", Long.class, index);
    return scans == null ? 0 : scans;
  }
}
