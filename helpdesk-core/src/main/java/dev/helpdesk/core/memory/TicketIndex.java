package dev.helpdesk.core.memory;

import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The sorted indexes behind {@link InMemoryTicketStore}'s queries, each ordered oldest first. Open
 * tickets are indexed as a whole and by tier, customer, assignee and department; finished ones only
 * by customer, so closing a ticket stays cheap however many closed tickets there are. Not
 * thread-safe: the store guards it with its read-write lock.
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

  private final TreeSet<Key> open = new TreeSet<>();
  private final Map<Integer, TreeSet<Key>> openByTier = new HashMap<>();
  private final Map<CustomerId, TreeSet<Key>> openByCustomer = new HashMap<>();
  private final Map<TechnicianId, TreeSet<Key>> openByAssignee = new HashMap<>();
  private final Map<DepartmentId, TreeSet<Key>> openByDepartment = new HashMap<>();
  private final Map<CustomerId, TreeSet<Key>> finishedByCustomer = new HashMap<>();

  void add(Ticket t) {
    Key key = Key.of(t);
    if (t.status().isOpen()) {
      open.add(key);
      put(openByTier, t.tier().level(), key);
      put(openByCustomer, t.customer(), key);
      t.assignee().ifPresent(a -> put(openByAssignee, a, key));
      t.department().ifPresent(d -> put(openByDepartment, d, key));
    } else {
      put(finishedByCustomer, t.customer(), key);
    }
  }

  void remove(Ticket t) {
    Key key = Key.of(t);
    if (t.status().isOpen()) {
      open.remove(key);
      drop(openByTier, t.tier().level(), key);
      drop(openByCustomer, t.customer(), key);
      t.assignee().ifPresent(a -> drop(openByAssignee, a, key));
      t.department().ifPresent(d -> drop(openByDepartment, d, key));
    } else {
      drop(finishedByCustomer, t.customer(), key);
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
    Key key = Key.of(now);
    if (old.tier().level() != now.tier().level()) {
      drop(openByTier, old.tier().level(), key);
      put(openByTier, now.tier().level(), key);
    }
    change(openByAssignee, old.assignee(), now.assignee(), key);
    change(openByDepartment, old.department(), now.department(), key);
  }

  /**
   * Returns the narrowest index of open tickets a query can walk; the query's other filters are
   * checked on each ticket.
   */
  NavigableSet<Key> open(TicketQuery query) {
    if (query.assignee().isPresent()) {
      return orEmpty(openByAssignee.get(query.assignee().get()));
    }
    if (query.department().isPresent()) {
      return orEmpty(openByDepartment.get(query.department().get()));
    }
    if (query.customer().isPresent()) {
      return orEmpty(openByCustomer.get(query.customer().get()));
    }
    if (query.tier().isPresent()) {
      return orEmpty(openByTier.get(query.tier().get().level()));
    }
    return open;
  }

  /** Returns the index of finished tickets a query can walk, or empty if it must scan. */
  Optional<NavigableSet<Key>> finished(TicketQuery query) {
    return query.customer().map(customer -> orEmpty(finishedByCustomer.get(customer)));
  }

  private static final NavigableSet<Key> NONE = java.util.Collections.emptyNavigableSet();

  private static NavigableSet<Key> orEmpty(NavigableSet<Key> set) {
    return set == null ? NONE : set;
  }

  private static <K> void put(Map<K, TreeSet<Key>> index, K value, Key key) {
    index.computeIfAbsent(value, v -> new TreeSet<>()).add(key);
  }

  /** Removes a key, and the set too once it is empty, so indexes do not fill up with empty sets. */
  private static <K> void drop(Map<K, TreeSet<Key>> index, K value, Key key) {
    TreeSet<Key> set = index.get(value);
    if (set != null && set.remove(key) && set.isEmpty()) {
      index.remove(value);
    }
  }

  private static <K> void change(Map<K, TreeSet<Key>> index, Optional<K> old, Optional<K> now, Key key) {
    if (!Objects.equals(old, now)) {
      old.ifPresent(value -> drop(index, value, key));
      now.ifPresent(value -> put(index, value, key));
    }
  }
}
