package dev.helpdesk.model;

/** How urgent a ticket is; declared from least to most urgent, so {@code compareTo} orders by urgency. */
public enum Priority {
  /** Can wait; no one is blocked. */
  LOW,
  /** The usual case. */
  MEDIUM,
  /** Someone's work is blocked. */
  HIGH,
  /** Many people or a critical service are affected. */
  CRITICAL
}
