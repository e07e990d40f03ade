package dev.helpdesk.kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@link Segment} from new documents (analysed here) and from documents of older
 * segments being merged (their forward terms renumbered, never analysed again). Two passes: adding
 * documents numbers the terms as they come, writes the forward data and counts each term's
 * documents; {@link #build} then renumbers the terms commonest first (so nearly every word of a
 * forward list fits one {@code char}), lays out the postings in one array sized by those counts and
 * computes the impacts with the collection's average field lengths. Single-threaded; used once.
 */
final class SegmentBuilder {
  static final double K1 = 1.2;
  static final double B = 0.75;

  private final double[] fieldWeights;
  private final boolean typoTolerance;
  private final TermTable.Builder terms = new TermTable.Builder();
  private final Tokenizer tokenizer = new Tokenizer();
  private final char[] word = new char[Tokenizer.MAX_WORD];

  private int size;
  private SearchDocument[] documents = new SearchDocument[16];
  private byte[] flags = new byte[16];
  private int[] categories = new int[16];
  private final Map<String, Integer> categoryNumbers = new HashMap<>();
  private final List<String> categoryNames = new ArrayList<>();
  private int[] lengths = new int[16 * Segment.FIELDS];
  private final long[] lengthTotals = new long[Segment.FIELDS];

  private char[] forward = new char[1 << 12];
  private int forwardUsed;
  private int[] forwardStarts = new int[16 * Segment.FIELDS + 1];
  private int[] checkpoints = new int[64];
  private int checkpointsUsed;
  private int[] checkpointStarts = new int[17];

  /** Per term: how many documents have it, and the last document counted. */
  private int[] documentCounts = new int[1 << 10];
  private int[] lastCounted = new int[1 << 10];

  SegmentBuilder(double[] fieldWeights, boolean typoTolerance) {
    this.fieldWeights = fieldWeights;
    this.typoTolerance = typoTolerance;
  }

  int size() {
    return size;
  }

  /** Sums of the indexed words per field over the documents added so far. */
  long[] lengthTotals() {
    return lengthTotals.clone();
  }

  /** Adds a new document, analysed in its own language. */
  void add(SearchDocument document) {
    int d = newDocument(document);
    Language language = document.language();
    forwardStarts[Segment.FIELDS * d] = forwardUsed;
    lengths[Segment.FIELDS * d] = analyse(document.title(), language, d, false);
    forwardStarts[Segment.FIELDS * d + 1] = forwardUsed;
    lengths[Segment.FIELDS * d + 1] = analyse(document.keywords(), language, d, false);
    forwardStarts[Segment.FIELDS * d + 2] = forwardUsed;
    checkpointStarts[d] = checkpointsUsed;
    lengths[Segment.FIELDS * d + 2] = analyse(document.body(), language, d, true);
    forwardStarts[Segment.FIELDS * d + 3] = forwardUsed;
    checkpointStarts[d + 1] = checkpointsUsed;
    for (int f = 0; f < Segment.FIELDS; f++) {
      lengthTotals[f] += lengths[Segment.FIELDS * d + f];
    }
  }

  /**
   * Adds a document of an older segment.
   *
   * @param renumber the new number of each of the older segment's terms, 0 until first met; one
   *     array per older segment, shared by all its documents
   */
  void add(Segment from, int doc, int[] renumber) {
    int d = newDocument(from.documents[doc]);
    char[] word = this.word;
    for (int f = 0; f < Segment.FIELDS; f++) {
      forwardStarts[Segment.FIELDS * d + f] = forwardUsed;
      int at = from.forwardStarts[Segment.FIELDS * doc + f];
      int end = from.forwardStarts[Segment.FIELDS * doc + f + 1];
      char[] source = from.forward;
      while (at < end) {
        int id = source[at++];
        if (id == Segment.ESCAPE) {
          id = source[at] << 16 | source[at + 1];
          at += 2;
        }
        if (id != 0) {
          int now = renumber[id];
          if (now == 0) {
            int len = from.terms.copy(id, word);
            now = terms.add(word, 0, len);
            renumber[id] = now;
          }
          count(now, d);
          id = now;
        }
        write(id);
      }
      int len = from.lengths[Segment.FIELDS * doc + f];
      lengths[Segment.FIELDS * d + f] = len;
      lengthTotals[f] += len;
    }
    forwardStarts[Segment.FIELDS * d + 3] = forwardUsed;
    checkpointStarts[d] = checkpointsUsed;
    int from0 = from.checkpointStarts[doc];
    int n = from.checkpointStarts[doc + 1] - from0;
    ensureCheckpoints(n);
    System.arraycopy(from.checkpoints, from0, checkpoints, checkpointsUsed, n);
    checkpointsUsed += n;
    checkpointStarts[d + 1] = checkpointsUsed;
  }

  private int newDocument(SearchDocument document) {
    int d = size++;
    if (size > documents.length) {
      int capacity = documents.length * 2;
      documents = Arrays.copyOf(documents, capacity);
      flags = Arrays.copyOf(flags, capacity);
      categories = Arrays.copyOf(categories, capacity);
      lengths = Arrays.copyOf(lengths, capacity * Segment.FIELDS);
      forwardStarts = Arrays.copyOf(forwardStarts, capacity * Segment.FIELDS + 1);
      checkpointStarts = Arrays.copyOf(checkpointStarts, capacity + 1);
    }
    documents[d] = document;
    flags[d] = Segment.flags(document);
    Integer category = categoryNumbers.get(document.category());
    if (category == null) {
      category = categoryNames.size();
      categoryNumbers.put(document.category(), category);
      categoryNames.add(document.category());
    }
    categories[d] = category;
    return d;
  }

  /** Writes the terms of one field's words; returns how many words were indexed. */
  private int analyse(String text, Language language, int d, boolean body) {
    Tokenizer words = tokenizer.reset(text);
    int position = 0;
    int indexed = 0;
    while (words.next()) {
      if (body && position % Segment.CHECKPOINT_EVERY == 0) {
        ensureCheckpoints(1);
        checkpoints[checkpointsUsed++] = words.start();
      }
      position++;
      int id = 0;
      int len = words.length();
      if (len > 0 && !words.tooLong()) {
        char[] w = words.word();
        if (!language.isStopWord(w, len)) {
          len = language.stem(w, len);
          id = terms.add(w, 0, len);
          count(id, d);
          indexed++;
        }
      }
      write(id);
    }
    return indexed;
  }

  private void count(int term, int d) {
    if (term >= documentCounts.length) {
      int capacity = Math.max(documentCounts.length * 2, term + 1);
      documentCounts = Arrays.copyOf(documentCounts, capacity);
      lastCounted = Arrays.copyOf(lastCounted, capacity);
    }
    if (lastCounted[term] != d + 1) {
      lastCounted[term] = d + 1;
      documentCounts[term]++;
    }
  }

  private void ensureCheckpoints(int more) {
    if (checkpointsUsed + more > checkpoints.length) {
      checkpoints = Arrays.copyOf(checkpoints, Math.max(checkpoints.length * 2, checkpointsUsed + more));
    }
  }

  private void write(int id) {
    if (forwardUsed + 3 > forward.length) {
      forward = Arrays.copyOf(forward, forward.length * 2);
    }
    forwardUsed = Segment.writeTerm(forward, forwardUsed, id);
  }

  /**
   * Lays out the postings and computes the impacts.
   *
   * @param averageLengths the collection's average indexed words per field, the BM25 length norm's
   *     reference
   */
  Segment build(double[] averageLengths) {
    int termCount = terms.count();
    // Commonest first: the forward lists then hold small numbers, one char each.
    long[] byCount = new long[termCount];
    for (int t = 1; t <= termCount; t++) {
      byCount[t - 1] = (long) (Integer.MAX_VALUE - documentCounts[t]) << 32 | t;
    }
    Arrays.sort(byCount);
    int[] ranked = new int[termCount + 1];
    int[] postingStarts = new int[termCount + 2];
    TermTable.Builder table = new TermTable.Builder();
    char[] w = word;
    for (int r = 0; r < termCount; r++) {
      int t = (int) byCount[r];
      int len = terms.copy(t, w);
      ranked[t] = table.add(w, 0, len);
      postingStarts[r + 2] = postingStarts[r + 1] + documentCounts[t];
    }
    int total = postingStarts[termCount + 1];
    int[] docs = new int[total];
    char[] impacts = new char[total];
    char[] maxImpacts = new char[termCount + 1];
    int[] fill = Arrays.copyOf(postingStarts, termCount + 1);
    int[][] frequencies = new int[Segment.FIELDS][termCount + 1];
    int[] touched = new int[64];
    double[] norms = new double[Segment.FIELDS];
    char[] renumbered = new char[forwardUsed + 16];
    int written = 0;
    int[] starts = new int[size * Segment.FIELDS + 1];
    for (int d = 0; d < size; d++) {
      int distinct = 0;
      for (int f = 0; f < Segment.FIELDS; f++) {
        double average = averageLengths[f];
        double relative = average > 0 ? lengths[Segment.FIELDS * d + f] / average : 1;
        norms[f] = fieldWeights[f] / ((1 - B) + B * relative);
        int[] tf = frequencies[f];
        starts[Segment.FIELDS * d + f] = written;
        int at = forwardStarts[Segment.FIELDS * d + f];
        int end = forwardStarts[Segment.FIELDS * d + f + 1];
        while (at < end) {
          int id = forward[at++];
          if (id == Segment.ESCAPE) {
            id = forward[at] << 16 | forward[at + 1];
            at += 2;
          }
          if (id != 0) {
            id = ranked[id];
            if (frequencies[0][id] == 0 && frequencies[1][id] == 0 && frequencies[2][id] == 0) {
              if (distinct == touched.length) {
                touched = Arrays.copyOf(touched, distinct * 2);
              }
              touched[distinct++] = id;
            }
            tf[id]++;
          }
          if (written + 3 > renumbered.length) {
            renumbered = Arrays.copyOf(renumbered, renumbered.length * 2);
          }
          written = Segment.writeTerm(renumbered, written, id);
        }
      }
      for (int i = 0; i < distinct; i++) {
        int t = touched[i];
        double weighted = 0;
        for (int f = 0; f < Segment.FIELDS; f++) {
          weighted += frequencies[f][t] * norms[f];
          frequencies[f][t] = 0;
        }
        double saturation = weighted / (K1 + weighted);
        int impact = (int) Math.ceil(saturation * Segment.IMPACT_SCALE);
        impact = Math.max(1, Math.min(Segment.IMPACT_SCALE, impact));
        int at = fill[t]++;
        docs[at] = d;
        impacts[at] = (char) impact;
        if (impact > maxImpacts[t]) {
          maxImpacts[t] = (char) impact;
        }
      }
    }
    starts[size * Segment.FIELDS] = written;
    TermTable built = table.build();
    return new Segment(Arrays.copyOf(documents, size), Arrays.copyOf(flags, size), Arrays.copyOf(categories, size),
        categoryNames.toArray(new String[0]), Arrays.copyOf(lengths, size * Segment.FIELDS),
        Arrays.copyOf(renumbered, written), starts, Arrays.copyOf(checkpoints, checkpointsUsed),
        Arrays.copyOf(checkpointStarts, size + 1), built, postingStarts, docs, impacts, maxImpacts,
        typoTolerance ? TypoIndex.build(built) : null);
  }
}
