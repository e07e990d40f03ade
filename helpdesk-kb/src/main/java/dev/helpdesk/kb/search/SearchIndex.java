package dev.helpdesk.kb.search;

import dev.helpdesk.model.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread-safe inverted index of documents, searchable while it changes.
 *
 * <p>Searches rank documents with BM25F over title, keywords and body (each with its weight),
 * forgive typos (one edit in a term of 4 to 7 letters, two from 8, counted on the analysed term;
 * ranked below exact matches), expand synonyms, match the word being typed as a prefix when asked,
 * filter by category, audience and document language, and return a snippet with each hit.
 *
 * <p>Changes are atomic: a search sees a document wholly before or wholly after a {@link #put},
 * {@link #remove} or {@link #boost}, never half of one, and a search that starts after a change
 * returns sees it. Searches take no lock: they read an immutable snapshot. The first search after
 * changes builds the next snapshot (the changed documents become a new segment, merged with others
 * as segments accumulate), so many changes in a row cost one build; loading a whole knowledge base
 * with {@code put} and then searching analyses each document once.
 */
public final class SearchIndex {
  /** A segment is merged with the next older one once that one is no more than this many times larger. */
  private static final int MERGE_FACTOR = 4;
  static final double BOOST_MAX = 1_000;

  private final SynonymTable synonyms;
  private final double[] fieldWeights;
  private final boolean typoTolerance;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, SearchDocument> pending = new LinkedHashMap<>();
  private final Map<String, Location> located = new HashMap<>();
  private final Map<String, Float> boosts = new HashMap<>();
  private final List<SegmentState> segments = new ArrayList<>();
  private final long[] lengthTotals = new long[Segment.FIELDS];
  private long indexedDocuments;
  // Written under lock, read by searches without it.
  private volatile long version;
  private volatile Snapshot published = Snapshot.EMPTY;

  private SearchIndex(Builder b) {
    this.synonyms = new SynonymTable(b.synonyms == null ? Synonyms.itDefaults() : b.synonyms);
    this.fieldWeights = new double[] {
        b.titleWeight == null ? 2.0 : b.titleWeight,
        b.keywordsWeight == null ? 1.5 : b.keywordsWeight,
        b.bodyWeight == null ? 1.0 : b.bodyWeight};
    this.typoTolerance = b.typoTolerance == null || b.typoTolerance;
  }

  /**
   * Starts an index with the defaults: {@link Synonyms#itDefaults()}, title weight 2, keywords
   * 1.5, body 1, typo tolerance on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the document, or replaces the document with the same id, atomically: no search sees both
   * versions or neither. A replaced document keeps its boost.
   *
   * @param document the document
   * @throws dev.helpdesk.model.ValidationException if the document is null
   */
  public void put(SearchDocument document) {
    InputChecks.required("SearchIndex", "document", document);
    synchronized (lock) {
      Location old = located.remove(document.id());
      if (old != null) {
        delete(old);
      }
      pending.put(document.id(), document);
      version++;
    }
  }

  /**
   * Removes the document with the id, and its boost.
   *
   * @param id the document's id
   * @return true if it was there
   * @throws dev.helpdesk.model.ValidationException if the id is null
   */
  public boolean remove(String id) {
    InputChecks.required("SearchIndex", "id", id);
    synchronized (lock) {
      boolean had = pending.remove(id) != null;
      Location old = located.remove(id);
      if (old != null) {
        delete(old);
        had = true;
      }
      if (had) {
        boosts.remove(id);
        version++;
      }
      return had;
    }
  }

  /**
   * Sets a document's static score multiplier (1 by default), such as a higher one for articles
   * that resolve many tickets. The document is not analysed again; the boost stays when the
   * document is replaced and goes when it is removed.
   *
   * @param id the document's id
   * @param factor greater than 0, at most 1,000; above 1 raises the document, below 1 lowers it
   * @throws dev.helpdesk.model.ValidationException if the id is null or the factor out of range
   * @throws NotFoundException if the index has no document with the id
   */
  public void boost(String id, double factor) {
    InputChecks checks = InputChecks.on("SearchIndex").notNull("id", id);
    if (!(factor > 0 && factor <= BOOST_MAX)) {
      checks.fail("factor", "must be greater than 0 and at most " + (int) BOOST_MAX + ", was " + factor);
    }
    checks.done();
    synchronized (lock) {
      Location at = located.get(id);
      if (at == null && !pending.containsKey(id)) {
        throw new NotFoundException("search document", id);
      }
      float f = (float) factor;
      if (f == 1f) {
        boosts.remove(id);
      } else {
        boosts.put(id, f);
      }
      if (at != null) {
        at.state.boost(at.doc, f);
      }
      version++;
    }
  }

  /**
   * Finds the documents best matching the query, best first.
   *
   * @param query the query
   * @return at most the query's limit of hits, each with its snippet; empty if nothing matches or
   *     the text has only stop words
   * @throws dev.helpdesk.model.ValidationException if the query is null
   */
  public List<SearchHit> search(SearchQuery query) {
    InputChecks.required("SearchIndex", "query", query);
    Snapshot snapshot = snapshot();
    SegmentView[] views = snapshot.views;
    if (views.length == 0) {
      return List.of();
    }
    Scratch work = scratch.get();
    QueryPlan plan = QueryPlan.of(query, synonyms, work);
    if (plan.words.length == 0) {
      return List.of();
    }
    QueryTerms terms = QueryTerms.resolve(plan, snapshot, typoTolerance, work);
    TopHits top = new TopHits(views, query.limitValue());
    Clauses clauses = work.clauses;
    for (int v = 0; v < views.length; v++) {
      Filter filter = Filter.of(query, views[v].segment);
      if (filter.rejectsAll()) {
        continue;
      }
      terms.clauses(v, clauses);
      if (clauses.count > 0) {
        MaxScore.collect(v, views[v], clauses, filter, top, work);
      }
    }
    int count = top.size();
    if (count == 0) {
      return List.of();
    }
    SearchHit[] hits = new SearchHit[count];
    Snippets.Marks marks = work.marks;
    int markedView = -1;
    try {
      for (int i = count - 1; i >= 0; i--) {
        top.pollWeakest();
        int v = top.lastView();
        int doc = top.lastDoc();
        Segment segment = views[v].segment;
        if (v != markedView) {
          marks.clear();
          markedView = v;
          terms.clauses(v, clauses);
          marks.set(work.marked(segment.terms.count()), clauses);
        }
        hits[i] = new SearchHit(segment.documents[doc].id(), top.lastScore(), Snippets.of(segment, doc, marks, work));
      }
    } finally {
      marks.clear(); // the bits are shared by this thread's next search
    }
    return List.of(hits);
  }

  /**
   * The number of documents in the index.
   *
   * @return how many documents a search could find, all filters aside
   */
  public int size() {
    synchronized (lock) {
      return pending.size() + located.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "SearchIndex{documents=" + (pending.size() + located.size()) + ", segments=" + segments.size()
          + ", unindexed=" + pending.size() + ", weights=" + Arrays.toString(fieldWeights) + ", typoTolerance="
          + typoTolerance + "}";
    }
  }

  /** The snapshot with every change made so far, built first if changes came since the last. */
  Snapshot snapshot() {
    Snapshot snapshot = published;
    if (snapshot.version == version) {
      return snapshot;
    }
    synchronized (lock) {
      if (published.version != version) {
        published = refresh();
      }
      return published;
    }
  }

  private Snapshot refresh() {
    if (!pending.isEmpty()) {
      SegmentBuilder builder = new SegmentBuilder(fieldWeights, typoTolerance);
      for (SearchDocument document : pending.values()) {
        builder.add(document);
      }
      pending.clear();
      long[] added = builder.lengthTotals();
      for (int f = 0; f < Segment.FIELDS; f++) {
        lengthTotals[f] += added[f];
      }
      indexedDocuments += builder.size();
      segments.add(locate(builder.build(averageLengths())));
    }
    mergeAsNeeded();
    SegmentView[] views = new SegmentView[segments.size()];
    for (int i = 0; i < views.length; i++) {
      views[i] = segments.get(i).view();
    }
    Arrays.sort(views, (a, b) -> Integer.compare(b.segment.size, a.segment.size));
    return new Snapshot(version, views);
  }

  private void mergeAsNeeded() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      SegmentState s = segments.get(i);
      if (s.live() == 0) {
        segments.remove(i);
      } else if (s.deletedCount * 3 > s.segment.size) {
        merge(i, i); // mostly deleted: rewritten without its dead documents
      }
    }
    while (segments.size() >= 2) {
      int last = segments.size() - 1;
      if (segments.get(last - 1).live() > (long) MERGE_FACTOR * segments.get(last).live()) {
        break;
      }
      merge(last - 1, last);
    }
  }

  /** Replaces segments {@code from} to {@code to} (inclusive) with one holding their live documents. */
  private void merge(int from, int to) {
    SegmentBuilder builder = new SegmentBuilder(fieldWeights, typoTolerance);
    for (int i = from; i <= to; i++) {
      SegmentState s = segments.get(i);
      int[] renumber = new int[s.segment.terms.count() + 1];
      for (int d = 0; d < s.segment.size; d++) {
        if (!s.isDeleted(d)) {
          builder.add(s.segment, d, renumber);
        }
      }
    }
    SegmentState merged = locate(builder.build(averageLengths()));
    for (int i = to; i >= from; i--) {
      segments.remove(i);
    }
    segments.add(from, merged);
  }

  /** Wraps a new segment, points its documents' ids at it and applies their boosts. */
  private SegmentState locate(Segment segment) {
    SegmentState state = new SegmentState(segment);
    for (int d = 0; d < segment.size; d++) {
      String id = segment.documents[d].id();
      located.put(id, new Location(state, d));
      Float boost = boosts.get(id);
      if (boost != null) {
        state.boost(d, boost);
      }
    }
    return state;
  }

  private double[] averageLengths() {
    double[] averages = new double[Segment.FIELDS];
    for (int f = 0; f < Segment.FIELDS; f++) {
      averages[f] = indexedDocuments == 0 ? 0 : (double) lengthTotals[f] / indexedDocuments;
    }
    return averages;
  }

  private void delete(Location at) {
    at.state.delete(at.doc);
    indexedDocuments--;
    for (int f = 0; f < Segment.FIELDS; f++) {
      lengthTotals[f] -= at.state.segment.lengths[Segment.FIELDS * at.doc + f];
    }
  }

  /** Where a document lives. */
  private record Location(SegmentState state, int doc) {}

  /**
   * A segment with the writer's copies of its deletions and boosts. The arrays are copied before a
   * change once a snapshot holds them (copy on write), so published views never change.
   */
  private static final class SegmentState {
    final Segment segment;
    long[] deleted;
    boolean deletedShared;
    int deletedCount;
    float[] boosts;
    boolean boostsShared;
    SegmentView view;

    SegmentState(Segment segment) {
      this.segment = segment;
    }

    int live() {
      return segment.size - deletedCount;
    }

    boolean isDeleted(int doc) {
      return deleted != null && (deleted[doc >>> 6] & (1L << doc)) != 0;
    }

    void delete(int doc) {
      if (deleted == null) {
        deleted = new long[(segment.size + 63) >>> 6];
      } else if (deletedShared) {
        deleted = deleted.clone();
      }
      deletedShared = false;
      deleted[doc >>> 6] |= 1L << doc;
      deletedCount++;
      view = null;
    }

    void boost(int doc, float factor) {
      if (boosts == null) {
        if (factor == 1f) {
          return;
        }
        boosts = new float[segment.size];
        Arrays.fill(boosts, 1f);
      } else if (boostsShared) {
        boosts = boosts.clone();
      }
      boostsShared = false;
      boosts[doc] = factor;
      view = null;
    }

    SegmentView view() {
      if (view == null) {
        float max = 1f;
        if (boosts != null) {
          max = 0f;
          for (int d = 0; d < boosts.length; d++) {
            if (boosts[d] > max && !isDeleted(d)) {
              max = boosts[d];
            }
          }
        }
        view = new SegmentView(segment, deleted, boosts, max, live());
        deletedShared = true;
        boostsShared = true;
      }
      return view;
    }
  }

  /**
   * Configures a {@link SearchIndex}. Every option may be set once; setting one twice is a mistake
   * and throws {@link IllegalStateException}. Options left out take the defaults.
   */
  public static final class Builder {
    private Synonyms synonyms;
    private Double titleWeight;
    private Double keywordsWeight;
    private Double bodyWeight;
    private Boolean typoTolerance;

    private Builder() {}

    private static <T> T once(String option, T current, T value) {
      InputChecks.required("SearchIndex.Builder", option, value);
      if (current != null) {
        throw new IllegalStateException(option + " is already set to " + current);
      }
      return value;
    }

    private static double weight(String option, Double current, double value) {
      if (!(value > 0 && value <= 100)) {
        throw InputChecks.rejected("SearchIndex.Builder", option, "must be greater than 0 and at most 100, was " + value);
      }
      return once(option, current, value);
    }

    /**
     * Sets the synonyms queries are expanded with. Default: {@link Synonyms#itDefaults()}.
     *
     * @param synonyms the synonyms; {@link Synonyms#none()} for none
     * @return this builder
     */
    public Builder synonyms(Synonyms synonyms) {
      this.synonyms = once("synonyms", this.synonyms, synonyms);
      return this;
    }

    /**
     * Sets how much a word in the title counts against one in the body. Default: 2.
     *
     * @param weight greater than 0, at most 100
     * @return this builder
     */
    public Builder titleWeight(double weight) {
      this.titleWeight = weight("titleWeight", this.titleWeight, weight);
      return this;
    }

    /**
     * Sets how much a keyword counts against a word in the body. Default: 1.5.
     *
     * @param weight greater than 0, at most 100
     * @return this builder
     */
    public Builder keywordsWeight(double weight) {
      this.keywordsWeight = weight("keywordsWeight", this.keywordsWeight, weight);
      return this;
    }

    /**
     * Sets how much a word in the body counts. Default: 1.
     *
     * @param weight greater than 0, at most 100
     * @return this builder
     */
    public Builder bodyWeight(double weight) {
      this.bodyWeight = weight("bodyWeight", this.bodyWeight, weight);
      return this;
    }

    /**
     * Turns typo tolerance on or off. Default: on.
     *
     * @param on whether a query term also matches terms one or two edits away
     * @return this builder
     */
    public Builder typoTolerance(boolean on) {
      this.typoTolerance = once("typoTolerance", this.typoTolerance, on);
      return this;
    }

    /**
     * Builds the empty index.
     *
     * @return the index
     */
    public SearchIndex build() {
      return new SearchIndex(this);
    }
  }
}
