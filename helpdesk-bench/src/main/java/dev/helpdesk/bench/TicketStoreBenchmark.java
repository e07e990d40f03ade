package dev.helpdesk.bench;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * What the in-memory ticket store's guarantees cost: a compare-and-set save that keeps the indexes,
 * the history and the outbox in step, beside a bare {@link ConcurrentHashMap#put} of the same ticket
 * (the least any map-backed store must do), in the same fork.
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar TicketStoreBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TicketStoreBenchmark {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** How many open tickets the store holds while saving. */
  @Param({"1000", "100000"})
  public int tickets;

  /** {@code inMemory} is the store; {@code mapPut} the baseline. */
  @Param({"inMemory", "mapPut"})
  public String store;

  private TicketStore ticketStore;
  private final ConcurrentHashMap<Object, Ticket> map = new ConcurrentHashMap<>();
  private Ticket current;
  private TicketEvent event;
  private int step;

  @Setup(Level.Trial)
  public void fill() {
    ticketStore = new InMemoryTicketStore();
    for (int i = 0; i < tickets; i++) {
      Ticket t = Ticket.builder().id(ticketStore.nextId()).customer(CustomerId.of("C-" + (i % 5000)))
          .channel(Channel.PHONE).category("printing").subject("Printer " + i).entered(T0.plusSeconds(i)).build();
      ticketStore.create(TicketUpdate.of(t));
      map.put(t.id(), t);
    }
    current = ticketStore.query(TicketQuery.open().limit(1)).tickets().get(0);
    event = new TicketEvent(current.id(), T0, Actor.system(), TicketStatus.NEW, TicketStatus.NEW, current.tier(),
        new TicketEvent.PriorityChanged(Priority.MEDIUM, Priority.HIGH), Note.NONE);
  }

  /** One save of a changed priority, with one history event. */
  @Benchmark
  public Ticket save() {
    Ticket changed = current.toBuilder().priority(Priority.values()[step++ & 3]).build();
    if (store.equals("inMemory")) {
      current = ticketStore.save(TicketUpdate.of(changed, event));
    } else {
      map.put(changed.id(), changed);
      current = changed;
    }
    return current;
  }
}
