package dev.helpdesk.spi.store;

import dev.helpdesk.model.Notification;
import java.time.Instant;
import java.util.Objects;

/**
 * A notification in the outbox, with its delivery state.
 *
 * @param notification the message
 * @param state pending, delivered or failed
 * @param attempts how many deliveries were tried and failed
 * @param nextAttemptAt when a pending entry is due (or its claim expires); when a delivered or
 *     failed one reached that state
 * @param lastError the last delivery failure, empty if none
 */
public record OutboxEntry(
    Notification notification, DeliveryState state, int attempts, Instant nextAttemptAt, String lastError) {
  // Rejects null components and a negative attempt count.
  public OutboxEntry {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
  }

  /**
   * Returns a new, pending entry, due at once.
   *
   * @param notification the message
   * @return the entry
   */
  public static OutboxEntry pending(Notification notification) {
    return new OutboxEntry(notification, DeliveryState.PENDING, 0, notification.created(), "");
  }
}
