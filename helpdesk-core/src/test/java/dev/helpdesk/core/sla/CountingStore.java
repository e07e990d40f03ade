package dev.helpdesk.core.sla;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The in-memory store, counting how often a ticket's history is read: what recomputing a clock costs. */
final class CountingStore implements TicketStore {
  private final InMemoryTicketStore store = new InMemoryTicketStore();
  final AtomicInteger historyReads = new AtomicInteger();

  /** How many tickets have a breach recorded, read without counting. */
  long breached() {
    return store.events().filter(e -> e.change() instanceof TicketEvent.SlaBreached).map(TicketEvent::ticket)
        .distinct().count();
  }

  @Override
  public TicketId nextId() {
    return store.nextId();
  }

  @Override
  public Ticket create(TicketUpdate update) {
    return store.create(update);
  }

  @Override
  public Ticket save(TicketUpdate update) {
    return store.save(update);
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return store.find(id);
  }

  @Override
  public Optional<Ticket> findBySource(ContactReference source) {
    return store.findBySource(source);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    historyReads.incrementAndGet();
    return store.history(id);
  }

  @Override
  public TicketPage query(TicketQuery query) {
    return store.query(query);
  }

  @Override
  public Stream<Ticket> stream() {
    return store.stream();
  }

  @Override
  public Stream<TicketEvent> events() {
    return store.events();
  }

  @Override
  public boolean delete(TicketId id) {
    return store.delete(id);
  }

  @Override
  public NotificationOutbox outbox() {
    return store.outbox();
  }
}
