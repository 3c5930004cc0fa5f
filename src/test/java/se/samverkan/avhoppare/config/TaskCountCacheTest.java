package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Which count statements {@link TaskCountCache} may reuse an answer for, and how bound values become part of a key. */
class TaskCountCacheTest {

  @Test
  void camundasTaskCountReadsOnlyVersionedTables() {
    assertThat(TaskCountCache.cacheable(AuthorizationSqlTest.COUNT)).isTrue();
    assertThat(TaskCountCache.cacheable(AuthorizationSqlTest.COUNT.replace("ACT_RU_TASK RES", "public.ACT_RU_TASK RES"))).isTrue();
  }

  @Test
  void aCountThatReadsAnotherTableOrTheClockIsNeverReused() {
    // a filter on process variables reads ACT_RU_VARIABLE, whose changes the version does not count
    assertThat(TaskCountCache.cacheable(AuthorizationSqlTest.COUNT.replace("WHERE ( 1 = 1",
        "WHERE ( 1 = 1 and EXISTS (select ID_ from ACT_RU_VARIABLE V where V.TASK_ID_ = RES.ID_ and V.TEXT_ = ?)"))).isFalse();
    assertThat(TaskCountCache.cacheable(AuthorizationSqlTest.COUNT.replace("1 = 1", "RES.DUE_DATE_ < now()"))).isFalse();
    assertThat(TaskCountCache.cacheable(AuthorizationSqlTest.COUNT.replace("1 = 1", "RES.DUE_DATE_ < CURRENT_TIMESTAMP"))).isFalse();
    assertThat(TaskCountCache.cacheable("select count(*) from some_table")).as("no Camunda table at all").isFalse();
    assertThat(TaskCountCache.cacheable(null)).isFalse();
  }

  @Test
  void plainValuesAreKeysDatesAreCopiedAnythingElseIsNot() {
    assertThat(TaskCountCache.keyValue("stockholm")).isEqualTo("stockholm");
    assertThat(TaskCountCache.keyValue(7)).isEqualTo(7);
    assertThat(TaskCountCache.keyValue(null)).isNotNull().isEqualTo(TaskCountCache.keyValue(null));
    Date date = new Date(1_000);
    Object key = TaskCountCache.keyValue(date);
    date.setTime(2_000); // a date changed after the question was asked does not change the kept key
    assertThat(key).isEqualTo(TaskCountCache.keyValue(new Date(1_000))).isNotEqualTo(TaskCountCache.keyValue(date));
    assertThat(TaskCountCache.keyValue(new Timestamp(1_000))).isNotEqualTo(TaskCountCache.keyValue(new Date(1_000)));
    assertThat(TaskCountCache.keyValue(new Object())).isNull();
    assertThat(TaskCountCache.keyValue(new StringBuilder("x"))).isNull();
  }
}
