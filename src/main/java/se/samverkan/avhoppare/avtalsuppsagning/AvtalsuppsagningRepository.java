package se.samverkan.avhoppare.avtalsuppsagning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * §11 notices of the whole agreement, as recorded facts ({@code avtalsuppsagning}): what the
 * version-end timers and the checks on new assignments consult. The agreement versions themselves
 * stay configuration ({@link se.samverkan.avhoppare.avtal.AvtalRegister}).
 */
@Repository
public class AvtalsuppsagningRepository {

  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private final JdbcTemplate jdbc;

  public AvtalsuppsagningRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static LocalDate idag() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** A recorded notice. */
  public record Uppsagning(String avtalsversion, String kommun, LocalDate skickad, LocalDate mottagen, LocalDate sistaDag) {}

  /** A running assignment that the notice concerns: the home case's reference and instance, and its current version end. */
  public record Berord(String arende, String processInstans, LocalDate avtalsversionSlut) {}

  public void registrera(String avtalsversion, String kommun, LocalDate skickad, LocalDate mottagen, LocalDate sistaDag,
      String kommentar, String av) {
    jdbc.update("insert into avtalsuppsagning (avtalsversion, kommun, skickad, mottagen, sista_dag, kommentar, registrerad_av, registrerad) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?)", avtalsversion, kommun, skickad, mottagen, sistaDag, kommentar, av,
        ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime());
  }

  public Optional<Uppsagning> uppsagning(String avtalsversion, String kommun) {
    return alla(avtalsversion).stream().filter(u -> u.kommun().equals(kommun)).findFirst();
  }

  public List<Uppsagning> alla(String avtalsversion) {
    return jdbc.query("select * from avtalsuppsagning where avtalsversion = ? order by kommun", (rs, i) -> new Uppsagning(
        rs.getString("avtalsversion"), rs.getString("kommun"), rs.getObject("skickad", LocalDate.class),
        rs.getObject("mottagen", LocalDate.class), rs.getObject("sista_dag", LocalDate.class)), avtalsversion);
  }

  /** The earliest last day in force for the case's version by a notice of its home or receiving municipality. */
  public Optional<LocalDate> sistaDagForArende(String referens, String mottagandeKommun) {
    return Optional.ofNullable(jdbc.queryForObject("select min(u.sista_dag) from avtalsuppsagning u join arende a "
        + "on a.avtalsversion = u.avtalsversion where a.referens = ? and (u.kommun = a.hemkommun or u.kommun = ?)",
        LocalDate.class, referens, mottagandeKommun));
  }

  /** Running assignments in the version to or from the municipality whose version end is after the given day. */
  public List<Berord> pagaende(String avtalsversion, String kommun, LocalDate sistaDag) {
    return jdbc.query("select v.arende, a.process_instans, v.avtalsversion_slut from verkstallighet v join arende a on a.referens = v.arende "
        + "where a.avtalsversion = ? and (a.hemkommun = ? or v.mottagande_kommun = ?) and v.avslutad is null and v.avtalsversion_slut > ?",
        (rs, i) -> new Berord(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)), avtalsversion, kommun, kommun, sistaDag);
  }

  /** Moves the assignment's version end earlier (never later). */
  public void flyttaAvtalsslut(String arende, LocalDate sistaDag) {
    jdbc.update("update verkstallighet set avtalsversion_slut = ? where arende = ? and avtalsversion_slut > ?", sistaDag, arende, sistaDag);
  }
}
