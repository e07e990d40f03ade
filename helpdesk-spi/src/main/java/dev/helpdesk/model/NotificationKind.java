package dev.helpdesk.model;

/** Why someone is notified about a ticket. */
public enum NotificationKind {
  /** To the customer: the ticket was registered, with its reference. */
  TICKET_OPENED,
  /** To a technician: a ticket was assigned to them. */
  TICKET_ASSIGNED,
  /** To the customer: the desk needs more information (D-13). */
  INFORMATION_REQUESTED,
  /** To the customer and the new tier: the ticket was escalated. */
  ESCALATED,
  /** To the department: a ticket was handed off to it. */
  HANDED_OFF,
  /** To the owner: the customer answered or added something. */
  CUSTOMER_REPLIED,
  /** To the first line: a higher tier found the solution; contact the customer and close (D-14). */
  FOLLOW_UP,
  /** To the customer: a solution was found (D-17). */
  RESOLVED,
  /** To the customer: the case is closed (D-18). */
  CLOSED,
  /** To the customer: the ticket was withdrawn. */
  CANCELLED,
  /** To the customer: the ticket was a duplicate and continues in another one. */
  MERGED,
  /** To the technician who did the work: the ticket came back (D-19). */
  REOPENED,
  /** To the customer: a courtesy update on a ticket that takes long (D-17). */
  STATUS_UPDATE,
  /** To the owner: the ticket has had no update for too long. */
  REMINDER,
  /** To the customer: the ticket is about a known problem with an outage bulletin; here is its answer (D-12). */
  KNOWN_PROBLEM,
  /**
   * To the owner, or to the desk's supervisor when nobody owns it: a service-level target is close to
   * being missed (issue 6).
   */
  SLA_WARNING,
  /** To the owner and the desk's supervisor: a service-level target was missed (issue 6). */
  SLA_BREACHED
}
