package dev.helpdesk.spi.channel;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import java.util.Optional;

/**
 * Takes inbound contacts from a channel adapter into the desk, and what the channel's queue did with
 * them (D-21). The desk implements it.
 */
@FunctionalInterface
public interface ContactReceiver {
  /**
   * Registers a contact: opens a ticket for it, or continues the ticket it replies to. Delivering
   * the same contact twice (same channel and external id) returns the same ticket and changes
   * nothing the second time, so an adapter may redeliver after a crash.
   *
   * @param contact the contact
   * @return the ticket it opened or continued, as stored
   * @throws HelpDeskException if the contact is invalid or cannot be stored; the adapter should
   *     keep the contact for inspection or retry
   */
  Ticket receive(InboundContact contact);

  /**
   * Tells which ticket an earlier contact opened, so that an adapter can continue that ticket when
   * a new contact answers the earlier one (an email replying to the customer's own first message)
   * and names no ticket itself. It reads and changes nothing else.
   *
   * @param contact the earlier contact's channel and external id
   * @return the ticket it opened, or empty when none is known; empty by default, for receivers
   *     that keep no such record
   */
  default Optional<TicketId> ticketOpenedBy(ContactReference contact) {
    return Optional.empty();
  }

  /**
   * Records what a channel's queue did with a contact waiting for a live person: offered, answered
   * after a wait, or abandoned (D-21). A phone system's adapter reports each call's events as they
   * happen, with the call's id as the contact's external id, and delivers the answered call itself
   * through {@link #receive} with the same id, so the desk can join the wait with the ticket. The
   * same event (same contact and kind) reported twice is recorded once, so an adapter may
   * redeliver after a crash.
   *
   * @param event what happened in the queue
   * @throws HelpDeskException if the event is missing or cannot be stored
   * @throws UnsupportedOperationException if this receiver keeps no queue statistics; the desk does
   */
  default void report(QueueEvent event) {
    throw new UnsupportedOperationException("this receiver keeps no queue statistics: " + getClass().getName());
  }
}
