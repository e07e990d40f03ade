package dev.helpdesk.bench;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.routing.Decision;
import dev.helpdesk.routing.Router;
import dev.helpdesk.routing.RoutingRules;
import dev.helpdesk.routing.WaitingTicket;
import java.time.Instant;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Routing decisions on a busy desk: every technician is working (one live ticket each: a call, a
 * remote session or a visit, which fill a standard capacity) and {@code waiting} tickets wait at
 * levels 1 and 2. Seven in ten technicians work at level 1, the rest at level 2; each has five of
 * 50 skills at levels 1 to 5, and one in ten makes visits. Each ticket is drawn after a random
 * technician, so someone can work on it: their tier, one of their skills at a level up to theirs
 * (70 % need one, the others none), a call or a remote session, or a visit if they make them.
 *
 * <p>{@code @Param router}: {@code indexed} is {@link Router#indexed}; {@code scan} is the baseline,
 * {@link Router#reference}, which makes the same decisions by looking at every technician and every
 * waiting ticket. Building a scan router costs technicians × waiting steps, so the scan runs are
 * meant for {@code waiting=1000}: run them with {@code -p waiting=1000}.
 *
 * <p>Each benchmark method keeps the desk in the same state, so one invocation is a fixed number of
 * router calls:
 *
 * <ul>
 *   <li>{@link #routeNewTicket}: a new ticket is routed (it waits: nobody is free) and withdrawn: 2
 *       calls.
 *   <li>{@link #nextForFreedTechnician}: a technician finishes their ticket and takes the best
 *       waiting ticket they can work on; a new ticket arrives to replace it: 2 calls.
 *   <li>{@link #escalation}: a technician's ticket is escalated to the next tier (where it waits or
 *       is taken), the technician takes their next ticket, the escalated ticket is finished and a
 *       new one arrives: 3 calls.
 * </ul>
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar RoutingBenchmark -p router=indexed}
 * and {@code java -jar helpdesk-bench/target/benchmarks.jar RoutingBenchmark -p waiting=1000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@State(Scope.Benchmark)
public class RoutingBenchmark {
  static final int SKILLS = 50;
  private static final Priority[] PRIORITIES = Priority.values();
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  /** {@code indexed}: ours; {@code scan}: the reference router, the baseline. */
  @Param({"indexed", "scan"})
  public String router;

  /** Technicians on the desk. */
  @Param({"100", "10000", "100000"})
  public int technicians;

  /** Tickets waiting. */
  @Param({"1000", "1000000"})
  public int waiting;

  private Router desk;
  private SplittableRandom random;
  private final List<TicketId> assigned = new ArrayList<>();
  private Technician[] staff;
  /** Kinds of ticket drawn after the staff, so that making a new ticket reads one small record. */
  private Kind[] kinds;
  /** Whether the benchmark needs each ticket back by id (only escalation does). */
  private boolean track;

  private record Kind(Tier tier, Channel channel, Map<String, Integer> required) {}
  private final Map<TicketId, WaitingTicket> tickets = new HashMap<>();
  private long sequence;

  /**
   * Builds the busy desk.
   *
   * @param params which benchmark runs, so that only escalation keeps tickets by id
   */
  @Setup(Level.Trial)
  public void busyDesk(BenchmarkParams params) {
    track = params.getBenchmark().endsWith("escalation");
    if (router.equals("scan") && (long) technicians * waiting > 200_000_000L) {
      throw new IllegalArgumentException("a scan router with " + technicians + " technicians and " + waiting
          + " waiting tickets takes hours to build; run the scan with -p waiting=1000");
    }
    desk = router.equals("indexed") ? Router.indexed(RoutingRules.defaults()) : Router.reference(RoutingRules.defaults());
    random = new SplittableRandom(7);
    staff = new Technician[technicians];
    for (int i = 0; i < technicians; i++) {
      staff[i] = technician(i);
      desk.updateTechnician(staff[i], NOW);
    }
    kinds = new Kind[1 << 14];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(staff[random.nextInt(staff.length)]);
    }
    // Everyone busy: one live ticket each, given to them directly.
    for (int i = 0; i < technicians; i++) {
      Tier tier = i % 10 < 7 ? Tier.FIRST_LINE : Tier.SPECIALISTS;
      WaitingTicket live = WaitingTicket.of(TicketId.of("F-" + i), tier, Priority.MEDIUM, NOW, Channel.PHONE)
          .withAffinity(TechnicianId.of("tech-" + i));
      keep(desk.route(live, NOW), live);
    }
    for (int i = 0; i < waiting; i++) {
      WaitingTicket ticket = newTicket();
      keep(desk.route(ticket, NOW), ticket);
    }
  }

  private Technician technician(int i) {
    Tier tier = i % 10 < 7 ? Tier.FIRST_LINE : Tier.SPECIALISTS;
    Technician t = Technician.of(TechnicianId.of("tech-" + i), "Technician " + i, tier);
    while (t.skills().size() < 5) {
      t = t.withSkill("skill-" + random.nextInt(SKILLS), 1 + random.nextInt(5));
    }
    if (random.nextInt(10) == 0) {
      t = t.withSupportModes(SupportMode.ON_SITE, SupportMode.PHONE, SupportMode.REMOTE_DESKTOP, SupportMode.ONLINE);
    }
    return t;
  }

  /** A kind of ticket someone can work on: their tier, maybe one of their skills at a level up to theirs. */
  private Kind kind(Technician model) {
    Channel channel = model.supportModes().contains(SupportMode.ON_SITE) && random.nextInt(3) == 0 ? Channel.WALK_IN
        : random.nextInt(3) == 0 ? Channel.REMOTE_SESSION : Channel.PHONE;
    Map<String, Integer> required = Map.of();
    if (random.nextInt(10) < 7) {
      String[] skills = model.skills().keySet().stream().sorted().toArray(String[]::new);
      String skill = skills[random.nextInt(skills.length)];
      required = Map.of(skill, 1 + random.nextInt(Math.min(3, model.skillLevel(skill))));
    }
    return new Kind(model.tier(), channel, required);
  }

  private WaitingTicket newTicket() {
    Kind kind = kinds[random.nextInt(kinds.length)];
    return new WaitingTicket(TicketId.of("W-" + ++sequence), kind.tier(), PRIORITIES[random.nextInt(PRIORITIES.length)],
        NOW.minusSeconds(random.nextInt(7 * 24 * 3600)), kind.channel(), kind.channel().defaultSupportMode(),
        kind.required(), Map.of(), java.util.Optional.empty(), java.util.Optional.empty());
  }

  private void keep(Decision decision, WaitingTicket ticket) {
    if (track) {
      tickets.put(ticket.id(), ticket);
    }
    if (decision.outcome() == Decision.Outcome.ASSIGNED) {
      assigned.add(decision.ticket());
    }
  }

  private void keepAssigned(List<Decision> decisions) {
    for (int i = 0; i < decisions.size(); i++) {
      if (decisions.get(i).outcome() == Decision.Outcome.ASSIGNED) {
        assigned.add(decisions.get(i).ticket());
      }
    }
  }

  /** Takes a random working ticket out of the bookkeeping. */
  private TicketId anyAssigned() {
    while (assigned.isEmpty()) { // everyone idle for want of work they can do: bring some
      WaitingTicket ticket = newTicket();
      keep(desk.route(ticket, NOW), ticket);
    }
    int i = random.nextInt(assigned.size());
    TicketId id = assigned.get(i);
    assigned.set(i, assigned.get(assigned.size() - 1));
    assigned.remove(assigned.size() - 1);
    return id;
  }

  /** A new ticket arrives; nobody is free, so it waits; it is then withdrawn. */
  @Benchmark
  public Decision routeNewTicket() {
    WaitingTicket ticket = newTicket();
    Decision decision = desk.route(ticket, NOW);
    if (decision.outcome() == Decision.Outcome.ASSIGNED) {
      keep(decision, ticket);
    } else {
      desk.finish(ticket.id(), NOW);
    }
    return decision;
  }

  /** A technician finishes; they take the best ticket they can; a new ticket arrives. */
  @Benchmark
  public Decision nextForFreedTechnician() {
    TicketId done = anyAssigned();
    keepAssigned(desk.finish(done, NOW));
    WaitingTicket arriving = newTicket();
    Decision decision = desk.route(arriving, NOW);
    keep(decision, arriving);
    return decision;
  }

  /** A working ticket is escalated, its technician takes the next, the escalated one is finished, a new one arrives. */
  @Benchmark
  public Decision escalation() {
    TicketId id = anyAssigned();
    WaitingTicket ticket = tickets.remove(id);
    List<Decision> decisions = desk.escalate(ticket, java.util.Optional.empty(), NOW);
    for (int i = 1; i < decisions.size(); i++) {
      if (decisions.get(i).outcome() == Decision.Outcome.ASSIGNED) {
        assigned.add(decisions.get(i).ticket());
      }
    }
    keepAssigned(desk.finish(id, NOW));
    WaitingTicket arriving = newTicket();
    Decision decision = desk.route(arriving, NOW);
    keep(decision, arriving);
    return decisions.get(0);
  }

}
