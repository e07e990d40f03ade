package dev.helpdesk.spi.channel;

import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Ticket;

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
}
