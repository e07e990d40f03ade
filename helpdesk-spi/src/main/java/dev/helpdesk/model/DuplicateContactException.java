package dev.helpdesk.model;

/**
 * A ticket was created for an inbound contact (a channel and its external id) that already opened
 * one. Nothing was written; {@link #existingTicket()} is the ticket the contact belongs to.
 */
public final class DuplicateContactException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** The contact delivered again. */
  private final ContactReference contact;
  /** The ticket it opened the first time. */
  private final TicketId existingTicket;

  /**
   * Creates the exception.
   *
   * @param contact the contact delivered again
   * @param existingTicket the ticket it opened the first time
   */
  public DuplicateContactException(ContactReference contact, TicketId existingTicket) {
    super("Contact " + contact + " already opened ticket " + existingTicket);
    this.contact = contact;
    this.existingTicket = existingTicket;
  }

  /**
   * Returns the contact that was delivered again.
   *
   * @return the channel and external id
   */
  public ContactReference contact() {
    return contact;
  }

  /**
   * Returns the ticket the contact opened the first time.
   *
   * @return its identifier
   */
  public TicketId existingTicket() {
    return existingTicket;
  }
}
