package dev.helpdesk.model;

/** The actor may not do this (a customer acting on another's ticket, say); nothing changed. */
public final class AccessDeniedException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** Who tried. */
  private final Actor actor;

  /**
   * Creates the exception.
   *
   * @param actor who tried
   * @param reason why it is refused
   */
  public AccessDeniedException(Actor actor, String reason) {
    super(actor + " may not " + reason);
    this.actor = actor;
  }

  /**
   * Returns who was refused.
   *
   * @return the actor
   */
  public Actor actor() {
    return actor;
  }
}
