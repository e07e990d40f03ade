package dev.helpdesk.spi.event;

import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;

/**
 * Hears every step of every ticket (D-16), for dashboards, integrations and audits. The desk calls
 * listeners after the change is stored, in history order, on the thread that made the change. A
 * listener that throws is logged and skipped: it never undoes the change nor stops other listeners.
 * Listeners should be quick; hand slow work to an executor.
 */
@FunctionalInterface
public interface TicketEventListener {
  /**
   * Called once for each stored event.
   *
   * @param ticket the ticket as stored after the change
   * @param event the step
   */
  void onEvent(Ticket ticket, TicketEvent event);
}
