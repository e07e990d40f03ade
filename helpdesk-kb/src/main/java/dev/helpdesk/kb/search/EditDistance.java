package dev.helpdesk.kb.search;

/**
 * The optimal-string-alignment distance (Levenshtein with a swap of two neighbouring letters
 * counted as one edit) from one query word to many terms, bit-parallel: Myers' algorithm with
 * Hyyrö's extension for swaps. The word (at most 64 letters) is prepared once as a bit mask per
 * letter; each term then costs a dozen word operations per letter, with no table to fill.
 * Single-threaded: one per {@link Scratch}.
 */
final class EditDistance {
  private final long[] ascii = new long[128];
  private final char[] others = new char[Tokenizer.MAX_WORD];
  private final long[] otherMasks = new long[Tokenizer.MAX_WORD];
  private int otherCount;
  private final char[] word = new char[Tokenizer.MAX_WORD];
  private int length;

  /** Prepares the word every following {@link #to} measures from. */
  void prepare(char[] w, int len) {
    for (int i = 0; i < length; i++) {
      char c = word[i];
      if (c < 128) {
        ascii[c] = 0;
      }
    }
    otherCount = 0;
    System.arraycopy(w, 0, word, 0, len);
    length = len;
    for (int i = 0; i < len; i++) {
      char c = w[i];
      long bit = 1L << i;
      if (c < 128) {
        ascii[c] |= bit;
      } else {
        int o = 0;
        while (o < otherCount && others[o] != c) {
          o++;
        }
        if (o == otherCount) {
          others[o] = c;
          otherMasks[o] = 0;
          otherCount++;
        }
        otherMasks[o] |= bit;
      }
    }
  }

  private long matches(char c) {
    if (c < 128) {
      return ascii[c];
    }
    for (int o = 0; o < otherCount; o++) {
      if (others[o] == c) {
        return otherMasks[o];
      }
    }
    return 0;
  }

  /** The distance from the prepared word to {@code text[from .. from + n)}. */
  int to(char[] text, int from, int n) {
    int m = length;
    if (m == 0) {
      return n;
    }
    long last = 1L << (m - 1);
    long vp = -1L; // vertical deltas +1 (bits above m are never read)
    long vn = 0; // vertical deltas -1
    long previousD0 = 0;
    long previousEq = 0;
    int score = m;
    for (int j = 0; j < n; j++) {
      long eq = matches(text[from + j]);
      long swap = ((~previousD0 & eq) << 1) & previousEq;
      long d0 = (((eq & vp) + vp) ^ vp) | eq | vn | swap;
      long hp = vn | ~(d0 | vp);
      long hn = d0 & vp;
      if ((hp & last) != 0) {
        score++;
      } else if ((hn & last) != 0) {
        score--;
      }
      hp = (hp << 1) | 1;
      hn <<= 1;
      vp = hn | ~(d0 | hp);
      vn = hp & d0;
      previousD0 = d0;
      previousEq = eq;
    }
    return score;
  }
}
