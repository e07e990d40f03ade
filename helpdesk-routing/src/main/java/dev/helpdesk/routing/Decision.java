package dev.helpdesk.routing;

import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a router decided about one ticket, and why.
 *
 * @param ticket the ticket
 * @param outcome what happens to it
 * @param technician who takes it, for {@link Outcome#ASSIGNED} and {@link Outcome#OFFERED}; who
 *     lost it, for {@link Outcome#RETURNED}
 * @param tier the tier it is at afterwards
 * @param rule the rule that decided
 * @param considered how many technicians (or, for a freed technician, how many queues) were looked
 *     at to decide
 * @param requirements what a technician needed to take it, such as {@code "networks>=3, mode
 *     ON_SITE, channel EMAIL"}
 * @param at when
 */
public record Decision(
    TicketId ticket,
    Outcome outcome,
    Optional<TechnicianId> technician,
    Tier tier,
    Rule rule,
    int considered,
    String requirements,
    Instant at) {

  /** What happens to the ticket. */
  public enum Outcome {
    /** A technician has it. */
    ASSIGNED,
    /** A technician is offered it and must accept within the offer timeout. */
    OFFERED,
    /** It waits in its tier's queue. */
    QUEUED,
    /** It waits for the technician who worked on it before, until the affinity wait ends. */
    HELD_FOR_AFFINITY,
    /**
     * Its technician gave it back without starting it (went offline, or let an offer lapse); it is
     * routed again, keeping its age.
     */
    RETURNED
  }

  /** The rule that decided. */
  public enum Rule {
    /** The router's {@link RoutingPolicy} chose among the technicians who could take it. */
    POLICY,
    /** It went to the technician who worked on it before. */
    AFFINITY,
    /** A technician with room took the first waiting ticket they could work on. */
    NEXT_IN_QUEUE,
    /** No technician could take it now. */
    NO_TECHNICIAN_FREE,
    /** It had waited long enough for its preferred skills to be relaxed. */
    RELAXED,
    /** It waited longer than its tier's limit and overflowed to another tier. */
    OVERFLOW,
    /** It was escalated. */
    ESCALATION,
    /** An offer was declined or not answered. */
    OFFER_FAILED,
    /** Its technician gave it back without finishing it; it goes to someone else. */
    RELEASED,
    /** An offer was not answered, and the technician, having missed too many in a row, is set away. */
    MISSED_OFFERS,
    /** Its technician went offline. */
    TECHNICIAN_OFFLINE,
    /** Its technician moved to another tier. */
    TECHNICIAN_MOVED
  }

  /** Rejects missing values. */
  public Decision {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(technician, "technician");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(requirements, "requirements");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Says why, in one line, for the ticket's history: for example {@code "assigned to tech-7 at L1
   * First line by least loaded of 4 candidates (needs networks>=3, channel PHONE)"}.
   *
   * @return the explanation
   */
  public String explain() {
    String who = technician.map(t -> " " + (outcome == Outcome.RETURNED ? "from " : "to ") + t).orElse("");
    String what = switch (rule) {
      case POLICY -> "by the routing policy among " + considered + " technicians looked at";
      case AFFINITY -> "to the technician who worked on it before";
      case NEXT_IN_QUEUE -> "as the first waiting ticket they could take, of " + considered + " queues looked at";
      case NO_TECHNICIAN_FREE -> "as none of " + considered + " technicians looked at could take it";
      case RELAXED -> "after its preferred skills were relaxed";
      case OVERFLOW -> "after waiting longer than its tier's limit";
      case ESCALATION -> "after escalation";
      case OFFER_FAILED -> "after an offer was declined or not answered";
      case RELEASED -> "after its technician gave it back";
      case MISSED_OFFERS -> "after an unanswered offer; the technician missed too many in a row and is set away";
      case TECHNICIAN_OFFLINE -> "as its technician went offline before starting it";
      case TECHNICIAN_MOVED -> "as its technician moved to another tier before starting it";
    };
    return outcome.name().toLowerCase().replace('_', ' ') + who + " at " + tier + " " + what
        + (requirements.isEmpty() ? "" : " (needs " + requirements + ")");
  }
}
