package dev.helpdesk.routing;

import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which technician works on which ticket (D-05…D-10, D-15). A router knows the desk's
 * technicians (tier, skills, support modes, capacity per channel, availability) and the tickets that
 * need one; every change is told to it, and it answers with {@link Decision}s the caller carries out
 * (assigning the ticket, recording the decision in the ticket's history).
 *
 * <p>A ticket is worked on only by a technician of its tier who has every required skill at its
 * level, gives its support mode (when the tier gives that mode at all) and has room for its channel;
 * preferred skills are required too until they are relaxed, step by step, the longer the ticket
 * waits. Among the technicians who could take a ticket, the {@link RoutingPolicy} chooses; among the
 * tickets a freed technician could take, the {@link QueueOrder} does. A reopened ticket or a
 * follow-up goes first to the technician who worked on it before, if they can take it within the
 * affinity wait.
 *
 * <p>Time is the caller's: every method takes the current instant, and {@link #advanceTo} does what
 * falls due (relaxing preferred skills, ending affinity waits and offers, overflowing). Routers are
 * thread-safe; each call is atomic.
 */
public interface Router {
  /**
   * The router to use: every decision from indexes kept up to date as things change, never by
   * looking at every technician or every waiting ticket.
   *
   * @param rules the rules
   * @return a new, empty router
   */
  static Router indexed(RoutingRules rules) {
    return new IndexedRouter(rules);
  }

  /**
   * A reference router that makes the same decisions as {@link #indexed} by looking at every
   * technician and every waiting ticket each time: slow and obviously right, for tests and
   * benchmarks.
   *
   * @param rules the rules
   * @return a new, empty router
   */
  static Router reference(RoutingRules rules) {
    return new ReferenceRouter(rules);
  }

  /** @return the rules this router follows */
  RoutingRules rules();

  /**
   * Adds a technician or takes in their changes. One who becomes available takes waiting tickets
   * while they have room; one who goes offline or moves to another tier gives back the tickets they
   * had not started, which keep their age and are routed again.
   *
   * @param technician the technician as they are now
   * @param now the current instant
   * @return the decisions this caused, in order
   */
  List<Decision> updateTechnician(Technician technician, Instant now);

  /**
   * Removes a technician, as {@link #updateTechnician} does for one going offline; tickets they
   * had started stay theirs to finish and are forgotten by the router.
   *
   * @param technician the technician
   * @param now the current instant
   * @return the decisions this caused
   */
  List<Decision> removeTechnician(TechnicianId technician, Instant now);

  /**
   * Routes a ticket that needs a technician (new, reopened, back from another department): to the
   * technician the policy chooses among those who could take it now, or into its tier's queue.
   *
   * @param ticket the ticket; one the router already has waiting is routed afresh (with its new
   *     priority, for example), keeping its routing order among equal keys
   * @param now the current instant
   * @return the decision
   * @throws IllegalStateException if the router has the ticket with a technician: {@link #finish}
   *     it first, or use {@link #recordAssignment}
   */
  Decision route(WaitingTicket ticket, Instant now);

  /**
   * Records that a ticket was given to a technician by someone else (a supervisor's choice, a
   * reopened ticket sent back to whoever solved it), so their load counts, even beyond their
   * capacity. The ticket leaves its queue or its previous technician, who takes their next tickets.
   * Giving a ticket to the technician who already has it changes nothing.
   *
   * @param ticket the ticket, at the technician's tier
   * @param technician who has it now
   * @param now the current instant
   * @return the assignments made to the previous technician, if any
   * @throws dev.helpdesk.model.NotFoundException if the router does not know the technician
   */
  List<Decision> recordAssignment(WaitingTicket ticket, TechnicianId technician, Instant now);

  /**
   * Gives a technician with room the best waiting tickets they can take, one at a time while they
   * have room.
   *
   * @param technician the technician
   * @param now the current instant
   * @return the assignments made, possibly none
   */
  List<Decision> next(TechnicianId technician, Instant now);

  /**
   * Records that the technician started work on their ticket, which then stays theirs if they go
   * offline.
   *
   * @param ticket the ticket
   * @return whether the router knew it as assigned
   */
  boolean start(TicketId ticket);

  /**
   * Forgets a ticket that no longer needs routing (resolved, closed, cancelled, handed off,
   * assigned by hand): it leaves its queue, or frees its technician's capacity, and the freed
   * technician takes their next tickets.
   *
   * @param ticket the ticket
   * @param now the current instant
   * @return the assignments made to the freed technician
   */
  List<Decision> finish(TicketId ticket, Instant now);

  /**
   * Escalates a ticket to a higher tier, keeping its date entered: its technician is freed (and
   * takes their next tickets) and the ticket is routed at the new tier.
   *
   * @param ticket the ticket, as it is now (its tier is the one it leaves); one the router does not
   *     know is taken in and routed at the new tier
   * @param to the tier it goes to; empty for the next one up
   * @param now the current instant
   * @return the decisions: the ticket's first, then the freed technician's
   * @throws IllegalArgumentException if there is no higher tier, or {@code to} is not above it
   */
  List<Decision> escalate(WaitingTicket ticket, Optional<Tier> to, Instant now);

  /**
   * The ticket's technician gives it back without finishing it: it is routed again, keeping its
   * age, to anyone but them, and they take their next tickets.
   *
   * @param ticket the ticket
   * @param now the current instant
   * @return the ticket's new decision, then the technician's next assignments; empty if no
   *     technician has it
   */
  List<Decision> release(TicketId ticket, Instant now);

  /**
   * The technician accepts an offer: the ticket is theirs.
   *
   * @param ticket the ticket
   * @param now the current instant
   * @return the assignment, or empty if no offer for it stands
   */
  Optional<Decision> accept(TicketId ticket, Instant now);

  /**
   * The technician declines an offer: it goes to the next technician, keeping its place and age.
   *
   * @param ticket the ticket
   * @param now the current instant
   * @return the ticket's new decision, then the declining technician's other assignments; empty if
   *     no offer for it stands
   */
  List<Decision> decline(TicketId ticket, Instant now);

  /**
   * Does what falls due by {@code now}: relaxes preferred skills, ends affinity waits, withdraws
   * unanswered offers (setting away a technician who missed too many in a row), overflows tickets
   * that waited too long, and routes each affected ticket again.
   *
   * @param now the current instant
   * @return the decisions made
   */
  List<Decision> advanceTo(Instant now);

  /**
   * @param ticket a ticket
   * @return the technician who has or is offered it, if any
   */
  Optional<TechnicianId> technicianOf(TicketId ticket);

  /**
   * @param tier a tier
   * @return how many tickets wait there, held ones included
   */
  int waiting(Tier tier);
}
