package dev.helpdesk.bench;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.memory.InMemoryCustomerStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Complete ticket cycles per second on the in-memory stores: a phone contact is received (the
 * customer registered or recognised, the ticket opened), assigned to a first-line technician,
 * resolved, and confirmed by the customer, which closes it. Each cycle stores four versions of the
 * ticket with their events and four notifications, which a notifier that discards them delivers.
 *
 * <p>{@code @Param path}: {@code desk} runs the cycle through {@link HelpDesk}, with validation,
 * access checks, the state machine, rendered notifications and delivery; {@code storeOnly} is the
 * baseline, writing the same four ticket versions and their events straight into an {@link
 * InMemoryTicketStore} (and registering the customer in an {@code InMemoryCustomerStore}) with
 * nothing checked, rendered or delivered. The desk is rebuilt every
 * iteration so the heap does not fill up with closed tickets.
 *
 * <p>The store keeps every ticket with its history, so a fifth of the time or more goes to copying
 * the kept objects out of the young generation. The JVM's default collector (G1) is measured by
 * {@code cycleOneThread} and {@code cycleTwoThreads}; {@code cycleOneThreadParallelGc} runs the same
 * cycle under the throughput collector ({@code -XX:+UseParallelGC}), which a host that values
 * throughput over pause times would choose. Ten warm-up iterations: on a two-core machine the JIT
 * needs several seconds to finish compiling the cycle. Measured iterations last two seconds, so that
 * each spans several collections.
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar LifecycleBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class LifecycleBenchmark {
  private static final int CUSTOMERS = 10_000;
  private static final int TECHNICIANS = 8;

  /** {@code desk}: through the facade; {@code storeOnly}: the baseline, raw store writes. */
  @Param({"desk", "storeOnly"})
  public String path;

  private HelpDesk desk;
  private InMemoryTicketStore store;
  private InMemoryCustomerStore rawCustomers;
  private CustomerDetails[] customers;
  private final AtomicLong cycles = new AtomicLong();
  private final Clock clock = Clock.systemUTC();

  @Setup(Level.Iteration)
  public void newDesk() {
    store = new InMemoryTicketStore();
    rawCustomers = new InMemoryCustomerStore();
    desk = HelpDesk.builder().ticketStore(store).notifier(notification -> { }).build();
    for (int i = 0; i < TECHNICIANS; i++) {
      desk.addTechnician(Technician.of(TechnicianId.of("tech-" + i), "Technician " + i, Tier.FIRST_LINE)
          .withEmail("tech" + i + "@desk.example"));
    }
    customers = new CustomerDetails[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      customers[i] = CustomerDetails.named("Customer " + i).email("customer" + i + "@example.com");
    }
  }

  /** One cycle on one thread. */
  @Benchmark
  @Threads(1)
  public Ticket cycleOneThread() {
    return cycle();
  }

  /** One cycle on one thread, under the throughput collector instead of G1. */
  @Benchmark
  @Threads(1)
  @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
  public Ticket cycleOneThreadParallelGc() {
    return cycle();
  }

  /** One cycle on each of two threads, on the same desk. */
  @Benchmark
  @Threads(2)
  public Ticket cycleTwoThreads() {
    return cycle();
  }

  private Ticket cycle() {
    long n = cycles.incrementAndGet();
    return path.equals("desk") ? throughDesk(n) : straightIntoStore(n);
  }

  private Ticket throughDesk(long n) {
    Ticket ticket = desk.receive(InboundContact.of(Channel.PHONE, customers[(int) (n % CUSTOMERS)],
        "Printer does not print", "", clock.instant()));
    Actor technician = Actor.technician(TechnicianId.of("tech-" + (n % TECHNICIANS)));
    desk.assign(technician, ticket.id(), TechnicianId.of(technician.id()));
    desk.resolve(technician, ticket.id(), Solution.of("Restarted the print spooler."));
    return desk.confirm(Actor.customer(ticket.customer()), ticket.id());
  }

  private Ticket straightIntoStore(long n) {
    Instant now = clock.instant();
    TechnicianId technician = TechnicianId.of("tech-" + (n % TECHNICIANS));
    Actor actor = Actor.technician(technician);
    CustomerId customer = rawCustomers.register(customers[(int) (n % CUSTOMERS)], now).id();
    Ticket ticket = Ticket.builder().id(store.nextId()).customer(customer).channel(Channel.PHONE).category("general")
        .subject("Printer does not print").entered(now).build();
    Ticket opened = store.create(TicketUpdate.of(ticket,
        event(ticket, now, actor, TicketStatus.NEW, new TicketEvent.Opened(Channel.PHONE, ticket.supportMode()))));
    Ticket assigned = store.save(TicketUpdate.of(opened.toBuilder().assignee(technician)
        .status(TicketStatus.ASSIGNED).build(), event(opened, now, actor, TicketStatus.ASSIGNED,
            new TicketEvent.Assigned(technician, ""))));
    Resolution resolution = new Resolution("Restarted the print spooler.", Optional.empty(), actor, now, false);
    Ticket resolved = store.save(TicketUpdate.of(assigned.toBuilder().resolution(resolution)
        .status(TicketStatus.RESOLVED).build(), event(assigned, now, actor, TicketStatus.RESOLVED,
            new TicketEvent.Resolved(resolution))));
    return store.save(TicketUpdate.of(resolved.toBuilder().status(TicketStatus.CLOSED).build(),
        event(resolved, now, actor, TicketStatus.CLOSED, new TicketEvent.Closed(TicketEvent.ClosureReason.CONFIRMED))));
  }

  private static TicketEvent event(Ticket before, Instant at, Actor actor, TicketStatus to, TicketEvent.Change change) {
    return new TicketEvent(before.id(), at, actor, before.status(), to, before.tier(), change, Note.NONE);
  }
}
