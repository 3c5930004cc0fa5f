package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of Camunda 7.24's task list statements, on the SQL the engine generates for a
 * caseworker's Tasklist filter (captured from the engine's debug log; MyBatis collapses its
 * whitespace there). Whether the rewritten SQL returns the same tasks is checked on PostgreSQL by
 * {@code TaskListVisibilityIT}.
 */
class AuthorizationSqlTest {

  static final String LIST = """
      select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_,
      RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_,
      RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_,
      RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_,
      RES.TASK_STATE_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left
      join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A
      WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ =
      ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_
      IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? )
      ) ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and
      (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) ) order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?
      """.strip();

  static final String COUNT = """
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I
      on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT
      A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN (
      ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
      ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1 and ( I.TYPE_ =
      'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR
      (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) ) )
      countDistinct
      """.strip();

  @Test
  void theTaskListsJoinBecomesAHashableCheckWithTheSameGrantFilter() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria", LIST);

    assertThat(rewrite).isNotNull();
    assertThat(rewrite.sql())
        .startsWith("WITH AUTH_IDS AS (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*')")
        .contains("(RES.ID_ IN (SELECT RESOURCE_ID_ FROM AUTH_IDS) OR D.KEY_ IN (SELECT RESOURCE_ID_ FROM AUTH_IDS) OR '*' IN (SELECT RESOURCE_ID_ FROM AUTH_IDS))")
        .contains("(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (RES.ID_ IN")
        .doesNotContain("AUTH ON", "AUTH.RESOURCE_ID_")
        .endsWith("order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
    // 12 parameters: the 8 of the grants' filter come first either way; nothing before the join has one
    assertThat(AuthorizationSql.placeholders(LIST)).isEqualTo(12);
    assertThat(rewrite.parameterOrder()).containsExactly(IntStream.range(0, 12).toArray());
  }

  @Test
  void theCountToo() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria", COUNT);

    assertThat(rewrite).isNotNull();
    assertThat(rewrite.sql()).startsWith("WITH AUTH_IDS AS (").contains("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES")
        .doesNotContain("AUTH ON").endsWith("countDistinct");
    assertThat(rewrite.parameterOrder()).hasSize(10);
  }

  @Test
  void parametersBeforeTheJoinMoveBehindTheGrantsFilter() {
    String sql = "select RES.* from ACT_RU_TASK RES left join X on X.A = ? left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ = ? "
        + "AND A.PERMS_ & ? = ? ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE RES.NAME_ = ? and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )";

    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria", sql);

    assertThat(rewrite.parameterOrder()).containsExactly(1, 2, 3, 0, 4);
    assertThat(AuthorizationSql.reorder(List.of("x", "user", "perm", "perm", "name"), rewrite.parameterOrder()))
        .containsExactly("user", "perm", "perm", "x", "name");
  }

  @Test
  void anythingElseIsLeftAlone() {
    String task = AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria";
    // a composite check joins a second authorization table: not the shape rewritten
    assertThat(AuthorizationSql.rewrite(task, LIST.replace("(AUTH.RESOURCE_ID_ IS NOT NULL)", "(AUTH.RESOURCE_ID_ IS NOT NULL) AND AUTH1.RESOURCE_ID_ IS NOT NULL"))).isNull();
    // the admin's query: no authorization join
    assertThat(AuthorizationSql.rewrite(task, "select distinct RES.* from ACT_RU_TASK RES order by RES.ID_ asc")).isNull();
    // another entity's statement with the same join
    assertThat(AuthorizationSql.rewrite("org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.selectProcessInstanceByQueryCriteria", LIST)).isNull();
  }

  @Test
  void theAuthorizedGroupsAreReadByWalkingTheGroupIndex() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.AUTHORIZED_GROUP_IDS,
        "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A");

    assertThat(rewrite.sql()).startsWith("WITH RECURSIVE G(ID) AS (SELECT MIN(GROUP_ID_) FROM ACT_RU_AUTHORIZATION")
        .contains("WHERE A.GROUP_ID_ > G.ID").contains("GROUP_ID_ IS NULL");
    assertThat(rewrite.parameterOrder()).isEmpty();
    assertThat(AuthorizationSql.rewrite(AuthorizationSql.AUTHORIZED_GROUP_IDS, "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1")).isNull();
  }
}
