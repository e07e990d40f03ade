package dev.helpdesk.routing;

import java.util.Arrays;

/**
 * A binary min-heap of waiting tickets by a long key, ties broken by routing sequence, that knows
 * each ticket's position so any ticket leaves in logarithmic time. Keys sit in a primitive array
 * beside the tickets, so sifting compares without following references. A ticket is in at most one
 * queue heap and one timer heap at a time: {@code timers} says which position field this heap uses.
 */
final class Heap {
  private final boolean timers;
  private long[] keys = new long[8];
  private Waiting[] items = new Waiting[8];
  private int size;

  Heap(boolean timers) {
    this.timers = timers;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Waiting peek() {
    return size == 0 ? null : items[0];
  }

  long peekKey() {
    return keys[0];
  }

  void add(Waiting w, long key) {
    if (size == items.length) {
      keys = Arrays.copyOf(keys, size * 2);
      items = Arrays.copyOf(items, size * 2);
    }
    int i = size++;
    keys[i] = key;
    items[i] = w;
    setPosition(w, i);
    siftUp(i);
  }

  /** Removes a ticket if it is here; returns whether it was. */
  boolean remove(Waiting w) {
    int i = position(w);
    if (i < 0 || i >= size || items[i] != w) {
      return false;
    }
    setPosition(w, -1);
    int last = --size;
    if (i != last) {
      Waiting moved = items[last];
      keys[i] = keys[last];
      items[i] = moved;
      setPosition(moved, i);
      items[last] = null;
      siftDown(i);
      if (position(moved) == i) {
        siftUp(i);
      }
    } else {
      items[last] = null;
    }
    return true;
  }

  /** The tickets in no particular order. */
  java.util.List<Waiting> toList() {
    return java.util.List.of(Arrays.copyOf(items, size));
  }

  Waiting poll() {
    Waiting head = items[0];
    remove(head);
    return head;
  }

  private boolean less(int a, int b) {
    return keys[a] < keys[b] || (keys[a] == keys[b] && items[a].sequence < items[b].sequence);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left + 1 < size && less(left + 1, left) ? left + 1 : left;
      if (!less(child, i)) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int a, int b) {
    long k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    Waiting w = items[a];
    items[a] = items[b];
    items[b] = w;
    setPosition(items[a], a);
    setPosition(items[b], b);
  }

  private int position(Waiting w) {
    return timers ? w.timerPosition : w.queuePosition;
  }

  private void setPosition(Waiting w, int i) {
    if (timers) {
      w.timerPosition = i;
    } else {
      w.queuePosition = i;
    }
  }
}
