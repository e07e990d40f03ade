package dev.helpdesk.core.sla;

import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a ticket stands against its service levels at one instant (issue 6), derived from its
 * history alone by {@link ServiceLevels#status}: its clocks, the targets decided so far, what it owes
 * the customer next, and the warnings and breaches that fell due but are not recorded yet. Immutable.
 */
public final class SlaStatus {
  private final Instant at;
  private final String policy;
  private final Instant firstResponse;
  private final List<SlaClock> clocks;
  private final List<SlaResult> results;
  private final Instant due;
  private final Instant nextCheck;
  private final List<TicketEvent.Change> overdue;

  SlaStatus(Instant at, String policy, Instant firstResponse, List<SlaClock> clocks, List<SlaResult> results,
      Instant due, Instant nextCheck, List<TicketEvent.Change> overdue) {
    this.at = at;
    this.policy = policy;
    this.firstResponse = firstResponse;
    this.clocks = List.copyOf(clocks);
    this.results = List.copyOf(results);
    this.due = due;
    this.nextCheck = nextCheck;
    this.overdue = List.copyOf(overdue);
  }

  /** @return the instant the status is taken at: the one asked for, or the ticket's last step if later */
  public Instant at() {
    return at;
  }

  /** @return the name of the policy in force, if one applies */
  public Optional<String> policy() {
    return Optional.ofNullable(policy);
  }

  /** @return when staff first responded to the customer, if they have */
  public Optional<Instant> firstResponse() {
    return Optional.ofNullable(firstResponse);
  }

  /**
   * Returns the ticket's clocks: first response, next update (once there was a first response),
   * resolution, and the time at each tier the ticket has been at, lowest first.
   *
   * @return the clocks
   */
  public List<SlaClock> clocks() {
    return clocks;
  }

  /**
   * Returns one customer-facing clock.
   *
   * @param target {@link SlaTarget#FIRST_RESPONSE}, {@link SlaTarget#NEXT_UPDATE} or {@link
   *     SlaTarget#RESOLUTION}
   * @return the clock, if the ticket has it
   */
  public Optional<SlaClock> clock(SlaTarget target) {
    return clocks.stream().filter(c -> c.target() == target && c.tier().isEmpty()).findFirst();
  }

  /**
   * Returns the clock of the time spent at a tier.
   *
   * @param tier the tier
   * @return the clock, if the ticket has been at that tier
   */
  public Optional<SlaClock> clock(Tier tier) {
    return clocks.stream().filter(c -> c.tier().filter(tier::equals).isPresent()).findFirst();
  }

  /**
   * Returns whether each target decided so far was met: a first response given, a solution given, a
   * tier left, an update given (a next-update target counts as met while every update so far came in
   * time), or a target breached. A target met and then breached after the ticket went back to work
   * counts as breached.
   *
   * @return one result per target and tier, customer-facing ones first
   */
  public List<SlaResult> results() {
    return results;
  }

  /**
   * Returns the earliest instant the desk owes the customer something, while a customer-facing clock
   * runs against a target.
   *
   * @return the instant, in the past when overdue; empty while those clocks are paused or stopped
   */
  public Optional<Instant> due() {
    return Optional.ofNullable(due);
  }

  /**
   * Returns the earliest instant at which a warning or breach not yet recorded falls due, if nothing
   * changes: the next moment the desk has SLA work to do for this ticket.
   *
   * @return the instant; not after {@link #at()} when {@link #overdue()} is not empty; empty when
   *     nothing more can fall due unless the ticket changes
   */
  public Optional<Instant> nextCheck() {
    return Optional.ofNullable(nextCheck);
  }

  /**
   * Returns the warnings and breaches that fell due by {@link #at()} and are not in the ticket's
   * history yet, earliest first: what the desk records next. A breach makes the warnings before it
   * moot, so they are left out.
   *
   * @return {@link TicketEvent.SlaWarning}s and {@link TicketEvent.SlaBreached}es
   */
  public List<TicketEvent.Change> overdue() {
    return overdue;
  }

  /**
   * Returns the ticket with the service-level state this status holds: its policy, first response,
   * due instant and results, ready for analytics.
   *
   * @param ticket the ticket the status was taken of, or a later copy
   * @return the ticket with those fields set; the same ticket if they already are
   */
  public Ticket applyTo(Ticket ticket) {
    if (Objects.equals(ticket.slaPolicy().orElse(null), policy)
        && Objects.equals(ticket.firstResponse().orElse(null), firstResponse)
        && Objects.equals(ticket.slaDue().orElse(null), due) && ticket.slaResults().equals(results)) {
      return ticket;
    }
    return ticket.toBuilder().slaPolicy(policy).firstResponse(firstResponse).slaDue(due).slaResults(results).build();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SlaStatus{at ").append(at).append(", policy ")
        .append(policy == null ? "none" : policy);
    for (SlaClock clock : clocks) {
      out.append(", ").append(clock.target()).append(clock.tier().map(t -> " L" + t.level()).orElse(""))
          .append(' ').append(clock.state()).append(' ').append(clock.elapsed())
          .append(clock.allowed().map(a -> "/" + a).orElse(""))
          .append(clock.due().map(d -> " due " + d).orElse("")).append(clock.breached() ? " BREACHED" : "");
    }
    return out.append('}').toString();
  }
}
