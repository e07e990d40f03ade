package dev.helpdesk.core.memory;

import dev.helpdesk.model.TicketEvent;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A ticket's history as an immutable list that appends in amortised constant time: versions share
 * one backing array and each sees only its own length. Appending is done under the store's write
 * lock and only ever writes slots beyond every published version's length, so readers of older
 * versions are never disturbed.
 */
final class History extends AbstractList<TicketEvent> implements RandomAccess {
  static final History EMPTY = new History(new TicketEvent[0], 0);

  private final TicketEvent[] events;
  private final int size;

  private History(TicketEvent[] events, int size) {
    this.events = events;
    this.size = size;
  }

  /** Returns this history with the events appended; call only with the store's write lock held. */
  History append(List<TicketEvent> more) {
    if (more.isEmpty()) {
      return this;
    }
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
    return new History(target, needed);
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
