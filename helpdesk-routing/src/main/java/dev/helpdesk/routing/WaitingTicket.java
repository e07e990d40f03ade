package dev.helpdesk.routing;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a router needs to know about a ticket that needs a technician.
 *
 * @param id the ticket
 * @param tier the tier that works on it
 * @param priority its priority
 * @param entered its date entered, which decides its age and never changes (D-15)
 * @param channel the channel it came through, which decides how much of a technician's capacity it
 *     takes
 * @param supportMode how it must be worked on: {@link SupportMode#ON_SITE} only by technicians who
 *     make visits
 * @param requiredSkills skills (lower case) and the least level needed; never relaxed
 * @param preferredSkills skills wanted at first, relaxed one level per step the longer it waits
 * @param affinity the technician who worked on it before (a reopened ticket, a customer's
 *     follow-up), who gets it first if they can take it within the affinity wait
 * @param slaDue when it is due, for {@link QueueOrder#slaDue()}
 */
public record WaitingTicket(
    TicketId id,
    Tier tier,
    Priority priority,
    Instant entered,
    Channel channel,
    SupportMode supportMode,
    Map<String, Integer> requiredSkills,
    Map<String, Integer> preferredSkills,
    Optional<TechnicianId> affinity,
    Optional<Instant> slaDue) {

  /** Rejects missing values and copies the skill maps. */
  public WaitingTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(entered, "entered");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(supportMode, "supportMode");
    requiredSkills = lowerCase(requiredSkills);
    preferredSkills = lowerCase(preferredSkills);
    Objects.requireNonNull(affinity, "affinity");
    Objects.requireNonNull(slaDue, "slaDue");
  }

  /**
   * The routing view of a ticket, with no affinity and no SLA due time.
   *
   * @param ticket the ticket
   * @return what the router needs of it
   */
  public static WaitingTicket of(Ticket ticket) {
    return new WaitingTicket(ticket.id(), ticket.tier(), ticket.priority(), ticket.entered(), ticket.channel(),
        ticket.supportMode(), ticket.requiredSkills(), ticket.preferredSkills(), Optional.empty(), Optional.empty());
  }

  /**
   * A simple ticket needing no skills, for tests and examples.
   *
   * @param id the ticket
   * @param tier its tier
   * @param priority its priority
   * @param entered its date entered
   * @param channel its channel, which also gives its support mode
   * @return the ticket
   */
  public static WaitingTicket of(TicketId id, Tier tier, Priority priority, Instant entered, Channel channel) {
    return new WaitingTicket(id, tier, priority, entered, channel, channel.defaultSupportMode(), Map.of(), Map.of(),
        Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy that also needs a skill.
   *
   * @param skill the skill
   * @param level the least level, 1 to 5
   * @return the copy
   */
  public WaitingTicket requiring(String skill, int level) {
    return new WaitingTicket(id, tier, priority, entered, channel, supportMode, with(requiredSkills, skill, level),
        preferredSkills, affinity, slaDue);
  }

  /**
   * Returns a copy that prefers a skill.
   *
   * @param skill the skill
   * @param level the level wanted at first, 1 to 5
   * @return the copy
   */
  public WaitingTicket preferring(String skill, int level) {
    return new WaitingTicket(id, tier, priority, entered, channel, supportMode, requiredSkills,
        with(preferredSkills, skill, level), affinity, slaDue);
  }

  /**
   * Returns a copy that goes first to a technician who worked on it before.
   *
   * @param technician the technician
   * @return the copy
   */
  public WaitingTicket withAffinity(TechnicianId technician) {
    return new WaitingTicket(id, tier, priority, entered, channel, supportMode, requiredSkills, preferredSkills,
        Optional.of(technician), slaDue);
  }

  /**
   * Returns a copy with a support mode.
   *
   * @param mode the mode
   * @return the copy
   */
  public WaitingTicket withSupportMode(SupportMode mode) {
    return new WaitingTicket(id, tier, priority, entered, channel, mode, requiredSkills, preferredSkills, affinity,
        slaDue);
  }

  /**
   * Returns a copy with an SLA due time.
   *
   * @param due when it is due
   * @return the copy
   */
  public WaitingTicket withSlaDue(Instant due) {
    return new WaitingTicket(id, tier, priority, entered, channel, supportMode, requiredSkills, preferredSkills,
        affinity, Optional.of(due));
  }

  /**
   * Returns a copy at another tier, keeping its date entered.
   *
   * @param tier the tier
   * @return the copy
   */
  public WaitingTicket atTier(Tier tier) {
    return new WaitingTicket(id, tier, priority, entered, channel, supportMode, requiredSkills, preferredSkills,
        affinity, slaDue);
  }

  /** Skill names in lower case, as technicians' are kept; maps already so are copied as they are. */
  private static Map<String, Integer> lowerCase(Map<String, Integer> skills) {
    for (String name : skills.keySet()) {
      if (!name.equals(name.strip().toLowerCase(java.util.Locale.ROOT))) {
        java.util.HashMap<String, Integer> copy = new java.util.HashMap<>();
        skills.forEach((n, level) -> copy.put(n.strip().toLowerCase(java.util.Locale.ROOT), level));
        return Map.copyOf(copy);
      }
    }
    return Map.copyOf(skills);
  }

  private static Map<String, Integer> with(Map<String, Integer> skills, String skill, int level) {
    java.util.HashMap<String, Integer> copy = new java.util.HashMap<>(skills);
    copy.put(skill.strip().toLowerCase(java.util.Locale.ROOT), level);
    return copy;
  }
}
