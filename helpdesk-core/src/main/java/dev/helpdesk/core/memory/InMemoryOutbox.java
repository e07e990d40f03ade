package dev.helpdesk.core.memory;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The outbox of an {@link InMemoryTicketStore}; every method holds the outbox's monitor. */
final class InMemoryOutbox implements NotificationOutbox {
  /** Orders pending entries by due instant; the sequence keeps entries due at once in insertion order. */
  private record Due(Instant at, long sequence, NotificationId id) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final Map<NotificationId, OutboxEntry> entries = new HashMap<>();
  private final Map<NotificationId, Due> dueKeys = new HashMap<>();
  private final TreeSet<Due> due = new TreeSet<>();
  private final Map<DeliveryState, LinkedHashSet<NotificationId>> byState = new EnumMap<>(DeliveryState.class);
  private long sequence;

  InMemoryOutbox() {
    for (DeliveryState state : DeliveryState.values()) {
      byState.put(state, new LinkedHashSet<>());
    }
  }

  /** Rejects notifications whose ids are taken, before the caller writes anything. */
  synchronized void checkNew(List<Notification> notifications) {
    List<Violation> violations = null;
    for (int i = 0; i < notifications.size(); i++) {
      NotificationId id = notifications.get(i).id();
      boolean repeated = notifications.subList(0, i).stream().anyMatch(n -> n.id().equals(id));
      if (entries.containsKey(id) || repeated) {
        if (violations == null) {
          violations = new ArrayList<>();
        }
        violations.add(new Violation("notifications[" + i + "].id", "is already in the outbox: " + id));
      }
    }
    if (violations != null) {
      throw new ValidationException("TicketUpdate", violations);
    }
  }

  synchronized void add(List<Notification> notifications) {
    for (Notification notification : notifications) {
      put(OutboxEntry.pending(notification));
    }
  }

  private void put(OutboxEntry entry) {
    NotificationId id = entry.notification().id();
    OutboxEntry old = entries.put(id, entry);
    if (old != null && old.state() != entry.state()) {
      byState.get(old.state()).remove(id);
    }
    byState.get(entry.state()).add(id);
    Due oldDue = dueKeys.remove(id);
    if (oldDue != null) {
      due.remove(oldDue);
    }
    if (entry.state() == DeliveryState.PENDING) {
      Due key = new Due(entry.nextAttemptAt(), sequence++, id);
      dueKeys.put(id, key);
      due.add(key);
    }
  }

  @Override
  public synchronized List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
    if (limit < 1 || lease.isNegative()) {
      throw new ValidationException("claimDue", List.of(new Violation(limit < 1 ? "limit" : "lease",
          limit < 1 ? "must be at least 1, was " + limit : "must not be negative, was " + lease)));
    }
    List<OutboxEntry> claimed = new ArrayList<>(Math.min(limit, 64));
    Iterator<Due> it = due.iterator();
    while (it.hasNext() && claimed.size() < limit) {
      Due next = it.next();
      if (next.at().isAfter(now)) {
        break;
      }
      claimed.add(entries.get(next.id()));
    }
    Instant leaseEnd = now.plus(lease);
    List<OutboxEntry> leased = new ArrayList<>(claimed.size());
    for (OutboxEntry entry : claimed) {
      OutboxEntry renewed = new OutboxEntry(entry.notification(), entry.state(), entry.attempts(), leaseEnd,
          entry.lastError());
      put(renewed);
      leased.add(renewed);
    }
    return leased;
  }

  @Override
  public synchronized void markDelivered(NotificationId id, Instant at) {
    OutboxEntry entry = require(id);
    put(new OutboxEntry(entry.notification(), DeliveryState.DELIVERED, entry.attempts(), at, entry.lastError()));
  }

  @Override
  public synchronized void markRetry(NotificationId id, String error, Instant nextAttemptAt) {
    OutboxEntry entry = require(id);
    put(new OutboxEntry(entry.notification(), DeliveryState.PENDING, entry.attempts() + 1, nextAttemptAt,
        String.valueOf(error)));
  }

  @Override
  public synchronized void markFailed(NotificationId id, String error, Instant at) {
    OutboxEntry entry = require(id);
    put(new OutboxEntry(entry.notification(), DeliveryState.FAILED, entry.attempts() + 1, at,
        String.valueOf(error)));
  }

  private OutboxEntry require(NotificationId id) {
    OutboxEntry entry = entries.get(id);
    if (entry == null) {
      throw new NotFoundException("notification", id);
    }
    return entry;
  }

  @Override
  public synchronized Optional<OutboxEntry> find(NotificationId id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public synchronized List<OutboxEntry> list(DeliveryState state, int limit) {
    List<OutboxEntry> out = new ArrayList<>(Math.min(Math.max(limit, 0), 64));
    for (NotificationId id : byState.get(state)) {
      if (out.size() >= limit) {
        break;
      }
      out.add(entries.get(id));
    }
    return out;
  }
}
