package dev.helpdesk.kb.search;

import java.util.Arrays;

/**
 * A segment's terms: each analysed word once, numbered from 1, its characters in one shared array.
 * Finds a term's number by open addressing (no {@code String} per term, no allocation per lookup)
 * and keeps the numbers in text order for prefix search.
 */
final class TermTable {
  private final char[] chars;
  /** Term {@code t}'s characters are {@code chars[offsets[t] .. offsets[t + 1])}; term 0 is empty. */
  private final int[] offsets;
  private final int count;
  private final int[] slots;
  private final int mask;
  /** Term numbers in text order. */
  private final int[] sorted;

  private TermTable(char[] chars, int[] offsets, int count, int[] slots) {
    this.chars = chars;
    this.offsets = offsets;
    this.count = count;
    this.slots = slots;
    this.mask = slots.length - 1;
    this.sorted = sortByText();
  }

  /** How many terms; they are numbered 1 to this. */
  int count() {
    return count;
  }

  int length(int term) {
    return offsets[term + 1] - offsets[term];
  }

  /** Copies a term's characters into {@code into} and returns its length. */
  int copy(int term, char[] into) {
    int from = offsets[term];
    int len = offsets[term + 1] - from;
    System.arraycopy(chars, from, into, 0, len);
    return len;
  }

  /** The shared array holding every term's characters; read only. */
  char[] pool() {
    return chars;
  }

  /** Where a term's characters start in {@link #pool()}. */
  int offset(int term) {
    return offsets[term];
  }

  char charAt(int term, int index) {
    return chars[offsets[term] + index];
  }

  String text(int term) {
    return new String(chars, offsets[term], length(term));
  }

  /** The term's number, or 0 if the segment has no such term. */
  int find(char[] word, int from, int length) {
    int slot = hash(word, from, length) & mask;
    int t;
    while ((t = slots[slot]) != 0) {
      if (same(t, word, from, length)) {
        return t;
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  int find(String word) {
    return find(word.toCharArray(), 0, word.length());
  }

  private boolean same(int term, char[] word, int from, int length) {
    int start = offsets[term];
    if (offsets[term + 1] - start != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != word[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The first place in text order whose term is not before {@code prefix}. */
  int sortedFrom(char[] prefix, int length) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (comparePrefix(sorted[mid], prefix, length) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first place in text order whose term is after every term starting with {@code prefix}. */
  int sortedTo(char[] prefix, int length) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (comparePrefix(sorted[mid], prefix, length) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The term at a place in text order. */
  int sortedTerm(int place) {
    return sorted[place];
  }

  /** Orders a term against a prefix: 0 if the term starts with it. */
  private int comparePrefix(int term, char[] prefix, int length) {
    int start = offsets[term];
    int len = offsets[term + 1] - start;
    int n = Math.min(len, length);
    for (int i = 0; i < n; i++) {
      int d = chars[start + i] - prefix[i];
      if (d != 0) {
        return d;
      }
    }
    return len >= length ? 0 : -1;
  }

  private int compareTerms(int a, int b) {
    int sa = offsets[a];
    int la = offsets[a + 1] - sa;
    int sb = offsets[b];
    int lb = offsets[b + 1] - sb;
    int n = Math.min(la, lb);
    for (int i = 0; i < n; i++) {
      int d = chars[sa + i] - chars[sb + i];
      if (d != 0) {
        return d;
      }
    }
    return la - lb;
  }

  private int[] sortByText() {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = i + 1;
    }
    int[] work = new int[count];
    mergeSort(ids, work, 0, count);
    return ids;
  }

  private void mergeSort(int[] a, int[] work, int from, int to) {
    if (to - from < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && compareTerms(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, work, from, mid);
    mergeSort(a, work, mid, to);
    if (compareTerms(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, work, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compareTerms(work[i], work[j]) <= 0)) {
        a[k] = work[i++];
      } else {
        a[k] = work[j++];
      }
    }
  }

  /** The hash that places a term; the same for building and for looking up. */
  static int hash(char[] word, int from, int length) {
    int h = length;
    for (int i = 0; i < length; i++) {
      h = 31 * h + word[from + i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Numbers terms as they come; one per segment being built. */
  static final class Builder {
    private char[] chars = new char[1 << 12];
    private int used;
    private int[] offsets = new int[1 << 10];
    private int count;
    private int[] slots = new int[1 << 11];

    /** The term's number, adding it if new. */
    int add(char[] word, int from, int length) {
      int mask = slots.length - 1;
      int slot = hash(word, from, length) & mask;
      int t;
      while ((t = slots[slot]) != 0) {
        if (same(t, word, from, length)) {
          return t;
        }
        slot = (slot + 1) & mask;
      }
      t = ++count;
      if (t + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      if (used + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
      }
      System.arraycopy(word, from, chars, used, length);
      offsets[t] = used;
      used += length;
      offsets[t + 1] = used;
      slots[slot] = t;
      if (count * 2 > slots.length) {
        grow();
      }
      return t;
    }

    int count() {
      return count;
    }

    /** Copies a term's characters into {@code into} and returns its length. */
    int copy(int term, char[] into) {
      int from = offsets[term];
      int len = offsets[term + 1] - from;
      System.arraycopy(chars, from, into, 0, len);
      return len;
    }

    private boolean same(int term, char[] word, int from, int length) {
      int start = offsets[term];
      if (offsets[term + 1] - start != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (chars[start + i] != word[from + i]) {
          return false;
        }
      }
      return true;
    }

    private void grow() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int t = 1; t <= count; t++) {
        int slot = hash(chars, offsets[t], offsets[t + 1] - offsets[t]) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = t;
      }
      slots = bigger;
    }

    TermTable build() {
      int[] table = slots;
      // Keep the table at most half full, so that a missing term stops after a probe or two.
      if (count * 2 > table.length) {
        grow();
        table = slots;
      }
      return new TermTable(Arrays.copyOf(chars, used), Arrays.copyOf(offsets, count + 2), count, table);
    }
  }
}
