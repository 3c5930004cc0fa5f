package se.samverkan.avhoppare.identitet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal identities, encrypted at rest in {@code person_identitet}, one per case. Knows nothing
 * of who may read them: {@link IdentitetResource} decides that, and logs every access.
 */
@Repository
public class IdentitetVault {

  private final JdbcTemplate jdbc;
  private final IdentitetKeys keys;

  public IdentitetVault(JdbcTemplate jdbc, IdentitetKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  @Transactional
  public void store(String arende, String hemkommun, PersonIdentitet identitet) {
    String keyId = keys.activeId();
    IdentitetCipher.Sealed sealed = IdentitetCipher.seal(keys.active(), IdentitetCipher.aad(arende, hemkommun, keyId),
        IdentitetCipher.encode(identitet));
    OffsetDateTime now = OffsetDateTime.now();
    int updated = jdbc.update("update person_identitet set nyckel_id = ?, nonce = ?, chiffer = ?, andrad = ? "
        + "where arende = ? and hemkommun = ?", keyId, sealed.nonce(), sealed.ciphertext(), now, arende, hemkommun);
    if (updated == 0) {
      jdbc.update("insert into person_identitet (arende, hemkommun, nyckel_id, nonce, chiffer, skapad, andrad) "
          + "values (?, ?, ?, ?, ?, ?, ?)", arende, hemkommun, keyId, sealed.nonce(), sealed.ciphertext(), now, now);
    }
  }

  public Optional<PersonIdentitet> read(String arende, String hemkommun) {
    List<Row> rows = jdbc.query("select nyckel_id, nonce, chiffer from person_identitet where arende = ? and hemkommun = ?",
        (rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), arende, hemkommun);
    return rows.stream().findFirst().map(row -> IdentitetCipher.decode(IdentitetCipher.open(keys.key(row.keyId),
        IdentitetCipher.aad(arende, hemkommun, row.keyId), row.nonce, row.ciphertext)));
  }

  /** Re-encrypts every identity not yet under the active key; returns how many. Old keys can go afterwards. */
  @Transactional
  public int rotate() {
    List<String[]> stale = jdbc.query("select arende, hemkommun from person_identitet where nyckel_id <> ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, keys.activeId());
    for (String[] row : stale) {
      store(row[0], row[1], read(row[0], row[1]).orElseThrow());
    }
    return stale.size();
  }

  private record Row(String keyId, byte[] nonce, byte[] ciphertext) {}
}
