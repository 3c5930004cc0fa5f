package se.samverkan.avhoppare.config;

/**
 * A user lost a race: someone else changed the same task or case at the same moment (409), or the task
 * was completed or removed before this request reached it (404). The message is Swedish and safe to
 * show. Deliberately not a {@code ProcessEngineException}: Camunda's REST resources wrap those into a
 * 500, while this one reaches {@link RaceLostExceptionMapper} unchanged, on every REST surface.
 */
public class RaceLostException extends RuntimeException {

  private final int status;

  public RaceLostException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Someone else changed the same task or case at the same moment, and retrying did not help. */
  static RaceLostException conflict(Throwable cause) {
    return new RaceLostException(409, "Någon annan ändrade samma uppgift eller ärende i samma ögonblick. Ingenting av det du "
        + "skickade sparades. Ladda om uppgiften och försök igen.", cause);
  }

  /** The task was already completed (or removed) when this request reached it. */
  static RaceLostException taskGone(Throwable cause) {
    return new RaceLostException(404, "Uppgiften finns inte längre: den är redan slutförd av någon annan eller borttagen. "
        + "Ladda om uppgiftslistan.", cause);
  }

  /** Someone else claimed the task first. */
  static RaceLostException alreadyClaimed(Throwable cause) {
    return new RaceLostException(409, "Uppgiften är redan tagen av en annan handläggare.", cause);
  }
}
