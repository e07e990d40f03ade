package dev.helpdesk.kb.search;

/**
 * The best {@code k} documents seen so far: a bounded min-heap, the weakest at the root, so each
 * candidate costs one comparison unless it gets in. Equal scores are ordered by id, so results do
 * not depend on segment layout.
 */
final class TopHits {
  private final SegmentView[] views;
  private final int capacity;
  private int size;
  private final float[] scores;
  private final int[] viewOf;
  private final int[] docs;

  TopHits(SegmentView[] views, int capacity) {
    this.views = views;
    this.capacity = capacity;
    this.scores = new float[capacity];
    this.viewOf = new int[capacity];
    this.docs = new int[capacity];
  }

  /** The score to beat (or tie with a smaller id) to get in; -1 while there is room. */
  float threshold() {
    return size < capacity ? -1f : scores[0];
  }

  void offer(int view, int doc, float score) {
    if (size < capacity) {
      int i = size++;
      scores[i] = score;
      viewOf[i] = view;
      docs[i] = doc;
      siftUp(i);
    } else if (score > scores[0] || (score == scores[0] && id(view, doc).compareTo(id(viewOf[0], docs[0])) < 0)) {
      scores[0] = score;
      viewOf[0] = view;
      docs[0] = doc;
      siftDown(0);
    }
  }

  int size() {
    return size;
  }

  /** Removes the weakest; read it with {@link #lastView}, {@link #lastDoc}, {@link #lastScore}. */
  void pollWeakest() {
    size--;
    float s = scores[0];
    int v = viewOf[0];
    int d = docs[0];
    scores[0] = scores[size];
    viewOf[0] = viewOf[size];
    docs[0] = docs[size];
    scores[size] = s;
    viewOf[size] = v;
    docs[size] = d;
    if (size > 0) {
      siftDown(0);
    }
  }

  float lastScore() {
    return scores[size];
  }

  int lastView() {
    return viewOf[size];
  }

  int lastDoc() {
    return docs[size];
  }

  private String id(int view, int doc) {
    return views[view].segment.documents[doc].id();
  }

  /** Whether entry {@code a} ranks below entry {@code b}. */
  private boolean weaker(int a, int b) {
    if (scores[a] != scores[b]) {
      return scores[a] < scores[b];
    }
    return id(viewOf[a], docs[a]).compareTo(id(viewOf[b], docs[b])) > 0;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!weaker(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && weaker(child + 1, child)) {
        child++;
      }
      if (!weaker(child, i)) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int v = viewOf[a];
    viewOf[a] = viewOf[b];
    viewOf[b] = v;
    int d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
  }
}
