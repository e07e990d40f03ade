package dev.helpdesk.bench;

import dev.helpdesk.core.analytics.Analytics;
import dev.helpdesk.core.analytics.DeskReport;
import dev.helpdesk.core.analytics.ReportOptions;
import dev.helpdesk.core.analytics.SelfService;
import dev.helpdesk.core.analytics.ServiceTarget;
import dev.helpdesk.core.analytics.SlaCheck;
import dev.helpdesk.core.analytics.Staffing;
import dev.helpdesk.core.analytics.StaffingPlan;
import dev.helpdesk.core.memory.InMemoryQueueEventStore;
import dev.helpdesk.core.memory.InMemoryTechnicianStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full set of reports (issue 7) over a million tickets with their histories in the in-memory
 * store, single-threaded: traffic, queue service level joined with the tickets, technicians beside
 * their peers, question trends with keywords, KPIs, and an Erlang C staffing plan for the phones
 * from the measured traffic.
 *
 * <p>The data: 26 weeks of a desk in Madrid, 1,000,000 tickets (a seeded random mix of the journeys
 * a desk sees: answered at first contact, solved by the first line, escalated, reopened, waiting on
 * the customer, still open; 3 to 10 events each, a third of the solved ones rated), 100 technicians
 * at four tiers, and a queue event for every phone call (an answered one for each phone ticket and
 * some abandoned calls). The setup writes it straight into the stores through their ports and
 * prints how much heap it takes.
 *
 * <p>{@code allReports} is {@link Analytics#report} over the whole 26 weeks, so every history is
 * read. {@code readOnly} is the baseline in the same fork: the least any one-pass report must do,
 * walking every ticket with its history ({@code TicketStore.forEachHistory}) and reading each event,
 * and nothing else. Run with
 * {@code -prof gc} to see the bytes a report allocates ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar AnalyticsBenchmark -prof gc}
 *
 * <p>Its {@link #main} writes the charts of a smaller desk (100,000 tickets) to a directory:
 * {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.AnalyticsBenchmark docs}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class AnalyticsBenchmark {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Instant START = LocalDateTime.parse("2026-01-05T00:00").atZone(MADRID).toInstant();
  static final int WEEKS = 26;

  /** How many tickets the store holds. */
  @Param({"1000000"})
  public int tickets;

  private InMemoryTicketStore store;
  private Analytics analytics;
  private ReportOptions options;
  private Staffing staffing;

  @Setup(Level.Trial)
  public void fill() {
    long heapBefore = usedHeap();
    long started = System.nanoTime();
    Desk desk = Desk.generate(tickets, 20260105L);
    store = desk.tickets;
    analytics = Analytics.of(desk.tickets, desk.technicians, desk.queue, MADRID);
    options = desk.options();
    staffing = Staffing.to(ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20))).shrinkage(0.3)
        .maxOccupancy(0.85);
    long heapAfter = usedHeap();
    System.out.printf("%n%,d tickets with %,d events and %,d queue events stored in %.1f s; %,d MB of heap%n",
        tickets, desk.events, desk.queueEvents, (System.nanoTime() - started) / 1e9,
        (heapAfter - heapBefore) >> 20);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Every report of the 26 weeks, and the phones' staffing plan from their traffic. */
  @Benchmark
  public void allReports(Blackhole sink) {
    DeskReport report = analytics.report(options);
    StaffingPlan plan = staffing.plan(report.traffic(), Set.of(Channel.PHONE), Duration.ofMinutes(6),
        Optional.empty());
    sink.consume(report);
    sink.consume(plan);
  }

  /**
   * The baseline: the same walk over every ticket and its history, reading each event's instant and
   * change, and nothing computed.
   */
  @Benchmark
  public long readOnly() {
    long[] seen = new long[1];
    store.forEachHistory(ticket -> true, (ticket, history) -> {
      for (int i = 0; i < history.size(); i++) {
        TicketEvent event = history.get(i);
        seen[0] += event.at().getEpochSecond() + (event.change() instanceof TicketEvent.Resolved ? 1 : 0);
      }
    });
    return seen[0];
  }

  /**
   * Writes the charts and the text of the reports of a desk of 100,000 tickets, and a staffing
   * plan, to a directory.
   *
   * @param args the directory, {@code docs} by default
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs");
    Files.createDirectories(dir);
    Desk desk = Desk.generate(100_000, 20260105L);
    Analytics analytics = Analytics.of(desk.tickets, desk.technicians, desk.queue, MADRID);
    // The last four weeks: a month's traffic, queues and backlog; trends by week over all 26.
    Instant end = START.plus(Duration.ofDays(7L * WEEKS));
    DeskReport month = analytics.report(ReportOptions.period(end.minus(Duration.ofDays(28)), end)
        .sla(desk.options().sla()).selfService(desk.options().selfService()).build());
    DeskReport half = analytics.report(desk.options());
    StaffingPlan plan = Staffing.to(ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20))).shrinkage(0.3)
        .maxOccupancy(0.85).plan(month.traffic(), Set.of(Channel.PHONE), Duration.ofMinutes(6), Optional.empty());
    Files.writeString(dir.resolve("analytics-traffic.svg"), month.traffic().toSvg());
    Files.writeString(dir.resolve("analytics-queue.svg"), month.queue().toSvg(MADRID));
    Files.writeString(dir.resolve("analytics-backlog.svg"), month.kpis().backlogSvg());
    Files.writeString(dir.resolve("analytics-staffing.svg"), plan.toSvg());
    Files.writeString(dir.resolve("analytics-report.txt"), month + "\n" + half.trends() + "\n" + plan);
    System.out.println(month.kpis());
    System.out.println("Charts and reports written to " + dir.toAbsolutePath());
  }

  /**
   * A desk's stores filled with generated history: what a busy desk would have after half a year.
   * Journeys, channels, categories and hours follow fixed shares; everything else is drawn from a
   * seeded random source, so every run builds the same desk.
   */
  static final class Desk {
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.WEB,
        Channel.WALK_IN, Channel.INSTANT_MESSAGE};
    private static final int[] CHANNEL_WEIGHTS = {45, 25, 10, 12, 5, 3};
    private static final String[] CATEGORIES = {"password", "printing", "email", "vpn", "network", "hardware",
        "software", "accounts", "phone", "access", "backup", "general"};
    private static final int[] CATEGORY_WEIGHTS = {18, 14, 12, 8, 8, 9, 10, 6, 4, 5, 2, 4};
    private static final String[][] SUBJECTS = {
        {"Forgot my password", "Password expired", "Account locked after password change", "Reset my password"},
        {"Printer jams on floor 2", "Printer out of toner", "Cannot print to the colour printer", "Printer offline"},
        {"Mailbox full", "Cannot send email", "Email not syncing on phone", "Outlook keeps asking for password"},
        {"VPN drops every hour", "VPN will not connect from home", "VPN slow since update", "VPN certificate error"},
        {"Wifi keeps dropping", "No network in meeting room", "Network drive not mapped", "Slow network"},
        {"Monitor flickers", "Laptop will not start", "Keyboard missing keys", "Docking station not detected"},
        {"Install request for Visio", "Excel crashes on open", "Software update failed", "Licence expired"},
        {"New starter account", "Leaver account removal", "Add to distribution list", "Change of name"},
        {"Desk phone no dial tone", "Voicemail not working", "Softphone echo", "Transfer calls to mobile"},
        {"Access to shared folder", "Access to finance system", "Door badge not working", "Admin rights request"},
        {"Restore a deleted file", "Backup failed overnight", "Recover old email", "Restore folder version"},
        {"General question", "How do I book a meeting room", "Where is the guide", "Feedback on service"}};
    /** The share of the day's contacts in each hour: a morning peak, a lunch dip, an afternoon bump. */
    private static final int[] HOUR_WEIGHTS = {0, 0, 0, 0, 0, 0, 1, 3, 9, 14, 13, 11, 8, 6, 8, 10, 9, 6, 3, 2, 1,
        1, 0, 0};
    private static final int[] DAY_WEIGHTS = {22, 21, 20, 19, 15, 2, 1};

    final InMemoryTicketStore tickets = new InMemoryTicketStore("HD-", 0);
    final InMemoryTechnicianStore technicians = new InMemoryTechnicianStore();
    final InMemoryQueueEventStore queue = new InMemoryQueueEventStore();
    long events;
    long queueEvents;
    private final SplittableRandom random;
    private final List<List<Actor>> staff = new ArrayList<>();
    private final List<String[]> subjects = new ArrayList<>();
    private final List<TicketEvent> history = new ArrayList<>(16);

    private Desk(long seed) {
      random = new SplittableRandom(seed);
      int[] perTier = {60, 25, 10, 5};
      for (int level = 1; level <= 4; level++) {
        List<Actor> tier = new ArrayList<>();
        for (int i = 0; i < perTier[level - 1]; i++) {
          TechnicianId id = TechnicianId.of("t" + level + "-" + i);
          technicians.create(Technician.of(id, "Technician " + level + "-" + i, Tier.level(level)));
          tier.add(Actor.technician(id));
        }
        staff.add(tier);
      }
      for (String[] s : SUBJECTS) {
        subjects.add(s);
      }
    }

    static Desk generate(int count, long seed) {
      Desk desk = new Desk(seed);
      for (int i = 0; i < count; i++) {
        desk.add(i);
      }
      return desk;
    }

    /** The options of a report over all 26 weeks, with an SLA and a knowledge base to consult. */
    ReportOptions options() {
      return ReportOptions.period(START, START.plus(Duration.ofDays(7L * WEEKS)))
          .sla(Desk::withinEightHours)
          .selfService(new SelfService() {
            @Override
            public boolean isPublic(ArticleId article) {
              return article.value().hashCode() % 3 != 0;
            }

            @Override
            public Map<String, Long> deflections(Instant from, Instant to) {
              long weeks = Math.max(1, Duration.between(from, to).toDays() / 7);
              return Map.of("password", 120 * weeks, "printing", 40 * weeks, "vpn", 25 * weeks);
            }
          })
          .build();
    }

    /** The agreement of the generated desk: a first solution within eight hours of entry. */
    static SlaCheck.Outcome withinEightHours(Ticket ticket, List<TicketEvent> history) {
      Resolution resolution = ticket.resolution().orElse(null);
      if (resolution == null) {
        return SlaCheck.Outcome.NOT_TRACKED;
      }
      long took = resolution.resolvedAt().toEpochMilli() - ticket.entered().toEpochMilli();
      return took <= EIGHT_HOURS ? SlaCheck.Outcome.MET : SlaCheck.Outcome.MISSED;
    }

    private static final long EIGHT_HOURS = Duration.ofHours(8).toMillis();

    private int pick(int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int r = random.nextInt(total);
      for (int i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) {
          return i;
        }
      }
      return weights.length - 1;
    }

    private Instant arrival() {
      int week = random.nextInt(WEEKS);
      int day = pick(DAY_WEIGHTS);
      int hour = pick(HOUR_WEIGHTS);
      // Whole local hours from the first Monday; a daylight-saving change shifts them by an hour at most.
      return START.plus(Duration.ofDays(7L * week + day)).plusSeconds(3600L * hour + random.nextInt(3600));
    }

    private Actor technician(int level) {
      List<Actor> tier = staff.get(level - 1);
      return tier.get(random.nextInt(tier.size()));
    }

    /** A random number of whole minutes, exponentially distributed about a mean, in seconds. */
    private long secondsOfMinutes(int mean) {
      return 60L * (1 + (long) (-Math.log(1 - random.nextDouble()) * mean));
    }

    // The ticket being written: its builder, and where its journey stands.
    private TicketId id;
    private Ticket.Builder ticket;
    private Instant at;
    private TicketStatus status;
    private Tier tier;

    private void record(Actor actor, TicketStatus to, TicketEvent.Change change, Note note) {
      history.add(new TicketEvent(id, at, actor, status, to, tier, change, note));
      status = to;
    }

    private void add(int n) {
      Instant entered = arrival();
      Channel channel = CHANNELS[pick(CHANNEL_WEIGHTS)];
      int category = pick(CATEGORY_WEIGHTS);
      // VPN questions grow through the half-year; printing questions fade.
      if (category == 3 && random.nextInt(WEEKS) > Duration.between(START, entered).toDays() / 7) {
        category = 4;
      }
      String[] pool = subjects.get(category);
      CustomerId customerId = CustomerId.of("C-" + random.nextInt(200_000));
      id = tickets.nextId();
      ticket = Ticket.builder().id(id).customer(customerId)
          .channel(channel).category(CATEGORIES[category]).subject(pool[random.nextInt(pool.length)])
          .entered(entered);
      ContactReference call = null;
      if (channel == Channel.PHONE) {
        call = new ContactReference(Channel.PHONE, "call-" + n);
        ticket.source(call);
        long waited = (long) (-Math.log(1 - random.nextDouble()) * 25_000);
        queue.record(QueueEvent.answered(call, entered, Duration.ofMillis(waited)));
        queueEvents++;
        if (random.nextInt(100) < 9) {
          Duration gaveUp = Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * 40_000));
          queue.record(QueueEvent.abandoned(new ContactReference(Channel.PHONE, "missed-" + n),
              entered.minusSeconds(600), gaveUp));
          queueEvents++;
        }
      }
      history.clear();
      at = entered;
      status = TicketStatus.NEW;
      tier = Tier.FIRST_LINE;
      Actor customer = Actor.customer(customerId);
      record(customer, TicketStatus.NEW, new TicketEvent.Opened(channel, channel.defaultSupportMode()), Note.NONE);

      boolean recent = Duration.between(entered, START.plus(Duration.ofDays(7L * WEEKS))).toDays() < 10;
      int journey = random.nextInt(100);
      Actor owner = technician(1);
      Resolution resolution = null;
      if (journey < 32) {
        at = at.plusSeconds(secondsOfMinutes(5));
        resolution = new Resolution("Solved on the phone", article(), owner, at, true);
        record(owner, TicketStatus.RESOLVED, new TicketEvent.Resolved(resolution), Note.NONE);
        record(owner, TicketStatus.CLOSED, new TicketEvent.Closed(TicketEvent.ClosureReason.FIRST_CONTACT), Note.NONE);
      } else if (recent && journey >= 88) {
        // Still open at the end: new, or being worked on.
        if (journey >= 94) {
          work(owner);
        }
      } else if (journey >= 98) {
        // Forgotten: still waiting for the customer's answer weeks later, the backlog's old tail.
        if (random.nextBoolean()) {
          record(Actor.system(), TicketStatus.NEW, new TicketEvent.Escalated(tier, Tier.SPECIALISTS), Note.NONE);
          tier = Tier.SPECIALISTS;
          owner = technician(2);
        }
        work(owner);
        at = at.plusSeconds(secondsOfMinutes(30));
        record(owner, TicketStatus.WAITING_ON_CUSTOMER, new TicketEvent.InformationRequested(),
            Note.forCustomer("Which model?"));
      } else {
        work(owner);
        if (journey >= 80 && journey < 86) {
          at = at.plusSeconds(secondsOfMinutes(30));
          record(owner, TicketStatus.WAITING_ON_CUSTOMER, new TicketEvent.InformationRequested(),
              Note.forCustomer("Which model?"));
          at = at.plusSeconds(secondsOfMinutes(600));
          record(customer, TicketStatus.IN_PROGRESS, new TicketEvent.CustomerReplied(Optional.empty()),
              Note.forCustomer("An HP 4050"));
        }
        if (journey >= 62 && journey < 80) {
          at = at.plusSeconds(secondsOfMinutes(20));
          int to = journey < 76 ? 2 : 3;
          Tier from = tier;
          tier = Tier.level(to);
          record(owner, TicketStatus.NEW, new TicketEvent.Escalated(from, tier), Note.internal("Needs L" + to));
          ticket.assignee(null);
          owner = technician(to);
          work(owner);
        }
        at = at.plusSeconds(secondsOfMinutes(tier.level() == 1 ? 25 : 120));
        resolution = new Resolution("Fixed", article(), owner, at, false);
        record(owner, TicketStatus.RESOLVED, new TicketEvent.Resolved(resolution), Note.forCustomer("Fixed"));
        if (journey >= 56 && journey < 62) {
          at = at.plusSeconds(secondsOfMinutes(1_440));
          record(customer, TicketStatus.REOPENED, new TicketEvent.Reopened(true), Note.forCustomer("Again"));
          at = at.plusSeconds(secondsOfMinutes(30));
          record(owner, TicketStatus.IN_PROGRESS, new TicketEvent.WorkStarted(), Note.NONE);
          at = at.plusSeconds(secondsOfMinutes(40));
          resolution = new Resolution("Fixed for good", article(), owner, at, false);
          record(owner, TicketStatus.RESOLVED, new TicketEvent.Resolved(resolution), Note.forCustomer("Fixed"));
        }
        at = at.plusSeconds(secondsOfMinutes(720));
        record(customer, TicketStatus.CLOSED, new TicketEvent.Closed(TicketEvent.ClosureReason.CONFIRMED), Note.NONE);
      }
      if (resolution != null && random.nextInt(3) == 0) {
        at = at.plusSeconds(secondsOfMinutes(60));
        int score = new int[] {1, 2, 3, 4, 4, 5, 5, 5}[random.nextInt(8)];
        record(customer, status, new TicketEvent.Rated(score), Note.NONE);
      }
      Ticket stored = ticket.status(status).tier(tier).resolution(resolution).updated(at)
          .assignee(status == TicketStatus.NEW ? null : owner.role() == Actor.Role.TECHNICIAN
              ? TechnicianId.of(owner.id()) : null)
          .build();
      tickets.create(new TicketUpdate(stored, history, List.of()));
      events += history.size();
    }

    private void work(Actor owner) {
      at = at.plusSeconds(secondsOfMinutes(15));
      ticket.assignee(TechnicianId.of(owner.id()));
      record(Actor.system(), TicketStatus.ASSIGNED, new TicketEvent.Assigned(TechnicianId.of(owner.id()), ""),
          Note.NONE);
      at = at.plusSeconds(secondsOfMinutes(20));
      record(owner, TicketStatus.IN_PROGRESS, new TicketEvent.WorkStarted(), Note.NONE);
    }

    private Optional<ArticleId> article() {
      return random.nextInt(5) == 0 ? Optional.of(ArticleId.of("KB-" + random.nextInt(300))) : Optional.empty();
    }
  }
}
