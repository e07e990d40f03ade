package dev.helpdesk.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tickets by a long key, ties broken by routing sequence: a binary min-heap with lazy removal. It
 * holds the waiting tickets of one need, the tickets held for one technician, or the router's
 * timers by due time. Each entry carries the ticket's generation when it entered; a ticket that
 * leaves takes a new generation, which makes its entry stale, and stale entries are dropped when
 * they reach the top (or all at once, when they outnumber the live ones). Sifting therefore reads
 * and writes only this queue's own arrays, never the tickets. A ticket is in at most one queue of
 * needs or held tickets ({@link Waiting#generation}) and one of timers ({@link Waiting#timerGeneration}).
 */
final class Queue {
  private final boolean timers;
  private long[] keys = new long[8];
  private long[] sequences = new long[8];
  private int[] generations = new int[8];
  private Waiting[] items = new Waiting[8];
  private int size;
  private int live;

  /** A queue of waiting or held tickets; {@code timers} for the router's timers. */
  Queue(boolean timers) {
    this.timers = timers;
  }

  Queue() {
    this(false);
  }

  /** The number of tickets waiting here. */
  int live() {
    return live;
  }

  boolean isEmpty() {
    return live == 0;
  }

  void add(Waiting w, long key) {
    if (size == items.length) {
      grow();
    }
    int i = size++;
    keys[i] = key;
    sequences[i] = w.sequence;
    generations[i] = nextGeneration(w);
    items[i] = w;
    live++;
    siftUp(i);
  }

  /** Takes a ticket out; its entry goes stale. Call only for a ticket that is here. */
  void remove(Waiting w) {
    nextGeneration(w);
    live--;
    if (live == 0) {
      clear();
    } else if (size > 64 && size > 2 * live) {
      compact();
    } else {
      dropStaleHead();
    }
  }

  /** Removes and returns the first live ticket; call only when there is one. */
  Waiting poll() {
    Waiting head = items[0];
    remove(head);
    return head;
  }

  /** The live tickets, in no particular order. */
  List<Waiting> toList() {
    List<Waiting> out = new ArrayList<>(live);
    for (int i = 0; i < size; i++) {
      if (!stale(i)) {
        out.add(items[i]);
      }
    }
    return out;
  }

  private int nextGeneration(Waiting w) {
    return timers ? ++w.timerGeneration : ++w.generation;
  }

  /** The first live ticket, or {@code null}. */
  Waiting peek() {
    return live == 0 ? null : items[0];
  }

  /** The first live ticket's key; call only when {@link #peek} is not {@code null}. */
  long peekKey() {
    return keys[0];
  }

  /**
   * The first live ticket the technician did not refuse, by key and sequence; a scan of this queue,
   * done only when its first ticket was refused by them.
   */
  Waiting firstNotRefusedBy(Tech tech) {
    int best = -1;
    for (int i = 0; i < size; i++) {
      if (!stale(i) && !items[i].refusedBy.contains(tech) && (best < 0 || less(i, best))) {
        best = i;
      }
    }
    return best < 0 ? null : items[best];
  }

  private boolean stale(int i) {
    return (timers ? items[i].timerGeneration : items[i].generation) != generations[i];
  }

  private void dropStaleHead() {
    while (size > 0 && stale(0)) {
      size--;
      move(size, 0);
      items[size] = null;
      siftDown(0);
    }
  }

  private void compact() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!stale(i)) {
        move(i, kept++);
      }
    }
    Arrays.fill(items, kept, size, null);
    size = kept;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private void clear() {
    Arrays.fill(items, 0, size, null);
    size = 0;
  }

  private void grow() {
    int n = items.length * 2;
    keys = Arrays.copyOf(keys, n);
    sequences = Arrays.copyOf(sequences, n);
    generations = Arrays.copyOf(generations, n);
    items = Arrays.copyOf(items, n);
  }

  private boolean less(int a, int b) {
    return keys[a] < keys[b] || (keys[a] == keys[b] && sequences[a] < sequences[b]);
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

  private void move(int from, int to) {
    keys[to] = keys[from];
    sequences[to] = sequences[from];
    generations[to] = generations[from];
    items[to] = items[from];
  }

  private void swap(int a, int b) {
    long k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    long s = sequences[a];
    sequences[a] = sequences[b];
    sequences[b] = s;
    int g = generations[a];
    generations[a] = generations[b];
    generations[b] = g;
    Waiting w = items[a];
    items[a] = items[b];
    items[b] = w;
  }
}
