package dev.helpdesk.routing;

/**
 * How a router chooses among the technicians who could take a ticket. Ties go to the technician
 * who has waited longest in their current standing (load level, idleness or turn).
 */
public enum RoutingPolicy {
  /** Fewest tickets in hand first. */
  LEAST_LOADED,
  /** Smallest share of capacity in use first: three chats of five count less than one call of one. */
  LEAST_LOADED_SHARE,
  /** Technicians with nothing in hand first, the one idle longest first; then those with work. */
  LONGEST_IDLE,
  /** Each technician in turn: whoever was given a ticket goes to the back of the line. */
  ROUND_ROBIN
}
