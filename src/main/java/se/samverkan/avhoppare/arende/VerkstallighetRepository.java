package se.samverkan.avhoppare.arende;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The running assignment (§7–§13) in our own tables: follow-ups, reports, the events either
 * municipality reports and how the assignment ended. Writes join the engine's transaction; times
 * follow the engine's clock, so tests that move time see the same dates as the timers.
 */
@Repository
public class VerkstallighetRepository {

  private final JdbcTemplate jdbc;

  public VerkstallighetRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime nu() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcessInstallningar.ZONE).toOffsetDateTime();
  }

  /** The running assignment as the home municipality records it. */
  public record Verkstallighet(long id, String arende, String mottagandeKommun, OffsetDateTime startad, LocalDate planeratSlut,
      LocalDate avtalsversionSlut, String intervall, int omgang, OffsetDateTime nastaUppfoljning, String avslutstyp,
      String avslutsorsak, String avslutadAv) {}

  /** The assignment description's period and cadence, as the home municipality wrote it. */
  public record Beskrivning(LocalDate periodStart, LocalDate periodSlut, String intervall) {}

  /** Something either municipality reported from the request onwards; {@code mottagen} is a §12 notice's date of receipt. */
  public record Handelse(long id, String arende, String kommun, String typ, LocalDate datum, String kategori, String av,
      String beskrivning, OffsetDateTime upphor, OffsetDateTime registrerad, LocalDate mottagen) {}

  public Beskrivning beskrivning(String arende) {
    return jdbc.queryForObject("select period_start, period_slut, uppfoljningsintervall from uppdragsbeskrivning where arende = ?",
        (rs, i) -> new Beskrivning(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getString(3)), arende);
  }

  public void starta(String arende, String mottagandeKommun, OffsetDateTime startad, LocalDate planeratSlut,
      LocalDate avtalsversionSlut, String intervall, ZonedDateTime forstaUppfoljning) {
    // every assignment that reached implementation keeps its row: a second one in the same case adds one
    jdbc.update("insert into verkstallighet (arende, mottagande_kommun, startad, planerat_slut, avtalsversion_slut, intervall, omgang, "
        + "nasta_uppfoljning) values (?, ?, ?, ?, ?, ?, 0, ?)", arende, mottagandeKommun, startad, planeratSlut, avtalsversionSlut,
        intervall, forstaUppfoljning.toOffsetDateTime());
  }

  public Optional<Verkstallighet> hitta(String arende) {
    return historik(arende).stream().reduce((a, b) -> b);
  }

  /** Every assignment of the case that reached implementation, oldest first; the last is the current one. */
  public List<Verkstallighet> historik(String arende) {
    return jdbc.query("select * from verkstallighet where arende = ? order by id", (rs, i) -> new Verkstallighet(rs.getLong("id"),
        rs.getString("arende"),
        rs.getString("mottagande_kommun"), rs.getObject("startad", OffsetDateTime.class), rs.getObject("planerat_slut", LocalDate.class),
        rs.getObject("avtalsversion_slut", LocalDate.class), rs.getString("intervall"), rs.getInt("omgang"),
        rs.getObject("nasta_uppfoljning", OffsetDateTime.class), rs.getString("avslutstyp"), rs.getString("avslutsorsak"),
        rs.getString("avslutad_av")), arende);
  }

  /**
   * The implementation of the case's current assignment (the latest accepted request), if it has begun;
   * empty before, and empty when only an earlier assignment of the case reached implementation.
   */
  public Optional<Verkstallighet> aktuell(String arende) {
    OffsetDateTime accepterad = jdbc.queryForObject("select max(accepterad) from uppdrag where arende = ?", OffsetDateTime.class, arende);
    return hitta(arende).filter(v -> accepterad == null || !v.startad().isBefore(accepterad));
  }

  public Verkstallighet hamta(String arende) {
    return hitta(arende).orElseThrow(() -> new IllegalStateException("case " + arende + " has no running assignment"));
  }

  /** Opens the next follow-up round at its planned time and returns its number. */
  public int nyOmgang(String arende) {
    Verkstallighet v = hamta(arende);
    int omgang = v.omgang() + 1;
    jdbc.update("update verkstallighet set omgang = ? where id = ?", omgang, v.id());
    jdbc.update("insert into uppfoljning (arende, verkstallighet_id, omgang, planerad, slutuppfoljning) values (?, ?, ?, ?, false)", arende,
        v.id(), omgang, v.nastaUppfoljning());
    return omgang;
  }

  /** Records the follow-up and plans the next one from this one's planned time, at the (possibly new) cadence. */
  public void uppfoljning(String arende, int omgang, LocalDate genomford, String bedomning, boolean registerslagning,
      String registerslagningSvar, String registerslagningKommentar, String nyttIntervall) {
    Verkstallighet v = hamta(arende);
    String intervall = nyttIntervall == null ? v.intervall() : nyttIntervall;
    jdbc.update("update uppfoljning set genomford = ?, bedomning = ?, registerslagning_begard = ?, registerslagning_svar = ?, "
        + "registerslagning_kommentar = ?, intervall_efter = ?, registrerad = ? where verkstallighet_id = ? and omgang = ?", genomford, bedomning,
        registerslagning, registerslagningSvar, registerslagningKommentar, intervall, nu(), v.id(), omgang);
    ZonedDateTime nasta = ProcessInstallningar.plus(v.nastaUppfoljning().atZoneSameInstant(ProcessInstallningar.ZONE), intervall);
    jdbc.update("update verkstallighet set intervall = ?, nasta_uppfoljning = ? where id = ?", intervall, nasta.toOffsetDateTime(),
        v.id());
  }

  public void slutuppfoljning(String arende, LocalDate genomford, String utfall, String bedomning) {
    Verkstallighet v = hamta(arende);
    jdbc.update("insert into uppfoljning (arende, verkstallighet_id, omgang, planerad, slutuppfoljning, genomford, utfall, bedomning, "
        + "registrerad) values (?, ?, ?, ?, true, ?, ?, ?, ?)", arende, v.id(), v.omgang() + 1, nu(), genomford, utfall, bedomning, nu());
  }

  public void rapport(String arende, String mottagandeKommun, int omgang, String deltar, String rapport) {
    jdbc.update("insert into uppfoljningsrapport (arende, mottagande_kommun, omgang, deltar, rapport, registrerad) values (?, ?, ?, ?, ?, ?)",
        arende, mottagandeKommun, omgang, deltar, rapport, nu());
  }

  public record Rapport(int omgang, String deltar, String rapport) {}

  public Rapport senasteRapport(String arende, String mottagandeKommun) {
    return jdbc.queryForObject("select omgang, deltar, rapport from uppfoljningsrapport where id = (select max(id) from uppfoljningsrapport "
        + "where arende = ? and mottagande_kommun = ?)", (rs, i) -> new Rapport(rs.getInt(1), rs.getString(2), rs.getString(3)),
        arende, mottagandeKommun);
  }

  public void handelse(String arende, String kommun, String typ, LocalDate datum, String kategori, String av, String beskrivning,
      OffsetDateTime upphor) {
    handelse(arende, kommun, typ, datum, kategori, av, beskrivning, upphor, null);
  }

  public void handelse(String arende, String kommun, String typ, LocalDate datum, String kategori, String av, String beskrivning,
      OffsetDateTime upphor, LocalDate mottagen) {
    jdbc.update("insert into handelse (arende, kommun, typ, datum, kategori, av, beskrivning, upphor, registrerad, mottagen) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arende, kommun, typ, datum, kategori, av, beskrivning, upphor, nu(), mottagen);
  }

  public List<Handelse> handelser(String arende, String typ) {
    return jdbc.query("select * from handelse where arende = ? and typ = ? order by id", (rs, i) -> new Handelse(rs.getLong("id"),
        rs.getString("arende"), rs.getString("kommun"), rs.getString("typ"), rs.getObject("datum", LocalDate.class),
        rs.getString("kategori"), rs.getString("av"), rs.getString("beskrivning"), rs.getObject("upphor", OffsetDateTime.class),
        rs.getObject("registrerad", OffsetDateTime.class), rs.getObject("mottagen", LocalDate.class)),
        arende, typ);
  }

  public Handelse senasteHandelse(String arende, String kommun, String typ) {
    return handelser(arende, typ).stream().filter(h -> h.kommun().equals(kommun)).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no " + typ + " from " + kommun + " in case " + arende));
  }

  /**
   * The §12 notice of the current assignment (the latest accepted request), from either municipality:
   * there is at most one. Empty before any request was accepted. Reading it locks the case's row until the
   * transaction ends, so two notices given at the same moment (one from each side) are checked one after
   * the other: the second sees the first and is refused.
   */
  public Optional<Handelse> uppsagning(String arende) {
    jdbc.queryForList("select referens from arende where referens = ? for update", String.class, arende);
    OffsetDateTime accepterad = jdbc.queryForObject("select max(accepterad) from uppdrag where arende = ?", OffsetDateTime.class, arende);
    if (accepterad == null) {
      return Optional.empty();
    }
    return handelser(arende, "UPPSAGNING").stream().filter(h -> !h.registrerad().isBefore(accepterad)).findFirst();
  }

  /** The home municipality's record of how the assignment ended; the first recorded ending stands. */
  public void avslut(String arende, String typ, String orsak, String avslutadAv) {
    jdbc.update("update verkstallighet set avslutstyp = ?, avslutsorsak = ?, avslutad_av = ?, avslutad = ? where id = ? "
        + "and avslutstyp is null", typ, orsak, avslutadAv, nu(), hamta(arende).id());
  }

  /** The receiving municipality's record of how its assignment ended. */
  public void uppdragAvslut(String processInstans, String typ, String orsak) {
    jdbc.update("update uppdrag set status = 'AVSLUTAT', avslutstyp = coalesce(avslutstyp, ?), avslutsorsak = coalesce(avslutsorsak, ?), "
        + "avslutad = coalesce(avslutad, ?) where process_instans = ?", typ, orsak, nu(), processInstans);
  }

  /** The follow-up round waiting for its record (rounds are recorded in order). */
  public int oppenOmgang(String arende) {
    Integer omgang = jdbc.queryForObject("select min(omgang) from uppfoljning where verkstallighet_id = ? and genomford is null "
        + "and not slutuppfoljning", Integer.class, hamta(arende).id());
    if (omgang == null) {
      throw new IllegalStateException("case " + arende + " has no follow-up waiting");
    }
    return omgang;
  }
}
