package se.samverkan.avhoppare.arende;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
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

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** Police consultation not recorded: the manager is reminded. */
  private String samradPaminnelse = "P14D";
  /** The home municipality waits this long for an answer before reminding. */
  private String svarstid = "P1M";
  /** The receiving municipality's due date for answering a request. */
  private String svarsfrist = "P1M";
  /** The implementation plan's due date after the decision on services. */
  private String planfrist = "P1M";

  public Date samradPaminnelseDatum() {
    return from(samradPaminnelse);
  }

  public Date svarsfristDatum() {
    return from(svarsfrist);
  }

  public Date planfristDatum() {
    return from(planfrist);
  }

  /** Now (the engine's clock) plus an ISO-8601 period (P1M) or duration (PT2H). */
  static Date from(String iso) {
    var now = ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
    var then = iso.contains("T") ? now.plus(Duration.parse(iso)) : now.plus(Period.parse(iso));
    return Date.from(then.toInstant());
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
