package dev.helpdesk.kb.search;

/**
 * Finds the terms of a segment within one or two edits of a query term (an edit: a letter
 * inserted, dropped, replaced, or two neighbours swapped) without comparing against every term.
 *
 * <p>A deletion neighbourhood (the SymSpell idea): two words within {@code k} edits share a string
 * obtained by deleting at most {@code k} letters from each. Each term is filed under every string
 * obtained by deleting up to two of its first seven letters (one for terms under six letters); a
 * query term looks up the same deletions of its own first seven letters, and each term found is
 * checked with the true distance. Filing only the first seven letters keeps the neighbourhood small
 * (at most 29 strings per term) and is still complete: the first seven letters of two words within
 * {@code k} edits are themselves within reach of {@code k} deletions on each side.
 *
 * <p>The strings themselves are not kept: each is reduced to a 64-bit hash, whose low bits choose
 * a bucket (of about four entries) and whose top 16 bits are kept beside the term to turn away
 * almost every term that only shares the bucket. About 9 bytes an entry.
 */
final class TypoIndex {
  static final int PREFIX = 7;
  /** Terms shorter than this are neither filed nor corrected. */
  static final int MIN_LENGTH = 3;

  private final int[] bucketStarts;
  private final int[] termsByBucket;
  /**
   * Beside each entry, read in the same pass as the bucket, three tests that turn away most
   * candidates before the term itself is read: 12 bits of the deletion's hash (the fingerprint), the
   * term's length (6 bits) and its letters folded to 14 bits, of which {@code k} edits change at most
   * {@code 2k}.
   */
  private final int[] checks;
  private final int mask;
  /**
   * The latest lookups, one per slot chosen by the word's hash: queries repeat their words, and a
   * lookup reads some thirty buckets scattered through memory. Slots are written and read without a
   * lock; an entry is immutable (final fields), so a reader sees it whole or sees another.
   */
  private final Lookup[] recent = new Lookup[RECENT];
  private static final int RECENT = 2048;

  /** One lookup's answer. */
  private static final class Lookup {
    final char[] word;
    final int[] terms;
    final byte[] distances;

    Lookup(char[] word, int[] terms, byte[] distances) {
      this.word = word;
      this.terms = terms;
      this.distances = distances;
    }

    boolean isFor(char[] w, int len) {
      if (word.length != len) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (word[i] != w[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private TypoIndex(int[] bucketStarts, int[] termsByBucket, int[] checks) {
    this.bucketStarts = bucketStarts;
    this.termsByBucket = termsByBucket;
    this.checks = checks;
    this.mask = bucketStarts.length - 2; // bucketStarts has one more entry than there are buckets
  }

  /** The most edits a term of this many letters forgives: 1 for 4 to 7 letters, 2 for 8 and more. */
  static int editsAllowed(int length) {
    return length >= 8 ? 2 : length >= 4 ? 1 : 0;
  }

  /** How deep a term is filed: deep enough for the longest query term that may reach it. */
  private static int deletionsFiled(int length) {
    return length >= 6 ? 2 : 1;
  }

  static boolean correctable(TermTable terms, int term) {
    int len = terms.length(term);
    if (len < MIN_LENGTH) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = terms.charAt(term, i);
      if (c >= '0' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  /** Files every term of the table. */
  static TypoIndex build(TermTable terms) {
    int count = terms.count();
    char[] word = new char[Tokenizer.MAX_WORD];
    long[] own = new long[1 + PREFIX + PREFIX * (PREFIX - 1) / 2];
    // First pass: how many distinct deletions each term files, to size the arrays.
    int entries = 0;
    for (int t = 1; t <= count; t++) {
      if (correctable(terms, t)) {
        int len = terms.copy(t, word);
        entries += distinctDeletions(word, Math.min(len, PREFIX), deletionsFiled(len), own);
      }
    }
    // About four entries a bucket: a probe reads a few neighbouring entries, and the bucket table
    // costs a byte an entry instead of eight.
    int buckets = Integer.highestOneBit(Math.max(16, entries / 4) - 1) << 1;
    int mask = buckets - 1;
    int[] starts = new int[buckets + 1];
    long[] hashes = new long[entries];
    int[] owners = new int[entries];
    int e = 0;
    for (int t = 1; t <= count; t++) {
      if (correctable(terms, t)) {
        int len = terms.copy(t, word);
        int n = distinctDeletions(word, Math.min(len, PREFIX), deletionsFiled(len), own);
        for (int i = 0; i < n; i++) {
          hashes[e] = own[i];
          owners[e] = t;
          starts[((int) own[i] & mask) + 1]++;
          e++;
        }
      }
    }
    for (int b = 0; b < buckets; b++) {
      starts[b + 1] += starts[b];
    }
    int[] fill = new int[buckets];
    System.arraycopy(starts, 0, fill, 0, buckets);
    int[] letters = new int[count + 1];
    for (int t = 1; t <= count; t++) {
      int len = terms.copy(t, word);
      letters[t] = letters(word, len);
    }
    int[] byBucket = new int[entries];
    int[] checks = new int[entries];
    for (int i = 0; i < entries; i++) {
      int b = (int) hashes[i] & mask;
      int at = fill[b]++;
      byBucket[at] = owners[i];
      checks[at] = check(hashes[i], terms.length(owners[i]), letters[owners[i]]);
    }
    return new TypoIndex(starts, byBucket, checks);
  }

  private static final int LETTER_BITS = 14;
  private static final int LETTER_MASK = (1 << LETTER_BITS) - 1;
  private static final int LENGTH_SHIFT = LETTER_BITS;
  private static final int PRINT_SHIFT = 20;

  /** A bit per letter, letters sharing a bit 14 apart: an edit changes at most two bits. */
  static int letters(char[] word, int len) {
    int bits = 0;
    for (int i = 0; i < len; i++) {
      bits |= 1 << (word[i] % LETTER_BITS);
    }
    return bits;
  }

  private static int check(long hash, int length, int letters) {
    return (int) (hash >>> 52) << PRINT_SHIFT | Math.min(length, 63) << LENGTH_SHIFT | letters;
  }

  /** Writes the distinct hashes of the deletions of up to {@code depth} letters of {@code word[0..len)}; returns how many. */
  private static int distinctDeletions(char[] word, int len, int depth, long[] out) {
    int n = 0;
    out[n++] = hash(word, len, -1, -1);
    for (int i = 0; i < len; i++) {
      n = addDistinct(out, n, hash(word, len, i, -1));
      if (depth >= 2) {
        for (int j = i + 1; j < len; j++) {
          n = addDistinct(out, n, hash(word, len, i, j));
        }
      }
    }
    return n;
  }

  private static int addDistinct(long[] out, int n, long h) {
    for (int i = 0; i < n; i++) {
      if (out[i] == h) {
        return n;
      }
    }
    out[n] = h;
    return n + 1;
  }

  /** FNV-1a over the word without the letters at {@code skipA} and {@code skipB}, then mixed. */
  private static long hash(char[] word, int len, int skipA, int skipB) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < len; i++) {
      if (i != skipA && i != skipB) {
        h ^= word[i];
        h *= 0x100000001b3L;
      }
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * Collects the terms within the edits {@link #editsAllowed allowed} for {@code word} (other than
   * the word itself) into {@code found}, with their distance.
   */
  void near(char[] word, int len, TermTable terms, Scratch scratch, TypoMatches found) {
    int maxEdits = editsAllowed(len);
    if (maxEdits == 0) {
      return;
    }
    int slot = TermTable.hash(word, 0, len) & (RECENT - 1);
    Lookup known = recent[slot];
    if (known != null && known.isFor(word, len)) {
      for (int i = 0; i < known.terms.length; i++) {
        found.add(known.terms[i], known.distances[i]);
      }
      return;
    }
    int before = found.size;
    search(word, len, maxEdits, terms, scratch, found);
    int n = found.size - before;
    int[] t = new int[n];
    byte[] d = new byte[n];
    for (int i = 0; i < n; i++) {
      t[i] = found.terms[before + i];
      d[i] = (byte) found.distances[before + i];
    }
    recent[slot] = new Lookup(java.util.Arrays.copyOf(word, len), t, d);
  }

  /** Looks the word up in the buckets of its deletions. */
  private void search(char[] word, int len, int maxEdits, TermTable terms, Scratch scratch, TypoMatches found) {
    int prefix = Math.min(len, PREFIX);
    long[] own = scratch.deletionHashes;
    int n = distinctDeletions(word, prefix, maxEdits, own);
    scratch.seen.clear();
    int ownLetters = letters(word, len);
    int letterChanges = 2 * maxEdits;
    char[] pool = terms.pool();
    EditDistance distance = scratch.distance;
    distance.prepare(word, len);
    // The buckets' bounds first, all at once: independent loads the processor overlaps, where
    // reading each bucket as its bounds arrive would wait for memory once per deletion.
    int[] from = scratch.probeFrom;
    int[] to = scratch.probeTo;
    for (int i = 0; i < n; i++) {
      int b = (int) own[i] & mask;
      from[i] = bucketStarts[b];
      to[i] = bucketStarts[b + 1];
    }
    for (int i = 0; i < n; i++) {
      int print = (int) (own[i] >>> 52);
      for (int at = from[i], end = to[i]; at < end; at++) {
        int check = checks[at];
        if (check >>> PRINT_SHIFT != print
            || Math.abs((check >>> LENGTH_SHIFT & 63) - len) > maxEdits
            || Integer.bitCount((check ^ ownLetters) & LETTER_MASK) > letterChanges) {
          continue;
        }
        int t = termsByBucket[at];
        if (!scratch.seen.add(t)) {
          continue;
        }
        int d = distance.to(pool, terms.offset(t), terms.length(t));
        if (d > 0 && d <= maxEdits) {
          found.add(t, d);
        }
      }
    }
  }

  /** Terms found near a query term, with their distances; reused across lookups. */
  static final class TypoMatches {
    int[] terms = new int[64];
    int[] distances = new int[64];
    int size;

    void clear() {
      size = 0;
    }

    void add(int term, int distance) {
      if (size == terms.length) {
        terms = java.util.Arrays.copyOf(terms, size * 2);
        distances = java.util.Arrays.copyOf(distances, size * 2);
      }
      terms[size] = term;
      distances[size] = distance;
      size++;
    }
  }
}
