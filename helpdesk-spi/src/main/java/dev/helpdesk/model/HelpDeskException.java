package dev.helpdesk.model;

/**
 * The root of every exception the help desk throws on purpose. It is unchecked: each subclass
 * names one precise reason, and none of them leaves a half-applied change behind.
 */
public abstract class HelpDeskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  protected HelpDeskException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  protected HelpDeskException(String message, Throwable cause) {
    super(message, cause);
  }
}
