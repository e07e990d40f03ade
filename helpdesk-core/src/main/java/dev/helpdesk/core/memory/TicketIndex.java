package dev.helpdesk.core.memory;

import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The sorted indexes behind {@link InMemoryTicketStore}'s queries, each ordered oldest first. Open
 * tickets are indexed by tier (tree sets, which stay fast however long the queues grow; a query of
 * every open ticket merges the few tiers), and by customer, assignee and department ({@link SortedKeys}, compact arrays for the small
 * sets); finished ones only by customer, so closing a ticket stays cheap however many closed tickets
 * there are. A customer's, technician's or department's entry is kept once made, so a customer who
 * comes back or a technician between tickets costs no new allocation. Not thread-safe: the store
 * guards it with its read-write lock.
 */
final class TicketIndex {
  /** The sort key of every index: oldest entered first, then id. */
  record Key(Instant entered, TicketId id) implements Comparable<Key> {
    static Key of(Ticket t) {
      return new Key(t.entered(), t.id());
    }

    @Override
    public int compareTo(Key o) {
      int c = entered.compareTo(o.entered);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  /** A customer's open and finished tickets. */
  private static final class CustomerKeys {
    final SortedKeys open = new SortedKeys();
    final SortedKeys finished = new SortedKeys();
  }

  private final Map<Integer, TreeSet<Key>> openByTier = new HashMap<>();
  private final Map<CustomerId, CustomerKeys> byCustomer = new HashMap<>();
  private final Map<TechnicianId, SortedKeys> openByAssignee = new HashMap<>();
  private final Map<DepartmentId, SortedKeys> openByDepartment = new HashMap<>();

  void add(Ticket t) {
    CustomerKeys customer = byCustomer.computeIfAbsent(t.customer(), c -> new CustomerKeys());
    if (t.status().isOpen()) {
      Key key = Key.of(t);
      openByTier.computeIfAbsent(t.tier().level(), level -> new TreeSet<>()).add(key);
      customer.open.add(t.entered(), t.id());
      if (t.assignee().isPresent()) {
        openByAssignee.computeIfAbsent(t.assignee().get(), a -> new SortedKeys()).add(t.entered(), t.id());
      }
      if (t.department().isPresent()) {
        openByDepartment.computeIfAbsent(t.department().get(), d -> new SortedKeys()).add(t.entered(), t.id());
      }
    } else {
      customer.finished.add(t.entered(), t.id());
    }
  }

  void remove(Ticket t) {
    CustomerKeys customer = byCustomer.get(t.customer());
    if (t.status().isOpen()) {
      Key key = Key.of(t);
      TreeSet<Key> tier = openByTier.get(t.tier().level());
      if (tier != null) {
        tier.remove(key);
      }
      if (customer != null) {
        customer.open.remove(t.entered(), t.id());
      }
      t.assignee().map(openByAssignee::get).ifPresent(keys -> keys.remove(t.entered(), t.id()));
      t.department().map(openByDepartment::get).ifPresent(keys -> keys.remove(t.entered(), t.id()));
    } else if (customer != null) {
      customer.finished.remove(t.entered(), t.id());
    }
  }

  /** Moves a changed ticket, touching only the entries that differ: most saves change none. */
  void move(Ticket old, Ticket now) {
    if (old.status().isOpen() != now.status().isOpen() || !old.entered().equals(now.entered())
        || !old.customer().equals(now.customer())) {
      remove(old);
      add(now);
      return;
    }
    if (!now.status().isOpen()) {
      return;
    }
    if (old.tier().level() != now.tier().level()) {
      Key key = Key.of(now);
      openByTier.get(old.tier().level()).remove(key);
      openByTier.computeIfAbsent(now.tier().level(), level -> new TreeSet<>()).add(key);
    }
    if (!old.assignee().equals(now.assignee())) {
      old.assignee().map(openByAssignee::get).ifPresent(keys -> keys.remove(old.entered(), old.id()));
      now.assignee().ifPresent(a -> openByAssignee.computeIfAbsent(a, x -> new SortedKeys()).add(now.entered(), now.id()));
    }
    if (!old.department().equals(now.department())) {
      old.department().map(openByDepartment::get).ifPresent(keys -> keys.remove(old.entered(), old.id()));
      now.department().ifPresent(d -> openByDepartment.computeIfAbsent(d, x -> new SortedKeys())
          .add(now.entered(), now.id()));
    }
  }

  /**
   * Walks the narrowest index of open tickets a query can use, after {@code start} (from the
   * beginning if {@code null}); the query's other filters are checked on each ticket.
   */
  Iterator<Key> open(TicketQuery query, Key start) {
    if (query.assignee().isPresent()) {
      return after(openByAssignee.get(query.assignee().get()), start);
    }
    if (query.department().isPresent()) {
      return after(openByDepartment.get(query.department().get()), start);
    }
    if (query.customer().isPresent()) {
      CustomerKeys customer = byCustomer.get(query.customer().get());
      return customer == null ? Collections.emptyIterator() : customer.open.after(start);
    }
    if (query.tier().isPresent()) {
      TreeSet<Key> tier = openByTier.get(query.tier().get().level());
      return tier == null ? Collections.emptyIterator() : after(tier, start);
    }
    List<Iterator<Key>> tiers = new ArrayList<>(openByTier.size());
    for (TreeSet<Key> tier : openByTier.values()) {
      tiers.add(after(tier, start));
    }
    return merged(tiers);
  }

  /** The keys of several sorted walks, in order; the walks are few (one per tier). */
  private static Iterator<Key> merged(List<Iterator<Key>> walks) {
    if (walks.size() == 1) {
      return walks.get(0);
    }
    PriorityQueue<Head> heads = new PriorityQueue<>();
    for (Iterator<Key> walk : walks) {
      if (walk.hasNext()) {
        heads.add(new Head(walk.next(), walk));
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public Key next() {
        Head head = heads.poll();
        if (head == null) {
          throw new NoSuchElementException();
        }
        if (head.rest.hasNext()) {
          heads.add(new Head(head.rest.next(), head.rest));
        }
        return head.key;
      }
    };
  }

  private record Head(Key key, Iterator<Key> rest) implements Comparable<Head> {
    @Override
    public int compareTo(Head o) {
      return key.compareTo(o.key);
    }
  }

  /** Walks the index of finished tickets a query can use, or is empty if the query must scan. */
  Optional<Iterator<Key>> finished(TicketQuery query, Key start) {
    return query.customer().map(id -> {
      CustomerKeys customer = byCustomer.get(id);
      return customer == null ? Collections.emptyIterator() : customer.finished.after(start);
    });
  }

  private static Iterator<Key> after(SortedKeys keys, Key start) {
    return keys == null ? Collections.emptyIterator() : keys.after(start);
  }

  private static Iterator<Key> after(NavigableSet<Key> set, Key start) {
    return start == null ? set.iterator() : set.tailSet(start, false).iterator();
  }
}
