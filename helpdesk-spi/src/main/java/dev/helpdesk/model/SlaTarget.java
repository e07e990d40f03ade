package dev.helpdesk.model;

/**
 * What one service-level clock measures (issue 6). The customer-facing clocks are the first three;
 * {@link #TIER_TIME} is kept once per tier, so each level answers for its own part of a case.
 */
public enum SlaTarget {
  /** From the date entered to the first response by staff. */
  FIRST_RESPONSE,
  /** From one response by staff to the next, while the case is open (D-17). */
  NEXT_UPDATE,
  /** From the date entered to the solution (D-17). */
  RESOLUTION,
  /** The time a ticket spends at one tier (D-05…D-08); escalation starts the next tier's clock. */
  TIER_TIME
}
