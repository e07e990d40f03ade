package dev.helpdesk.kb.search;

/**
 * What searches read: the segments as of one moment, published whole through a volatile field, so
 * a search never sees part of a change and never takes a lock to read.
 */
final class Snapshot {
  static final Snapshot EMPTY = new Snapshot(0, new SegmentView[0]);

  /** The count of changes this snapshot includes; the index compares it with its own to see if it is current. */
  final long version;
  /** Largest first, so that the first segment searched sets a high bar for the others. */
  final SegmentView[] views;
  /** All documents of the segments, deleted ones included, as document frequencies include them. */
  final long documentCount;

  Snapshot(long version, SegmentView[] views) {
    this.version = version;
    this.views = views;
    long n = 0;
    for (SegmentView v : views) {
      n += v.segment.size;
    }
    this.documentCount = n;
  }
}
