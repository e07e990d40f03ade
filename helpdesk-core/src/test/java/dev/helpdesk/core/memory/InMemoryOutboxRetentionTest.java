package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InMemoryOutboxRetentionTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void onlyTheLatestDeliveredNotificationsAreKeptButNoPendingOrFailedOneIsDropped() {
    InMemoryTicketStore store = new InMemoryTicketStore("T-", 2);
    Ticket ticket = Ticket.builder().id(store.nextId()).customer(CustomerId.of("c")).channel(Channel.EMAIL)
        .category("general").subject("Mail").entered(NOW).build();
    List<Notification> notifications = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      notifications.add(new Notification(NotificationId.of("N-" + i), ticket.id(), NotificationKind.TICKET_OPENED,
          new Recipient(Recipient.Kind.CUSTOMER, "c", "C", "c@example.com"), Locale.ENGLISH, "Subject", "", NOW));
    }
    store.create(new TicketUpdate(ticket, List.of(), notifications));
    for (int i = 0; i < 4; i++) {
      store.outbox().markDelivered(NotificationId.of("N-" + i), NOW.plusSeconds(i));
    }
    store.outbox().markFailed(NotificationId.of("N-4"), "mailbox unknown", NOW);

    assertEquals(List.of("N-2", "N-3"), ids(store.outbox().list(DeliveryState.DELIVERED, 10)));
    assertTrue(store.outbox().find(NotificationId.of("N-0")).isEmpty(), "the oldest delivered is forgotten");
    assertEquals(List.of("N-4"), ids(store.outbox().list(DeliveryState.FAILED, 10)));
    assertEquals(List.of("N-5"), ids(store.outbox().list(DeliveryState.PENDING, 10)));
    assertEquals(DeliveryState.DELIVERED, store.outbox().find(NotificationId.of("N-3")).orElseThrow().state());
    store.outbox().markRetry(NotificationId.of("N-3"), "late refusal", NOW);
    assertEquals(DeliveryState.DELIVERED, store.outbox().find(NotificationId.of("N-3")).orElseThrow().state(),
        "a kept delivered entry stays delivered");
    assertThrows(NotFoundException.class, () -> store.outbox().markDelivered(NotificationId.of("N-9"), NOW));
  }

  @Test
  void anOutboxKeepingNoDeliveredNotificationsStillDeliversEach() {
    InMemoryTicketStore store = new InMemoryTicketStore("T-", 0);
    Ticket ticket = Ticket.builder().id(store.nextId()).customer(CustomerId.of("c")).channel(Channel.EMAIL)
        .category("general").subject("Mail").entered(NOW).build();
    Notification notification = new Notification(NotificationId.of("N-0"), ticket.id(), NotificationKind.TICKET_OPENED,
        new Recipient(Recipient.Kind.CUSTOMER, "c", "C", "c@example.com"), Locale.ENGLISH, "Subject", "", NOW);
    store.create(new TicketUpdate(ticket, List.of(), List.of(notification)));
    store.outbox().markDelivered(notification.id(), NOW);

    assertEquals(List.of(), store.outbox().list(DeliveryState.DELIVERED, 10));
    assertEquals(List.of(), store.outbox().list(DeliveryState.PENDING, 10));
    assertEquals(List.of(), store.outbox().claimDue(NOW.plusSeconds(60), java.time.Duration.ofMinutes(1), 10));
  }

  private static List<String> ids(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.notification().id().value()).toList();
  }
}
