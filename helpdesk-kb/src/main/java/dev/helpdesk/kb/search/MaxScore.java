package dev.helpdesk.kb.search;

/**
 * Scores one segment's documents for a query and offers them to the top hits, skipping those that
 * cannot get in (MaxScore, in windows as Lucene does).
 *
 * <p>Each clause ({@link Clauses}: a word's forms, or its near terms) has an upper bound: the
 * highest weight times impact among its terms. Clauses are ordered by bound; once the top hits are full, the weakest
 * clauses whose bounds add up to less than the score to beat are "non-essential": a document having
 * only those cannot get in, so their postings are no longer walked, only searched (galloping) for
 * the documents that the essential clauses bring up and that can still get in. The essential
 * clauses are walked a window of documents at a time (256 at first, doubling up to 4096) into an
 * array of accumulators (one multiply-add per posting, no hashing, no sorting), whose set bits then
 * give the candidates in order; a clause of several terms first keeps each document's best in a
 * second array, and once no longer walked is tested against a bitset of the documents having any of
 * its terms before its terms are searched. The bar is raised after each window, so on a large segment the common words and
 * the near terms soon stop being walked at all.
 */
final class MaxScore {
  static final int WINDOW = 4096;
  private static final int FIRST_WINDOW = 256;
  /** Clauses of this many terms or more are tested against the union of their postings first. */
  private static final int UNION_FROM = 3;
  /** Bounds are raised by this much so that rounding never lets a bound fall below a true score. */
  private static final float SAFETY = 1.0001f;

  private MaxScore() {}

  static void collect(int viewIndex, SegmentView view, Clauses clauses, Filter filter, TopHits top, Scratch scratch) {
    Segment segment = view.segment;
    int[] docs = segment.postingDocs;
    char[] impacts = segment.postingImpacts;
    int n = clauses.count;
    int terms = clauses.termCount();
    // Per term of every clause: where it is in its postings, where they end, its weight.
    int[] cursor = new int[terms];
    int[] end = new int[terms];
    float[] weight = new float[terms];
    // Clauses in ascending order of bound: clause i's terms are [from[i], to[i]).
    float[] bound = new float[n];
    int[] from = new int[n];
    int[] to = new int[n];
    float[] termBound = new float[terms];
    for (int c = 0; c < n; c++) {
      // The clause's terms in descending order of bound, so that a document's search through them
      // stops at the first that could not lift it to the bar.
      for (int m = clauses.starts[c]; m < clauses.starts[c + 1]; m++) {
        int t = clauses.terms[m];
        float w = clauses.weights[m];
        float b = w * segment.maxImpacts[t] * SAFETY;
        int j = m;
        while (j > clauses.starts[c] && termBound[j - 1] < b) {
          termBound[j] = termBound[j - 1];
          cursor[j] = cursor[j - 1];
          end[j] = end[j - 1];
          weight[j] = weight[j - 1];
          j--;
        }
        termBound[j] = b;
        cursor[j] = segment.postingStarts[t];
        end[j] = segment.postingStarts[t + 1];
        weight[j] = w;
      }
      float b = termBound[clauses.starts[c]];
      int j = c;
      while (j > 0 && bound[j - 1] > b) {
        bound[j] = bound[j - 1];
        from[j] = from[j - 1];
        to[j] = to[j - 1];
        j--;
      }
      bound[j] = b;
      from[j] = clauses.starts[c];
      to[j] = clauses.starts[c + 1];
    }
    float[] below = new float[n + 1]; // below[i]: the sum of the bounds of clauses 0 .. i-1
    for (int i = 0; i < n; i++) {
      below[i + 1] = below[i] + bound[i];
    }
    float maxBoost = view.maxBoost;
    float[] acc = scratch.window;
    long[] bits = scratch.windowBits;
    float[] best = scratch.bestOfWord;
    long[] bestBits = scratch.bestOfWordBits;
    int essential = 0; // clauses below this index are non-essential
    long[][] union = new long[n][];
    // Small windows first: until the top hits fill up nothing can be skipped, so the bar is raised
    // after a few hundred documents rather than after thousands.
    int window = FIRST_WINDOW;
    for (int base = 0; base < segment.size; base += window, window = Math.min(WINDOW, window * 2)) {
      float bar = top.threshold();
      while (essential < n && below[essential + 1] * maxBoost < bar) {
        essential++;
      }
      if (essential == n) {
        return; // no document left can get in
      }
      int limit = Math.min(base + window, segment.size);
      int words = (limit - base + 63) >>> 6;
      for (int i = essential; i < n; i++) {
        if (to[i] - from[i] == 1) {
          int m = from[i];
          cursor[m] = accumulate(docs, impacts, cursor[m], end[m], weight[m], base, limit, acc, bits);
        } else {
          for (int m = from[i]; m < to[i]; m++) {
            cursor[m] = keepBest(docs, impacts, cursor[m], end[m], weight[m], base, limit, best, bestBits);
          }
          addBest(best, bestBits, words, acc, bits);
        }
      }
      for (int word = 0; word < words; word++) {
        long set = bits[word];
        if (set == 0) {
          continue;
        }
        bits[word] = 0;
        while (set != 0) {
          int local = (word << 6) + Long.numberOfTrailingZeros(set);
          set &= set - 1;
          float score = acc[local];
          acc[local] = 0;
          int d = base + local;
          if (view.isDeleted(d) || !filter.accepts(segment, d)) {
            continue;
          }
          float boost = view.boost(d);
          bar = top.threshold();
          if ((score + below[essential]) * boost < bar) {
            continue;
          }
          boolean out = false;
          for (int i = essential - 1; i >= 0; i--) {
            float found = 0;
            if (to[i] - from[i] >= UNION_FROM) {
              long[] any = union[i];
              if (any == null) {
                any = union[i] = union(docs, cursor, end, from[i], to[i], segment.size);
              }
              if ((any[d >>> 6] & (1L << d)) == 0) {
                if ((score + below[i]) * boost < bar) {
                  out = true;
                  break;
                }
                continue; // none of the clause's terms is in the document
              }
            }
            for (int m = from[i]; m < to[i]; m++) {
              if ((score + Math.max(found, termBound[m]) + below[i]) * boost < bar) {
                break; // neither this term nor any after it can lift the document to the bar
              }
              int p = advance(docs, cursor[m], end[m], d);
              cursor[m] = p;
              if (p < end[m] && docs[p] == d) {
                found = Math.max(found, weight[m] * impacts[p]);
              }
            }
            score += found;
            if ((score + below[i]) * boost < bar) {
              out = true;
              break;
            }
          }
          if (!out) {
            top.offer(viewIndex, d, score * boost);
          }
        }
      }
    }
  }

  /**
   * The documents (a bit each) having any of a clause's terms from where their cursors stand: built
   * once a clause of many terms is no longer walked, so that a candidate lacking all of them (most)
   * costs one test instead of a search in each term's postings.
   */
  private static long[] union(int[] docs, int[] cursor, int[] end, int from, int to, int size) {
    long[] any = new long[(size + 63) >>> 6];
    for (int m = from; m < to; m++) {
      for (int p = cursor[m]; p < end[m]; p++) {
        int d = docs[p];
        any[d >>> 6] |= 1L << d;
      }
    }
    return any;
  }

  /** Adds a term's postings in the window to the accumulators; returns where they stop. */
  private static int accumulate(int[] docs, char[] impacts, int p, int end, float w, int base, int limit, float[] acc,
      long[] bits) {
    while (p < end) {
      int d = docs[p];
      if (d >= limit) {
        break;
      }
      int local = d - base;
      acc[local] += w * impacts[p];
      bits[local >>> 6] |= 1L << local;
      p++;
    }
    return p;
  }

  /** Keeps, per document of the window, the best of a word's terms so far; returns where the postings stop. */
  private static int keepBest(int[] docs, char[] impacts, int p, int end, float w, int base, int limit, float[] best,
      long[] bits) {
    while (p < end) {
      int d = docs[p];
      if (d >= limit) {
        break;
      }
      int local = d - base;
      float s = w * impacts[p];
      if (s > best[local]) {
        best[local] = s;
      }
      bits[local >>> 6] |= 1L << local;
      p++;
    }
    return p;
  }

  /** Adds each document's best for a word to the accumulators and clears the bests. */
  private static void addBest(float[] best, long[] bestBits, int words, float[] acc, long[] bits) {
    for (int word = 0; word < words; word++) {
      long set = bestBits[word];
      if (set == 0) {
        continue;
      }
      bestBits[word] = 0;
      bits[word] |= set;
      while (set != 0) {
        int local = (word << 6) + Long.numberOfTrailingZeros(set);
        set &= set - 1;
        acc[local] += best[local];
        best[local] = 0;
      }
    }
  }

  /** The first position at or after {@code from} whose document is not below {@code target}: galloping, then binary search. */
  static int advance(int[] docs, int from, int end, int target) {
    if (from >= end || docs[from] >= target) {
      return from;
    }
    int low = from;
    int step = 1;
    int high = from + 1;
    while (high < end && docs[high] < target) {
      low = high;
      step <<= 1;
      high = low + step;
    }
    if (high > end) {
      high = end;
    }
    low++;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (docs[mid] < target) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
