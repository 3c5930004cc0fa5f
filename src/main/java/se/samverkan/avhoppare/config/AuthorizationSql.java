package se.samverkan.avhoppare.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two of Camunda's authorization statements, rewritten into equivalent SQL that PostgreSQL can run
 * without scanning one table once per row of another. Pure string work (see
 * {@link AuthorizationSqlTuning} for where it is applied); a statement that does not have exactly the
 * expected shape is left alone, so a changed Camunda version is slower, never wrong.
 *
 * <h2>The task list's authorization join</h2>
 * Camunda's task query (list and count, also a Tasklist filter's) checks READ with
 * <pre>
 *   left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE &lt;the user's grants&gt;) AUTH
 *     ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 *   ... WHERE ... and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))
 * </pre>
 * and selects {@code distinct}. The engine grants each task's candidate group READ on that task (one
 * row per task), so the caseworker's grants are as many rows as open tasks; the {@code OR} in the join
 * condition rules out a hash join and PostgreSQL compares every task with every grant (10,000 tasks:
 * 100 million comparisons, about 10 s). The rewrite asks per task whether its id, its definition's
 * key or {@code '*'} is among the resource ids of the same grants — hashed sub-plans: the grants are
 * read once into a hash, one probe per task (a second and third hash only for a task the first
 * alternative did not decide):
 * <pre>
 *   ... WHERE ... and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A
 *        WHERE &lt;the same grants&gt;) OR D.KEY_ IN (...) OR '*' IN (...)))
 * </pre>
 * That is the count's form: it must visit every task anyway. The list (a page, newest first) asks
 * per task instead, {@code EXISTS (a grant passing the same filter whose RESOURCE_ID_ IN (RES.ID_,
 * D.KEY_, '*'))}, which PostgreSQL answers with a probe of the resource-id index for each task it
 * walks while filling the page — a few dozen probes instead of reading all grants.
 * A task is returned by each form exactly when it is returned by the original: the join kept a task when some
 * grant's resource id equals one of the three values, and {@code distinct} removed the copies the join
 * made; the grants' filter (user, groups, resource types, permission bits, no revokes) is Camunda's own
 * text, moved unchanged with its bind parameters.
 *
 * <h2>The authenticated groups</h2>
 * Every command that checks authorization first reads {@code SELECT distinct(A.GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION A} (to drop the user's groups that have no grant), a full scan of the table that
 * holds one row per open task. The rewrite walks the group index instead (a recursive "loose index
 * scan": one probe per distinct group) and returns the same set, including a null when a user-level
 * grant exists.
 */
public final class AuthorizationSql {

  /** Statement ids (MyBatis) of Camunda's task list and count. */
  static final String TASK_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  static final String TASK_LIST = TASK_NAMESPACE + "selectTaskByQueryCriteria";
  static final String AUTHORIZED_GROUP_IDS = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  private static final Pattern TASK_AUTH_JOIN = Pattern.compile(
      "(?is)\\b(?:left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\s+(.*?)\\)\\s*"
          + "AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
  private static final Pattern AUTH_FOUND = Pattern.compile("(?i)\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)");
  private static final Pattern ANY_AUTH_ALIAS = Pattern.compile("(?i)\\bAUTH\\d*\\.");
  private static final Pattern CANDIDATE_LINK_JOIN = Pattern.compile(
      "(?i)\\s+left\\s+join\\s+(\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_(?=\\s)");
  private static final Pattern CANDIDATE_GROUP_CONDITION = Pattern.compile(
      "(?i)\\(\\s*I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s+\\(\\s*I\\.GROUP_ID_\\s+IN\\s*\\(((?:\\s*\\?\\s*,)*\\s*\\?\\s*)\\)\\s*\\)\\s*\\)");
  private static final Pattern IDENTITY_LINK_ALIAS = Pattern.compile("(?i)(?<![\\w.])I\\.");
  private static final Pattern FROM_UNTIL_WHERE = Pattern.compile("(?is)\\bfrom\\s+\\S*ACT_RU_TASK\\s+RES\\b(.*?)\\bWHERE\\b");
  private static final Pattern ONLY_DEFINITION_JOIN = Pattern.compile(
      "(?is)\\s*(?:left\\s+join\\s+\\S*ACT_RE_PROCDEF\\s+D\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\s*)?");
  private static final Pattern DISTINCT_LIST = Pattern.compile("(?is)^(select)\\s+distinct(?=\\s+RES\\.)");
  private static final Pattern DISTINCT_COUNT = Pattern.compile("(?i)(SELECT\\s+COUNT\\(\\*\\)\\s+FROM\\s*\\(\\s*SELECT)\\s+DISTINCT(?=\\s+RES\\.ID_\\s+from)");
  private static final Pattern GROUP_IDS = Pattern.compile(
      "(?is)\\s*SELECT\\s+distinct\\s*\\(\\s*A\\.GROUP_ID_\\s*\\)\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s*");

  private AuthorizationSql() {}

  /**
   * A rewritten statement: its SQL, for each of its bind parameters in order the index of the
   * original statement's parameter that goes there (one may go to several places), and how many
   * parameters the original statement has.
   */
  public record Rewrite(String sql, int[] parameterOrder, int parameters) {

    /** A rewrite that neither adds nor drops a parameter. */
    public Rewrite(String sql, int[] parameterOrder) {
      this(sql, parameterOrder, parameterOrder.length);
    }
  }

  /** Whether {@link #rewrite} can ever change a statement with this MyBatis id (a cheap test before the regular expressions). */
  public static boolean mayRewrite(String statementId) {
    return statementId != null && (statementId.equals(AUTHORIZED_GROUP_IDS) || statementId.startsWith(TASK_NAMESPACE));
  }

  /** The rewrite of the statement with this MyBatis id and SQL, or null to run it unchanged. */
  public static Rewrite rewrite(String statementId, String sql) {
    if (!mayRewrite(statementId) || sql == null) {
      return null;
    }
    if (statementId.equals(AUTHORIZED_GROUP_IDS)) {
      return authorizedGroupIds(sql);
    }
    if (statementId.startsWith(TASK_NAMESPACE)) {
      Rewrite auth = taskAuthorizationJoin(sql, statementId.equals(TASK_LIST));
      Rewrite links = candidateGroupSemiJoin(auth == null ? sql : auth.sql());
      if (links == null) {
        return auth;
      }
      return auth == null ? links : new Rewrite(links.sql(), auth.parameterOrder(), auth.parameters()); // the semi-join moves no parameter
    }
    return null;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    range(order, 0, 0, n);
    return order;
  }

  /**
   * The candidate-group filter as a semi-join. Camunda joins every identity link of a task
   * ({@code left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_}), keeps the rows whose link is a
   * candidate group of the user, and must then make the result {@code distinct} — which forces
   * PostgreSQL to build, de-duplicate and sort all of the group's tasks (10,000 rows) before it can
   * return the newest 15. Asked as {@code EXISTS (a candidate link of one of these groups)} instead,
   * a task is returned under exactly the same condition, at most once, so the {@code distinct}
   * goes too when nothing else in the statement can repeat a row; the list then walks the
   * creation-time index backwards and stops after a page. Applied with or without the authorization
   * check, to exactly this shape: any other use of the identity-link alias (an {@code or} query,
   * assigned-or-candidate, candidate users) leaves the statement alone. No bind parameter moves.
   */
  static Rewrite candidateGroupSemiJoin(String sql) {
    Matcher join = CANDIDATE_LINK_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    String withoutJoin = sql.substring(0, join.start()) + sql.substring(join.end());
    Matcher cond = CANDIDATE_GROUP_CONDITION.matcher(withoutJoin);
    if (!cond.find()) {
      return null;
    }
    String exists = "EXISTS (SELECT 1 FROM " + join.group(1) + " I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ("
        + cond.group(1).strip() + "))";
    String rewritten = withoutJoin.substring(0, cond.start()) + exists + withoutJoin.substring(cond.end());
    String outside = withoutJoin.substring(0, cond.start()) + withoutJoin.substring(cond.end());
    if (IDENTITY_LINK_ALIAS.matcher(outside).find() || CANDIDATE_LINK_JOIN.matcher(outside).find()) {
      return null; // the alias is used elsewhere: not the shape rewritten here
    }
    Matcher from = FROM_UNTIL_WHERE.matcher(rewritten);
    if (from.find() && ONLY_DEFINITION_JOIN.matcher(from.group(1)).matches()) {
      // the definition join adds at most one row per task (its primary key): no row can repeat
      rewritten = DISTINCT_LIST.matcher(rewritten).replaceFirst("$1");
      rewritten = DISTINCT_COUNT.matcher(rewritten).replaceFirst("$1");
    }
    return new Rewrite(rewritten, identity(placeholders(sql)));
  }

  static Rewrite taskAuthorizationJoin(String sql, boolean probePerTask) {
    Matcher join = TASK_AUTH_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    String table = join.group(1);
    String grants = join.group(2);
    String before = sql.substring(0, join.start());
    String after = sql.substring(join.end());
    if (TASK_AUTH_JOIN.matcher(after).find() || !before.stripLeading().regionMatches(true, 0, "select", 0, 6)) {
      return null;
    }
    Matcher found = AUTH_FOUND.matcher(after);
    if (!found.find()) {
      return null;
    }
    String upToCheck = after.substring(0, found.start());
    String afterCheck = after.substring(found.end());
    if (ANY_AUTH_ALIAS.matcher(before).find() || ANY_AUTH_ALIAS.matcher(upToCheck).find() || ANY_AUTH_ALIAS.matcher(afterCheck).find()) {
      return null; // another reference to the join (e.g. a composite check): not the shape rewritten here
    }
    int nBefore = placeholders(before);
    int nGrants = placeholders(grants);
    int nUpTo = placeholders(upToCheck);
    int nAfter = placeholders(afterCheck);
    String check;
    int copies; // how often the grants' filter, with its parameters, appears where the join was tested
    if (probePerTask) {
      // the list: a probe of the resource-id index per task walked
      check = "EXISTS (SELECT 1 FROM " + table + " A WHERE " + grants + " AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))";
      copies = 1;
    } else {
      // the count: the same grants, read once into a hash per value compared (a hashed sub-plan each,
      // built only when an earlier alternative has not already decided the row)
      String inGrants = " IN (SELECT A.RESOURCE_ID_ FROM " + table + " A WHERE " + grants + ")";
      check = "(RES.ID_" + inGrants + " OR D.KEY_" + inGrants + " OR '*'" + inGrants + ")";
      copies = 3;
    }
    String rewritten = before.stripLeading() + " " + upToCheck + check + afterCheck;
    int[] order = new int[nBefore + nUpTo + copies * nGrants + nAfter];
    int i = range(order, 0, 0, nBefore);
    i = range(order, i, nBefore + nGrants, nUpTo);
    for (int k = 0; k < copies; k++) {
      i = range(order, i, nBefore, nGrants);
    }
    range(order, i, nBefore + nGrants + nUpTo, nAfter);
    return new Rewrite(rewritten, order, nBefore + nGrants + nUpTo + nAfter);
  }

  /** Writes from, from + 1, …, from + n - 1 into order at i; returns the next free position. */
  private static int range(int[] order, int i, int from, int n) {
    for (int p = 0; p < n; p++) {
      order[i++] = from + p;
    }
    return i;
  }

  static Rewrite authorizedGroupIds(String sql) {
    Matcher m = GROUP_IDS.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    String t = m.group(1);
    String rewritten = "WITH RECURSIVE G(ID) AS (SELECT MIN(GROUP_ID_) FROM " + t
        + " UNION ALL SELECT (SELECT MIN(A.GROUP_ID_) FROM " + t + " A WHERE A.GROUP_ID_ > G.ID) FROM G WHERE G.ID IS NOT NULL)"
        + " SELECT ID FROM G WHERE ID IS NOT NULL"
        + " UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM " + t + " WHERE GROUP_ID_ IS NULL)";
    return new Rewrite(rewritten, new int[0]);
  }

  /** Bind parameters in a piece of Camunda's SQL (which has no '?' inside literals). */
  static int placeholders(String sql) {
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '?') {
        n++;
      }
    }
    return n;
  }

  /** The list reordered as a rewrite says. */
  public static <T> List<T> reorder(List<T> parameters, int[] order) {
    List<T> result = new ArrayList<>(order.length);
    for (int index : order) {
      if (index >= parameters.size()) {
        throw new IllegalStateException("rewritten statement refers to parameter " + index + ", the original has " + parameters.size());
      }
      result.add(parameters.get(index));
    }
    return result;
  }
}
