package dev.helpdesk.core.analytics;

import dev.helpdesk.core.memory.InMemoryQueueEventStore;
import dev.helpdesk.core.memory.InMemoryTechnicianStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Histories written straight to the stores, for reports over many tickets and weeks. */
final class StoredTickets {
  final InMemoryTicketStore tickets = new InMemoryTicketStore();
  final InMemoryTechnicianStore technicians = new InMemoryTechnicianStore();
  final InMemoryQueueEventStore queue = new InMemoryQueueEventStore();
  private final ZoneId zone;

  StoredTickets(ZoneId zone) {
    this.zone = zone;
  }

  Analytics analytics() {
    return Analytics.of(tickets, technicians, queue, zone);
  }

  /** A new ticket, opened at an instant through a channel. */
  Ticket opened(Instant at, Channel channel, String category, String subject) {
    Ticket ticket = Ticket.builder().id(tickets.nextId()).customer(CustomerId.of("C-1")).channel(channel)
        .category(category).subject(subject).entered(at).build();
    TicketEvent opened = new TicketEvent(ticket.id(), at, Actor.system(), TicketStatus.NEW, TicketStatus.NEW,
        ticket.tier(), new TicketEvent.Opened(channel, ticket.supportMode()), Note.NONE);
    return tickets.create(TicketUpdate.of(ticket, opened));
  }

  /** The ticket solved at an instant by an actor, at first contact or not. */
  Ticket resolved(Ticket ticket, Instant at, Actor by, boolean firstContact) {
    Resolution resolution = new Resolution("Solved", Optional.empty(), by, at, firstContact);
    Ticket after = ticket.toBuilder().status(TicketStatus.RESOLVED).resolution(resolution).updated(at).build();
    TicketEvent event = new TicketEvent(ticket.id(), at, by, ticket.status(), TicketStatus.RESOLVED, ticket.tier(),
        new TicketEvent.Resolved(resolution), Note.NONE);
    return tickets.save(TicketUpdate.of(after, event));
  }
}
