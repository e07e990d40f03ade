package dev.helpdesk.core;

import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored notifications to the notifier, at least once each. A notification is in the outbox
 * before anyone tries to deliver it; a refusal schedules a retry with back-off, and the last refusal
 * marks it failed, visible for inspection. Nothing here ever undoes a ticket change.
 */
final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  /** How long a claimed batch is reserved for this desk before another may take it over. */
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int BATCH = 100;

  private final NotificationOutbox outbox;
  private final Notifier notifier;
  private final DeliveryRetries retries;
  private final NotificationDelivery mode;

  /** Counts of one round of deliveries. */
  static final class Counts {
    int delivered;
    int retried;
    int failed;
  }

  Deliveries(NotificationOutbox outbox, Notifier notifier, DeliveryRetries retries, NotificationDelivery mode) {
    this.outbox = outbox;
    this.notifier = notifier;
    this.retries = retries;
    this.mode = mode;
  }

  /** Called after a change is stored: delivers its notifications now if the desk is set to. */
  void afterCommit(List<Notification> notifications, Instant now) {
    if (mode != NotificationDelivery.IMMEDIATE || notifications.isEmpty()) {
      return;
    }
    Counts ignored = new Counts();
    for (int i = 0; i < notifications.size(); i++) {
      NotificationId id = notifications.get(i).id();
      try {
        // Claimed first, so a concurrent advance does not deliver it too.
        Optional<OutboxEntry> claimed = outbox.claim(id, now, LEASE);
        if (claimed.isPresent()) {
          attempt(claimed.get().notification(), claimed.get().attempts(), now, ignored);
        }
      } catch (RuntimeException e) {
        // The outbox itself failed; the notification stays pending and a later advance delivers it.
        LOG.warn("Could not record the delivery of {}; it stays pending", id, e);
      }
    }
  }

  /** Delivers every notification that is due, in batches claimed from the outbox. */
  Counts deliverDue(Instant now) {
    Counts counts = new Counts();
    List<OutboxEntry> batch;
    do {
      batch = outbox.claimDue(now, LEASE, BATCH);
      for (OutboxEntry entry : batch) {
        try {
          attempt(entry.notification(), entry.attempts(), now, counts);
        } catch (RuntimeException e) {
          // The outbox failed to record the outcome; the lease runs out and the entry is tried again.
          LOG.warn("Could not record the delivery of {}", entry.notification().id(), e);
        }
      }
    } while (batch.size() == BATCH);
    return counts;
  }

  private void attempt(Notification notification, int failuresSoFar, Instant now, Counts counts) {
    try {
      notifier.deliver(notification);
    } catch (Exception e) {
      int failures = failuresSoFar + 1;
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (failures >= retries.maxAttempts()) {
        outbox.markFailed(notification.id(), error, now);
        counts.failed++;
        LOG.warn("Gave up on notification {} after {} attempts: {}", notification.id(), failures, error);
      } else {
        outbox.markRetry(notification.id(), error, now.plus(retries.delayAfter(failures)));
        counts.retried++;
        LOG.debug("Notification {} refused ({}), retry {} scheduled", notification.id(), error, failures);
      }
      return;
    }
    outbox.markDelivered(notification.id(), now);
    counts.delivered++;
  }
}
