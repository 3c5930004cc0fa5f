package se.samverkan.avhoppare.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Searches every column of every table whose name starts with a prefix (e.g. {@code ACT_}, all of
 * Camunda's) for given strings: text columns as text, binary columns (byte arrays of variables,
 * serialized values) decoded as UTF-8 and ISO-8859-1. Returns one line per hit: table.column.
 */
public final class PersonalDataScan {

  private PersonalDataScan() {}

  public static List<String> hits(DataSource dataSource, String tablePrefix, List<String> needles) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection con = dataSource.getConnection()) {
      DatabaseMetaData meta = con.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          String schema = rs.getString("TABLE_SCHEM");
          if (name.toUpperCase(Locale.ROOT).startsWith(tablePrefix.toUpperCase(Locale.ROOT))
              && (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA"))) {
            tables.add(name);
          }
        }
      }
      for (String table : tables) {
        try (var st = con.createStatement(); ResultSet rs = st.executeQuery("select * from " + table)) {
          var md = rs.getMetaData();
          while (rs.next()) {
            for (int c = 1; c <= md.getColumnCount(); c++) {
              String value = text(rs, c, md.getColumnType(c));
              if (value == null) {
                continue;
              }
              for (String needle : needles) {
                if (value.contains(needle)) {
                  hits.add(table + "." + md.getColumnName(c) + " contains '" + needle + "'");
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }

  /** How many tables a scan with this prefix reads: a scan of nothing proves nothing. */
  public static int tableCount(DataSource dataSource, String tablePrefix) throws SQLException {
    try (Connection con = dataSource.getConnection(); ResultSet rs = con.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      int n = 0;
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT).startsWith(tablePrefix.toUpperCase(Locale.ROOT))) {
          n++;
        }
      }
      return n;
    }
  }

  private static String text(ResultSet rs, int column, int type) throws SQLException {
    switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null
            : new String(bytes, StandardCharsets.UTF_8) + "\n" + new String(bytes, StandardCharsets.ISO_8859_1);
      }
      default -> {
        Object value = rs.getObject(column);
        return value == null ? null : value.toString();
      }
    }
  }
}
