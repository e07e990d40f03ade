package dev.helpdesk.core.memory;

import dev.helpdesk.core.memory.TicketIndex.Key;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A {@link TicketStore} in memory: the embedded default. Thread-safe; nothing is shared between
 * instances.
 *
 * <p>Writes are serialised by one lock, which makes each {@link TicketUpdate} atomic; reads of a
 * ticket or its history take no lock, and queries share a read lock. A ticket and its history are
 * replaced together, so a reader never sees a ticket without the events that produced it.
 *
 * <p>Queries walk sorted indexes, so a work queue never scans closed tickets or other tiers: open
 * tickets are indexed as a whole and by tier, assignee, department and customer; finished ones
 * (closed, cancelled, merged) only by customer, which is what keeps closing a ticket cheap. A query
 * for finished tickets that does not name the customer scans the finished tickets once, keeping only
 * the page it needs: it serves reports and histories, not the desk's daily work.
 */
public final class InMemoryTicketStore implements TicketStore {
  private final String idPrefix;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Lock writeLock = lock.writeLock();
  private final Lock indexReadLock = lock.readLock();
  private final TicketTable entries;
  private final ConcurrentHashMap<ContactReference, TicketId> sources = new ConcurrentHashMap<>();
  /** Guarded by {@link #lock}: written under the write lock, walked under the read lock. */
  private final TicketIndex index = new TicketIndex();
  private final InMemoryOutbox outbox;

  /** The number of delivered notifications kept for inspection by default. */
  public static final int DELIVERED_NOTIFICATIONS_KEPT = 1_000;

  /**
   * Creates an empty store whose ticket ids read {@code HD-1}, {@code HD-2}, … and whose outbox
   * keeps the latest {@value #DELIVERED_NOTIFICATIONS_KEPT} delivered notifications.
   */
  public InMemoryTicketStore() {
    this("HD-", DELIVERED_NOTIFICATIONS_KEPT);
  }

  /**
   * Creates an empty store with its own ticket id prefix and outbox size.
   *
   * @param idPrefix the text before the sequence number, such as {@code "HD-"}
   * @param deliveredToKeep how many delivered notifications the outbox keeps for inspection, the
   *     latest ones; pending and failed ones are always kept
   */
  public InMemoryTicketStore(String idPrefix, int deliveredToKeep) {
    this.idPrefix = TicketId.of(idPrefix + "0").value().substring(0, idPrefix.length());
    this.entries = new TicketTable(this.idPrefix);
    if (deliveredToKeep < 0) {
      throw new IllegalArgumentException("deliveredToKeep must not be negative: " + deliveredToKeep);
    }
    this.outbox = new InMemoryOutbox(deliveredToKeep);
  }

  @Override
  public TicketId nextId() {
    return TicketId.of(idPrefix + entries.issue());
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
      History existing = entries.get(ticket.id());
      if (existing != null) {
        throw new VersionConflictException("ticket", ticket.id(), 0, existing.ticket.version());
      }
      checkSource(ticket);
      outbox.add(update.notifications());
      Ticket stored = ticket.withVersion(1);
      entries.put(stored.id(), History.of(stored, update.events()));
      stored.source().ifPresent(source -> sources.put(source, stored.id()));
      index.add(stored);
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
      History current = entries.get(ticket.id());
      if (current == null) {
        throw new NotFoundException("ticket", ticket.id());
      }
      if (current.ticket.version() != ticket.version()) {
        throw new VersionConflictException("ticket", ticket.id(), ticket.version(), current.ticket.version());
      }
      Ticket old = current.ticket;
      if (!old.source().equals(ticket.source())) {
        checkSource(ticket);
      }
      outbox.add(update.notifications());
      Ticket stored = ticket.withVersion(ticket.version() + 1);
      entries.put(stored.id(), current.next(stored, update.events()));
      if (!old.source().equals(stored.source())) {
        old.source().ifPresent(sources::remove);
        stored.source().ifPresent(source -> sources.put(source, stored.id()));
      }
      index.move(old, stored);
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
    History entry = entries.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.ticket);
  }

  @Override
  public Optional<Ticket> findBySource(ContactReference source) {
    TicketId id = sources.get(source);
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    History entry = entries.get(id);
    return entry == null ? List.of() : entry.events();
  }

  @Override
  public TicketPage query(TicketQuery query) {
    // Scanning finished tickets reads only the concurrent map, so it happens outside the lock.
    List<Key> finished = needsScan(query) ? scanFinished(query) : List.of();
    indexReadLock.lock();
    try {
      return query(query, finished);
    } finally {
      indexReadLock.unlock();
    }
  }

  private static boolean needsScan(TicketQuery query) {
    boolean[] partitions = partitions(query.statuses());
    boolean includesFinished = !partitions[partitions.length - 1];
    return includesFinished && query.customer().isEmpty();
  }

  private TicketPage query(TicketQuery query, List<Key> scannedFinished) {
    Key start = query.afterId().map(id -> new Key(query.afterEntered().orElseThrow(), id)).orElse(null);
    // A merge of the sorted open and finished indexes: the result is in order without sorting.
    PriorityQueue<Cursor> heads = new PriorityQueue<>();
    for (boolean open : partitions(query.statuses())) {
      Iterator<Key> it;
      if (open) {
        it = index.open(query, start);
      } else {
        it = index.finished(query, start).orElse(scannedFinished.iterator());
      }
      if (it.hasNext()) {
        heads.add(new Cursor(it.next(), it));
      }
    }
    List<Ticket> matches = new ArrayList<>(Math.min(query.limit() + 1, 1024));
    Key previous = null;
    while (!heads.isEmpty() && matches.size() <= query.limit()) {
      Cursor head = heads.poll();
      // A ticket that closed after the scan of finished tickets may come from both partitions.
      History entry = head.key.equals(previous) ? null : entries.get(head.key.id());
      previous = head.key;
      if (entry != null && query.matches(entry.ticket)) {
        matches.add(entry.ticket);
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

  /** The first page's worth of finished tickets a query selects, in order, found by one scan. */
  private List<Key> scanFinished(TicketQuery query) {
    int wanted = query.limit() + 1;
    PriorityQueue<Key> newestKept = new PriorityQueue<>(Math.min(wanted, 1024), Comparator.reverseOrder());
    entries.values().forEach(entry -> {
      Ticket t = entry.ticket;
      if (!t.status().isOpen() && query.matches(t)) {
        Key key = Key.of(t);
        if (newestKept.size() < wanted) {
          newestKept.add(key);
        } else if (key.compareTo(newestKept.peek()) < 0) {
          newestKept.poll();
          newestKept.add(key);
        }
      }
    });
    List<Key> page = new ArrayList<>(newestKept);
    page.sort(null);
    return page;
  }

  private static final boolean[] OPEN = {true};
  private static final boolean[] FINISHED = {false};
  private static final boolean[] BOTH = {true, false};

  private static boolean[] partitions(Set<TicketStatus> statuses) {
    boolean open = false;
    boolean finished = false;
    for (TicketStatus status : statuses) {
      open |= status.isOpen();
      finished |= !status.isOpen();
    }
    return open && finished ? BOTH : open ? OPEN : FINISHED;
  }

  @Override
  public Stream<Ticket> stream() {
    return entries.values().map(entry -> entry.ticket);
  }

  @Override
  public Stream<TicketEvent> events() {
    return entries.values().flatMap(entry -> entry.events().stream());
  }

  /** One walk over the stored entries: each holds a ticket with its history, no lookup by id needed. */
  @Override
  public void forEachHistory(Predicate<Ticket> wanted, BiConsumer<Ticket, List<TicketEvent>> action) {
    entries.values().forEach(entry -> {
      if (wanted.test(entry.ticket)) {
        action.accept(entry.ticket, entry.events());
      }
    });
  }

  @Override
  public boolean delete(TicketId id) {
    writeLock.lock();
    try {
      History removed = entries.remove(id);
      if (removed == null) {
        return false;
      }
      removed.ticket.source().ifPresent(sources::remove);
      index.remove(removed.ticket);
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
