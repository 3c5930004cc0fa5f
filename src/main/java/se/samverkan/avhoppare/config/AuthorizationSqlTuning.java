package se.samverkan.avhoppare.config;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs two of Camunda's authorization statements on PostgreSQL in the equivalent, index- and
 * hash-friendly form {@link AuthorizationSql} describes: the task list's (and its count's) READ check,
 * and the per-command read of the groups that hold grants. Who may see or do what is unchanged — the
 * grants are Camunda's own rows (one per task for its candidate groups) and every single-task check
 * (claim, complete, read one task) still runs Camunda's statements untouched.
 *
 * <p>Installed as a MyBatis interceptor on the engine's own session factory, after the engine has
 * built it. {@link #rewrites()} counts the statements rewritten, so a test can tell that the rewrite
 * is in use (after a Camunda upgrade that changes the statements it would silently stop). On by
 * default; {@code avhoppare.tuning.authorization-sql=false} runs Camunda's statements as shipped (the
 * benchmark's "before").
 */
@Component
@ConditionalOnProperty(name = "avhoppare.tuning.authorization-sql", havingValue = "true", matchIfMissing = true)
public class AuthorizationSqlTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSqlTuning.class);
  private static final AtomicLong REWRITES = new AtomicLong();

  /** Statements rewritten since start, in this JVM. */
  public static long rewrites() {
    return REWRITES.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return; // the embedded H2 mode holds a handful of tasks; only PostgreSQL's plans were measured
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewriter());
    LOG.info("Task list authorization check and authorized-group lookup run in their rewritten form (see AuthorizationSql)");
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class Rewriter implements Interceptor {

    /**
     * One reflector cache for every statement. {@code SystemMetaObject.forObject} makes a new, empty one
     * per call, so MyBatis introspected the handler and BoundSql classes again for every statement the
     * engine ran (a profile of the Tasklist requests: 16% of the service's CPU in this interceptor).
     */
    private static final ReflectorFactory REFLECTORS = new DefaultReflectorFactory();
    /** Task-query shapes (and group lookups) remembered; above this many distinct texts the cache starts over. */
    private static final int MAX_CACHED = 256;

    /**
     * The rewrite of each statement text met so far (empty: run unchanged). MyBatis renders the same
     * text for the same query shape (values are bind parameters), so the regular expressions run once
     * per shape instead of once per statement.
     */
    private final Map<Shape, Optional<AuthorizationSql.Rewrite>> rewrites = new ConcurrentHashMap<>();

    /**
     * Wraps statement handlers only. MyBatis offers every executor, statement, parameter and result-set
     * handler to every interceptor, and its default looks this class's signatures up by reflection for
     * each of them (2 % of a warm node's CPU with two interceptors).
     */
    @Override
    public Object plugin(Object target) {
      return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    /** A cache key that uses both strings' cached hashes instead of a joined copy of the statement text. */
    private record Shape(String statementId, String sql) {}

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      MetaObject meta = meta(handler);
      Object statement = meta.hasGetter("delegate.mappedStatement") ? meta.getValue("delegate.mappedStatement") : null;
      if (statement instanceof MappedStatement mapped) {
        BoundSql bound = handler.getBoundSql();
        AuthorizationSql.Rewrite rewrite = rewriteOf(mapped.getId(), bound.getSql());
        List<ParameterMapping> parameters = bound.getParameterMappings();
        if (rewrite != null && rewrite.parameters() == parameters.size()) {
          MetaObject boundMeta = meta(bound);
          boundMeta.setValue("sql", rewrite.sql());
          boundMeta.setValue("parameterMappings", AuthorizationSql.reorder(parameters, rewrite.parameterOrder()));
          REWRITES.incrementAndGet();
        }
      }
      return invocation.proceed();
    }

    AuthorizationSql.Rewrite rewriteOf(String statementId, String sql) {
      if (!AuthorizationSql.mayRewrite(statementId) || sql == null) {
        return null; // most statements: nothing to look at, nothing to cache
      }
      Shape key = new Shape(statementId, sql);
      Optional<AuthorizationSql.Rewrite> known = rewrites.get(key);
      if (known == null) {
        if (rewrites.size() >= MAX_CACHED) {
          rewrites.clear();
        }
        known = Optional.ofNullable(AuthorizationSql.rewrite(statementId, sql));
        rewrites.put(key, known);
      }
      return known.orElse(null);
    }

    /** A MetaObject sharing the one reflector cache (also used by {@link TaskCountCache}). */
    static MetaObject meta(Object object) {
      return MetaObject.forObject(object, SystemMetaObject.DEFAULT_OBJECT_FACTORY, SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLECTORS);
    }
  }
}
