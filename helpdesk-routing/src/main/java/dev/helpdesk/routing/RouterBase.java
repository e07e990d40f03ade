package dev.helpdesk.routing;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every router decides the same way: the technicians' and tickets' state, needs, capacity,
 * affinity, offers, relaxation, overflow and escalation. Subclasses keep the structures that find
 * the best technician for a need and the best ticket for a technician: {@link IndexedRouter} with
 * indexes, {@link ReferenceRouter} by looking at everything.
 *
 * <p>Technicians are ordered by rank (from the policy) and then by a stamp taken each time their
 * standing changes (work given or finished, availability, profile), so equal ranks go to whoever
 * has held theirs longest. Tickets are ordered by their {@link QueueOrder} key and then by the
 * order they were first routed.
 */
abstract class RouterBase implements Router {
  /** A technician found for a need, and how many were looked at. */
  record Found(Tech tech, int considered) {}

  /** A ticket found for a technician, how many queues were looked at, and whether it was held for them. */
  record Pick(Waiting waiting, int considered, boolean held) {}

  final RoutingRules rules;
  private final Map<String, Integer> skillIds = new HashMap<>();
  private final List<String> skillNames = new ArrayList<>();
  final Map<TechnicianId, Tech> techs = new HashMap<>();
  private final Map<TicketId, Waiting> tickets = new HashMap<>();
  private long sequence;
  private long stamps;

  RouterBase(RoutingRules rules) {
    this.rules = rules;
  }

  // ----- what subclasses index -----------------------------------------------------------------

  /** The technician's standing changed (load, availability, profile): re-place them. */
  abstract void placed(Tech tech);

  /** The technician's tier, skills or modes changed: rebuild where they are indexed. */
  abstract void indexTechnician(Tech tech);

  abstract void forgetTechnician(Tech tech);

  /** The best technician who could take a ticket with this need now, in policy order. */
  abstract Found findTechnician(Need need, Waiting w);

  /** The one instance of an equal need. */
  abstract Need intern(Need need);

  abstract void enqueue(Waiting w);

  abstract void dequeue(Waiting w);

  abstract void hold(Waiting w, Tech tech);

  abstract void unhold(Waiting w);

  /** The tickets held for a technician by affinity. */
  abstract List<Waiting> heldFor(Tech tech);

  /** The best waiting ticket the technician can take now, or {@code null}. */
  abstract Pick pickFor(Tech tech);

  /** Sets the ticket's next due time; {@code Long.MAX_VALUE} for none. */
  abstract void schedule(Waiting w, long due);

  /** Removes and returns a ticket whose due time is at or before {@code now}, earliest first. */
  abstract Waiting nextDue(long now);

  abstract int waitingAt(int level);

  /** The technician's rank under the policy: lower goes first. */
  final int rank(Tech tech) {
    return switch (rules.policy()) {
      case LEAST_LOADED -> Math.min(tech.items, Pool.RANKS - 1);
      case LEAST_LOADED_SHARE -> (int) Math.min((long) tech.used * 100 / Tech.UNITS, 100);
      case LONGEST_IDLE -> tech.items > 0 ? 1 : 0;
      case ROUND_ROBIN -> 0;
    };
  }

  // ----- technicians ---------------------------------------------------------------------------

  @Override
  public RoutingRules rules() {
    return rules;
  }

  @Override
  public synchronized List<Decision> updateTechnician(Technician technician, Instant now) {
    if (!rules.tiers().contains(technician.tier())) {
      throw new IllegalArgumentException(technician.id() + " works at " + technician.tier()
          + ", which the desk does not have");
    }
    Tech known = techs.get(technician.id());
    Availability before = known == null ? Availability.OFFLINE : known.availability;
    Tech tech = known != null ? known : new Tech(technician.id());
    techs.put(technician.id(), tech);
    for (Channel channel : Channel.values()) {
      int limit = technician.capacity().limit(channel);
      tech.weight[channel.ordinal()] = limit == 0 ? Tech.UNITS + 1 : Tech.UNITS / limit;
    }
    boolean moved = known != null && known.tier != technician.tier().level();
    tech.tier = technician.tier().level();
    TreeMap<Integer, Integer> skills = new TreeMap<>();
    technician.skills().forEach((name, level) -> skills.put(skill(name), level));
    tech.skills = skills.keySet().stream().mapToInt(Integer::intValue).toArray();
    tech.levels = new byte[skills.isEmpty() ? 0 : skills.lastKey() + 1];
    skills.forEach((id, level) -> tech.levels[id] = (byte) (int) level);
    int modes = 0;
    for (var mode : technician.supportModes()) {
      modes |= 1 << mode.ordinal();
    }
    tech.modes = modes;
    tech.availability = technician.availability();
    if (tech.availability == Availability.AVAILABLE) {
      tech.missedOffers = 0;
    }
    indexTechnician(tech);
    restamp(tech);
    List<Decision> decisions = new ArrayList<>();
    if (tech.availability == Availability.OFFLINE && before != Availability.OFFLINE) {
      giveBack(tech, now, decisions, Decision.Rule.TECHNICIAN_OFFLINE);
    } else if (moved) {
      giveBack(tech, now, decisions, Decision.Rule.TECHNICIAN_MOVED);
    }
    if (tech.availability == Availability.AVAILABLE) {
      decisions.addAll(fill(tech, now));
    }
    return decisions;
  }

  @Override
  public synchronized List<Decision> removeTechnician(TechnicianId id, Instant now) {
    Tech tech = techs.get(id);
    if (tech == null) {
      return List.of();
    }
    tech.availability = Availability.OFFLINE;
    restamp(tech);
    List<Decision> decisions = new ArrayList<>();
    giveBack(tech, now, decisions, Decision.Rule.TECHNICIAN_OFFLINE);
    for (Waiting started : List.copyOf(tech.assignments)) {
      tickets.remove(started.ticket.id());
      unassign(started);
    }
    forgetTechnician(tech);
    techs.remove(id);
    return decisions;
  }

  /**
   * Returns the unstarted tickets and the tickets held for a technician who went offline or moved to
   * another tier.
   */
  private void giveBack(Tech tech, Instant now, List<Decision> decisions, Decision.Rule why) {
    for (Waiting w : List.copyOf(tech.assignments)) {
      if (!w.started) {
        unassign(w);
        decisions.add(new Decision(w.ticket.id(), Decision.Outcome.RETURNED, Optional.of(tech.id), w.tier,
            why, 0, "", now));
        w.queuedAt = now.toEpochMilli(); // time with a technician does not count as waiting
        decisions.add(place(w, now, why, false));
      }
    }
    List<Waiting> held = new ArrayList<>(heldFor(tech));
    held.sort((a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : Long.compare(a.sequence, b.sequence));
    for (Waiting w : held) {
      release(w);
      decisions.add(place(w, now, null, false));
    }
  }

  private void restamp(Tech tech) {
    tech.stamp = ++stamps;
    placed(tech);
  }

  final int skill(String name) {
    Integer id = skillIds.get(name);
    if (id == null) {
      id = skillNames.size();
      skillIds.put(name, id);
      skillNames.add(name);
    }
    return id;
  }

  // ----- tickets -------------------------------------------------------------------------------

  @Override
  public synchronized Decision route(WaitingTicket ticket, Instant now) {
    check(ticket);
    Waiting known = tickets.get(ticket.id());
    if (known != null && known.technician != null) {
      throw new IllegalStateException("ticket " + ticket.id() + " is with " + known.technician.id
          + "; finish it before routing it again");
    }
    Waiting w = takeIn(ticket);
    restart(w, ticket.tier(), now);
    return place(w, now, null, ticket.affinity().isPresent());
  }

  private void check(WaitingTicket ticket) {
    if (!rules.tiers().contains(ticket.tier())) {
      throw new IllegalArgumentException("ticket " + ticket.id() + " is at " + ticket.tier()
          + ", which the desk does not have");
    }
    checkLevels(ticket.id(), ticket.requiredSkills());
    checkLevels(ticket.id(), ticket.preferredSkills());
  }

  private static void checkLevels(TicketId id, Map<String, Integer> skills) {
    skills.forEach((name, level) -> {
      if (level < 1 || level > Technician.MAX_SKILL_LEVEL) {
        throw new IllegalArgumentException("ticket " + id + " needs " + name + " at level " + level
            + "; levels go from 1 to " + Technician.MAX_SKILL_LEVEL);
      }
    });
  }

  /**
   * The router's entry for a ticket, new or taken out of its queue, hold or technician (who is
   * re-placed), with the ticket as given.
   */
  private Waiting takeIn(WaitingTicket ticket) {
    Waiting w = tickets.get(ticket.id());
    if (w == null) {
      w = new Waiting(ticket, ++sequence);
      tickets.put(ticket.id(), w);
      return w;
    }
    release(w);
    if (w.technician != null) {
      unassign(w);
    }
    w.ticket = ticket;
    return w;
  }

  /** The ticket starts waiting afresh at a tier: its key stays, its relaxation starts over. */
  private void restart(Waiting w, Tier tier, Instant now) {
    w.tier = tier;
    if (!w.ticket.tier().equals(tier)) {
      w.ticket = w.ticket.atTier(tier);
    }
    WaitingTicket t = w.ticket;
    w.key = rules.queueOrder().key(t.priority(), t.entered(), t.slaDue());
    w.queuedAt = now.toEpochMilli();
    w.relaxStep = 0;
    w.refusedBy = List.of();
  }

  /**
   * Gives the ticket to the best technician who can take it now, or queues it. {@code cause} names
   * why it is being routed, if not as a new ticket.
   */
  private Decision place(Waiting w, Instant now, Decision.Rule cause, boolean tryAffinity) {
    if (tryAffinity) {
      Tech previous = techs.get(w.ticket.affinity().get());
      if (previous != null && previous.tier == w.tier.level()) {
        if (previous.availability == Availability.AVAILABLE && previous.fits(w.ticket.channel().ordinal())
            && requiredNeed(w).isMetBy(previous)) {
          w.need = need(w);
          return assign(w, previous, now, Decision.Rule.AFFINITY, 1);
        }
        if (previous.availability != Availability.OFFLINE && !rules.affinityWait().isZero()
            && requiredNeed(w).isMetBy(previous)) {
          w.need = need(w);
          w.heldFor = previous;
          w.heldUntil = now.plus(rules.affinityWait()).toEpochMilli();
          hold(w, previous);
          reschedule(w);
          return decision(w, Decision.Outcome.HELD_FOR_AFFINITY, Optional.of(previous.id), Decision.Rule.AFFINITY,
              1, now);
        }
      }
    }
    Need need = need(w);
    w.need = need;
    Found found = findTechnician(need, w);
    if (found.tech() != null) {
      return assign(w, found.tech(), now, cause != null ? cause : Decision.Rule.POLICY, found.considered());
    }
    w.queued = true;
    enqueue(w);
    reschedule(w);
    return decision(w, Decision.Outcome.QUEUED, Optional.empty(),
        cause != null ? cause : Decision.Rule.NO_TECHNICIAN_FREE, found.considered(), now);
  }

  private Decision assign(Waiting w, Tech tech, Instant now, Decision.Rule rule, int considered) {
    Decision decision = assignUnplaced(w, tech, now, rule, considered);
    restamp(tech);
    return decision;
  }

  /** Assigns without re-placing the technician: the caller does, once, when done with them. */
  private Decision assignUnplaced(Waiting w, Tech tech, Instant now, Decision.Rule rule, int considered) {
    int channel = w.ticket.channel().ordinal();
    w.weight = tech.weight[channel];
    tech.used += w.weight;
    tech.items++;
    tech.assignments.add(w);
    w.technician = tech;
    w.started = false;
    Optional<Duration> offer = rules.offerTimeout();
    w.offered = offer.isPresent();
    if (w.offered) {
      w.offerEnds = now.plus(offer.get()).toEpochMilli();
    }
    reschedule(w);
    return decision(w, w.offered ? Decision.Outcome.OFFERED : Decision.Outcome.ASSIGNED, Optional.of(tech.id), rule,
        considered, now);
  }

  private Decision decision(Waiting w, Decision.Outcome outcome, Optional<TechnicianId> technician, Decision.Rule rule,
      int considered, Instant now) {
    return new Decision(w.ticket.id(), outcome, technician, w.tier, rule, considered, w.need.text(), now);
  }

  /** Frees the ticket's technician's capacity and re-places them; returns the technician. */
  private Tech unassign(Waiting w) {
    Tech tech = unassignUnplaced(w);
    restamp(tech);
    return tech;
  }

  /** Frees the capacity without re-placing the technician; {@link #fill} does, once. */
  private Tech unassignUnplaced(Waiting w) {
    Tech tech = w.technician;
    tech.used -= w.weight;
    tech.items--;
    tech.assignments.remove(w);
    w.technician = null;
    w.offered = false;
    w.started = false;
    reschedule(w);
    return tech;
  }

  /** Takes a waiting ticket out of its queue or hold. */
  private void release(Waiting w) {
    if (w.queued) {
      dequeue(w);
      w.queued = false;
    }
    if (w.heldFor != null) {
      unhold(w);
      w.heldFor = null;
    }
    schedule(w, Long.MAX_VALUE);
  }

  /** The technician takes the best waiting tickets they can, while they have room. */
  private List<Decision> fill(Tech tech, Instant now) {
    return fill(tech, now, false);
  }

  /**
   * The technician takes the best waiting tickets they can, while they have room, and is re-placed
   * once at the end if anything changed ({@code changed}: their load already did).
   */
  private List<Decision> fill(Tech tech, Instant now, boolean changed) {
    List<Decision> decisions = List.of();
    while (tech.availability == Availability.AVAILABLE) {
      Pick pick = pickFor(tech);
      if (pick == null) {
        break;
      }
      release(pick.waiting());
      if (decisions.isEmpty()) {
        decisions = new ArrayList<>(2);
      }
      decisions.add(assignUnplaced(pick.waiting(), tech, now, pick.held() ? Decision.Rule.AFFINITY
          : Decision.Rule.NEXT_IN_QUEUE, pick.considered()));
      changed = true;
    }
    if (changed) {
      restamp(tech);
    }
    return decisions;
  }

  @Override
  public synchronized List<Decision> next(TechnicianId technician, Instant now) {
    Tech tech = techs.get(technician);
    if (tech == null) {
      throw new NotFoundException("technician", technician);
    }
    return fill(tech, now);
  }

  @Override
  public synchronized List<Decision> recordAssignment(WaitingTicket ticket, TechnicianId technician, Instant now) {
    check(ticket);
    Tech tech = techs.get(technician);
    if (tech == null) {
      throw new NotFoundException("technician", technician);
    }
    Waiting w = tickets.get(ticket.id());
    if (w != null && w.technician == tech && !w.offered) {
      return List.of();
    }
    Tech previous = w == null ? null : w.technician;
    w = takeIn(ticket);
    restart(w, ticket.tier(), now);
    w.need = need(w);
    assign(w, tech, now, Decision.Rule.POLICY, 0);
    w.offered = false; // given, not offered
    reschedule(w);
    return previous == null ? List.of() : fill(previous, now);
  }

  @Override
  public synchronized boolean start(TicketId ticket) {
    Waiting w = tickets.get(ticket);
    if (w == null || w.technician == null || w.offered) {
      return false;
    }
    w.started = true;
    return true;
  }

  @Override
  public synchronized List<Decision> finish(TicketId ticket, Instant now) {
    Waiting w = tickets.remove(ticket);
    if (w == null) {
      return List.of();
    }
    release(w);
    return w.technician == null ? List.of() : fill(unassignUnplaced(w), now, true);
  }

  @Override
  public synchronized List<Decision> escalate(WaitingTicket ticket, Optional<Tier> to, Instant now) {
    check(ticket);
    Tier from = ticket.tier();
    Tier target = to.orElseGet(() -> rules.tiers().above(from).orElseThrow(() ->
        new IllegalArgumentException("ticket " + ticket.id() + " is at the top tier, " + from)));
    if (target.level() <= from.level() || !rules.tiers().contains(target)) {
      throw new IllegalArgumentException("ticket " + ticket.id() + " cannot be escalated from " + from + " to "
          + target);
    }
    Waiting known = tickets.get(ticket.id());
    Tech freed = known == null ? null : known.technician; // re-placed by takeIn: they may work at the new tier
    Waiting w = takeIn(ticket);
    restart(w, target, now);
    List<Decision> decisions = new ArrayList<>(2);
    decisions.add(place(w, now, Decision.Rule.ESCALATION, false));
    if (freed != null) {
      decisions.addAll(fill(freed, now));
    }
    return decisions;
  }

  @Override
  public synchronized List<Decision> release(TicketId ticket, Instant now) {
    Waiting w = tickets.get(ticket);
    if (w == null || w.technician == null) {
      return List.of();
    }
    return passOn(w, unassignUnplaced(w), now, Decision.Rule.RELEASED);
  }

  /**
   * Routes a ticket its technician let go (released, declined) to anyone but them, then gives them
   * their next tickets; the technician is re-placed once, by {@link #fill}.
   */
  private List<Decision> passOn(Waiting w, Tech tech, Instant now, Decision.Rule why) {
    w.refusedBy(tech);
    w.queuedAt = now.toEpochMilli();
    List<Decision> decisions = new ArrayList<>(2);
    decisions.add(place(w, now, why, false));
    decisions.addAll(fill(tech, now, true));
    return decisions;
  }

  @Override
  public synchronized Optional<Decision> accept(TicketId ticket, Instant now) {
    Waiting w = tickets.get(ticket);
    if (w == null || !w.offered) {
      return Optional.empty();
    }
    w.offered = false;
    w.technician.missedOffers = 0;
    reschedule(w);
    return Optional.of(decision(w, Decision.Outcome.ASSIGNED, Optional.of(w.technician.id), Decision.Rule.POLICY, 1,
        now));
  }

  @Override
  public synchronized List<Decision> decline(TicketId ticket, Instant now) {
    Waiting w = tickets.get(ticket);
    if (w == null || !w.offered) {
      return List.of();
    }
    Tech tech = unassignUnplaced(w);
    tech.missedOffers = 0;
    return passOn(w, tech, now, Decision.Rule.OFFER_FAILED);
  }

  @Override
  public synchronized List<Decision> advanceTo(Instant now) {
    long at = now.toEpochMilli();
    List<Decision> decisions = new ArrayList<>();
    for (Waiting w; (w = nextDue(at)) != null; ) {
      if (w.offered) {
        Tech tech = unassignUnplaced(w); // re-placed by fill below; the ticket cannot go back to them
        w.refusedBy(tech);
        boolean away = ++tech.missedOffers >= rules.missedOffersBeforeAway();
        if (away) {
          tech.availability = Availability.AWAY;
        }
        decisions.add(new Decision(w.ticket.id(), Decision.Outcome.RETURNED, Optional.of(tech.id), w.tier,
            away ? Decision.Rule.MISSED_OFFERS : Decision.Rule.OFFER_FAILED, 0, w.need.text(), now));
        w.queuedAt = at;
        decisions.add(place(w, now, Decision.Rule.OFFER_FAILED, false));
        decisions.addAll(fill(tech, now, true));
      } else if (w.heldFor != null) {
        release(w);
        decisions.add(place(w, now, null, false));
      } else if (w.queued) {
        Optional<RoutingRules.Overflow> overflow = rules.overflow(w.tier);
        release(w);
        if (overflow.isPresent() && w.queuedAt + overflow.get().after().toMillis() <= at) {
          restart(w, overflow.get().to(), now);
          decisions.add(place(w, now, Decision.Rule.OVERFLOW, false));
        } else {
          List<Duration> steps = rules.relaxAfter();
          while (w.relaxStep < steps.size() && w.queuedAt + steps.get(w.relaxStep).toMillis() <= at) {
            w.relaxStep++;
          }
          decisions.add(place(w, now, Decision.Rule.RELAXED, false));
        }
      }
    }
    return decisions;
  }

  /** Sets the ticket's next due time from its state. */
  private void reschedule(Waiting w) {
    long due = Long.MAX_VALUE;
    if (w.offered) {
      due = w.offerEnds;
    } else if (w.heldFor != null) {
      due = w.heldUntil;
    } else if (w.queued) {
      List<Duration> steps = rules.relaxAfter();
      if (!w.ticket.preferredSkills().isEmpty() && w.relaxStep < steps.size()) {
        due = w.queuedAt + steps.get(w.relaxStep).toMillis();
      }
      Optional<RoutingRules.Overflow> overflow = rules.overflow(w.tier);
      if (overflow.isPresent()) {
        due = Math.min(due, w.queuedAt + overflow.get().after().toMillis());
      }
    }
    schedule(w, due);
  }

  // ----- needs ---------------------------------------------------------------------------------

  /** What a technician needs to take the ticket now: required skills, unrelaxed preferred ones. */
  final Need need(Waiting w) {
    return need(w, true);
  }

  /** What the technician who worked on it before needs: its required skills only. */
  final Need requiredNeed(Waiting w) {
    return need(w, false);
  }

  private static final int[] NO_SKILLS = {};
  private static final byte[] NO_LEVELS = {};
  private static final String[] NO_NAMES = {};

  private Need need(Waiting w, boolean withPreferred) {
    WaitingTicket t = w.ticket;
    int mode = rules.offers(w.tier, t.supportMode()) ? t.supportMode().ordinal() : -1;
    int channel = t.channel().ordinal();
    Map<String, Integer> required = t.requiredSkills();
    List<Duration> steps = rules.relaxAfter();
    boolean preferred = withPreferred && w.relaxStep < steps.size() && !t.preferredSkills().isEmpty();
    if (!preferred && required.size() <= 1) { // the common cases, without sorting
      if (required.isEmpty()) {
        return intern(new Need(w.tier.level(), NO_SKILLS, NO_LEVELS, mode, channel, NO_NAMES));
      }
      Map.Entry<String, Integer> only = required.entrySet().iterator().next();
      return intern(new Need(w.tier.level(), new int[] {skill(only.getKey())},
          new byte[] {(byte) (int) only.getValue()}, mode, channel, new String[] {only.getKey()}));
    }
    TreeMap<Integer, Integer> levels = new TreeMap<>();
    required.forEach((name, level) -> levels.put(skill(name), level));
    if (preferred) {
      t.preferredSkills().forEach((name, level) -> {
        int wanted = level - w.relaxStep;
        if (wanted >= 1) {
          levels.merge(skill(name), wanted, Math::max);
        }
      });
    }
    int[] skills = new int[levels.size()];
    byte[] least = new byte[levels.size()];
    String[] names = new String[levels.size()];
    int i = 0;
    for (Map.Entry<Integer, Integer> e : levels.entrySet()) {
      skills[i] = e.getKey();
      least[i] = (byte) (int) e.getValue();
      names[i] = skillNames.get(e.getKey());
      i++;
    }
    return intern(new Need(w.tier.level(), skills, least, mode, channel, names));
  }

  // ----- reading -------------------------------------------------------------------------------

  @Override
  public synchronized Optional<TechnicianId> technicianOf(TicketId ticket) {
    Waiting w = tickets.get(ticket);
    return w == null || w.technician == null ? Optional.empty() : Optional.of(w.technician.id);
  }

  @Override
  public synchronized int waiting(Tier tier) {
    return tier.level() < 1 || tier.level() > Tier.MAX_LEVEL ? 0 : waitingAt(tier.level());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + rules.policy() + ", " + techs.size() + " technicians, "
        + tickets.size() + " tickets]";
  }
}
