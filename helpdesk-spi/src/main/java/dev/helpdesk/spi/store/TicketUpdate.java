package dev.helpdesk.spi.store;

import dev.helpdesk.model.Notification;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One atomic change to a ticket: its new state, the events that record the change (D-16), and the
 * notifications it causes. A store writes all three or none, so a change is never stored without
 * its history, and a notification is never lost nor sent for a change that was not stored.
 *
 * @param ticket the ticket as it should be stored, at the version it was read at
 * @param events the events to append to its history, in order
 * @param notifications the notifications to put in the outbox
 */
public record TicketUpdate(Ticket ticket, List<TicketEvent> events, List<Notification> notifications) {
  // Copies the lists and rejects events or notifications that belong to another ticket.
  public TicketUpdate {
    Objects.requireNonNull(ticket, "ticket");
    events = List.copyOf(events);
    notifications = List.copyOf(notifications);
    List<Violation> violations = null;
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).ticket().equals(ticket.id())) {
        violations = violations == null ? new ArrayList<>() : violations;
        violations.add(new Violation("events[" + i + "]", "belongs to ticket " + events.get(i).ticket()
            + ", not " + ticket.id()));
      }
    }
    for (int i = 0; i < notifications.size(); i++) {
      if (!notifications.get(i).ticket().equals(ticket.id())) {
        violations = violations == null ? new ArrayList<>() : violations;
        violations.add(new Violation("notifications[" + i + "]", "is about ticket "
            + notifications.get(i).ticket() + ", not " + ticket.id()));
      }
    }
    if (violations != null) {
      throw new ValidationException("TicketUpdate", violations);
    }
  }

  /**
   * Returns an update of the ticket alone, with no events and no notifications.
   *
   * @param ticket the ticket
   * @return the update
   */
  public static TicketUpdate of(Ticket ticket) {
    return new TicketUpdate(ticket, List.of(), List.of());
  }

  /**
   * Returns an update with events and no notifications.
   *
   * @param ticket the ticket
   * @param events the events to append
   * @return the update
   */
  public static TicketUpdate of(Ticket ticket, TicketEvent... events) {
    return new TicketUpdate(ticket, List.of(events), List.of());
  }
}
