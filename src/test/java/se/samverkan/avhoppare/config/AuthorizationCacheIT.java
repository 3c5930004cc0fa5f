package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samverkan.avhoppare.support.PostgresIntegrationTest;

/**
 * A kept grant check is never a stale one (issue #11, config/AuthorizationCache): with authorization on,
 * reading a filter (Camunda's READ check on it) is allowed exactly when the grants allow it at that
 * moment — after a grant is taken away directly in the database (as another node or an administrator
 * would), after a revoke is added, after a grant to one of the user's groups appears, and after a
 * transaction that granted something itself was rolled back. One user's answer is never another's, and an
 * unchanged question is answered from the kept answer (the test fails when the cache is not installed).
 */
@PostgresIntegrationTest
class AuthorizationCacheIT {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String user = "grant-" + run;
  private final String otherUser = "grant-" + run + "-annan";
  private final String group = "grant-" + run + "-grupp";
  private final List<String> authorizations = new ArrayList<>();
  private String filterId;

  @BeforeEach
  void filter() {
    identity().clearAuthentication();
    Filter filter = filters().newTaskFilter("Behörighetsprov " + run);
    filters().saveFilter(filter);
    filterId = filter.getId();
  }

  @AfterEach
  void removeFilterAndGrants() {
    identity().clearAuthentication();
    for (String id : authorizations) {
      if (auth().createAuthorizationQuery().authorizationId(id).count() > 0) {
        auth().deleteAuthorization(id);
      }
    }
    filters().deleteFilter(filterId);
  }

  @Test
  void aKeptAnswerIsUsedOnlyWhileNoGrantHasChanged() {
    String grant = grant(Authorization.AUTH_TYPE_GRANT, user, null);

    assertThat(reads(user)).isTrue();
    long hits = AuthorizationCache.hits();
    assertThat(reads(user)).as("the same question again, nothing changed").isTrue();
    assertThat(AuthorizationCache.hits()).as("answered from kept answers").isGreaterThan(hits);

    // another user asks the same about the same filter: their own answer, never the first user's
    assertThat(reads(otherUser)).isFalse();
    assertThat(reads(user)).isTrue();

    // the grant taken away directly in the database (another node, an administrator): checked again
    jdbc.update("delete from act_ru_authorization where id_ = ?", grant);
    assertThat(reads(user)).as("the grant is gone").isFalse();
    assertThat(reads(user)).isFalse();

    // a grant to one of the user's groups appears: a group that had no grant before
    grant(Authorization.AUTH_TYPE_GRANT, null, group);
    assertThat(reads(user)).as("granted through the group").isTrue();

    // a revoke for the user on this filter: Camunda's revoke check (authorizationCheckRevokes=auto) sees it
    grant(Authorization.AUTH_TYPE_REVOKE, user, null);
    assertThat(reads(user)).as("revoked for the user").isFalse();
    assertThat(reads(otherUser)).as("the revoke is the user's only: another member of the group still reads").isTrue();
  }

  @Test
  void aTransactionsOwnUncommittedGrantIsNeverKept() {
    assertThat(reads(user)).isFalse();

    long computed = AuthorizationCache.computed();
    long hits = AuthorizationCache.hits();
    // one transaction around two engine commands: the first grants READ, the second reads the filter and sees
    // its own uncommitted grant; then the transaction rolls back
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      grant(Authorization.AUTH_TYPE_GRANT, user, null);
      boolean inside = reads(user);
      assertThat(inside).as("the transaction sees its own grant").isTrue();
      throw new IllegalStateException("rolled back " + inside);
    })).hasMessageContaining("rolled back true");
    assertThat(AuthorizationCache.computed()).as("nothing computed in the changing transaction was kept").isEqualTo(computed);
    assertThat(AuthorizationCache.hits()).as("nor answered from kept answers").isEqualTo(hits);

    assertThat(reads(user)).as("after the rollback").isFalse();
  }

  /** Whether the user (member of the test's group) may read the filter: Camunda's READ check on it. */
  private boolean reads(String userId) {
    identity().setAuthentication(userId, List.of(group));
    try {
      return filters().getFilter(filterId) != null;
    } catch (AuthorizationException e) {
      return false;
    } finally {
      identity().clearAuthentication();
    }
  }

  private String grant(int type, String userId, String groupId) {
    identity().clearAuthentication();
    Authorization a = auth().createNewAuthorization(type);
    a.setUserId(userId);
    a.setGroupId(groupId);
    a.setResource(Resources.FILTER);
    a.setResourceId(filterId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      a.removePermission(Permissions.READ);
    } else {
      a.addPermission(Permissions.READ);
    }
    auth().saveAuthorization(a);
    authorizations.add(a.getId());
    return a.getId();
  }

  private FilterService filters() {
    return engine.getFilterService();
  }

  private AuthorizationService auth() {
    return engine.getAuthorizationService();
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }
}
