package dev.helpdesk.core.memory;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.spi.store.QueueEventStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link QueueEventStore} in memory: the embedded default. Thread-safe; nothing is shared between
 * instances.
 */
public final class InMemoryQueueEventStore implements QueueEventStore {
  /** One contact's event of one kind: what makes a report a repeat. */
  private record Key(ContactReference contact, QueueEvent.Kind kind) {}

  private final ConcurrentHashMap<Key, Boolean> recorded = new ConcurrentHashMap<>();
  /** The events in the order recorded: reading them is a walk over an array, not over a hash table. */
  private QueueEvent[] events = new QueueEvent[1024];
  private int size;

  /** Creates an empty store. */
  public InMemoryQueueEventStore() {}

  @Override
  public boolean record(QueueEvent event) {
    Objects.requireNonNull(event, "event");
    if (recorded.putIfAbsent(new Key(event.contact(), event.kind()), Boolean.TRUE) != null) {
      return false;
    }
    synchronized (this) {
      if (size == events.length) {
        events = Arrays.copyOf(events, size * 2);
      }
      events[size++] = event;
    }
    return true;
  }

  @Override
  public Stream<QueueEvent> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    QueueEvent[] all;
    int count;
    synchronized (this) {
      all = events;
      count = size;
    }
    // Slots below count are never written again, so the array is read outside the lock.
    return Arrays.stream(all, 0, count).filter(e -> !e.at().isBefore(from) && e.at().isBefore(to));
  }
}
