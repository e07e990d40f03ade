package dev.helpdesk.routing;

import dev.helpdesk.model.Tier;
import java.util.ArrayList;
import java.util.List;

/** A ticket the router knows: waiting in a queue, held, offered or assigned. */
final class Waiting {
  WaitingTicket ticket;
  /** Routing order among equal keys: the order tickets were first routed, kept for life. */
  final long sequence;
  Tier tier;
  /** The queue sort key, from the ticket's priority, date entered and SLA due time. */
  long key;
  /** When it started waiting at its tier, which relaxation and overflow count from. */
  long queuedAt;
  int relaxStep;
  Need need;
  /** Whether it is in its need's queue. */
  boolean queued;
  /** Changes each time it enters or leaves a need's queue or a hold; see {@link Queue}. */
  int generation;
  /** Changes each time it enters or leaves the timers; see {@link Queue}. */
  int timerGeneration;
  /** Whether it is in the indexed router's timers. */
  boolean timed;
  /** Held for its affinity technician until this instant, or {@code Long.MIN_VALUE}. */
  long heldUntil = Long.MIN_VALUE;
  Tech heldFor;
  Tech technician;
  /** The units of the technician's capacity it takes, fixed when assigned. */
  int weight;
  boolean started;
  boolean offered;
  long offerEnds;
  /** Technicians who declined it or let an offer lapse; none is offered it again. */
  List<Tech> refusedBy = List.of();

  Waiting(WaitingTicket ticket, long sequence) {
    this.ticket = ticket;
    this.sequence = sequence;
    this.tier = ticket.tier();
  }

  void refusedBy(Tech tech) {
    if (refusedBy.isEmpty()) {
      refusedBy = new ArrayList<>(2);
    }
    refusedBy.add(tech);
  }
}
