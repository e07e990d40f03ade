package dev.helpdesk.model;

/**
 * Where a ticket is in its life. The statuses are fixed; which actions are allowed in each is the
 * desk's state machine.
 */
public enum TicketStatus {
  /** Registered, not yet taken by a technician. */
  NEW,
  /** Given to a technician who has not started on it yet. */
  ASSIGNED,
  /** A technician is working on it. */
  IN_PROGRESS,
  /** The desk asked the customer for information; the customer's reply resumes it (D-13). */
  WAITING_ON_CUSTOMER,
  /** Handed off to another department, tracked while it is there (D-13, D-16). */
  WITH_DEPARTMENT,
  /** A solution was given and the customer contacted; awaiting confirmation (D-17). */
  RESOLVED,
  /** The case is over and the technician freed (D-18); may be reopened under warranty (D-19). */
  CLOSED,
  /** Came back under warranty after being resolved or closed (D-19). */
  REOPENED,
  /** Withdrawn without a solution. */
  CANCELLED,
  /** A duplicate, merged into another ticket. */
  MERGED;

  /**
   * Tells whether the ticket still needs the desk: every status but the three final ones.
   *
   * @return false for {@link #CLOSED}, {@link #CANCELLED} and {@link #MERGED}
   */
  public boolean isOpen() {
    return this != CLOSED && this != CANCELLED && this != MERGED;
  }
}
