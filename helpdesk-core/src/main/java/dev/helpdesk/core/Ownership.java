package dev.helpdesk.core;

/** Who follows a ticket through once a higher tier has found its solution (D-14). A desk-wide policy. */
public enum Ownership {
  /**
   * The ticket returns to the first line, which contacts the customer and closes it: the first
   * line owns every customer relationship.
   */
  FIRST_LINE_CLOSES,
  /** The tier that solves the ticket owns it: it contacts the customer and closes it. */
  SOLVING_TIER_CLOSES
}
