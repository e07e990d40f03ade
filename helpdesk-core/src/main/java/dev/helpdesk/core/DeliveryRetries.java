package dev.helpdesk.core;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How often, and how far apart, the desk retries a notification the notifier refused: the delay
 * doubles from {@code firstDelay} up to {@code maxDelay}; after {@code maxAttempts} failures the
 * notification is marked failed and kept for inspection.
 *
 * @param maxAttempts deliveries to try in all, at least 1
 * @param firstDelay the wait after the first failure, positive
 * @param maxDelay the longest wait between attempts, at least {@code firstDelay}
 */
public record DeliveryRetries(int maxAttempts, Duration firstDelay, Duration maxDelay) {
  /** Ten attempts, 30 seconds apart at first, at most an hour apart: about a day and a half in all. */
  public static final DeliveryRetries DEFAULT = new DeliveryRetries(10, Duration.ofSeconds(30), Duration.ofHours(1));

  // Rejects values that would retry forever or never wait.
  public DeliveryRetries {
    List<Violation> violations = new ArrayList<>();
    if (maxAttempts < 1) {
      violations.add(new Violation("maxAttempts", "must be at least 1, was " + maxAttempts));
    }
    if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
      violations.add(new Violation("firstDelay", "must be positive, was " + firstDelay));
    } else if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
      violations.add(new Violation("maxDelay", "must be at least firstDelay, was " + maxDelay));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("DeliveryRetries", violations);
    }
  }

  /**
   * Returns the wait after a given number of failed attempts.
   *
   * @param failures failed attempts so far, at least 1
   * @return the delay before the next attempt
   */
  public Duration delayAfter(int failures) {
    Duration delay = firstDelay;
    for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
