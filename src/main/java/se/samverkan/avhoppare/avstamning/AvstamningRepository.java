package se.samverkan.avhoppare.avstamning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reconciliation's own tables: each calculation round with both sides' answers
 * ({@code avstamning_omgang}) and the confirmed, immutable result ({@code avstamning}). Only
 * aggregate money per pair of municipalities; no case reference leaves this class.
 */
@Repository
public class AvstamningRepository {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private final JdbcTemplate jdbc;

  public AvstamningRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime nu() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }

  static LocalDate idag() {
    return nu().toLocalDate();
  }

  /** A calculation round, with both answers once given. */
  public record Omgang(long id, String processInstans, int omgang, String avtalsversion, String kommunA, String kommunB,
      LocalDate periodStart, LocalDate periodSlut, String begardAv, BigDecimal justeringA, BigDecimal justeringB,
      String korrigering, String korrigeradAv, BigDecimal kostnadA, BigDecimal kostnadB, BigDecimal avvikelse,
      BigDecimal utjamning, String betalare, String mottagare, String svarA, String kommentarA, String besvaradAvA, String svarB,
      String kommentarB, String besvaradAvB) {}

  /** A confirmed reconciliation. */
  public record Faststalld(String avtalsversion, String kommunA, String kommunB, LocalDate periodStart, LocalDate periodSlut,
      BigDecimal kostnadA, BigDecimal kostnadB, BigDecimal avvikelse, BigDecimal utjamning, String betalare, String mottagare,
      int omgangar, OffsetDateTime faststalld) {}

  /**
   * Every plan row between two municipalities, with the day its assignment ended (if it has): the
   * receiving municipality's assignment ({@code uppdrag}) ends at {@code avslutad}; a service ends on
   * the day before when that is midnight, else on that day.
   */
  public List<Kostnadsavstamning.Planpost> planposter() {
    return jdbc.query("select p.mottagande_kommun, u.hemkommun, p.manadskostnad, p.startdatum, u.avslutad from plan_post p "
        + "join uppdrag u on u.arende = p.arende and u.mottagande_kommun = p.mottagande_kommun "
        + "and u.skapad = (select max(v.skapad) from uppdrag v where v.arende = p.arende and v.mottagande_kommun = p.mottagande_kommun)",
        (rs, i) -> new Kostnadsavstamning.Planpost(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
            rs.getObject(4, LocalDate.class), sistaDag(rs.getObject(5, OffsetDateTime.class))));
  }

  static LocalDate sistaDag(OffsetDateTime avslutad) {
    if (avslutad == null) {
      return null;
    }
    var lokal = avslutad.atZoneSameInstant(ZONE);
    return lokal.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? lokal.toLocalDate().minusDays(1) : lokal.toLocalDate();
  }

  public void nyOmgang(String processInstans, int omgang, String avtalsversion, String begardAv, Kostnadsavstamning.Justering j,
      String korrigering, String korrigeradAv, Kostnadsavstamning.Resultat r) {
    jdbc.update("insert into avstamning_omgang (process_instans, omgang, avtalsversion, kommun_a, kommun_b, period_start, period_slut, "
            + "begard_av, justering_a, justering_b, korrigering, korrigerad_av, kostnad_a, kostnad_b, avvikelse, utjamning, betalare, "
            + "mottagare, registrerad) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstans, omgang, avtalsversion, r.kommunA(), r.kommunB(), r.periodStart(), r.periodSlut(), begardAv, j.kommunA(),
        j.kommunB(), korrigering, korrigeradAv, r.kostnadA(), r.kostnadB(), r.avvikelse(), r.utjamning(), r.betalare(), r.mottagare(),
        nu());
  }

  public Optional<Omgang> senaste(String processInstans) {
    return jdbc.query("select * from avstamning_omgang where process_instans = ? order by omgang desc", (rs, i) -> new Omgang(
        rs.getLong("id"), rs.getString("process_instans"), rs.getInt("omgang"), rs.getString("avtalsversion"), rs.getString("kommun_a"),
        rs.getString("kommun_b"), rs.getObject("period_start", LocalDate.class), rs.getObject("period_slut", LocalDate.class),
        rs.getString("begard_av"), rs.getBigDecimal("justering_a"), rs.getBigDecimal("justering_b"), rs.getString("korrigering"),
        rs.getString("korrigerad_av"), rs.getBigDecimal("kostnad_a"), rs.getBigDecimal("kostnad_b"), rs.getBigDecimal("avvikelse"),
        rs.getBigDecimal("utjamning"), rs.getString("betalare"), rs.getString("mottagare"), rs.getString("svar_a"),
        rs.getString("kommentar_a"), rs.getString("besvarad_av_a"), rs.getString("svar_b"), rs.getString("kommentar_b"),
        rs.getString("besvarad_av_b")), processInstans).stream().findFirst();
  }

  public Omgang hamta(String processInstans) {
    return senaste(processInstans).orElseThrow(() -> new IllegalStateException("reconciliation " + processInstans + " has no round"));
  }

  /** Records one side's answer in the current round; a side answers once per round. */
  public void svar(long omgangId, String sida, String svar, String kommentar, String av) {
    String s = "A".equals(sida) ? "a" : "b";
    int n = jdbc.update("update avstamning_omgang set svar_" + s + " = ?, kommentar_" + s + " = ?, besvarad_av_" + s + " = ? "
        + "where id = ? and svar_" + s + " is null", svar, kommentar, av, omgangId);
    if (n != 1) {
      throw new IllegalStateException("side " + sida + " has answered round " + omgangId + " already");
    }
  }

  /** Whether a timer-started reconciliation of this pair and period exists (running or confirmed). */
  public boolean finnsHalvar(String avtalsversion, String kommunA, String kommunB, LocalDate periodStart) {
    return jdbc.queryForObject("select count(*) from avstamning_omgang where avtalsversion = ? and kommun_a = ? and kommun_b = ? "
        + "and period_start = ? and begard_av is null", Integer.class, avtalsversion, kommunA, kommunB, periodStart) > 0;
  }

  /** Stores the confirmed result of the current round. There is no update path: the row is final. */
  public void faststall(Omgang o) {
    jdbc.update("insert into avstamning (process_instans, avtalsversion, kommun_a, kommun_b, period_start, period_slut, kostnad_a, "
            + "kostnad_b, avvikelse, utjamning, betalare, mottagare, omgangar, bekraftad_av_a, bekraftad_av_b, faststalld) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        o.processInstans(), o.avtalsversion(), o.kommunA(), o.kommunB(), o.periodStart(), o.periodSlut(), o.kostnadA(), o.kostnadB(),
        o.avvikelse(), o.utjamning(), o.betalare(), o.mottagare(), o.omgang(), o.besvaradAvA(), o.besvaradAvB(), nu());
  }

  public List<Faststalld> faststallda(String avtalsversion) {
    return jdbc.query("select * from avstamning where avtalsversion = ? order by period_start, kommun_a, kommun_b, id",
        (rs, i) -> new Faststalld(rs.getString("avtalsversion"), rs.getString("kommun_a"), rs.getString("kommun_b"),
            rs.getObject("period_start", LocalDate.class), rs.getObject("period_slut", LocalDate.class), rs.getBigDecimal("kostnad_a"),
            rs.getBigDecimal("kostnad_b"), rs.getBigDecimal("avvikelse"), rs.getBigDecimal("utjamning"), rs.getString("betalare"),
            rs.getString("mottagare"), rs.getInt("omgangar"), rs.getObject("faststalld", OffsetDateTime.class)),
        avtalsversion);
  }
}
