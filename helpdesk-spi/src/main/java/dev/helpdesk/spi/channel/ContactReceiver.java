package dev.helpdesk.spi.channel;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import java.util.Optional;

/** Takes inbound contacts from a channel adapter into the desk. The desk implements it. */
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
}
