package se.samverkan.avhoppare.organisation;

/** Start-up refused: outside the demo mode the administrator must come from the environment. */
public class MissingAdminCredentialsException extends RuntimeException {

  public MissingAdminCredentialsException() {
    super("No administrator credentials: AVHOPPARE_ADMIN_USER and AVHOPPARE_ADMIN_PASSWORD must be set "
        + "when the service runs without demo users (the postgres profile). The service does not invent "
        + "an administrator on a real database.");
  }
}
