package se.samverkan.avhoppare.config;

import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's grant checks answered from the node's last answer to exactly the same question while no
 * grant has changed, on any node (issue #11).
 *
 * <p>Tasklist reads its filter five times for one list and one count, each time in a command of its own
 * that checks READ on the filter: Camunda reads the groups that have any grant, whether the user or their
 * groups have a revoke, then whether they are granted READ — three statements per read, with the
 * authorization check's dynamic SQL rendered each time (~15 % of a node's CPU under Tasklist load). The
 * answers depend on nothing but the grants table and the question, and the grants rarely change.
 *
 * <p>Three of {@link AuthorizationManager}'s answers are kept, each under the version of
 * {@link Uppgiftsversion} (which counts every committed change to the grants) read once per command:
 * <ul>
 *   <li>a single check: user, groups, permission, resource type and id → granted or not;</li>
 *   <li>the groups that have grants (Camunda's {@code selectAuthorizedGroupIds});</li>
 *   <li>whether the user or their groups have a revoke ({@code authorizationCheckRevokes=auto}).</li>
 * </ul>
 * A kept answer is used only when the version still reads what it read when the answer was computed, so
 * no grant, revoke or group has changed since: Camunda would compute the same answer again. Why reading
 * the version once per command is enough: the engine writes a command's changes when the command ends, so
 * a command reads the grants as they were when it started; a transaction that has itself changed them (an
 * earlier command in the same transaction) reads no version and neither uses nor keeps an answer.
 * Everything else is Camunda's own code: the checks on queries (task lists, counts) still run in SQL,
 * and composite checks, checks with a query parameter and a node without authorization are untouched.
 *
 * <p>Off: {@code avhoppare.tuning.authorization-cache=false}. Not on the embedded H2 database (no version
 * table there).
 */
@Component
@ConditionalOnProperty(name = "avhoppare.tuning.authorization-cache", havingValue = "true", matchIfMissing = true)
public class AuthorizationCache extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCache.class);
  /** Questions remembered per kind; above this many a kind starts over (a few per user and resource). */
  static final int MAX_KEPT = 20_000;

  private static final AtomicLong HITS = new AtomicLong();
  private static final AtomicLong COMPUTED = new AtomicLong();

  /** Answers given from a kept answer since start, in this JVM. */
  public static long hits() {
    return HITS.get();
  }

  /** Answers computed by Camunda and kept since start, in this JVM. */
  public static long computed() {
    return COMPUTED.get();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!Uppgiftsversion.kept(configuration)) {
      return;
    }
    configuration.getSessionFactories().put(AuthorizationManager.class, new Managers());
    LOG.info("Grant checks are reused while the grants are unchanged (see AuthorizationCache)");
  }

  /** A single check's question: who asks, as which groups, for what. */
  record Check(String userId, Set<String> groupIds, String permissionType, String permission, int permissionValue, int resourceType,
      String resourceId) {}

  /** A revoke question: who asks, as which of their groups that have grants. */
  record Revoke(String userId, Set<String> groupIds) {}

  /** Opens one caching manager per command, all sharing the kept answers. */
  static final class Managers implements SessionFactory {

    final Uppgiftsversion.Kept<Check, Boolean> checks = new Uppgiftsversion.Kept<>(MAX_KEPT);
    final Uppgiftsversion.Kept<Revoke, Boolean> revokes = new Uppgiftsversion.Kept<>(MAX_KEPT);
    final Uppgiftsversion.Kept<String, Set<String>> groups = new Uppgiftsversion.Kept<>(1);

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager(this);
    }
  }

  /** Camunda's manager, answering the three questions from kept answers where the version allows. */
  static final class Manager extends AuthorizationManager {

    private static final String ALL_GROUPS = "groups with grants";

    private final Managers kept;
    private boolean versionRead;
    private Long version;

    Manager(Managers kept) {
      this.kept = kept;
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
      Check question = question(userId, groupIds, check);
      Long v = question == null ? null : version();
      if (v == null) {
        return super.isAuthorized(userId, groupIds, check);
      }
      return answer(kept.checks, question, v, () -> super.isAuthorized(userId, groupIds, check));
    }

    @Override
    protected Set<String> getAllGroups() {
      if (availableAuthorizedGroupIds != null) {
        return availableAuthorizedGroupIds;
      }
      Long v = version();
      if (v == null) {
        return super.getAllGroups();
      }
      // Camunda's set may hold null (grants to users have no group), so a HashSet, read-only from here on
      availableAuthorizedGroupIds = answer(kept.groups, ALL_GROUPS, v,
          () -> Collections.unmodifiableSet(new HashSet<>(super.getAllGroups())));
      return availableAuthorizedGroupIds;
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      if (isRevokeAuthCheckUsed != null
          || !"auto".equalsIgnoreCase(Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes())) {
        return super.isRevokeAuthCheckEnabled(userId, groupIds);
      }
      Long v = version();
      if (v == null) {
        return super.isRevokeAuthCheckEnabled(userId, groupIds);
      }
      // Camunda asks about the user and those of their groups that have grants (filterAuthenticatedGroupIds)
      Revoke question = new Revoke(userId, groups(filterAuthenticatedGroupIds(groupIds)));
      // Camunda keeps its answer for the rest of the command; a kept answer is kept there the same way
      isRevokeAuthCheckUsed = answer(kept.revokes, question, v, () -> super.isRevokeAuthCheckEnabled(userId, groupIds));
      return isRevokeAuthCheckUsed;
    }

    /** The answer kept for the question at version v, or Camunda's (computed, then kept under v). */
    private static <K, V> V answer(Uppgiftsversion.Kept<K, V> answers, K question, long v, Supplier<V> camunda) {
      V answer = answers.get(question, v);
      if (answer != null) {
        HITS.incrementAndGet();
        return answer;
      }
      answer = camunda.get();
      answers.put(question, v, answer);
      COMPUTED.incrementAndGet();
      return answer;
    }

    /** The version this command reads the grants at, or null when its transaction has changed them. */
    private Long version() {
      if (!versionRead) {
        try {
          version = Uppgiftsversion.read(getDbSqlSession().getSqlSession().getConnection());
        } catch (SQLException e) {
          throw new ProcessEngineException("could not read the version of the grants", e);
        }
        versionRead = true;
      }
      return version;
    }

    /** Groups as part of a key: which, not in what order (the checks ask "GROUP_ID_ IN (...)"). */
    private static Set<String> groups(List<String> groupIds) {
      return groupIds == null ? null : Collections.unmodifiableSet(new HashSet<>(groupIds));
    }

    /** A single check as a key, or null when it is not one this cache answers. */
    private Check question(String userId, List<String> groupIds, PermissionCheck check) {
      if (!isAuthorizationEnabled() || check == null || check.getResourceIdQueryParam() != null
          || check.getAuthorizationNotFoundReturnValue() != null) {
        return null;
      }
      Permission permission = check.getPermission();
      Resource resource = check.getResource();
      if (permission == null || resource == null) {
        return null;
      }
      return new Check(userId, groups(groupIds), permission.getClass().getName(), permission.getName(), permission.getValue(),
          resource.resourceType(), check.getResourceId());
    }
  }
}
