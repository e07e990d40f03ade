package dev.helpdesk.kb.search;

/**
 * Scores one segment's documents for a query and offers them to the top hits, skipping those that
 * cannot get in (MaxScore, in windows as Lucene does).
 *
 * <p>Each term's postings are a clause with an upper bound: its weight times its highest impact.
 * Clauses are ordered by bound; once the top hits are full, the weakest clauses whose bounds add up
 * to less than the score to beat are "non-essential": a document having only those cannot get in,
 * so their postings are no longer walked, only searched (galloping) for the documents that the
 * essential clauses bring up and that can still get in. The essential clauses are walked a window
 * of 4096 documents at a time into an array of accumulators (one multiply-add per posting, no
 * hashing, no sorting), whose set bits then give the candidates in order. The bar is raised after
 * each window, so on a large segment the common terms soon stop being walked at all.
 */
final class MaxScore {
  static final int WINDOW = 4096;
  /** Bounds are raised by this much so that rounding never lets a bound fall below a true score. */
  private static final float SAFETY = 1.0001f;

  private MaxScore() {}

  static void collect(int viewIndex, SegmentView view, int[] terms, float[] weights, int n, Filter filter,
      TopHits top, Scratch scratch) {
    Segment segment = view.segment;
    int[] docs = segment.postingDocs;
    char[] impacts = segment.postingImpacts;
    // Clauses in ascending order of bound.
    float[] bound = new float[n];
    int[] cursor = new int[n];
    int[] end = new int[n];
    float[] weight = new float[n];
    for (int i = 0; i < n; i++) {
      int t = terms[i];
      float b = weights[i] * segment.maxImpacts[t] * SAFETY;
      int j = i;
      while (j > 0 && bound[j - 1] > b) {
        bound[j] = bound[j - 1];
        cursor[j] = cursor[j - 1];
        end[j] = end[j - 1];
        weight[j] = weight[j - 1];
        j--;
      }
      bound[j] = b;
      cursor[j] = segment.postingStarts[t];
      end[j] = segment.postingStarts[t + 1];
      weight[j] = weights[i];
    }
    float[] below = new float[n + 1]; // below[i]: the sum of the bounds of clauses 0 .. i-1
    for (int i = 0; i < n; i++) {
      below[i + 1] = below[i] + bound[i];
    }
    float maxBoost = view.maxBoost;
    float[] acc = scratch.window;
    long[] bits = scratch.windowBits;
    int essential = 0; // clauses below this index are non-essential
    for (int base = 0; base < segment.size; base += WINDOW) {
      float bar = top.threshold();
      while (essential < n && below[essential + 1] * maxBoost < bar) {
        essential++;
      }
      if (essential == n) {
        return; // no document left can get in
      }
      int limit = Math.min(base + WINDOW, segment.size);
      for (int i = essential; i < n; i++) {
        int p = cursor[i];
        int e = end[i];
        float w = weight[i];
        while (p < e) {
          int d = docs[p];
          if (d >= limit) {
            break;
          }
          int local = d - base;
          acc[local] += w * impacts[p];
          bits[local >>> 6] |= 1L << local;
          p++;
        }
        cursor[i] = p;
      }
      for (int word = 0; word < bits.length; word++) {
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
            int p = advance(docs, cursor[i], end[i], d);
            cursor[i] = p;
            if (p < end[i] && docs[p] == d) {
              score += weight[i] * impacts[p];
            }
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
