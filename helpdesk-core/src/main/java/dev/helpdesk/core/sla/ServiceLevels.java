package dev.helpdesk.core.sla;

import dev.helpdesk.model.Customer;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A desk's service levels (issue 6): its policies, in the order they are tried, and the business
 * calendar targets are counted in unless a policy has its own. The first policy that {@linkplain
 * SlaPolicy#appliesTo applies} to a ticket is its policy. Immutable and thread-safe.
 *
 * <p>{@link #status} works out a ticket's clocks from its history alone, so the same history always
 * gives the same answer, whenever it is asked. What it counts:
 *
 * <ul>
 *   <li><b>First response</b> runs from the date entered to the first response by staff: the first
 *       step by a technician or supervisor that tells the customer something (a request for
 *       information, a solution, a public note); on a live channel (phone, walk-in, video call,
 *       remote session), where the customer is talking to the technician, also staff starting work.
 *       The desk's own messages (acknowledgements, courtesy updates, notices of escalation or
 *       hand-off) do not count.
 *   <li><b>Next update</b> runs from each response by staff to the next one (same rule, without the
 *       live-channel case), once there was a first response.
 *   <li><b>Resolution</b> runs from the date entered to the solution; if the ticket goes back to work
 *       (the customer writes again, or it is reopened under warranty) it resumes where it stopped.
 *   <li><b>Time at a tier</b> runs while the ticket is at that tier, so each level answers for its own
 *       part; escalation starts the next tier's clock and never resets the customer-facing ones.
 * </ul>
 *
 * <p>Every clock counts business time only, in the calendar of the policy in force, and stops while
 * the ticket is in a status the policy pauses in ({@link SlaPolicy#pausedWhile()}), resolved, or
 * over. A change of priority, or of policy, changes the targets from that instant on: a clock keeps
 * the business time it counted and its pauses, and falls due when that time reaches the new target
 * (at once, if it already has).
 */
public final class ServiceLevels {
  private static final ServiceLevels NONE = new ServiceLevels(BusinessCalendar.twentyFourSeven(), List.of());

  private final BusinessCalendar calendar;
  private final List<SlaPolicy> policies;
  private final Map<String, SlaPolicy> byName;

  private ServiceLevels(BusinessCalendar calendar, List<SlaPolicy> policies) {
    this.calendar = calendar;
    this.policies = List.copyOf(policies);
    Map<String, SlaPolicy> names = new LinkedHashMap<>();
    for (SlaPolicy policy : policies) {
      names.put(policy.name(), policy);
    }
    this.byName = names;
  }

  /**
   * Returns a desk's service levels.
   *
   * @param calendar the calendar targets are counted in, unless a policy has its own
   * @param policies the policies, in the order they are tried; names unique
   * @return the service levels
   * @throws ValidationException if the calendar is missing, a policy is null, or two share a name
   */
  public static ServiceLevels of(BusinessCalendar calendar, List<SlaPolicy> policies) {
    List<Violation> found = new ArrayList<>();
    if (calendar == null) {
      found.add(new Violation("calendar", "must not be null"));
    }
    if (policies == null) {
      found.add(new Violation("policies", "must not be null"));
    } else {
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < policies.size(); i++) {
        SlaPolicy policy = policies.get(i);
        if (policy == null) {
          found.add(new Violation("policies[" + i + "]", "must not be null"));
        } else if (seen.contains(policy.name())) {
          found.add(new Violation("policies[" + i + "]", "repeats the name '" + policy.name() + "'"));
        } else {
          seen.add(policy.name());
        }
      }
    }
    if (!found.isEmpty()) {
      throw new ValidationException("ServiceLevels", found);
    }
    return new ServiceLevels(calendar, policies);
  }

  /**
   * Returns service levels with no policies, in a 24×7 calendar: clocks count time without targets.
   *
   * @return no service levels
   */
  public static ServiceLevels none() {
    return NONE;
  }

  /** @return the calendar targets are counted in unless a policy has its own */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /** @return the policies, in the order they are tried */
  public List<SlaPolicy> policies() {
    return policies;
  }

  /**
   * Returns the policy of a given name.
   *
   * @param name a policy's name
   * @return the policy, or empty if there is none of that name (or the name is empty)
   */
  public Optional<SlaPolicy> policy(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Chooses the policy for a ticket: the first that applies to it.
   *
   * @param ticket the ticket, at the priority to judge
   * @param customer its customer
   * @return the policy, or empty when none applies
   */
  public Optional<SlaPolicy> policyFor(Ticket ticket, Customer customer) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(customer, "customer");
    for (SlaPolicy policy : policies) {
      if (policy.appliesTo(ticket, customer)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }

  /**
   * Works out where a ticket stands against its service levels at an instant, from its history
   * alone. The policies a ticket was measured against are the ones its history names ({@link
   * TicketEvent.SlaPolicyApplied}); a name these service levels no longer know counts as no policy.
   *
   * @param ticket the ticket, for its channel and the priority it has if its history never changed it
   * @param history its events in order, as stored (and any about to be stored after them)
   * @param at the instant to look at; an instant before the last event counts as that event's
   * @return the status
   */
  public SlaStatus status(Ticket ticket, List<TicketEvent> history, Instant at) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(at, "at");
    return ClockReplay.status(this, ticket, history, at);
  }

  /**
   * Names a clock for people, in English or Spanish (other languages get English): {@code first
   * response}, {@code time at Specialists}.
   *
   * @param target what the clock measures
   * @param tier its tier, for {@link SlaTarget#TIER_TIME}
   * @param locale the reader's language
   * @return the name
   */
  public static String describe(SlaTarget target, Optional<Tier> tier, Locale locale) {
    boolean spanish = "es".equals(locale.getLanguage());
    String tierName = tier.map(Tier::name).orElse("");
    return switch (target) {
      case FIRST_RESPONSE -> spanish ? "primera respuesta" : "first response";
      case NEXT_UPDATE -> spanish ? "próxima actualización" : "next update";
      case RESOLUTION -> spanish ? "resolución" : "resolution";
      case TIER_TIME -> spanish ? "tiempo en " + tierName : "time at " + tierName;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceLevels s && calendar.equals(s.calendar) && policies.equals(s.policies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(calendar, policies);
  }

  @Override
  public String toString() {
    return "ServiceLevels{" + calendar + ", " + policies + "}";
  }
}
