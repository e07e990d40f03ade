package dev.helpdesk.spi.store;

/** Where a notification stands in the outbox. */
public enum DeliveryState {
  /** Not delivered yet; will be tried (again) at its next attempt. */
  PENDING,
  /** The notifier accepted it. */
  DELIVERED,
  /** Given up on after too many attempts; kept for inspection. */
  FAILED
}
