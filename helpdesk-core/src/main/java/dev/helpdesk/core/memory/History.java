package dev.helpdesk.core.memory;

import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A stored ticket with its history: the one object a save replaces, so a reader never sees a ticket
 * without the events that produced it. Versions of one ticket share a backing array of events and
 * each sees only its own length: appending is done under the store's write lock and only ever
 * writes slots beyond every published version's length, so readers of older versions are never
 * disturbed, and appending costs amortised constant time.
 */
final class History {
  private static final TicketEvent[] NONE = new TicketEvent[0];

  final Ticket ticket;
  private final TicketEvent[] events;
  private final int size;

  private History(Ticket ticket, TicketEvent[] events, int size) {
    this.ticket = ticket;
    this.events = events;
    this.size = size;
  }

  /** The first version of a ticket, with the events that opened it. */
  static History of(Ticket ticket, List<TicketEvent> events) {
    return new History(ticket, NONE, 0).next(ticket, events);
  }

  /** The next version; call only with the store's write lock held, on the newest version. */
  History next(Ticket changed, List<TicketEvent> more) {
    int needed = size + more.size();
    TicketEvent[] target = events;
    // Safe to share only because the store always appends to the newest version, so the slots
    // written here lie beyond every published version's length.
    if (needed > target.length) {
      target = Arrays.copyOf(events, Math.max(needed, Math.max(4, events.length * 2)));
    }
    for (int i = 0; i < more.size(); i++) {
      target[size + i] = more.get(i);
    }
    return new History(changed, target, needed);
  }

  /** The events of this version, as an immutable list that reads the shared array. */
  List<TicketEvent> events() {
    return new Events(events, size);
  }

  private static final class Events extends AbstractList<TicketEvent> implements RandomAccess {
    private final TicketEvent[] events;
    private final int size;

    Events(TicketEvent[] events, int size) {
      this.events = events;
      this.size = size;
    }

    @Override
    public TicketEvent get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
      }
      return events[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
