package se.samverkan.avhoppare.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The committed version of the tables Tasklist's reads depend on, and answers kept under it (issue #11).
 *
 * <p>{@code db/changelog/app/140-uppgiftsversion.yaml} keeps a version of four tables (tasks, identity
 * links, grants, process definitions): every transaction that changes any of them adds 1 to its backend's
 * row, so {@code SUM(version)} is the same in two snapshots exactly when no change to those tables was
 * committed between them. An answer computed from those tables alone after reading version v is therefore
 * the answer again for as long as the version still reads v. {@link TaskCountCache} keeps task counts
 * this way, {@link AuthorizationCache} the engine's grant checks.
 */
final class Uppgiftsversion {

  static final String SQL =
      "SELECT COALESCE(SUM(version), 0), current_setting('avh.uppgiftsversion_andrad', true) FROM avh_uppgiftsversion";
  /** The tables whose changes the version counts (140-uppgiftsversion.yaml). */
  static final Set<String> TABLES = Set.of("ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RE_PROCDEF");

  private Uppgiftsversion() {}

  /** Whether this engine's database keeps the version: the table and its triggers exist on PostgreSQL only. */
  static boolean kept(ProcessEngineConfigurationImpl configuration) {
    return "postgres".equals(configuration.getDatabaseType());
  }

  /**
   * The committed version, or null when this transaction has changed the tables itself (it sees its own
   * uncommitted rows, so nothing it reads may be kept or answered from a kept result).
   */
  static Long read(Connection connection) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(SQL); ResultSet rs = read.executeQuery()) {
      rs.next();
      return "ja".equals(rs.getString(2)) ? null : rs.getLong(1);
    }
  }

  /** Answers by question, each with the version it was computed at; above {@code max} questions it starts over. */
  static final class Kept<K, V> {

    private record Answer<V>(long version, V value) {}

    private final int max;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

    Kept(int max) {
      this.max = max;
    }

    /** The answer kept for this question at exactly this version, or null. */
    V get(K question, long version) {
      Answer<V> kept = answers.get(question);
      return kept != null && kept.version() == version ? kept.value() : null;
    }

    void put(K question, long version, V value) {
      if (answers.size() >= max) {
        answers.clear();
      }
      answers.put(question, new Answer<>(version, value));
    }

    int size() {
      return answers.size();
    }
  }
}
