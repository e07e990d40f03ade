package dev.helpdesk.kb.search;

/**
 * Working memory for one search at a time, kept per thread by the index so that a search allocates
 * almost nothing: the analysis buffers, the typo lookup's sets, the window of score accumulators
 * and the snippet's matched positions.
 */
final class Scratch {
  final Tokenizer tokenizer = new Tokenizer();
  final char[] word = new char[Tokenizer.MAX_WORD];
  final long[] deletionHashes = new long[1 + TypoIndex.PREFIX + TypoIndex.PREFIX * (TypoIndex.PREFIX - 1) / 2];
  final IntSet seen = new IntSet();
  final int[] probeFrom = new int[deletionHashes.length];
  final int[] probeTo = new int[deletionHashes.length];
  final EditDistance distance = new EditDistance();
  final TypoIndex.TypoMatches typos = new TypoIndex.TypoMatches();
  final float[] window = new float[MaxScore.WINDOW];
  final long[] windowBits = new long[MaxScore.WINDOW / 64];
  final float[] bestOfWord = new float[MaxScore.WINDOW];
  final long[] bestOfWordBits = new long[MaxScore.WINDOW / 64];
  final Clauses clauses = new Clauses();
  int[] positions = new int[64];
  int[] positionWords = new int[64];
  final Snippets.Marks marks = new Snippets.Marks();
  /** A bit per term of one segment, set for the terms a snippet marks; cleared after each search. */
  long[] marked = new long[64];

  /** The term bits, large enough for a segment with {@code terms} terms. */
  long[] marked(int terms) {
    int words = (terms >>> 6) + 1;
    if (marked.length < words) {
      marked = new long[Math.max(words, marked.length * 2)];
    }
    return marked;
  }
}
