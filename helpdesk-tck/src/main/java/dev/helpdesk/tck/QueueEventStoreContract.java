package dev.helpdesk.tck;

import static dev.helpdesk.tck.Fixtures.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.spi.store.QueueEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link QueueEventStore}: every implementation extends this suite and must pass it.
 */
public abstract class QueueEventStoreContract extends PortContract<QueueEventStore> {
  /** For subclasses. */
  protected QueueEventStoreContract() {}

  private List<QueueEvent> between(Instant from, Instant to) {
    try (Stream<QueueEvent> events = store.between(from, to)) {
      return events.collect(Collectors.toList());
    }
  }

  @Test
  void aRecordedEventIsReturnedForARangeHoldingIt() {
    QueueEvent answered = QueueEvent.answered(Fixtures.call("c-1"), MONDAY_9AM.plusSeconds(40), Duration.ofSeconds(40));
    assertTrue(store.record(answered));
    assertEquals(List.of(answered), between(MONDAY_9AM, MONDAY_9AM.plusSeconds(41)));
  }

  @Test
  void theRangeIncludesItsStartAndExcludesItsEnd() {
    QueueEvent atStart = QueueEvent.offered(Fixtures.call("c-1"), MONDAY_9AM);
    QueueEvent atEnd = QueueEvent.offered(Fixtures.call("c-2"), MONDAY_9AM.plusSeconds(60));
    store.record(atStart);
    store.record(atEnd);
    assertEquals(List.of(atStart), between(MONDAY_9AM, MONDAY_9AM.plusSeconds(60)));
    assertEquals(List.of(), between(MONDAY_9AM.minusSeconds(60), MONDAY_9AM));
  }

  @Test
  void theSameContactAndKindIsRecordedOnceAndTheFirstStays() {
    QueueEvent first = QueueEvent.abandoned(Fixtures.call("c-1"), MONDAY_9AM.plusSeconds(30), Duration.ofSeconds(30));
    QueueEvent repeat = QueueEvent.abandoned(Fixtures.call("c-1"), MONDAY_9AM.plusSeconds(31), Duration.ofSeconds(31));
    assertTrue(store.record(first));
    assertFalse(store.record(repeat));
    assertEquals(List.of(first), between(MONDAY_9AM, MONDAY_9AM.plusSeconds(3600)));
  }

  @Test
  void eachKindOfOneContactIsKept() {
    QueueEvent offered = QueueEvent.offered(Fixtures.call("c-1"), MONDAY_9AM);
    QueueEvent answered = QueueEvent.answered(Fixtures.call("c-1"), MONDAY_9AM.plusSeconds(12), Duration.ofSeconds(12));
    assertTrue(store.record(offered));
    assertTrue(store.record(answered));
    assertEquals(Set.of(offered, answered), new HashSet<>(between(MONDAY_9AM, MONDAY_9AM.plusSeconds(60))));
  }

  @Test
  void concurrentReportsLoseNothing() throws Exception {
    int perThread = 500;
    List<QueueEvent> all = new ArrayList<>();
    for (int i = 0; i < 4 * perThread; i++) {
      all.add(QueueEvent.offered(Fixtures.call("c-" + i), MONDAY_9AM.plusSeconds(i)));
    }
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < perThread; i++) {
        store.record(all.get(thread * perThread + i));
        // Every thread also repeats another thread's events: repeats must not count twice.
        store.record(all.get(((thread + 1) % 4) * perThread + i));
      }
    });
    assertEquals(new HashSet<>(all), new HashSet<>(between(MONDAY_9AM, MONDAY_9AM.plusSeconds(4 * perThread))));
    assertEquals(all.size(), between(MONDAY_9AM, MONDAY_9AM.plusSeconds(4 * perThread)).size());
  }
}
