package dev.helpdesk.kb.search;

/**
 * A segment as one snapshot sees it: which of its documents are deleted and the boost of each.
 * Immutable: a change makes the index publish a new view with new arrays.
 */
final class SegmentView {
  final Segment segment;
  /** Bit per document, set when deleted; null when none is. */
  final long[] deleted;
  /** Per document; null when all are 1. */
  final float[] boosts;
  final float maxBoost;
  final int live;

  SegmentView(Segment segment, long[] deleted, float[] boosts, float maxBoost, int live) {
    this.segment = segment;
    this.deleted = deleted;
    this.boosts = boosts;
    this.maxBoost = maxBoost;
    this.live = live;
  }

  boolean isDeleted(int doc) {
    return deleted != null && (deleted[doc >>> 6] & (1L << doc)) != 0;
  }

  float boost(int doc) {
    return boosts == null ? 1f : boosts[doc];
  }
}
