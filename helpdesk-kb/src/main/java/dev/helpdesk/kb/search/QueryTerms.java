package dev.helpdesk.kb.search;

import java.util.Arrays;

/**
 * The terms a query looks for in one snapshot, each with its number in every segment and its
 * weight. For each word of the query: its own forms, its synonyms, the terms one or two typos away
 * and, for the word being typed, the commonest terms it begins. A document scores, per word, the
 * best of the word's forms and synonyms it has plus the best of its near terms ({@link Clauses}).
 *
 * <p>A form's near terms are at most the 16 closest, the commonest first among equally close.
 *
 * <p>Weights. A word's forms and synonyms share one IDF, that of the commonest of them, so a rare
 * synonym does not outrank the word typed (a synonym then counts 0.9 of it). A typo or prefix match
 * takes the lower of its own IDF and the word's, then counts 0.4 (one edit), 0.2 (two edits) or 0.8
 * (prefix): a rare near-miss can never outweigh an exact match of the word typed. When the word
 * itself is in no document (the typo is in the query), its near terms share the IDF of the
 * commonest of them.
 */
final class QueryTerms {
  static final float EXACT = 1f;
  static final float SYNONYM = 0.9f;
  static final float PREFIX = 0.8f;
  static final float ONE_TYPO = 0.4f;
  static final float TWO_TYPOS = 0.2f;
  static final int MAX_PREFIX_TERMS = 32;
  /** Near terms kept per form of a word: its typos' likeliest readings; the rest would only add noise and work. */
  static final int MAX_NEAR_TERMS = 16;

  private final SegmentView[] views;
  private final int viewCount;
  int size;
  int[] group = new int[16];
  float[] factor = new float[16];
  String[] text = new String[16];
  /** Term {@code i}'s number in segment {@code v} is {@code ids[i * viewCount + v]}, 0 if absent. */
  int[] ids;
  float[] weight;

  private QueryTerms(SegmentView[] views) {
    this.views = views;
    this.viewCount = views.length;
    this.ids = new int[16 * viewCount];
  }

  static QueryTerms resolve(QueryPlan plan, Snapshot snapshot, boolean typoTolerance, Scratch scratch) {
    SegmentView[] views = snapshot.views;
    QueryTerms q = new QueryTerms(views);
    for (int v = 0; v < views.length; v++) {
      Segment segment = views[v].segment;
      TermTable terms = segment.terms;
      for (int g = 0; g < plan.words.length; g++) {
        QueryPlan.Word word = plan.words[g];
        for (String form : word.forms) {
          q.add(g, EXACT, form, v, terms.find(form));
        }
        for (String form : word.synonyms) {
          q.add(g, SYNONYM, form, v, terms.find(form));
        }
        if (typoTolerance && segment.typos != null) {
          for (String form : word.forms) {
            q.addTypos(g, form, v, segment, scratch);
          }
        }
        if (word.prefix != null) {
          q.addPrefixed(g, word.prefix, v, segment);
        }
      }
    }
    if (views.length > 1) {
      q.findEverywhere();
    }
    q.weigh(snapshot.documentCount);
    return q;
  }

  private void addTypos(int g, String form, int v, Segment segment, Scratch scratch) {
    int len = form.length();
    int edits = TypoIndex.editsAllowed(len);
    if (edits == 0) {
      return;
    }
    char[] w = scratch.word;
    for (int i = 0; i < len; i++) {
      char c = form.charAt(i);
      if (c >= '0' && c <= '9') {
        return; // numbers and codes are matched exactly
      }
      w[i] = c;
    }
    TypoIndex.TypoMatches found = scratch.typos;
    found.clear();
    segment.typos.near(w, len, segment.terms, scratch, found);
    // The closest, then the commonest (terms are numbered commonest first), as a speller would rank them.
    long[] ranked = new long[found.size];
    for (int i = 0; i < found.size; i++) {
      ranked[i] = (long) found.distances[i] << 32 | found.terms[i];
    }
    Arrays.sort(ranked);
    for (int i = 0; i < Math.min(ranked.length, MAX_NEAR_TERMS); i++) {
      int t = (int) ranked[i];
      add(g, ranked[i] >>> 32 == 1 ? ONE_TYPO : TWO_TYPOS, viewCount > 1 ? segment.terms.text(t) : null, v, t);
    }
  }

  private void addPrefixed(int g, char[] prefix, int v, Segment segment) {
    TermTable terms = segment.terms;
    int from = terms.sortedFrom(prefix, prefix.length);
    int to = terms.sortedTo(prefix, prefix.length);
    if (from >= to) {
      return;
    }
    // The commonest terms of the range: a small min-heap on document frequency.
    int keep = Math.min(MAX_PREFIX_TERMS, to - from);
    int[] heapTerms = new int[keep];
    int[] heapCounts = new int[keep];
    int n = 0;
    for (int place = from; place < to; place++) {
      int t = terms.sortedTerm(place);
      int df = segment.documentFrequency(t);
      if (n < keep) {
        heapTerms[n] = t;
        heapCounts[n] = df;
        siftUp(heapTerms, heapCounts, n++);
      } else if (df > heapCounts[0]) {
        heapTerms[0] = t;
        heapCounts[0] = df;
        siftDown(heapTerms, heapCounts, n);
      }
    }
    for (int i = 0; i < n; i++) {
      int t = heapTerms[i];
      add(g, PREFIX, viewCount > 1 ? terms.text(t) : null, v, t);
    }
  }

  private static void siftUp(int[] terms, int[] counts, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (counts[parent] <= counts[i]) {
        return;
      }
      swap(terms, counts, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] terms, int[] counts, int n) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        return;
      }
      if (child + 1 < n && counts[child + 1] < counts[child]) {
        child++;
      }
      if (counts[i] <= counts[child]) {
        return;
      }
      swap(terms, counts, i, child);
      i = child;
    }
  }

  private static void swap(int[] terms, int[] counts, int a, int b) {
    int t = terms[a];
    terms[a] = terms[b];
    terms[b] = t;
    int c = counts[a];
    counts[a] = counts[b];
    counts[b] = c;
  }

  /** Adds a term of word {@code g} found (or not, {@code id} 0) in segment {@code v}; a term met twice keeps its best kind. */
  private void add(int g, float kind, String termText, int v, int id) {
    if (id == 0 && termText == null) {
      return;
    }
    for (int i = 0; i < size; i++) {
      if (group[i] != g) {
        continue;
      }
      boolean same = termText != null && text[i] != null ? termText.equals(text[i]) : id != 0 && ids[i * viewCount + v] == id;
      if (same) {
        if (kind > factor[i]) {
          factor[i] = kind;
        }
        if (text[i] == null) {
          text[i] = termText;
        }
        if (id != 0) {
          ids[i * viewCount + v] = id;
        }
        return;
      }
    }
    if (size == group.length) {
      int capacity = size * 2;
      group = Arrays.copyOf(group, capacity);
      factor = Arrays.copyOf(factor, capacity);
      text = Arrays.copyOf(text, capacity);
      ids = Arrays.copyOf(ids, capacity * viewCount);
    }
    group[size] = g;
    factor[size] = kind;
    text[size] = termText;
    ids[size * viewCount + v] = id;
    size++;
  }

  /** Looks up, in every segment, the terms found by typo or prefix in only some. */
  private void findEverywhere() {
    for (int i = 0; i < size; i++) {
      if (text[i] == null) {
        continue;
      }
      for (int v = 0; v < viewCount; v++) {
        if (ids[i * viewCount + v] == 0) {
          ids[i * viewCount + v] = views[v].segment.terms.find(text[i]);
        }
      }
    }
  }

  private void weigh(long documentCount) {
    long[] df = new long[size];
    for (int i = 0; i < size; i++) {
      long n = 0;
      for (int v = 0; v < viewCount; v++) {
        int id = ids[i * viewCount + v];
        if (id != 0) {
          n += views[v].segment.documentFrequency(id);
        }
      }
      df[i] = n;
    }
    weight = new float[size];
    double scale = (SegmentBuilder.K1 + 1) / Segment.IMPACT_SCALE;
    for (int i = 0; i < size; i++) {
      if (df[i] == 0 || weight[i] != 0) {
        continue;
      }
      int g = group[i];
      long wordDf = 0;
      long nearDf = 0;
      for (int j = i; j < size; j++) {
        if (group[j] == g) {
          if (factor[j] >= SYNONYM) {
            wordDf = Math.max(wordDf, df[j]);
          } else {
            nearDf = Math.max(nearDf, df[j]);
          }
        }
      }
      double base = idf(wordDf > 0 ? wordDf : nearDf, documentCount);
      for (int j = i; j < size; j++) {
        if (group[j] == g && df[j] > 0) {
          double idf = factor[j] >= SYNONYM ? base : Math.min(base, idf(df[j], documentCount));
          weight[j] = (float) (idf * factor[j] * scale);
        }
      }
    }
  }

  static double idf(long df, long documentCount) {
    return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The query's terms in segment {@code v} into {@code out}: per query word, a clause of its forms
   * and synonyms and a clause of its near terms (typos and completions).
   */
  void clauses(int v, Clauses out) {
    out.clear();
    int words = 0;
    for (int i = 0; i < size; i++) {
      words = Math.max(words, group[i] + 1);
    }
    for (int g = 0; g < words; g++) {
      for (int near = 0; near < 2; near++) {
        out.startWord(g);
        for (int i = 0; i < size; i++) {
          int id = ids[i * viewCount + v];
          if (group[i] == g && id != 0 && weight[i] > 0 && (factor[i] < SYNONYM) == (near == 1)) {
            out.add(id, weight[i]);
          }
        }
        out.endWord();
      }
    }
  }
}
