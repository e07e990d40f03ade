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
 * almost every term that only shares the bucket. About 7 bytes an entry.
 */
final class TypoIndex {
  static final int PREFIX = 7;
  /** Terms shorter than this are neither filed nor corrected. */
  static final int MIN_LENGTH = 3;

  private final int[] bucketStarts;
  private final int[] termsByBucket;
  private final char[] fingerprints;
  /** Per term, a bit per letter it has: {@code k} edits change at most {@code 2k} of them, a test that turns away most candidates before the distance is computed. */
  private final int[] letters;
  private final int mask;

  private TypoIndex(int[] bucketStarts, int[] termsByBucket, char[] fingerprints, int[] letters) {
    this.bucketStarts = bucketStarts;
    this.termsByBucket = termsByBucket;
    this.fingerprints = fingerprints;
    this.letters = letters;
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
    int[] byBucket = new int[entries];
    char[] prints = new char[entries];
    for (int i = 0; i < entries; i++) {
      int b = (int) hashes[i] & mask;
      int at = fill[b]++;
      byBucket[at] = owners[i];
      prints[at] = (char) (hashes[i] >>> 48);
    }
    int[] letters = new int[count + 1];
    for (int t = 1; t <= count; t++) {
      int len = terms.copy(t, word);
      letters[t] = letters(word, 0, len);
    }
    return new TypoIndex(starts, byBucket, prints, letters);
  }

  /** A bit per letter a-z, and one of six more bits for any other char. */
  static int letters(char[] word, int from, int len) {
    int bits = 0;
    for (int i = from; i < from + len; i++) {
      int c = word[i] - 'a';
      bits |= c >= 0 && c < 26 ? 1 << c : 1 << (26 + word[i] % 6);
    }
    return bits;
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
   * Collects the terms within {@code maxEdits} of {@code word} (other than the word itself) into
   * {@code found}, with their distance.
   */
  void near(char[] word, int len, int maxEdits, TermTable terms, Scratch scratch, TypoMatches found) {
    int prefix = Math.min(len, PREFIX);
    long[] own = scratch.deletionHashes;
    int n = distinctDeletions(word, prefix, maxEdits, own);
    scratch.seen.clear();
    int ownLetters = letters(word, 0, len);
    int letterChanges = 2 * maxEdits;
    char[] pool = terms.pool();
    for (int i = 0; i < n; i++) {
      long h = own[i];
      int b = (int) h & mask;
      char print = (char) (h >>> 48);
      for (int at = bucketStarts[b], end = bucketStarts[b + 1]; at < end; at++) {
        if (fingerprints[at] != print) {
          continue;
        }
        int t = termsByBucket[at];
        if (Integer.bitCount(letters[t] ^ ownLetters) > letterChanges) {
          continue;
        }
        int tl = terms.length(t);
        if (Math.abs(tl - len) > maxEdits || !scratch.seen.add(t)) {
          continue;
        }
        int d = EditDistance.within(word, len, pool, terms.offset(t), tl, maxEdits, scratch.editRows);
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
