package dev.helpdesk.tck;

import static dev.helpdesk.tck.Fixtures.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link NotificationOutbox} a {@link TicketStore} writes to: every
 * implementation extends this suite and must pass it.
 */
public abstract class NotificationOutboxContract extends PortContract<TicketStore> {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final Fixtures fixtures = new Fixtures();

  /** For subclasses. */
  protected NotificationOutboxContract() {}

  private NotificationOutbox outbox() {
    return store.outbox();
  }

  /** Creates a ticket with {@code count} notifications created at {@code created}. */
  private List<Notification> queue(int count, Instant created) {
    Ticket ticket = fixtures.ticket(store.nextId(), MONDAY_9AM);
    List<Notification> notifications = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      notifications.add(fixtures.notification(ticket, created));
    }
    store.create(new TicketUpdate(ticket, List.of(fixtures.opened(ticket)), notifications));
    return notifications;
  }

  private static List<NotificationId> ids(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.notification().id()).toList();
  }

  @Test
  void aQueuedNotificationIsPendingAndDueAtOnce() {
    Notification notification = queue(1, MONDAY_9AM).get(0);

    OutboxEntry entry = outbox().find(notification.id()).orElseThrow();
    assertEquals(notification, entry.notification());
    assertEquals(DeliveryState.PENDING, entry.state());
    assertEquals(0, entry.attempts());
    assertEquals(ids(List.of(entry)), ids(outbox().list(DeliveryState.PENDING, 10)));
    assertEquals(ids(List.of(entry)), ids(outbox().claimDue(MONDAY_9AM, LEASE, 10)));
  }

  @Test
  void aClaimLeasesEntriesSoNobodyElseGetsThemUntilTheLeaseEnds() {
    List<Notification> queued = queue(2, MONDAY_9AM);

    List<OutboxEntry> claimed = outbox().claimDue(MONDAY_9AM, LEASE, 10);
    assertEquals(queued.stream().map(Notification::id).toList(), ids(claimed));
    claimed.forEach(e -> assertEquals(MONDAY_9AM.plus(LEASE), e.nextAttemptAt()));
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM.plusSeconds(59), LEASE, 10));
    assertEquals(ids(claimed), ids(outbox().claimDue(MONDAY_9AM.plus(LEASE), LEASE, 10)),
        "an unfinished claim becomes due again when its lease ends");
  }

  @Test
  void claimsTakeTheOldestDueFirstUpToTheLimit() {
    List<Notification> later = queue(2, MONDAY_9AM.plusSeconds(30));
    List<Notification> earlier = queue(2, MONDAY_9AM);

    assertEquals(earlier.stream().map(Notification::id).toList(),
        ids(outbox().claimDue(MONDAY_9AM.plusSeconds(60), LEASE, 2)));
    assertEquals(later.stream().map(Notification::id).toList(),
        ids(outbox().claimDue(MONDAY_9AM.plusSeconds(60), LEASE, 5)));
  }

  @Test
  void aNotificationIsNotClaimedBeforeItIsDue() {
    queue(1, MONDAY_9AM.plusSeconds(10));
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM, LEASE, 10));
    assertEquals(1, outbox().claimDue(MONDAY_9AM.plusSeconds(10), LEASE, 10).size());
  }

  @Test
  void aDeliveredNotificationIsNeverClaimedAgainAndIsVisibleAfterward() {
    NotificationId id = queue(1, MONDAY_9AM).get(0).id();
    outbox().claimDue(MONDAY_9AM, LEASE, 10);
    outbox().markDelivered(id, MONDAY_9AM.plusSeconds(2));

    OutboxEntry entry = outbox().find(id).orElseThrow();
    assertEquals(DeliveryState.DELIVERED, entry.state());
    assertEquals(List.of(id), ids(outbox().list(DeliveryState.DELIVERED, 10)));
    assertEquals(List.of(), outbox().list(DeliveryState.PENDING, 10));
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM.plus(Duration.ofDays(1)), LEASE, 10));
  }

  @Test
  void aFailedAttemptIsCountedAndRetriedWhenDue() {
    NotificationId id = queue(1, MONDAY_9AM).get(0).id();
    outbox().claimDue(MONDAY_9AM, LEASE, 10);
    outbox().markRetry(id, "SMTP 451 try later", MONDAY_9AM.plusSeconds(30));

    OutboxEntry entry = outbox().find(id).orElseThrow();
    assertEquals(DeliveryState.PENDING, entry.state());
    assertEquals(1, entry.attempts());
    assertEquals("SMTP 451 try later", entry.lastError());
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM.plusSeconds(29), LEASE, 10));
    assertEquals(List.of(id), ids(outbox().claimDue(MONDAY_9AM.plusSeconds(30), LEASE, 10)));
  }

  @Test
  void aGivenUpNotificationIsFailedAndNeverClaimedAgain() {
    NotificationId id = queue(1, MONDAY_9AM).get(0).id();
    outbox().claimDue(MONDAY_9AM, LEASE, 10);
    outbox().markRetry(id, "timeout", MONDAY_9AM.plusSeconds(1));
    outbox().markFailed(id, "mailbox does not exist", MONDAY_9AM.plusSeconds(2));

    OutboxEntry entry = outbox().find(id).orElseThrow();
    assertEquals(DeliveryState.FAILED, entry.state());
    assertEquals(2, entry.attempts());
    assertEquals("mailbox does not exist", entry.lastError());
    assertEquals(List.of(id), ids(outbox().list(DeliveryState.FAILED, 10)));
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM.plus(Duration.ofDays(1)), LEASE, 10));
  }

  @Test
  void oneNotificationCanBeClaimedByIdOnceWhileItIsDue() {
    List<Notification> queued = queue(2, MONDAY_9AM);
    NotificationId first = queued.get(0).id();

    assertEquals(Optional.of(MONDAY_9AM.plus(LEASE)),
        outbox().claim(first, MONDAY_9AM, LEASE).map(OutboxEntry::nextAttemptAt));
    assertEquals(Optional.empty(), outbox().claim(first, MONDAY_9AM, LEASE), "leased already");
    assertEquals(List.of(queued.get(1).id()), ids(outbox().claimDue(MONDAY_9AM, LEASE, 10)),
        "claimDue skips what was claimed by id");
    outbox().markDelivered(first, MONDAY_9AM);
    assertEquals(Optional.empty(), outbox().claim(first, MONDAY_9AM.plus(Duration.ofDays(1)), LEASE));
    assertEquals(Optional.empty(), outbox().claim(NotificationId.of("nobody"), MONDAY_9AM, LEASE));
  }

  @Test
  void deliveredIsFinal() {
    NotificationId id = queue(1, MONDAY_9AM).get(0).id();
    outbox().claimDue(MONDAY_9AM, LEASE, 10);
    outbox().markDelivered(id, MONDAY_9AM);
    outbox().markRetry(id, "late timeout from a second sender", MONDAY_9AM.plusSeconds(5));
    outbox().markFailed(id, "late failure", MONDAY_9AM.plusSeconds(6));

    OutboxEntry entry = outbox().find(id).orElseThrow();
    assertEquals(DeliveryState.DELIVERED, entry.state());
    assertEquals(0, entry.attempts());
    assertEquals(List.of(), outbox().claimDue(MONDAY_9AM.plus(Duration.ofDays(1)), LEASE, 10));
  }

  @Test
  void markingAnUnknownNotificationIsNotFound() {
    NotificationId unknown = NotificationId.of("nobody");
    assertThrows(NotFoundException.class, () -> outbox().markDelivered(unknown, MONDAY_9AM));
    assertThrows(NotFoundException.class, () -> outbox().markRetry(unknown, "x", MONDAY_9AM));
    assertThrows(NotFoundException.class, () -> outbox().markFailed(unknown, "x", MONDAY_9AM));
    assertTrue(outbox().find(unknown).isEmpty());
  }

  @Test
  void concurrentClaimersNeverGetTheSameNotification() throws Exception {
    int count = 200;
    for (int i = 0; i < count / 10; i++) {
      queue(10, MONDAY_9AM.plusMillis(i));
    }
    Set<NotificationId> claimed = ConcurrentHashMap.newKeySet();
    Threads.runConcurrently(4, thread -> {
      List<OutboxEntry> batch;
      do {
        batch = outbox().claimDue(MONDAY_9AM.plusSeconds(1), Duration.ofHours(1), 7);
        for (OutboxEntry entry : batch) {
          assertTrue(claimed.add(entry.notification().id()), "claimed twice: " + entry.notification().id());
        }
      } while (!batch.isEmpty());
    });
    assertEquals(count, claimed.size());
  }
}
