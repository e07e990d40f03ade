package dev.helpdesk.model;

/** The action is not allowed in the ticket's current status; nothing changed. */
public final class IllegalTransitionException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** The ticket acted on. */
  private final TicketId ticket;
  /** Its status when the action was refused. */
  private final TicketStatus status;
  /** The refused action. */
  private final String action;

  /**
   * Creates the exception.
   *
   * @param ticket the ticket acted on
   * @param status its status when the action was refused
   * @param action the refused action, such as {@code resolve}
   */
  public IllegalTransitionException(TicketId ticket, TicketStatus status, String action) {
    super("Cannot " + action + " ticket " + ticket + " while it is " + status);
    this.ticket = ticket;
    this.status = status;
    this.action = action;
  }

  /**
   * Returns the ticket acted on.
   *
   * @return its identifier
   */
  public TicketId ticket() {
    return ticket;
  }

  /**
   * Returns the status in which the action was refused.
   *
   * @return the ticket's status
   */
  public TicketStatus status() {
    return status;
  }

  /**
   * Returns the refused action.
   *
   * @return the action's name, such as {@code resolve}
   */
  public String action() {
    return action;
  }
}
