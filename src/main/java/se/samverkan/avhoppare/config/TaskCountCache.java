package se.samverkan.avhoppare.config;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.type.TypeHandlerRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tasklist's task count answered from the node's last result for exactly the same statement and values
 * while nothing the count reads has changed, on any node (issue #11).
 *
 * <p>A caseworker's filter count visits every task of their group: at 10,000 open tasks that is 10 ms of
 * PostgreSQL without any check and ~20 ms with the READ check, run for every count and again inside every
 * HAL list. Most of those counts ask a question whose answer has not changed. {@code
 * db/changelog/app/140-uppgiftsversion.yaml} keeps a version of the four tables a task count reads
 * (tasks, identity links, grants, process definitions): every transaction that changes any of them adds
 * 1 to its backend's row, so {@code SUM(version)} is the same in two snapshots exactly when no change to
 * those tables was committed between them.
 *
 * <p>Before a count, the node reads that sum (one row per database backend, ~0.1 ms). The same statement
 * text, the same bound values (user, groups, tenants, permissions, filter criteria) and the same version
 * as a count this node ran: that count's result, without running it again. Otherwise the count runs and
 * its result is kept under the version read before it. Why that is exact: a result kept under version v
 * was counted in a snapshot taken after v was read, so it holds every change committed before v; a
 * later request that still reads v sees no change committed since, so counting again would give the
 * same number. Which user asked is part of the values, so a result is only ever reused for the same
 * question; no task, name or id is kept, only a number.
 *
 * <p>Not cached: a count in a transaction that has itself changed those tables (it sees its own
 * uncommitted rows; the trigger marks the transaction), a statement that reads any other table (process
 * variables, executions, case tables), uses the clock, or binds a value that is not a plain value. A
 * node without the tuning ({@code avhoppare.tuning.task-count-cache=false}) counts every time; the
 * embedded H2 mode does not install it.
 */
@Component
@ConditionalOnProperty(name = "avhoppare.tuning.task-count-cache", havingValue = "true", matchIfMissing = true)
public class TaskCountCache extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCountCache.class);
  static final String TASK_COUNT = AuthorizationSql.TASK_NAMESPACE + "selectTaskCountByQueryCriteria";
  private static final Pattern CAMUNDA_NAME = Pattern.compile("(?i)(?<![\\w.])(?:\\w+\\.)?(ACT_\\w+)");
  private static final Pattern CLOCK = Pattern.compile(
      "(?i)\\b(now|current_timestamp|current_date|current_time|localtimestamp|localtime|clock_timestamp|statement_timestamp|random)\\b");

  private static final AtomicLong HITS = new AtomicLong();
  private static final AtomicLong COUNTED = new AtomicLong();

  /** Counts answered from a kept result since start, in this JVM. */
  public static long hits() {
    return HITS.get();
  }

  /** Counts run (and kept) since start, in this JVM. */
  public static long counted() {
    return COUNTED.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!Uppgiftsversion.kept(configuration)) {
      return;
    }
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    mybatis.addInterceptor(new Counts(mybatis.getTypeHandlerRegistry()));
    LOG.info("Task counts are reused while the tasks, identity links, grants and definitions are unchanged (see TaskCountCache)");
  }

  /** Whether a count statement with this text may be cached: it reads only versioned tables and not the clock. */
  static boolean cacheable(String sql) {
    if (sql == null || CLOCK.matcher(sql).find()) {
      return false;
    }
    Matcher names = CAMUNDA_NAME.matcher(sql);
    boolean any = false;
    while (names.find()) {
      if (!Uppgiftsversion.TABLES.contains(names.group(1).toUpperCase(java.util.Locale.ROOT))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** A bound value as part of a key: plain values only (null when the value is not one, then nothing is cached). */
  static Object keyValue(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof Date date) {
      return new Instant(date.getClass().getName(), date.getTime());
    }
    return null;
  }

  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  /** A date as a value that cannot change afterwards. */
  private record Instant(String type, long millis) {}

  /** One count question: the statement text and every bound value, in order. */
  record Question(String sql, List<Object> values) {}

  @Intercepts(@Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static final class Counts implements Interceptor {

    /** Questions remembered; above this many the cache starts over (a few per user and filter). */
    static final int MAX_KEPT = 20_000;
    /** Statement shapes remembered with whether they may be cached (the regular expressions run once per shape). */
    private static final int MAX_SHAPES = 256;

    private final Map<String, Boolean> shapes = new ConcurrentHashMap<>();

    private final TypeHandlerRegistry types;
    final Uppgiftsversion.Kept<Question, Object> answers = new Uppgiftsversion.Kept<>(MAX_KEPT);

    Counts(TypeHandlerRegistry types) {
      this.types = types;
    }

    /** Wraps executors only (see {@code AuthorizationSqlTuning.Rewriter#plugin}). */
    @Override
    public Object plugin(Object target) {
      return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Object[] args = invocation.getArgs();
      MappedStatement statement = (MappedStatement) args[0];
      if (!TASK_COUNT.equals(statement.getId()) || args[3] != null || (args[2] != null && args[2] != RowBounds.DEFAULT)) {
        return invocation.proceed();
      }
      Executor executor = (Executor) invocation.getTarget();
      Object parameter = args[1];
      RowBounds rows = (RowBounds) args[2];
      // rendered once here and handed on, so the executor does not render Camunda's dynamic SQL a second time
      BoundSql bound = statement.getBoundSql(parameter);
      Question question = question(bound, parameter);
      Long version = question == null ? null : Uppgiftsversion.read(executor.getTransaction().getConnection());
      Object kept = version == null ? null : answers.get(question, version);
      if (kept != null) {
        HITS.incrementAndGet();
        List<Object> result = new ArrayList<>(1);
        result.add(kept);
        return result;
      }
      List<Object> result = executor.query(statement, parameter, rows, null, executor.createCacheKey(statement, parameter, rows, bound), bound);
      // version null: not cacheable, or this transaction changed the versioned tables itself
      if (version != null && result.size() == 1 && result.get(0) instanceof Number count) {
        answers.put(question, version, count);
        COUNTED.incrementAndGet();
      }
      return result;
    }

    /** The statement's text and bound values as MyBatis will bind them, or null when it may not be cached. */
    Question question(BoundSql bound, Object parameter) {
      Boolean allowed = shapes.get(bound.getSql());
      if (allowed == null) {
        if (shapes.size() >= MAX_SHAPES) {
          shapes.clear();
        }
        allowed = cacheable(bound.getSql());
        shapes.put(bound.getSql(), allowed);
      }
      if (!allowed) {
        return null;
      }
      List<Object> values = new ArrayList<>();
      MetaObject meta = null;
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        if (mapping.getMode() != ParameterMode.IN) {
          return null;
        }
        String property = mapping.getProperty();
        Object value;
        if (bound.hasAdditionalParameter(property)) {
          value = bound.getAdditionalParameter(property);
        } else if (parameter == null) {
          value = null;
        } else if (types.hasTypeHandler(parameter.getClass())) {
          value = parameter;
        } else {
          if (meta == null) {
            meta = AuthorizationSqlTuning.Rewriter.meta(parameter);
          }
          value = meta.getValue(property);
        }
        Object key = keyValue(value);
        if (key == null) {
          return null;
        }
        values.add(key);
      }
      return new Question(bound.getSql(), List.copyOf(values));
    }
  }
}
