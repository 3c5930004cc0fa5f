package se.samverkan.avhoppare.security.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only access log. The application can only add and read lines: there is no update or
 * delete here, and on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE on the table.
 * Each line is written in a transaction of its own, so a refused or rolled-back request is still
 * logged.
 */
@Repository
public class AccessLog {

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private final JdbcTemplate jdbc;

  public AccessLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends a line. Every value is cut to its column (a cut value ends with "…"), so an over-long
   * case reference, user name or path in a request can never make the insert fail and the request go
   * unlogged.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void append(AccessLogEntry e) {
    jdbc.update("insert into atkomstlogg (tidpunkt, anvandare, kommun, arende, process_instans, atgard, yta, resurs, klient, status) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.tidpunkt(), shorten(e.anvandare(), 128), shorten(e.kommun(), 64), shorten(e.arende(), 64), shorten(e.processInstans(), 64),
        shorten(e.atgard(), 16), shorten(e.yta(), 32), shorten(e.resurs() == null ? "" : e.resurs(), 1000), shorten(e.klient(), 64),
        e.status());
  }

  /** Lines about one municipality's data, newest first, filtered by whatever is given. */
  public List<AccessLogEntry> search(String kommun, String anvandare, String arende, OffsetDateTime fran,
      OffsetDateTime till, int max) {
    StringBuilder sql = new StringBuilder("select * from atkomstlogg where kommun = ?");
    List<Object> args = new ArrayList<>(List.of(kommun));
    if (anvandare != null && !anvandare.isBlank()) {
      sql.append(" and anvandare = ?");
      args.add(anvandare);
    }
    if (arende != null && !arende.isBlank()) {
      sql.append(" and arende = ?");
      args.add(arende);
    }
    if (fran != null) {
      sql.append(" and tidpunkt >= ?");
      args.add(fran);
    }
    if (till != null) {
      sql.append(" and tidpunkt < ?");
      args.add(till);
    }
    sql.append(" order by id desc");
    return jdbc.query(con -> {
      var ps = con.prepareStatement(sql.toString());
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      ps.setMaxRows(max);
      return ps;
    }, AccessLog::map);
  }

  private static AccessLogEntry map(ResultSet rs, int row) throws SQLException {
    return new AccessLogEntry(rs.getLong("id"), rs.getObject("tidpunkt", OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime(),
        rs.getString("anvandare"), rs.getString("kommun"), rs.getString("arende"), rs.getString("process_instans"),
        rs.getString("atgard"), rs.getString("yta"), rs.getString("resurs"), rs.getString("klient"), rs.getInt("status"));
  }

  /** At most {@code max} characters, control characters replaced; a cut value ends with "…". */
  static String shorten(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
  }
}
