package dev.helpdesk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lazily cleaned queue behaves like a sorted set under random adds, removals and re-adds. */
class QueueTest {
  @Test
  void matchesASortedSet() {
    Random random = new Random(3);
    Queue queue = new Queue();
    Comparator<Waiting> order = Comparator.<Waiting>comparingLong(w -> w.key).thenComparingLong(w -> w.sequence);
    TreeSet<Waiting> expected = new TreeSet<>(order);
    List<Waiting> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Waiting w = new Waiting(WaitingTicket.of(TicketId.of("T-" + i), Tier.FIRST_LINE, Priority.LOW, Instant.EPOCH,
          Channel.EMAIL), i);
      w.key = random.nextInt(40); // many ties, broken by sequence
      all.add(w);
    }
    for (int step = 0; step < 50_000; step++) {
      Waiting w = all.get(random.nextInt(all.size()));
      if (expected.contains(w)) {
        expected.remove(w);
        queue.remove(w);
      } else {
        expected.add(w);
        queue.add(w, w.key);
      }
      assertEquals(expected.size(), queue.live());
      if (expected.isEmpty()) {
        assertEquals(null, queue.peek());
      } else {
        assertSame(expected.first(), queue.peek(), "step " + step);
        assertEquals(expected.first().key, queue.peekKey());
      }
    }
  }
}
