package dev.helpdesk.core;

import dev.helpdesk.core.lifecycle.TicketAction;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.spi.store.TechnicianStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what to which ticket. Customers act only on their own tickets, and only as customers
 * do: reply, confirm, reopen, cancel, rate. Technicians act within their tier, or on tickets assigned to
 * them; any technician may note a comment, and pass on what a customer says on the phone (a reply,
 * a confirmation, a problem that came back). Supervisors and the system may do everything.
 */
final class Access {
  private static final Set<TicketAction> CUSTOMER_ACTIONS =
      EnumSet.of(TicketAction.CUSTOMER_REPLY, TicketAction.CONFIRM, TicketAction.REOPEN, TicketAction.CANCEL,
          TicketAction.RATE);
  /** What any technician may do at any tier: what taking a customer's call or noting something needs. */
  private static final Set<TicketAction> ANY_TECHNICIAN = EnumSet.of(TicketAction.COMMENT,
      TicketAction.CUSTOMER_REPLY, TicketAction.CONFIRM, TicketAction.REOPEN);

  private final TechnicianStore technicians;

  Access(TechnicianStore technicians) {
    this.technicians = technicians;
  }

  /** Throws {@link AccessDeniedException} unless the actor may take the action on the ticket. */
  void check(Actor actor, Ticket ticket, TicketAction action) {
    switch (actor.role()) {
      case CUSTOMER -> {
        checkCanRead(actor, ticket);
        if (!CUSTOMER_ACTIONS.contains(action)) {
          throw new AccessDeniedException(actor, action.label() + " ticket " + ticket.id() + ": that is staff work");
        }
      }
      case TECHNICIAN -> {
        Technician technician = technician(actor);
        if (!ANY_TECHNICIAN.contains(action) && !technician.tier().equals(ticket.tier())
            && !ticket.assignee().map(technician.id()::equals).orElse(false)) {
          throw new AccessDeniedException(actor, action.label() + " ticket " + ticket.id() + " at " + ticket.tier()
              + ": they work at " + technician.tier());
        }
      }
      case SUPERVISOR, SYSTEM -> {
        // The desk's management and its own timers may do anything the state machine allows.
      }
    }
  }

  /** Throws {@link AccessDeniedException} if a customer asks for someone else's ticket. */
  void checkCanRead(Actor actor, Ticket ticket) {
    if (actor.role() == Actor.Role.CUSTOMER && !actor.is(ticket.customer())) {
      throw new AccessDeniedException(actor, "see ticket " + ticket.id() + " of another customer");
    }
    if (actor.role() == Actor.Role.TECHNICIAN) {
      technician(actor);
    }
  }

  /** The technician behind an actor, who must be on the desk's staff. */
  Technician technician(Actor actor) {
    return technicians.find(TechnicianId.of(actor.id()))
        .orElseThrow(() -> new AccessDeniedException(actor, "act: not a technician of this desk"));
  }
}
