package dev.helpdesk.spi.store;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.NotificationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notifications waiting to be delivered, and what became of them. A {@link TicketStore} writes
 * entries in the same transaction as the ticket change that causes them ({@link
 * TicketStore#save(TicketUpdate)}); the desk then delivers them at least once.
 *
 * <p>Contract: several desks may share one outbox. {@link #claimDue} hands each due entry to one
 * claimer at a time, for the length of a lease; an entry whose claimer dies becomes due again when
 * its lease ends. Pending and failed entries are never dropped: a failed entry stays visible for
 * inspection. A delivered entry stays visible for a while; a store may forget the oldest delivered
 * entries to bound its size, and says how in its documentation.
 */
public interface NotificationOutbox {
  /**
   * Claims up to {@code limit} pending entries that are due at {@code now}, oldest due first, and
   * leases them: their next attempt moves to {@code now + lease}, so no other claimer gets them until
   * then.
   *
   * @param now the current instant
   * @param lease how long the claimer has to deliver them
   * @param limit the most entries to claim, at least 1
   * @return the claimed entries, each with its next attempt at the end of the lease; possibly none
   */
  List<OutboxEntry> claimDue(Instant now, Duration lease, int limit);

  /**
   * Claims one notification, as {@link #claimDue} would: only if it is pending and due at {@code
   * now} (so nobody else holds a lease on it). A desk claims the notifications of a change it has
   * just stored before delivering them at once, so a concurrent {@link #claimDue} does not deliver
   * them a second time.
   *
   * @param id the notification
   * @param now the current instant
   * @param lease how long the claimer has to deliver it
   * @return the claimed entry, its next attempt at the end of the lease; empty if it is not pending,
   *     not due, or unknown
   */
  Optional<OutboxEntry> claim(NotificationId id, Instant now, Duration lease);

  /**
   * Records that a notification was delivered. Delivered is final: a later retry or failure
   * recorded for it changes nothing.
   *
   * @param id the notification
   * @param at when
   * @throws NotFoundException if the outbox holds no such notification
   */
  void markDelivered(NotificationId id, Instant at);

  /**
   * Records a failed delivery: the attempt count goes up by one and the entry stays pending, due
   * again at {@code nextAttemptAt}. Does nothing to a delivered entry.
   *
   * @param id the notification
   * @param error what went wrong
   * @param nextAttemptAt when to try again
   * @throws NotFoundException if the outbox holds no such notification
   */
  void markRetry(NotificationId id, String error, Instant nextAttemptAt);

  /**
   * Records a failed delivery after which the desk gives up: the attempt count goes up by one and
   * the entry moves to {@link DeliveryState#FAILED}. Does nothing to a delivered entry.
   *
   * @param id the notification
   * @param error what went wrong
   * @param at when
   * @throws NotFoundException if the outbox holds no such notification
   */
  void markFailed(NotificationId id, String error, Instant at);

  /**
   * Finds one entry.
   *
   * @param id the notification
   * @return the entry, or empty
   */
  Optional<OutboxEntry> find(NotificationId id);

  /**
   * Lists entries in one state, in the order they reached it (for pending entries: the order they
   * were queued).
   *
   * @param state the state
   * @param limit the most entries to return
   * @return the entries, possibly none
   */
  List<OutboxEntry> list(DeliveryState state, int limit);
}
