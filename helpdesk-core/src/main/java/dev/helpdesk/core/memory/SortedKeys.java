package dev.helpdesk.core.memory;

import dev.helpdesk.core.memory.TicketIndex.Key;
import dev.helpdesk.model.TicketId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A small index of tickets sorted oldest entered first, then by id, kept as two parallel arrays: no
 * object per entry, so an index that holds every finished ticket of a customer costs two array
 * slots per ticket. New tickets are usually the newest, so adding is an append; removing shifts
 * the entries after it. Meant for the per-customer, per-assignee and per-department indexes, which
 * stay small; not thread-safe.
 */
final class SortedKeys {
  private Instant[] entered = new Instant[2];
  private TicketId[] ids = new TicketId[2];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(Instant at, TicketId id) {
    int i = size == 0 || compare(size - 1, at, id) < 0 ? size : -search(at, id) - 1;
    if (i < 0) {
      return; // already present
    }
    if (size == ids.length) {
      entered = Arrays.copyOf(entered, size * 2);
      ids = Arrays.copyOf(ids, size * 2);
    }
    System.arraycopy(entered, i, entered, i + 1, size - i);
    System.arraycopy(ids, i, ids, i + 1, size - i);
    entered[i] = at;
    ids[i] = id;
    size++;
  }

  boolean remove(Instant at, TicketId id) {
    int i = search(at, id);
    if (i < 0) {
      return false;
    }
    size--;
    System.arraycopy(entered, i + 1, entered, i, size - i);
    System.arraycopy(ids, i + 1, ids, i, size - i);
    entered[size] = null;
    ids[size] = null;
    return true;
  }

  /** The entries after {@code start} (all of them if it is {@code null}), in order. */
  Iterator<Key> after(Key start) {
    int from = start == null ? 0 : upperBound(start.entered(), start.id());
    return new Iterator<>() {
      private int next = from;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Key next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        Key key = new Key(entered[next], ids[next]);
        next++;
        return key;
      }
    };
  }

  private int compare(int i, Instant at, TicketId id) {
    int c = entered[i].compareTo(at);
    return c != 0 ? c : ids[i].compareTo(id);
  }

  /** The index of the entry, or {@code -(insertion point) - 1}. */
  private int search(Instant at, TicketId id) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compare(mid, at, id);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -low - 1;
  }

  private int upperBound(Instant at, TicketId id) {
    int i = search(at, id);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
