package dev.helpdesk.model;

/** How one ticket relates to another. */
public enum LinkType {
  /** This ticket was merged into the target as a duplicate. */
  DUPLICATE_OF,
  /** The problem came back after the target's warranty ended; this ticket continues it (D-19). */
  FOLLOW_UP_OF,
  /** Related, without further meaning. */
  RELATED_TO
}
