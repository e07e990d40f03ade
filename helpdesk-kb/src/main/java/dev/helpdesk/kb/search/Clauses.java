package dev.helpdesk.kb.search;

import java.util.Arrays;

/**
 * A query's terms in one segment, as clauses of alternatives: per query word, one clause of its
 * forms and synonyms and one of its near terms (typo neighbours and completions). A document scores
 * the best term it has of each clause, not their sum: a word found through three near spellings
 * counts once. That also keeps each clause's bound (its best term's) tight when typo tolerance
 * brings a word dozens of neighbours, and the neighbours' clause, with its low bound, is soon left
 * out of the walk, which is what lets the scorer skip documents.
 */
final class Clauses {
  /** How many clauses have a term in the segment. */
  int count;
  /** Clause {@code c}'s terms are {@code terms[starts[c] .. starts[c + 1])}. */
  int[] starts = new int[8];
  /** The query word each clause stands for (two clauses may stand for one word). */
  int[] words = new int[8];
  int[] terms = new int[16];
  float[] weights = new float[16];

  void clear() {
    count = 0;
    starts[0] = 0;
  }

  /** Starts a clause of a query word. */
  void startWord(int word) {
    if (count + 2 > starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
      words = Arrays.copyOf(words, words.length * 2);
    }
    words[count] = word;
    starts[count + 1] = starts[count];
  }

  /** Adds a term to the clause started last; a term given twice keeps its higher weight. */
  void add(int term, float weight) {
    int from = starts[count];
    int end = starts[count + 1];
    for (int i = from; i < end; i++) {
      if (terms[i] == term) {
        weights[i] = Math.max(weights[i], weight);
        return;
      }
    }
    if (end == terms.length) {
      terms = Arrays.copyOf(terms, end * 2);
      weights = Arrays.copyOf(weights, end * 2);
    }
    terms[end] = term;
    weights[end] = weight;
    starts[count + 1] = end + 1;
  }

  /** Ends the clause started last, keeping it if it has any term. */
  void endWord() {
    if (starts[count + 1] > starts[count]) {
      count++;
    }
  }

  int termCount() {
    return starts[count];
  }
}
