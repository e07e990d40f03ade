package dev.helpdesk.kb.search;

import dev.helpdesk.model.Visibility;

/**
 * An immutable slice of the index: some documents, numbered from 0 in the segment, with their own
 * terms and postings. Written once by {@link SegmentBuilder}, then only read, by any number of
 * threads at once.
 *
 * <ul>
 *   <li>Postings: for each term, the documents that have it in ascending order ({@code int[]}) and
 *       beside each its impact ({@code char}): the document's BM25F term-frequency part, {@code
 *       tf' / (k1 + tf')} with {@code tf'} the field-weighted, length-normalised frequency, scaled
 *       to 1–65535. A query multiplies it by the term's weight (IDF × kind of match × (k1 + 1)),
 *       so scoring is one multiply-add per posting. Each term also keeps its highest impact, the
 *       bound that lets a query skip documents that cannot reach the top.
 *   <li>Forward: per document and field, the term of each word in order (0 for stop words), a
 *       {@code char} each (terms are numbered commonest first; one numbered 65535 or more takes
 *       three). Snippets read it to find the matched words without analysing the text again;
 *       merges read it to rebuild postings.
 *   <li>Checkpoints: where every 16th word of a body starts, so a snippet tokenizes only the few
 *       words before its window to find offsets.
 * </ul>
 */
final class Segment {
  static final int TITLE = 0;
  static final int KEYWORDS = 1;
  static final int BODY = 2;
  static final int FIELDS = 3;
  static final int CHECKPOINT_EVERY = 16;
  static final int IMPACT_SCALE = 65535;
  /** In a forward list, a term numbered 65535 or more: its number follows in two chars. */
  static final char ESCAPE = '\uffff';

  static final byte INTERNAL = 1;
  static final int LANGUAGE_SHIFT = 1;

  final int size;
  final SearchDocument[] documents;
  /** Per document: bit 0 internal audience, bits 1 and up the language's ordinal. */
  final byte[] flags;
  final int[] categories;
  final String[] categoryNames;
  /** Per document and field, the number of words indexed (stop words excluded). */
  final int[] lengths;

  final char[] forward;
  /** Document {@code d}'s field {@code f} is {@code forward[forwardStarts[3d + f] .. forwardStarts[3d + f + 1])}. */
  final int[] forwardStarts;
  final int[] checkpoints;
  final int[] checkpointStarts;

  final TermTable terms;
  final int[] postingStarts;
  final int[] postingDocs;
  final char[] postingImpacts;
  final char[] maxImpacts;
  /** Null when typo tolerance is off. */
  final TypoIndex typos;

  Segment(SearchDocument[] documents, byte[] flags, int[] categories, String[] categoryNames, int[] lengths,
      char[] forward, int[] forwardStarts, int[] checkpoints, int[] checkpointStarts, TermTable terms,
      int[] postingStarts, int[] postingDocs, char[] postingImpacts, char[] maxImpacts, TypoIndex typos) {
    this.size = documents.length;
    this.documents = documents;
    this.flags = flags;
    this.categories = categories;
    this.categoryNames = categoryNames;
    this.lengths = lengths;
    this.forward = forward;
    this.forwardStarts = forwardStarts;
    this.checkpoints = checkpoints;
    this.checkpointStarts = checkpointStarts;
    this.terms = terms;
    this.postingStarts = postingStarts;
    this.postingDocs = postingDocs;
    this.postingImpacts = postingImpacts;
    this.maxImpacts = maxImpacts;
    this.typos = typos;
  }

  /** Writes a term's number into a forward list at {@code at}; returns where the next goes. */
  static int writeTerm(char[] forward, int at, int term) {
    if (term < ESCAPE) {
      forward[at] = (char) term;
      return at + 1;
    }
    forward[at] = ESCAPE;
    forward[at + 1] = (char) (term >>> 16);
    forward[at + 2] = (char) term;
    return at + 3;
  }

  /** How many documents have the term (deleted ones included, as until a merge they still count). */
  int documentFrequency(int term) {
    return postingStarts[term + 1] - postingStarts[term];
  }

  boolean internal(int doc) {
    return (flags[doc] & INTERNAL) != 0;
  }

  int language(int doc) {
    return flags[doc] >>> LANGUAGE_SHIFT;
  }

  static byte flags(SearchDocument document) {
    int f = document.audience() == Visibility.INTERNAL ? INTERNAL : 0;
    return (byte) (f | document.language().ordinal() << LANGUAGE_SHIFT);
  }

  /** The category's number in this segment, or -1 if no document has it. */
  int category(String name) {
    for (int i = 0; i < categoryNames.length; i++) {
      if (categoryNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
