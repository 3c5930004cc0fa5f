package se.samverkan.avhoppare.identitet;

/** Bad identity input or a refused identity access; the message is Swedish and safe to show. */
public class IdentitetException extends RuntimeException {

  public IdentitetException(String message) {
    super(message);
  }
}
