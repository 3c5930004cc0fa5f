package se.samverkan.avhoppare.avtal;

/** A date that no agreement version covers. The message is Swedish: caseworkers see it. */
public class UtanforAvtalException extends RuntimeException {

  public UtanforAvtalException(String message) {
    super(message);
  }
}
