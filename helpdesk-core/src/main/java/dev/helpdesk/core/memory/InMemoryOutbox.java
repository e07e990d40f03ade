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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The outbox of an {@link InMemoryTicketStore}; every method holds the outbox's monitor.
 *
 * <p>Each pending or failed notification has one slot, found by id, that sits in the chain of its
 * state (in the order it reached that state) and, while pending, in the due-time order (see {@link
 * Due}). Moving a notification between states touches only its own slot and its neighbours.
 *
 * <p>A delivered notification leaves the slots for a ring of the latest delivered entries, so a
 * long-running desk's memory does not fill with notifications already sent, and recording a
 * delivery never touches the long-cold entry it pushes out. Looking up a delivered entry by id
 * scans the ring: that serves inspection, not the delivery path.
 */
final class InMemoryOutbox implements NotificationOutbox {
  /**
   * A pending entry's place in the due order, by due instant; the sequence keeps entries due at once
   * in insertion order. A lease does not move it: a leased entry keeps its place and is skipped
   * until its lease ends, which spares the ordered set two updates per delivery.
   */
  private record Due(Instant at, long sequence, Slot slot) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private static final class Slot {
    OutboxEntry entry;
    Due due;
    Slot previous;
    Slot next;

    Slot(OutboxEntry entry) {
      this.entry = entry;
    }
  }

  /** The slots of one state, oldest arrival first. */
  private static final class Chain {
    Slot first;
    Slot last;
    int size;

    void append(Slot slot) {
      size++;
      slot.previous = last;
      slot.next = null;
      if (last == null) {
        first = slot;
      } else {
        last.next = slot;
      }
      last = slot;
    }

    void unlink(Slot slot) {
      size--;
      if (slot.previous == null) {
        first = slot.next;
      } else {
        slot.previous.next = slot.next;
      }
      if (slot.next == null) {
        last = slot.previous;
      } else {
        slot.next.previous = slot.previous;
      }
      slot.previous = null;
      slot.next = null;
    }
  }

  private final Map<NotificationId, Slot> slots = new HashMap<>(1 << 12);
  private final Chain pending = new Chain();
  private final Chain failed = new Chain();
  private final TreeSet<Due> due = new TreeSet<>();
  /** The latest delivered entries, oldest at {@link #deliveredNext} once the ring is full. */
  private final OutboxEntry[] delivered;
  private int deliveredNext;
  private int deliveredCount;
  private long sequence;

  InMemoryOutbox(int deliveredToKeep) {
    this.delivered = new OutboxEntry[deliveredToKeep];
  }

  private Chain chain(DeliveryState state) {
    return state == DeliveryState.PENDING ? pending : failed;
  }

  /**
   * Queues new notifications, all or none: a notification whose id is taken (in the outbox or
   * earlier in the list) undoes this call's insertions and is reported.
   */
  synchronized void add(List<Notification> notifications) {
    for (int i = 0; i < notifications.size(); i++) {
      Notification notification = notifications.get(i);
      Slot slot = new Slot(OutboxEntry.pending(notification));
      if (slots.putIfAbsent(notification.id(), slot) != null) {
        for (int j = 0; j < i; j++) {
          Slot added = slots.remove(notifications.get(j).id());
          pending.unlink(added);
          due.remove(added.due);
        }
        throw new ValidationException("TicketUpdate", List.of(new Violation("notifications[" + i + "].id",
            "is already in the outbox: " + notification.id())));
      }
      pending.append(slot);
      schedule(slot);
    }
  }

  private void schedule(Slot slot) {
    slot.due = new Due(slot.entry.nextAttemptAt(), sequence++, slot);
    due.add(slot.due);
  }

  /** Gives a pending entry to a claimer until the lease ends; its place in the due order stays. */
  private OutboxEntry lease(Slot slot, Instant until) {
    OutboxEntry entry = slot.entry;
    slot.entry = new OutboxEntry(entry.notification(), entry.state(), entry.attempts(), until, entry.lastError());
    return slot.entry;
  }

  private static boolean isClaimable(Slot slot, Instant now) {
    return slot.entry.state() == DeliveryState.PENDING && !slot.entry.nextAttemptAt().isAfter(now);
  }

  /**
   * Replaces a pending or failed slot's entry, moving it between chains and the due order as its
   * state requires; a delivered entry leaves the slots for the ring.
   */
  private void update(Slot slot, OutboxEntry entry) {
    if (slot.due != null) {
      due.remove(slot.due);
      slot.due = null;
    }
    chain(slot.entry.state()).unlink(slot);
    if (entry.state() == DeliveryState.DELIVERED) {
      slots.remove(entry.notification().id());
      keepDelivered(entry);
      return;
    }
    chain(entry.state()).append(slot);
    slot.entry = entry;
    if (entry.state() == DeliveryState.PENDING) {
      schedule(slot);
    }
  }

  private void keepDelivered(OutboxEntry entry) {
    if (delivered.length == 0) {
      return;
    }
    delivered[deliveredNext] = entry;
    deliveredNext = (deliveredNext + 1) % delivered.length;
    deliveredCount = Math.min(deliveredCount + 1, delivered.length);
  }

  /** The delivered entry with this id, if the ring still holds it. */
  private OutboxEntry findDelivered(NotificationId id) {
    for (OutboxEntry entry : delivered) {
      if (entry != null && entry.notification().id().equals(id)) {
        return entry;
      }
    }
    return null;
  }

  @Override
  public synchronized List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
    if (limit < 1 || lease.isNegative()) {
      throw new ValidationException("claimDue", List.of(new Violation(limit < 1 ? "limit" : "lease",
          limit < 1 ? "must be at least 1, was " + limit : "must not be negative, was " + lease)));
    }
    Instant leaseEnd = now.plus(lease);
    List<OutboxEntry> leased = new ArrayList<>(Math.min(limit, 64));
    Iterator<Due> it = due.iterator();
    while (it.hasNext() && leased.size() < limit) {
      Due next = it.next();
      if (next.at().isAfter(now)) {
        break;
      }
      if (isClaimable(next.slot(), now)) {
        leased.add(lease(next.slot(), leaseEnd));
      }
    }
    return leased;
  }

  @Override
  public synchronized Optional<OutboxEntry> claim(NotificationId id, Instant now, Duration lease) {
    Slot slot = slots.get(id);
    if (slot == null || !isClaimable(slot, now)) {
      return Optional.empty();
    }
    return Optional.of(lease(slot, now.plus(lease)));
  }

  @Override
  public synchronized void markDelivered(NotificationId id, Instant at) {
    mark(id, DeliveryState.DELIVERED, 0, at, null);
  }

  @Override
  public synchronized void markRetry(NotificationId id, String error, Instant nextAttemptAt) {
    mark(id, DeliveryState.PENDING, 1, nextAttemptAt, String.valueOf(error));
  }

  @Override
  public synchronized void markFailed(NotificationId id, String error, Instant at) {
    mark(id, DeliveryState.FAILED, 1, at, String.valueOf(error));
  }

  /**
   * Moves an undelivered entry to a state, counting {@code failures} more attempts; {@code error}
   * {@code null} keeps the last one. A delivered entry stays as it is: delivered is final.
   */
  private void mark(NotificationId id, DeliveryState state, int failures, Instant at, String error) {
    Slot slot = undelivered(id);
    if (slot != null) {
      OutboxEntry entry = slot.entry;
      update(slot, new OutboxEntry(entry.notification(), state, entry.attempts() + failures, at,
          error == null ? entry.lastError() : error));
    }
  }

  /** The slot of a pending or failed entry; {@code null} for a delivered one, which is final. */
  private Slot undelivered(NotificationId id) {
    Slot slot = slots.get(id);
    if (slot == null && findDelivered(id) == null) {
      throw new NotFoundException("notification", id);
    }
    return slot;
  }

  @Override
  public synchronized Optional<OutboxEntry> find(NotificationId id) {
    Slot slot = slots.get(id);
    return slot != null ? Optional.of(slot.entry) : Optional.ofNullable(findDelivered(id));
  }

  @Override
  public synchronized List<OutboxEntry> list(DeliveryState state, int limit) {
    List<OutboxEntry> out = new ArrayList<>(Math.min(Math.max(limit, 0), 64));
    if (state == DeliveryState.DELIVERED) {
      int oldest = deliveredCount < delivered.length ? 0 : deliveredNext;
      for (int i = 0; i < deliveredCount && out.size() < limit; i++) {
        out.add(delivered[(oldest + i) % delivered.length]);
      }
      return out;
    }
    for (Slot slot = chain(state).first; slot != null && out.size() < limit; slot = slot.next) {
      out.add(slot.entry);
    }
    return out;
  }
}
