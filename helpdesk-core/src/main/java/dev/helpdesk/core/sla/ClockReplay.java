package dev.helpdesk.core.sla;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a ticket's history to find where its service-level clocks stand. Between two events the
 * ticket's status, tier, priority and policy are constant, so each stretch of time is one segment:
 * every clock that runs in it counts the segment's business time in the calendar then in force, and
 * a target (or a warning share of it) is crossed at the first instant the counted time reaches it
 * under the target then in force. The last segment is open-ended, which projects when the running
 * clocks will fall due.
 */
final class ClockReplay {
  private final ServiceLevels levels;
  private final Channel channel;

  private TicketStatus status;
  private Tier tier;
  private Priority priority;
  private SlaPolicy policy;
  private Instant firstResponse;

  private final Meter firstResponseClock = new Meter(SlaTarget.FIRST_RESPONSE, null);
  private final Meter nextUpdate = new Meter(SlaTarget.NEXT_UPDATE, null);
  private final Meter resolution = new Meter(SlaTarget.RESOLUTION, null);
  private final TreeMap<Integer, Meter> tiers = new TreeMap<>();

  /** One clock; for the next-update clock, its current interval since the last response. */
  private static final class Meter {
    final SlaTarget target;
    final Tier tier;
    /** Whether it measures at all: first response until it is given, next update once it was. */
    boolean open;
    /** Business time counted, in nanoseconds. */
    long elapsed;
    /** When the target was (or, in the open segment, will be) crossed. */
    Instant breach;
    boolean breachRecorded;
    /** Warning share in percent to the instant it was (or will be) crossed. */
    final Map<Integer, Instant> warnings = new TreeMap<>();
    final Set<Integer> warned = new HashSet<>();
    SlaResult result;

    Meter(SlaTarget target, Tier tier) {
      this.target = target;
      this.tier = tier;
    }

    Optional<Tier> tierOf() {
      return Optional.ofNullable(tier);
    }

    void restart() {
      open = true;
      elapsed = 0;
      breach = null;
      breachRecorded = false;
      warnings.clear();
      warned.clear();
    }
  }

  private ClockReplay(ServiceLevels levels, Ticket ticket) {
    this.levels = levels;
    this.channel = ticket.channel();
  }

  static SlaStatus status(ServiceLevels levels, Ticket ticket, List<TicketEvent> history, Instant at) {
    return new ClockReplay(levels, ticket).run(ticket, history, at);
  }

  private SlaStatus run(Ticket ticket, List<TicketEvent> history, Instant at) {
    // The history records changes of priority, not the priority the ticket was entered with.
    priority = ticket.priority();
    for (TicketEvent event : history) {
      if (event.change() instanceof TicketEvent.PriorityChanged changed) {
        priority = changed.fromPriority();
        break;
      }
    }
    status = history.isEmpty() ? ticket.status() : history.get(0).from();
    tier = history.isEmpty() ? ticket.tier() : history.get(0).tier();
    firstResponseClock.open = true;
    resolution.open = true;
    tierMeter(tier);
    Instant last = null;
    for (TicketEvent event : history) {
      // Time never runs backwards, even if a host's clocks disagree.
      Instant t = last == null || event.at().isAfter(last) ? event.at() : last;
      if (last != null) {
        advance(last, t, t);
      }
      apply(event, t);
      last = t;
    }
    if (last == null) {
      last = ticket.entered();
    }
    Instant now = at.isAfter(last) ? at : last;
    advance(last, null, now);
    return build(last, now);
  }

  // -----------------------------------------------------------------------------------------------
  // The state in force
  // -----------------------------------------------------------------------------------------------

  private BusinessCalendar calendar() {
    return policy != null && policy.calendar().isPresent() ? policy.calendar().get() : levels.calendar();
  }

  private Set<TicketStatus> pauses() {
    return policy == null ? SlaPolicy.DEFAULT_PAUSES : policy.pausedWhile();
  }

  /** The target of a clock under the policy and priority in force, in nanoseconds, or -1 for none. */
  private long allowed(Meter meter) {
    SlaTargets targets = policy == null ? null : policy.targets(priority).orElse(null);
    Duration allowed = targets == null ? null : targets.allowed(meter.target, meter.tier);
    return allowed == null ? -1 : allowed.toNanos();
  }

  private Meter tierMeter(Tier at) {
    return tiers.computeIfAbsent(at.level(), level -> {
      Meter meter = new Meter(SlaTarget.TIER_TIME, at);
      meter.open = true;
      return meter;
    });
  }

  private List<Meter> meters() {
    List<Meter> meters = new ArrayList<>(3 + tiers.size());
    meters.add(firstResponseClock);
    meters.add(nextUpdate);
    meters.add(resolution);
    meters.addAll(tiers.values());
    return meters;
  }

  private boolean waitsOnOthers() {
    return status.isOpen() && status != TicketStatus.RESOLVED && pauses().contains(status);
  }

  private boolean counts(Meter meter) {
    return meter.open && (meter.target != SlaTarget.TIER_TIME || meter.tier.equals(tier));
  }

  private boolean runs(Meter meter) {
    return counts(meter) && status.isOpen() && status != TicketStatus.RESOLVED && !pauses().contains(status);
  }

  // -----------------------------------------------------------------------------------------------
  // Segments and steps
  // -----------------------------------------------------------------------------------------------

  /**
   * Counts the segment from {@code a} to {@code b} ({@code null}: open-ended) on every running clock
   * and finds the targets and warning shares crossed in it; a breach is final once it is not after
   * {@code now}.
   */
  private void advance(Instant a, Instant b, Instant now) {
    BusinessCalendar calendar = calendar();
    Duration length = null;
    for (Meter meter : meters()) {
      if (!runs(meter)) {
        continue;
      }
      long allowed = allowed(meter);
      if (allowed >= 0 && meter.breach == null) {
        for (int percent : warnings()) {
          if (!meter.warnings.containsKey(percent)) {
            Instant crossed = crossing(calendar, meter, a, b, share(allowed, percent));
            if (crossed != null) {
              meter.warnings.put(percent, crossed);
            }
          }
        }
        Instant crossed = crossing(calendar, meter, a, b, allowed);
        if (crossed != null) {
          meter.breach = crossed;
          if (!crossed.isAfter(now)) {
            breached(meter, crossed);
          }
        }
      }
      if (b != null) {
        if (length == null) {
          length = calendar.between(a, b);
        }
        meter.elapsed += length.toNanos();
      }
    }
  }

  private List<Integer> warnings() {
    return policy == null ? List.of() : policy.warnAt();
  }

  /** A share of a target without overflowing: (q·100 + r)·p/100 = q·p + r·p/100. */
  private static long share(long allowed, int percent) {
    return allowed / 100 * percent + allowed % 100 * percent / 100;
  }

  /**
   * The instant within {@code [a, b)} at which a clock's count reaches a threshold, or null. A count
   * already at the threshold when the segment starts (a target lowered, or reached exactly as the
   * last segment ended) is crossed as soon as the clock runs on.
   */
  private static Instant crossing(BusinessCalendar calendar, Meter meter, Instant a, Instant b, long threshold) {
    if (meter.elapsed >= threshold) {
      return b == null || b.isAfter(a) ? a : null;
    }
    Instant crossed = calendar.plus(a, Duration.ofNanos(threshold - meter.elapsed));
    return b == null || crossed.isBefore(b) ? crossed : null;
  }

  private void apply(TicketEvent event, Instant t) {
    TicketEvent.Change change = event.change();
    if (change instanceof TicketEvent.SlaWarning warning) {
      find(warning.target(), warning.tier()).ifPresent(meter -> meter.warned.add(warning.percent()));
    } else if (change instanceof TicketEvent.SlaBreached breach) {
      find(breach.target(), breach.tier()).ifPresent(meter -> meter.breachRecorded = true);
    } else if (change instanceof TicketEvent.SlaPolicyApplied applied) {
      policy = levels.policy(applied.policy()).orElse(null);
    } else if (change instanceof TicketEvent.PriorityChanged changed) {
      priority = changed.toPriority();
    }

    if (firstResponseClock.open && isFirstResponse(event, channel)) {
      complete(firstResponseClock, t);
      firstResponseClock.open = false;
      firstResponse = t;
      nextUpdate.restart();
    } else if (!firstResponseClock.open && isUpdate(event)) {
      complete(nextUpdate, t);
      nextUpdate.restart();
    }

    TicketStatus was = status;
    Tier wasAt = tier;
    status = event.to();
    tier = event.tier();
    if (!tier.equals(wasAt)) {
      complete(tierMeter(wasAt), t);
    }
    tierMeter(tier);
    if (status == TicketStatus.RESOLVED && was != TicketStatus.RESOLVED) {
      complete(resolution, t);
      complete(tierMeter(tier), t);
    }
  }

  private Optional<Meter> find(SlaTarget target, Optional<Tier> at) {
    return switch (target) {
      case FIRST_RESPONSE -> Optional.of(firstResponseClock);
      case NEXT_UPDATE -> Optional.of(nextUpdate);
      case RESOLUTION -> Optional.of(resolution);
      case TIER_TIME -> at.map(t -> tiers.get(t.level()));
    };
  }

  /** A clock's part ends at {@code t}: met unless it was breached, as the target in force says. */
  private void complete(Meter meter, Instant t) {
    if (meter.breach != null && !meter.breach.isAfter(t)) {
      breached(meter, meter.breach);
      return;
    }
    long allowed = allowed(meter);
    if (allowed < 0) {
      return;
    }
    long rest = allowed - meter.elapsed;
    if (rest < 0) {
      // The target was lowered at the very instant the clock stopped.
      breached(meter, t);
      return;
    }
    Instant due = calendar().plus(t, Duration.ofNanos(rest));
    if (meter.result == null || meter.result.met()) {
      meter.result = SlaResult.met(meter.target, meter.tierOf(), due, t);
    }
  }

  /** A breach is final: it replaces a met result and is never replaced by a later one. */
  private static void breached(Meter meter, Instant at) {
    if (meter.result == null || meter.result.met()) {
      meter.result = SlaResult.breached(meter.target, meter.tierOf(), at);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // What counts as a response
  // -----------------------------------------------------------------------------------------------

  private static boolean isStaff(TicketEvent event) {
    Actor.Role role = event.actor().role();
    return role == Actor.Role.TECHNICIAN || role == Actor.Role.SUPERVISOR;
  }

  /**
   * An update to the customer: a technician or supervisor (never the desk's automation) asked the
   * customer a question, gave a solution, or wrote a public note, which the customer is sent.
   */
  static boolean isUpdate(TicketEvent event) {
    TicketEvent.Change change = event.change();
    return isStaff(event) && (change instanceof TicketEvent.InformationRequested
        || change instanceof TicketEvent.Resolved
        || (change instanceof TicketEvent.Commented && event.note().visibility() == Visibility.PUBLIC
            && !event.note().isEmpty()));
  }

  /**
   * The first response: the first update, or, on a live channel (a call, a walk-in, a video call, a
   * remote session) where the customer is talking to the technician, staff starting work on it.
   */
  static boolean isFirstResponse(TicketEvent event, Channel channel) {
    return isUpdate(event)
        || (channel.isLive() && isStaff(event) && event.change() instanceof TicketEvent.WorkStarted);
  }

  // -----------------------------------------------------------------------------------------------
  // The result
  // -----------------------------------------------------------------------------------------------

  private SlaStatus build(Instant last, Instant now) {
    BusinessCalendar calendar = calendar();
    Duration sinceLast = calendar.between(last, now);
    List<SlaClock> clocks = new ArrayList<>();
    List<SlaResult> results = new ArrayList<>();
    List<Overdue> overdue = new ArrayList<>();
    Instant due = null;
    Instant nextCheck = null;
    for (Meter meter : meters()) {
      boolean running = runs(meter);
      long allowed = allowed(meter);
      Duration elapsed = Duration.ofNanos(meter.elapsed).plus(running ? sinceLast : Duration.ZERO);
      boolean breached = meter.breach != null && !meter.breach.isAfter(now);
      if (meter != nextUpdate || !firstResponseClock.open) {
        SlaClock.State state = running ? SlaClock.State.RUNNING
            : counts(meter) && waitsOnOthers() ? SlaClock.State.PAUSED : SlaClock.State.STOPPED;
        clocks.add(new SlaClock(meter.target, meter.tierOf(), state, elapsed,
            allowed < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(allowed)),
            running && allowed >= 0 ? Optional.ofNullable(meter.breach) : Optional.empty(), breached));
      }
      if (meter.result != null) {
        results.add(meter.result);
      }
      if (running && meter.tier == null && meter.breach != null && (due == null || meter.breach.isBefore(due))) {
        due = meter.breach;
      }
      if (breached) {
        if (!meter.breachRecorded) {
          overdue.add(new Overdue(meter.breach, new TicketEvent.SlaBreached(meter.target, meter.tierOf(),
              meter.breach)));
        }
        continue;
      }
      if (meter.breach != null && !meter.breachRecorded) {
        nextCheck = earlier(nextCheck, meter.breach);
      }
      for (Map.Entry<Integer, Instant> warning : meter.warnings.entrySet()) {
        Instant crossed = warning.getValue();
        if (meter.warned.contains(warning.getKey()) || (meter.breach != null && !crossed.isBefore(meter.breach))) {
          continue;
        }
        nextCheck = earlier(nextCheck, crossed);
        if (!crossed.isAfter(now)) {
          Instant dueBy = meter.breach != null ? meter.breach
              : allowed >= 0 ? calendar.plus(now, Duration.ofNanos(Math.max(0, allowed - elapsed.toNanos()))) : null;
          if (dueBy != null) {
            overdue.add(new Overdue(crossed, new TicketEvent.SlaWarning(meter.target, meter.tierOf(),
                warning.getKey(), dueBy)));
          }
        }
      }
    }
    for (Overdue item : overdue) {
      nextCheck = earlier(nextCheck, item.at());
    }
    overdue.sort(Comparator.comparing(Overdue::at));
    return new SlaStatus(now, policy == null ? null : policy.name(), firstResponse, clocks, results, due, nextCheck,
        overdue.stream().map(Overdue::change).toList());
  }

  private record Overdue(Instant at, TicketEvent.Change change) {}

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
