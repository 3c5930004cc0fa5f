package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;

/**
 * A reused task count is never a stale one (issue #11, config/TaskCountCache): with authorization and
 * the tenant check on, every count a caseworker's query returns equals the number of tasks they may see at
 * that moment — after tasks are added or removed through the engine, after a grant is taken away
 * directly in the database (as another node or an administrator would), and after a transaction that
 * counted its own uncommitted task was rolled back. Unchanged questions are answered from the kept
 * result (the test fails when the cache is not installed), and one user's answer is never another's.
 */
@PostgresIntegrationTest
class TaskCountCacheIT {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String group = "cache-" + run + "-grupp";
  private final String otherGroup = "cache-" + run + "-annan";
  private final String tenant = "stockholm";

  @AfterEach
  void removeTasks() {
    identity().clearAuthentication();
    for (Task task : tasks().createTaskQuery().taskCandidateGroupIn(List.of(group, otherGroup)).list()) {
      tasks().deleteTask(task.getId(), true);
    }
  }

  @Test
  void aKeptCountIsReusedOnlyWhileNothingItReadsHasChanged() {
    List<String> mine = List.of(newTask(group), newTask(group), newTask(group));
    newTask(otherGroup);

    assertThat(count("cache-handlaggare", group)).isEqualTo(3);
    long hits = TaskCountCache.hits();
    assertThat(count("cache-handlaggare", group)).as("the same question again, nothing changed").isEqualTo(3);
    assertThat(TaskCountCache.hits()).as("answered from the kept result").isEqualTo(hits + 1);

    // another user with another group asks: their own answer, never the first user's
    assertThat(count("cache-annan", otherGroup)).isEqualTo(1);

    // a task added through the engine (another transaction): the next count sees it
    newTask(group);
    assertThat(count("cache-handlaggare", group)).isEqualTo(4);

    // a grant taken away directly in the database (another node, an administrator): the READ check counts again
    jdbc.update("delete from act_ru_authorization where resource_type_ = 7 and resource_id_ = ?", mine.get(0));
    assertThat(count("cache-handlaggare", group)).as("a task whose grant was removed is no longer counted").isEqualTo(3);

    // a task completed (deleted) through the engine
    identity().clearAuthentication();
    tasks().deleteTask(mine.get(1), true);
    assertThat(count("cache-handlaggare", group)).isEqualTo(2);
    assertThat(count("cache-annan", otherGroup)).isEqualTo(1);
  }

  @Test
  void aTransactionsOwnUncommittedTaskIsNeverKept() {
    newTask(group);
    assertThat(count("cache-handlaggare", group)).isEqualTo(1);

    long counted = TaskCountCache.counted();
    // one database transaction around two engine commands (as Spring joins them): the first writes a task,
    // the second counts and sees it uncommitted; then the transaction rolls back
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      newTask(group);
      long inside = count("cache-handlaggare", group);
      assertThat(inside).as("the transaction sees its own task").isEqualTo(2);
      throw new IllegalStateException("rolled back " + inside);
    })).hasMessageContaining("rolled back 2");
    assertThat(TaskCountCache.counted()).as("the count inside the changing transaction was not kept").isEqualTo(counted);

    assertThat(count("cache-handlaggare", group)).as("after the rollback").isEqualTo(1);
    assertThat(count("cache-handlaggare", group)).isEqualTo(1);
  }

  @Test
  void theVersionRisesOncePerCommittedChangeAndNotForARolledBackOne() throws Exception {
    String task = newTask(group);
    try (Connection c = dataSource.getConnection()) {
      long before = ownVersion(c);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // several changes to two of the tables in one transaction
        s.executeUpdate("update act_ru_task set priority_ = priority_ where id_ = '" + task + "'");
        s.executeUpdate("update act_ru_identitylink set rev_ = rev_ where task_id_ = '" + task + "'");
        s.executeUpdate("update act_ru_task set priority_ = priority_ where id_ = '" + task + "'");
        c.commit();
        assertThat(ownVersion(c)).as("one committed transaction: +1").isEqualTo(before + 1);
        s.executeUpdate("update act_ru_authorization set rev_ = rev_ where resource_id_ = '" + task + "'");
        c.rollback();
        assertThat(ownVersion(c)).as("a rolled-back change leaves the version as it was").isEqualTo(before + 1);
        s.executeUpdate("update act_re_procdef set rev_ = rev_ where false");
        c.commit();
        assertThat(ownVersion(c)).as("a statement on the definitions, even one that changes no row").isEqualTo(before + 2);
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** This connection's backend's row of the version table. */
  private static long ownVersion(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce((select version from avh_uppgiftsversion where backend = pg_backend_pid()), 0)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String newTask(String candidateGroup) {
    identity().clearAuthentication();
    Task task = tasks().newTask();
    task.setTenantId(tenant);
    tasks().saveTask(task);
    tasks().addCandidateGroup(task.getId(), candidateGroup);
    return task.getId();
  }

  /** The caseworker's Tasklist question: the tasks of their group, authorization and the tenant check on. */
  private long count(String user, String candidateGroup) {
    identity().setAuthentication(user, List.of(candidateGroup), List.of(tenant));
    try {
      return tasks().createTaskQuery().taskCandidateGroup(candidateGroup).count();
    } finally {
      identity().clearAuthentication();
    }
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }
}
