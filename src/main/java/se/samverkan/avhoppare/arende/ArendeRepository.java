package se.samverkan.avhoppare.arende;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;
import se.samverkan.avhoppare.avtal.KvotOchBalans;

/**
 * The case's business data in our own tables. Called from listeners and delegates, so every write
 * joins the engine's transaction: a refused task completion leaves no trace here either.
 */
@Repository
public class ArendeRepository {

  static final String SEKVENS = "arende_nummer";

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer arendenummer;

  public ArendeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.arendenummer = incrementer(jdbc.getDataSource());
  }

  /**
   * Registers a new case and returns its reference, {@code AVH-<year>-<n>}: {@code n} comes from the database
   * sequence {@code arende_nummer}, so cases started at the same moment never draw the same number. A number
   * already taken (a reference written before the sequence existed) is skipped before inserting: no insert
   * fails, so the engine's transaction is never left aborted.
   */
  public String skapa(Arende a, String overlamnatFran, String processInstans) {
    String prefix = "AVH-" + Year.now() + "-";
    String referens;
    do {
      referens = prefix + String.format("%04d", arendenummer.nextLongValue());
    } while (jdbc.queryForObject("select count(*) from arende where referens = ?", Integer.class, referens) > 0);
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.update("insert into arende (referens, hemkommun, part, avtalsversion, malgrupp, kriminellt_sammanhang, hotbild, "
            + "motiverad, ansvar_for_barn, samtycke, samtycke_datum, startdatum, overlamnat_fran, status, process_instans, "
            + "skapad, andrad) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        referens, a.hemkommun(), a.part(), a.avtalsversion(), a.malgrupp(), a.kriminelltSammanhang(), a.hotbild(),
        a.motiverad(), a.ansvarForBarn(), a.samtycke(), a.samtyckeDatum(), a.startdatum(), overlamnatFran,
        Status.AKTUALISERAT.name(), processInstans, now, now);
    return referens;
  }

  /** The sequence's incrementer for the database in use (Spring's, for H2 and PostgreSQL). */
  private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
        return new PostgresSequenceMaxValueIncrementer(dataSource, SEKVENS);
      }
      if (product.toLowerCase(Locale.ROOT).contains("h2")) {
        return new H2SequenceMaxValueIncrementer(dataSource, SEKVENS);
      }
      throw new IllegalStateException("case numbers need a sequence; unsupported database " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot inspect the database for the case number sequence", e);
    }
  }

  public Optional<Arende> hitta(String referens) {
    return jdbc.query("select * from arende where referens = ?", (rs, i) -> new Arende(rs.getString("referens"),
        rs.getString("hemkommun"), rs.getString("part"), rs.getString("avtalsversion"), rs.getString("malgrupp"),
        rs.getString("kriminellt_sammanhang"), rs.getString("hotbild"), rs.getBoolean("motiverad"),
        rs.getBoolean("ansvar_for_barn"), rs.getBoolean("samtycke"), rs.getObject("samtycke_datum", LocalDate.class),
        rs.getObject("startdatum", LocalDate.class), rs.getString("mottagande_kommun"), rs.getString("status")),
        referens).stream().findFirst();
  }

  public Arende hamta(String referens) {
    return hitta(referens).orElseThrow(() -> new IllegalStateException("case " + referens + " is not registered"));
  }

  public void status(String referens, Status status, String avslutsorsak) {
    jdbc.update("update arende set status = ?, avslutsorsak = coalesce(?, avslutsorsak), andrad = ? where referens = ?",
        status.name(), avslutsorsak, OffsetDateTime.now(), referens);
  }

  public void tillhorighet(String referens, String tillhorighet, String motivering, String overlamnatTill) {
    jdbc.update("update arende set tillhorighet = ?, tillhorighet_motivering = ?, overlamnat_till = ?, andrad = ? where referens = ?",
        tillhorighet, motivering, overlamnatTill, OffsetDateTime.now(), referens);
  }

  public void polisensRadBekraftat(String referens) {
    jdbc.update("update arende set polisens_rad_bekraftat = true, andrad = ? where referens = ?", OffsetDateTime.now(), referens);
  }

  public void mottagandeKommun(String referens, String kommun) {
    jdbc.update("update arende set mottagande_kommun = ?, status = ?, andrad = ? where referens = ?",
        kommun, Status.MOTTAGARE_VALD.name(), OffsetDateTime.now(), referens);
  }

  public void kvotundantag(String referens, String beslut, String motivering) {
    jdbc.update("update arende set kvotundantag = ?, kvotundantag_motivering = ?, andrad = ? where referens = ?",
        beslut, motivering, OffsetDateTime.now(), referens);
  }

  public void accepterad(String referens) {
    jdbc.update("update arende set accepterad = ?, status = ?, andrad = ? where referens = ?",
        VerkstallighetRepository.nu(), Status.FORFRAGAN_ACCEPTERAD.name(), OffsetDateTime.now(), referens);
  }

  public void samrad(String referens, String polisI, String kommun, LocalDate datum, String polisenhet, String kontaktperson,
      String riskniva, String utfall, String kommentar) {
    jdbc.update("insert into samrad (arende, polis_i, kommun, datum, polisenhet, kontaktperson, riskniva, utfall, kommentar, "
            + "registrerad) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        referens, polisI, kommun, datum, polisenhet, kontaktperson, riskniva, utfall, kommentar, OffsetDateTime.now());
  }

  /** The police's latest threat and risk level for the case, per police authority, in Swedish. */
  public List<String> senasteRiskniva(String referens) {
    return jdbc.query("select polis_i, riskniva from samrad s where arende = ? and id = "
        + "(select max(id) from samrad t where t.arende = s.arende and t.polis_i = s.polis_i) order by polis_i",
        (rs, i) -> switch (rs.getString("riskniva")) {
          case "LAG" -> "låg";
          case "MEDEL" -> "medel";
          default -> "hög";
        } + ("HEMKOMMUN".equals(rs.getString("polis_i")) ? " i hemkommunen" : " i mottagande kommun"), referens);
  }

  public void uppdragsbeskrivning(String referens, String mal, String insatser, LocalDate start, LocalDate slut,
      String intervall, String kontaktHem, String kontaktMottagande) {
    jdbc.update("delete from uppdragsbeskrivning where arende = ?", referens);
    jdbc.update("insert into uppdragsbeskrivning (arende, mal, efterfragade_insatser, period_start, period_slut, "
            + "uppfoljningsintervall, kontakt_hemkommun, kontakt_mottagande_kommun, boende_hemkommun, registrerad) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, true, ?)",
        referens, mal, insatser, start, slut, intervall, kontaktHem, kontaktMottagande, OffsetDateTime.now());
  }

  public void beslut(String referens, LocalDate beslutsdatum, String insatser, String beslutsfattare) {
    jdbc.update("delete from beslut_om_insatser where arende = ?", referens);
    jdbc.update("insert into beslut_om_insatser (arende, beslutsdatum, insatser, beslutsfattare, registrerad) values (?, ?, ?, ?, ?)",
        referens, beslutsdatum, insatser, beslutsfattare, OffsetDateTime.now());
  }

  public String beslutadeInsatser(String referens) {
    return jdbc.queryForObject("select insatser from beslut_om_insatser where arende = ?", String.class, referens);
  }

  /**
   * Requests accepted within an agreement version: what quota and balance count. The fact is the
   * receiving municipality's accepted request ({@code uppdrag.accepterad}), counted against the version
   * recorded with it ({@code uppdrag.avtalsversion}: the version in force on the acceptance date). Rows
   * are never deleted or re-pointed, so a later change of receiving municipality takes nothing away.
   */
  public List<KvotOchBalans.Flytt> flyttar(String avtalsversion) {
    return jdbc.query("select arende, hemkommun, mottagande_kommun from uppdrag where avtalsversion = ? and accepterad is not null "
            + "order by accepterad",
        (rs, i) -> new KvotOchBalans.Flytt(rs.getString(1), rs.getString(2), rs.getString(3)), avtalsversion);
  }

  /** The receiving municipality accepted the request: the fact quota and balance count, with the version it counts against. */
  public void uppdragAccepterat(String processInstans, OffsetDateTime tidpunkt, String avtalsversion) {
    jdbc.update("update uppdrag set accepterad = ?, avtalsversion = ? where process_instans = ? and accepterad is null",
        tidpunkt, avtalsversion, processInstans);
  }

  /** The case's current agreed assignment: the latest accepted request. */
  public record AccepteradForfragan(String mottagandeKommun, OffsetDateTime accepterad, String avtalsversion) {}

  public Optional<AccepteradForfragan> senastAccepterad(String referens) {
    return jdbc.query("select mottagande_kommun, accepterad, avtalsversion from uppdrag where arende = ? and accepterad is not null "
            + "order by accepterad desc", (rs, i) -> new AccepteradForfragan(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
            rs.getString(3)), referens).stream().findFirst();
  }

  /** High threat (seed 004): the police lead the protection, recorded before the request is sent. */
  public void polisskydd(String referens, String polisenhet, String kontaktperson, LocalDate datum, String kommentar) {
    jdbc.update("insert into polisskydd (arende, polisenhet, kontaktperson, datum, kommentar, registrerad) values (?, ?, ?, ?, ?, ?)",
        referens, polisenhet, kontaktperson, datum, kommentar, VerkstallighetRepository.nu());
  }

  /** Whether either police authority's latest threat and risk assessment in the case is high ({@code HOG}). */
  public boolean hogHotniva(String referens) {
    return jdbc.queryForObject("select count(*) from samrad s where arende = ? and riskniva = 'HOG' and id = "
        + "(select max(id) from samrad t where t.arende = s.arende and t.polis_i = s.polis_i)", Integer.class, referens) > 0;
  }

  /** Assignments counted in a version (as {@link #flyttar}), by stage: running, ended, and agreed but not yet started. */
  public record Uppdragslagen(int pagaende, int avslutade, int underForberedelse) {}

  public Uppdragslagen uppdragslagen(String avtalsversion) {
    // the same rows as flyttar(): each accepted request, in the version recorded with it
    String startat = "exists (select 1 from verkstallighet v where v.arende = u.arende and v.mottagande_kommun = u.mottagande_kommun "
        + "and v.startad >= u.accepterad)";
    return jdbc.queryForObject("select coalesce(sum(case when u.avslutad is null and " + startat + " then 1 else 0 end), 0), "
        + "coalesce(sum(case when u.avslutad is not null then 1 else 0 end), 0), "
        + "coalesce(sum(case when u.avslutad is null and not " + startat + " then 1 else 0 end), 0) "
        + "from uppdrag u where u.avtalsversion = ? and u.accepterad is not null",
        (rs, i) -> new Uppdragslagen(rs.getInt(1), rs.getInt(2), rs.getInt(3)), avtalsversion);
  }

  // the receiving municipality's side

  public void uppdragMottaget(String referens, String hemkommun, String mottagandeKommun, String processInstans) {
    jdbc.update("insert into uppdrag (arende, mottagande_kommun, hemkommun, status, process_instans, skapad) values (?, ?, ?, ?, ?, ?)",
        referens, mottagandeKommun, hemkommun, "FORFRAGAN_MOTTAGEN", processInstans, OffsetDateTime.now());
  }

  public void uppdragSvar(String processInstans, String svar, String motivering) {
    jdbc.update("update uppdrag set svar = ?, svar_motivering = ?, status = ? where process_instans = ?",
        svar, motivering, "ACCEPTERAR".equals(svar) ? "ACCEPTERAT" : "AVBOJT", processInstans);
  }

  public void uppdragStatus(String processInstans, String status) {
    jdbc.update("update uppdrag set status = ? where process_instans = ?", status, processInstans);
  }

  public void planpost(String referens, String mottagandeKommun, String insats, String utforare, LocalDate start,
      BigDecimal manadskostnad) {
    jdbc.update("insert into plan_post (arende, mottagande_kommun, insats, utforare, startdatum, manadskostnad, registrerad) "
        + "values (?, ?, ?, ?, ?, ?, ?)", referens, mottagandeKommun, insats, utforare, start, manadskostnad, OffsetDateTime.now());
  }

  public BigDecimal planensManadskostnad(String referens, String mottagandeKommun) {
    BigDecimal sum = jdbc.queryForObject("select sum(manadskostnad) from plan_post where arende = ? and mottagande_kommun = ?",
        BigDecimal.class, referens, mottagandeKommun);
    return sum == null ? BigDecimal.ZERO : sum;
  }

  public int antalPlanposter(String referens, String mottagandeKommun) {
    return jdbc.queryForObject("select count(*) from plan_post where arende = ? and mottagande_kommun = ?", Integer.class,
        referens, mottagandeKommun);
  }

  // disclosures between municipalities (§7)

  public void utlamnande(String referens, String fran, String till, String meddelande, String uppgifter, String grund,
      LocalDate samtyckeDatum, String meddelandeId) {
    jdbc.update("insert into utlamnande (arende, fran_kommun, till_kommun, meddelande, uppgifter, rattslig_grund, samtycke_datum, "
        + "tidpunkt, meddelande_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", referens, fran, till, meddelande, uppgifter, grund, samtyckeDatum,
        OffsetDateTime.now(), meddelandeId);
  }

  /** Whether a message that must arrive once has been delivered already. */
  public boolean arUtlamnat(String meddelandeId) {
    return jdbc.queryForObject("select count(*) from utlamnande where meddelande_id = ?", Integer.class, meddelandeId) > 0;
  }

  /** The case's statuses, as the case record shows them. */
  public enum Status {
    AKTUALISERAT, UTANFOR_AVTALET, OVERLAMNAT, EJ_I_MALGRUPP, MOTTAGARE_VALD, FORFRAGAN_SKICKAD, POLISEN_AVRADER,
    FORFRAGAN_ACCEPTERAD, INGEN_MOTTAGARE, UPPDRAG_BESLUTAT,
    /** Before implementation was modelled (#4) a case ended here; kept for records written then. */
    UPPDRAG_OVERENSKOMMET,
    VERKSTALLIGHET, AVSLUTAT_ENLIGT_PLAN, UPPSAGT, AVBRUTET, AVTALSVERSION_UPPHORT, FORCE_MAJEURE
  }
}
