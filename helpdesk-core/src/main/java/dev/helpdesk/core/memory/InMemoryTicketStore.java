package dev.helpdesk.core.memory;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A {@link TicketStore} in memory: the embedded default. Thread-safe; nothing is shared between
 * instances.
 *
 * <p>Writes are serialised by one lock, which makes each {@link TicketUpdate} atomic; reads take no
 * lock. A ticket and its history are replaced together, so a reader never sees a ticket without the
 * events that produced it. Queries walk sorted per-status indexes (by tier, assignee, department,
 * customer), so a work queue never scans closed tickets or other tiers.
 */
public final class InMemoryTicketStore implements TicketStore {
  /** A ticket and its history, replaced as one. */
  private record Entry(Ticket ticket, History history) {}

  /** The sort key of every index: oldest entered first, then id. */
  private record Key(Instant entered, TicketId id) implements Comparable<Key> {
    static Key of(Ticket t) {
      return new Key(t.entered(), t.id());
    }

    @Override
    public int compareTo(Key o) {
      int c = entered.compareTo(o.entered);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  /** One index: tickets of one status, optionally narrowed to one value of one dimension. */
  private record IndexKey(TicketStatus status, Object value) {}

  /** The "no narrowing" dimension value. */
  private enum Everything { ALL }

  /** The tier dimension's value; wraps the level so it cannot collide with other dimensions. */
  private record TierLevel(int level) {}

  private final String idPrefix;
  private final AtomicLong sequence = new AtomicLong();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ConcurrentHashMap<TicketId, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ContactReference, TicketId> sources = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<IndexKey, NavigableSet<Key>> indexes = new ConcurrentHashMap<>();
  private final InMemoryOutbox outbox = new InMemoryOutbox();

  /** Creates an empty store whose ticket ids read {@code HD-1}, {@code HD-2}, … */
  public InMemoryTicketStore() {
    this("HD-");
  }

  /**
   * Creates an empty store with its own ticket id prefix.
   *
   * @param idPrefix the text before the sequence number, such as {@code "HD-"}
   */
  public InMemoryTicketStore(String idPrefix) {
    this.idPrefix = TicketId.of(idPrefix + "0").value().substring(0, idPrefix.length());
  }

  @Override
  public TicketId nextId() {
    return TicketId.of(idPrefix + sequence.incrementAndGet());
  }

  @Override
  public Ticket create(TicketUpdate update) {
    Ticket ticket = update.ticket();
    if (ticket.version() != 0) {
      throw new ValidationException("TicketUpdate",
          List.of(new Violation("ticket.version", "must be 0 to create a ticket, was " + ticket.version())));
    }
    writeLock.lock();
    try {
      Entry existing = entries.get(ticket.id());
      if (existing != null) {
        throw new VersionConflictException("ticket", ticket.id(), 0, existing.ticket().version());
      }
      checkSource(ticket);
      outbox.checkNew(update.notifications());
      Ticket stored = ticket.withVersion(1);
      entries.put(stored.id(), new Entry(stored, History.EMPTY.append(update.events())));
      stored.source().ifPresent(source -> sources.put(source, stored.id()));
      index(stored);
      outbox.add(update.notifications());
      return stored;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Ticket save(TicketUpdate update) {
    Ticket ticket = update.ticket();
    writeLock.lock();
    try {
      Entry current = entries.get(ticket.id());
      if (current == null) {
        throw new NotFoundException("ticket", ticket.id());
      }
      if (current.ticket().version() != ticket.version()) {
        throw new VersionConflictException("ticket", ticket.id(), ticket.version(), current.ticket().version());
      }
      Ticket old = current.ticket();
      if (!old.source().equals(ticket.source())) {
        checkSource(ticket);
      }
      outbox.checkNew(update.notifications());
      Ticket stored = ticket.withVersion(ticket.version() + 1);
      entries.put(stored.id(), new Entry(stored, current.history().append(update.events())));
      if (!old.source().equals(stored.source())) {
        old.source().ifPresent(sources::remove);
        stored.source().ifPresent(source -> sources.put(source, stored.id()));
      }
      reindex(old, stored);
      outbox.add(update.notifications());
      return stored;
    } finally {
      writeLock.unlock();
    }
  }

  private void checkSource(Ticket ticket) {
    Optional<ContactReference> source = ticket.source();
    if (source.isPresent()) {
      TicketId owner = sources.get(source.get());
      if (owner != null && !owner.equals(ticket.id())) {
        throw new DuplicateContactException(source.get(), owner);
      }
    }
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    Entry entry = entries.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.ticket());
  }

  @Override
  public Optional<Ticket> findBySource(ContactReference source) {
    TicketId id = sources.get(source);
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    Entry entry = entries.get(id);
    return entry == null ? List.of() : entry.history();
  }

  @Override
  public TicketPage query(TicketQuery query) {
    Object dimension = dimension(query);
    Key start = query.afterId().map(id -> new Key(query.afterEntered().orElseThrow(), id)).orElse(null);
    // A k-way merge of the sorted per-status indexes: the result is in order without sorting.
    PriorityQueue<Cursor> heads = new PriorityQueue<>();
    for (TicketStatus status : query.statuses()) {
      NavigableSet<Key> index = indexes.get(new IndexKey(status, dimension));
      if (index != null) {
        Iterator<Key> it = start == null ? index.iterator() : index.tailSet(start, false).iterator();
        if (it.hasNext()) {
          heads.add(new Cursor(it.next(), it));
        }
      }
    }
    List<Ticket> matches = new ArrayList<>(Math.min(query.limit() + 1, 1024));
    Key previous = null;
    while (!heads.isEmpty() && matches.size() <= query.limit()) {
      Cursor head = heads.poll();
      // A ticket moving between statuses during the walk may sit in two indexes at once.
      Entry entry = head.key.equals(previous) ? null : entries.get(head.key.id());
      previous = head.key;
      if (entry != null && query.matches(entry.ticket())) {
        matches.add(entry.ticket());
      }
      if (head.rest.hasNext()) {
        heads.add(new Cursor(head.rest.next(), head.rest));
      }
    }
    return TicketPage.of(query, matches);
  }

  /** The head of one index in a merge. */
  private record Cursor(Key key, Iterator<Key> rest) implements Comparable<Cursor> {
    @Override
    public int compareTo(Cursor o) {
      return key.compareTo(o.key);
    }
  }

  /** The narrowest index a query can use; the other filters are checked on each ticket. */
  private static Object dimension(TicketQuery query) {
    if (query.assignee().isPresent()) {
      return query.assignee().get();
    }
    if (query.department().isPresent()) {
      return query.department().get();
    }
    if (query.customer().isPresent()) {
      return query.customer().get();
    }
    if (query.tier().isPresent()) {
      return new TierLevel(query.tier().get().level());
    }
    return Everything.ALL;
  }

  private static List<Object> dimensions(Ticket t) {
    List<Object> values = new ArrayList<>(5);
    values.add(Everything.ALL);
    values.add(new TierLevel(t.tier().level()));
    values.add(t.customer());
    t.assignee().ifPresent(values::add);
    t.department().ifPresent(values::add);
    return values;
  }

  private void index(Ticket t) {
    Key key = Key.of(t);
    for (Object value : dimensions(t)) {
      indexes.computeIfAbsent(new IndexKey(t.status(), value), k -> new ConcurrentSkipListSet<>()).add(key);
    }
  }

  private void unindex(Ticket t) {
    Key key = Key.of(t);
    for (Object value : dimensions(t)) {
      NavigableSet<Key> index = indexes.get(new IndexKey(t.status(), value));
      if (index != null) {
        index.remove(key);
      }
    }
  }

  private void reindex(Ticket old, Ticket stored) {
    if (old.status() != stored.status() || !old.tier().equals(stored.tier())
        || !old.assignee().equals(stored.assignee()) || !old.department().equals(stored.department())
        || !old.customer().equals(stored.customer()) || !old.entered().equals(stored.entered())) {
      unindex(old);
      index(stored);
    }
  }

  @Override
  public Stream<Ticket> stream() {
    return entries.values().stream().map(Entry::ticket);
  }

  @Override
  public Stream<TicketEvent> events() {
    return entries.values().stream().flatMap(entry -> entry.history().stream());
  }

  @Override
  public boolean delete(TicketId id) {
    writeLock.lock();
    try {
      Entry removed = entries.remove(id);
      if (removed == null) {
        return false;
      }
      removed.ticket().source().ifPresent(sources::remove);
      unindex(removed.ticket());
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public NotificationOutbox outbox() {
    return outbox;
  }
}
