package dev.helpdesk.model;

/**
 * A storage backend failed (a lost connection, a full disk, a broken invariant of the backend).
 * The command that met it left no partial state behind; it may be retried once the backend is
 * back.
 */
public final class StoreFailureException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the store was doing
   * @param cause the backend's own failure
   */
  public StoreFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
