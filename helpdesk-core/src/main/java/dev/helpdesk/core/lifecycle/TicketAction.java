package dev.helpdesk.core.lifecycle;

import java.util.Locale;

/** What can be done to a ticket: one per command of the desk that moves or annotates a ticket. */
public enum TicketAction {
  /** Give the ticket to a technician (or to another one). */
  ASSIGN,
  /** The assignee starts on it; a technician starting on an unassigned ticket takes it. */
  START_WORK,
  /** The assignee lets it go back to the tier's queue. */
  RELEASE,
  /** Ask the customer for more information (D-13). */
  REQUEST_INFORMATION,
  /** The customer answers or adds something. */
  CUSTOMER_REPLY,
  /** Move it to a higher tier (D-13). */
  ESCALATE,
  /** Hand it off to another department (D-13, D-16). */
  HAND_OFF,
  /** It comes back from the department. */
  RETURN_FROM_DEPARTMENT,
  /** A higher tier hands its solution back to the first line, which contacts the customer (D-14). */
  RETURN_FOR_FOLLOW_UP,
  /** Give the solution and contact the customer (D-17). */
  RESOLVE,
  /** The customer confirms the solution. */
  CONFIRM,
  /** Staff close the case after following up, or the desk closes it after a quiet period (D-18). */
  CLOSE,
  /** The problem came back (D-19). */
  REOPEN,
  /** Withdraw it without a solution. */
  CANCEL,
  /** Merge it into another ticket as a duplicate. */
  MERGE,
  /** Add a note. */
  COMMENT,
  /** Change its priority. */
  CHANGE_PRIORITY,
  /** The desk sends the customer a courtesy update and the owner a reminder (D-17). */
  KEEP_INFORMED,
  /**
   * The desk records that a service-level target is close to being missed, or was, and tells the
   * owner (issue 6); allowed wherever a clock can run.
   */
  TRACK_SLA,
  /** The customer rates the help they got, once a solution was given (D-24). */
  RATE;

  private final String label = name().toLowerCase(Locale.ROOT).replace('_', ' ');

  /**
   * Returns the action as it reads in messages: {@code request information}.
   *
   * @return the lower-case name with spaces
   */
  public String label() {
    return label;
  }
}
