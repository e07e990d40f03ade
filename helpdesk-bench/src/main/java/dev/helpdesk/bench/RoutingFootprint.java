package dev.helpdesk.bench;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.routing.Router;
import dev.helpdesk.routing.RoutingRules;
import dev.helpdesk.routing.WaitingTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Bytes of heap per waiting ticket in an indexed router: the heap in use (after full collections)
 * with a million tickets waiting, less the heap in use with the same tickets built but not
 * routed, divided by a million. What is counted is what routing adds: the router's entry for each
 * ticket, its place in a queue and in the router's map; the tickets themselves (held by the caller
 * either way) are not. Tickets wait at levels 1 and 2 for one of 50 skills at levels 1 to 3 (70 %),
 * by phone or remote session, as in {@link RoutingBenchmark}.
 *
 * <p>Run: {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.RoutingFootprint}
 */
public final class RoutingFootprint {
  private RoutingFootprint() {}

  /**
   * Prints the footprint.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int count = 1_000_000;
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    SplittableRandom random = new SplittableRandom(7);
    List<WaitingTicket> tickets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      WaitingTicket t = new WaitingTicket(TicketId.of("W-" + i), random.nextInt(10) < 7 ? Tier.FIRST_LINE
          : Tier.SPECIALISTS, Priority.values()[random.nextInt(4)], now.minusSeconds(random.nextInt(604_800)),
          random.nextInt(3) == 0 ? Channel.REMOTE_SESSION : Channel.PHONE, Channel.PHONE.defaultSupportMode(),
          random.nextInt(10) < 7 ? Map.of("skill-" + random.nextInt(RoutingBenchmark.SKILLS), 1 + random.nextInt(3))
              : Map.of(), Map.of(), Optional.empty(), Optional.empty());
      tickets.add(t);
    }
    long before = used();
    Router router = Router.indexed(RoutingRules.defaults());
    for (WaitingTicket t : tickets) {
      router.route(t, now);
    }
    long after = used();
    System.out.printf("%,d tickets waiting: %,d bytes of heap in the router, %.0f bytes per waiting ticket%n",
        router.waiting(Tier.FIRST_LINE) + router.waiting(Tier.SPECIALISTS), after - before,
        (after - before) / (double) count);
    if (tickets.size() != count) {
      throw new AssertionError(); // keeps the tickets reachable until the second measurement
    }
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
