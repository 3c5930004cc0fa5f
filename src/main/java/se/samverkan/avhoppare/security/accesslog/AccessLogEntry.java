package se.samverkan.avhoppare.security.accesslog;

import java.time.OffsetDateTime;

/**
 * One line of the access log: who did what to which case, when, from where, through which surface,
 * and how the service answered.
 *
 * @param kommun the municipality whose data was touched (the case's tenant), when known
 * @param arende the case reference (business key), when the request concerned one case
 * @param atgard {@code LASNING} or {@code ANDRING}
 */
public record AccessLogEntry(
    Long id,
    OffsetDateTime tidpunkt,
    String anvandare,
    String kommun,
    String arende,
    String processInstans,
    String atgard,
    String yta,
    String resurs,
    String klient,
    int status) {

  public static final String LASNING = "LASNING";
  public static final String ANDRING = "ANDRING";
}
