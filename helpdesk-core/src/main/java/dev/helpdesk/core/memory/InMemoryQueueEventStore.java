package dev.helpdesk.core.memory;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.spi.store.QueueEventStore;
import java.time.Instant;
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

  private final ConcurrentHashMap<Key, QueueEvent> events = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryQueueEventStore() {}

  @Override
  public boolean record(QueueEvent event) {
    Objects.requireNonNull(event, "event");
    return events.putIfAbsent(new Key(event.contact(), event.kind()), event) == null;
  }

  @Override
  public Stream<QueueEvent> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return events.values().stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to));
  }
}
