package dev.helpdesk.kb.search;

import java.util.Arrays;

/** A small set of positive ints for one query at a time: open addressing, cleared by undoing only what was added. */
final class IntSet {
  private int[] slots = new int[256];
  private int[] added = new int[128];
  private int size;

  /** Adds a positive value; false if it was there already. */
  boolean add(int value) {
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int slot = (value * 0x9E3779B9 >>> 16) & mask;
    int v;
    while ((v = slots[slot]) != 0) {
      if (v == value) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = value;
    if (size == added.length) {
      added = Arrays.copyOf(added, size * 2);
    }
    added[size++] = value;
    return true;
  }

  boolean contains(int value) {
    int mask = slots.length - 1;
    int slot = (value * 0x9E3779B9 >>> 16) & mask;
    int v;
    while ((v = slots[slot]) != 0) {
      if (v == value) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  void clear() {
    if (size > slots.length / 8) {
      Arrays.fill(slots, 0);
    } else {
      int mask = slots.length - 1;
      for (int i = 0; i < size; i++) {
        int slot = (added[i] * 0x9E3779B9 >>> 16) & mask;
        while (slots[slot] != 0) {
          // Clearing a run from its start also clears the values probed past this one; all are re-cleared or absent.
          slots[slot] = 0;
          slot = (slot + 1) & mask;
        }
      }
    }
    size = 0;
  }

  private void grow() {
    int[] old = added;
    int n = size;
    slots = new int[slots.length * 2];
    size = 0;
    int[] values = Arrays.copyOf(old, n);
    for (int v : values) {
      add(v);
    }
  }
}
