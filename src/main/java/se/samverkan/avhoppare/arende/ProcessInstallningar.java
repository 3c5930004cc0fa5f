package se.samverkan.avhoppare.arende;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The processes' time limits (ISO-8601), from {@code config/processes.yaml}: read by the diagrams as
 * {@code ${processInstallningar.…}} for timers and due dates. Due dates follow the engine's clock.
 */
@Component("processInstallningar")
@ConfigurationProperties("avhoppare.process")
public class ProcessInstallningar {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** Police consultation not recorded: the manager is reminded. */
  private String samradPaminnelse = "P14D";
  /** The home municipality waits this long for an answer before reminding. */
  private String svarstid = "P1M";
  /** The receiving municipality's due date for answering a request. */
  private String svarsfrist = "P1M";
  /** The implementation plan's due date after the decision on services. */
  private String planfrist = "P1M";
  /** The first follow-up after implementation starts (Malmö's placement routine); later ones follow the assignment's cadence. */
  private String forstaUppfoljning = "P6W";
  /** Due date of a follow-up task and of the receiving municipality's report to it. */
  private String uppfoljningsfrist = "P14D";

  public Date samradPaminnelseDatum() {
    return from(samradPaminnelse);
  }

  public Date svarsfristDatum() {
    return from(svarsfrist);
  }

  public Date planfristDatum() {
    return from(planfrist);
  }

  public Date uppfoljningsfristDatum() {
    return from(uppfoljningsfrist);
  }

  /** The end of today (Europe/Stockholm): the due date of urgent tasks. */
  public Date idagSlut() {
    var now = ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
    return Date.from(now.toLocalDate().atTime(23, 59).atZone(ZONE).toInstant());
  }

  /** Now (the engine's clock) plus an ISO-8601 period (P1M) or duration (PT2H). */
  static Date from(String iso) {
    return Date.from(plus(ClockUtil.getCurrentTime().toInstant().atZone(ZONE), iso).toInstant());
  }

  /** A point in time plus an ISO-8601 period (P1M, calendar months) or duration (PT2H). */
  static ZonedDateTime plus(ZonedDateTime t, String iso) {
    return iso.contains("T") ? t.plus(Duration.parse(iso)) : t.plus(Period.parse(iso));
  }

  public String getForstaUppfoljning() {
    return forstaUppfoljning;
  }

  public void setForstaUppfoljning(String forstaUppfoljning) {
    this.forstaUppfoljning = forstaUppfoljning;
  }

  public String getUppfoljningsfrist() {
    return uppfoljningsfrist;
  }

  public void setUppfoljningsfrist(String uppfoljningsfrist) {
    this.uppfoljningsfrist = uppfoljningsfrist;
  }

  public String getSamradPaminnelse() {
    return samradPaminnelse;
  }

  public void setSamradPaminnelse(String samradPaminnelse) {
    this.samradPaminnelse = samradPaminnelse;
  }

  public String getSvarstid() {
    return svarstid;
  }

  public void setSvarstid(String svarstid) {
    this.svarstid = svarstid;
  }

  public String getSvarsfrist() {
    return svarsfrist;
  }

  public void setSvarsfrist(String svarsfrist) {
    this.svarsfrist = svarsfrist;
  }

  public String getPlanfrist() {
    return planfrist;
  }

  public void setPlanfrist(String planfrist) {
    this.planfrist = planfrist;
  }
}
