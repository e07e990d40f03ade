package dev.helpdesk.model;

/** Whether a customer belongs to the organisation the desk serves (D-02). */
public enum CustomerKind {
  /** An employee. */
  INTERNAL,
  /** A customer from outside. */
  EXTERNAL
}
