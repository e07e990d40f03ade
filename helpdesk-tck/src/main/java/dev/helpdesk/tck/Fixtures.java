package dev.helpdesk.tck;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Valid model values for the suites; every suite instance has its own. */
final class Fixtures {
  static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
  static final CustomerId ANA = CustomerId.of("ana");
  static final CustomerId BRUNO = CustomerId.of("bruno");

  private final AtomicLong notifications = new AtomicLong();

  /** A new phone ticket of Ana's, entered at the given instant. */
  Ticket ticket(TicketId id, Instant entered) {
    return Ticket.builder()
        .id(id)
        .customer(ANA)
        .channel(Channel.PHONE)
        .category("printing")
        .subject("The printer on floor 2 does not print")
        .entered(entered)
        .build();
  }

  TicketEvent opened(Ticket ticket) {
    return new TicketEvent(ticket.id(), ticket.entered(), Actor.system(), TicketStatus.NEW, TicketStatus.NEW,
        ticket.tier(), new TicketEvent.Opened(ticket.channel(), ticket.supportMode()), Note.NONE);
  }

  TicketEvent comment(Ticket ticket, String text) {
    return new TicketEvent(ticket.id(), ticket.updated(), Actor.supervisor("sam"), ticket.status(), ticket.status(),
        ticket.tier(), new TicketEvent.Commented(), Note.internal(text));
  }

  Notification notification(Ticket ticket, Instant created) {
    return new Notification(NotificationId.of("N-" + ticket.id() + "-" + notifications.incrementAndGet()),
        ticket.id(), NotificationKind.TICKET_OPENED,
        new Recipient(Recipient.Kind.CUSTOMER, ticket.customer().value(), "Ana", "ana@example.com"),
        Locale.ENGLISH, "[" + ticket.id() + "] We have your request", "Hello", created);
  }

  static ContactReference call(String callId) {
    return new ContactReference(Channel.PHONE, callId);
  }

}
