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
  void theTaskListsJoinBecomesAProbePerTaskWithTheSameGrantFilter() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_LIST, flat(LIST));

    assertThat(rewrite).isNotNull();
    assertThat(flat(rewrite.sql()))
        .startsWith("select RES.REV_, RES.ID_")
        .contains("(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*')"
            + " OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )"
            + " AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')) )")
        .doesNotContain("AUTH ON", "AUTH.RESOURCE_ID_", "AUTH_IDS")
        .endsWith("order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
    // 12 parameters: the candidate group (8th in the original, after the grants' 8) now comes first,
    // then the grants' 8 where the join was tested, then the tenant, limit and offset
    assertThat(AuthorizationSql.placeholders(LIST)).isEqualTo(12);
    assertThat(rewrite.parameterOrder()).containsExactly(8, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11);
  }

  @Test
  void theCountToo() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria", COUNT);

    assertThat(rewrite).isNotNull();
    String grants = "SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ("
        + " ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )";
    assertThat(flat(rewrite.sql())).startsWith("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES")
        .contains("(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (RES.ID_ IN (" + grants + " ) OR D.KEY_ IN (" + grants + " ) OR '*' IN (" + grants + " )) )")
        .doesNotContain("AUTH ON", "AUTH.", "WITH ").endsWith("countDistinct");
    // the candidate group, the grants' 8 once for each of the three sub-plans, the tenant
    assertThat(rewrite.parameterOrder()).containsExactly(8, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 9);
    assertThat(rewrite.parameters()).isEqualTo(10);
  }

  @Test
  void theCandidateGroupJoinBecomesASemiJoinAndTheDistinctGoes() {
    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_LIST, flat(LIST));

    assertThat(flat(rewrite.sql()))
        .doesNotContain("left join ACT_RU_IDENTITYLINK", "distinct", "DISTINCT")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (?))")
        .startsWith("select RES.REV_, RES.ID_,")
        .contains("from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE");
    // the semi-join moves no parameter: the order stays that of the authorization rewrite
    assertThat(AuthorizationSql.placeholders(rewrite.sql())).isEqualTo(12);
    assertThat(rewrite.parameterOrder()).containsExactly(8, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11);

    AuthorizationSql.Rewrite count = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria", flat(COUNT));
    assertThat(flat(count.sql())).contains("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE").doesNotContain("DISTINCT", "left join ACT_RU_IDENTITYLINK");
  }

  @Test
  void withoutTheAuthorizationCheckTheSemiJoinAloneApplies() {
    String noAuth = "select distinct RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
        + " WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ) ) and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) )"
        + " order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?";

    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria", noAuth);

    assertThat(flat(rewrite.sql())).isEqualTo("select RES.ID_, RES.CREATE_TIME_ from ACT_RU_TASK RES"
        + " WHERE ( 1 = 1 and EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (? , ?)) )"
        + " and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) ) order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
    assertThat(rewrite.parameterOrder()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void theSemiJoinKeepsTheDistinctWhenAnotherJoinCanRepeatATask() {
    String withVariables = flat(LIST).replace("left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_",
        "left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ inner join ACT_RU_VARIABLE A0 on RES.PROC_INST_ID_ = A0.PROC_INST_ID_");

    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria", withVariables);

    assertThat(flat(rewrite.sql())).contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I").startsWith("select distinct RES.REV_");
  }

  @Test
  void anyOtherUseOfTheIdentityLinksLeavesThemJoined() {
    // assigned-or-candidate: the alias is used outside the candidate condition
    String orAssigned = flat(LIST).replace("( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) )",
        "( RES.ASSIGNEE_ = ? or ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) or I.USER_ID_ = ? )");

    AuthorizationSql.Rewrite rewrite = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria", orAssigned);

    assertThat(flat(rewrite.sql())).contains("left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_").doesNotContain("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK")
        .contains("select distinct RES.REV_");
    assertThat(AuthorizationSql.candidateGroupSemiJoin("select distinct RES.* from ACT_RU_TASK RES order by RES.ID_ asc")).isNull();
  }

  /** The statement with its whitespace collapsed, as MyBatis logs it. */
  static String flat(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }

  @Test
  void parametersBeforeTheJoinMoveBehindTheGrantsFilter() {
    String sql = "select RES.* from ACT_RU_TASK RES left join X on X.A = ? left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ = ? "
        + "AND A.PERMS_ & ? = ? ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE RES.NAME_ = ? and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )";

    // the count's form: the grants' filter goes, three times, where the join was tested, after the name
    AuthorizationSql.Rewrite count = AuthorizationSql.rewrite(AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria", sql);
    assertThat(AuthorizationSql.reorder(List.of("x", "user", "perm", "perm", "name"), count.parameterOrder()))
        .containsExactly("x", "name", "user", "perm", "perm", "user", "perm", "perm", "user", "perm", "perm");
    // the list's form: the filter goes where the join was tested, after the name
    AuthorizationSql.Rewrite list = AuthorizationSql.rewrite(AuthorizationSql.TASK_LIST, sql);
    assertThat(list.sql()).contains("WHERE RES.NAME_ = ? and ( EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ = ?");
    assertThat(AuthorizationSql.reorder(List.of("x", "user", "perm", "perm", "name"), list.parameterOrder()))
        .containsExactly("x", "name", "user", "perm", "perm");
  }

  @Test
  void anythingElseIsLeftAlone() {
    String task = AuthorizationSql.TASK_NAMESPACE + "selectTaskByQueryCriteria";
    // a composite check joins a second authorization table: the authorization join is not the shape
    // rewritten (only the candidate-group semi-join applies, and the join keeps its distinct)
    AuthorizationSql.Rewrite composite = AuthorizationSql.rewrite(task,
        flat(LIST).replace("(AUTH.RESOURCE_ID_ IS NOT NULL)", "(AUTH.RESOURCE_ID_ IS NOT NULL) AND AUTH1.RESOURCE_ID_ IS NOT NULL"));
    assertThat(composite.sql()).startsWith("select distinct RES.REV_").contains("AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I");
    assertThat(composite.parameterOrder()).containsExactly(IntStream.range(0, 12).toArray());
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

  @Test
  void theInterceptorRemembersEachShapesRewriteAndLooksAtNothingElse() {
    AuthorizationSqlTuning.Rewriter rewriter = new AuthorizationSqlTuning.Rewriter();
    AuthorizationSql.Rewrite first = rewriter.rewriteOf(AuthorizationSql.TASK_LIST, flat(LIST));
    AuthorizationSql.Rewrite again = rewriter.rewriteOf(AuthorizationSql.TASK_LIST, flat(LIST));

    assertThat(first.sql()).isEqualTo(AuthorizationSql.rewrite(AuthorizationSql.TASK_LIST, flat(LIST)).sql());
    assertThat(again).isSameAs(first);
    // the same text under another statement id is another entry: the count's rewrite differs from the list's
    assertThat(rewriter.rewriteOf(AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria", COUNT).sql()).startsWith("SELECT COUNT(*)")
        .contains("OR '*' IN (SELECT A.RESOURCE_ID_");
    assertThat(rewriter.rewriteOf(AuthorizationSql.TASK_LIST, "select distinct RES.* from ACT_RU_TASK RES order by RES.ID_ asc")).isNull();
    assertThat(rewriter.rewriteOf("org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.selectProcessInstanceByQueryCriteria", LIST))
        .isNull();
    assertThat(AuthorizationSql.mayRewrite("org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.selectExecution")).isFalse();
  }
}
