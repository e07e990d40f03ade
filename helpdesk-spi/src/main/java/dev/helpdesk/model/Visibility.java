package dev.helpdesk.model;

/** Who may read a note. */
public enum Visibility {
  /** The customer and the staff. */
  PUBLIC,
  /** Staff only; never shown or sent to a customer. */
  INTERNAL
}
