package dev.helpdesk.kb.search;

import java.util.Arrays;

/**
 * A query's terms in one segment, by query word: each word is one clause whose terms (its forms,
 * synonyms, near terms and completions) are alternatives. A document scores, for each word, the
 * best of that word's terms it has, not their sum: a word found through three near spellings counts
 * once. That also keeps a word's bound (its best term's) tight when typo tolerance brings it dozens
 * of terms, which is what lets the scorer skip documents.
 */
final class Clauses {
  /** How many words have a term in the segment. */
  int count;
  /** Clause {@code c}'s terms are {@code terms[starts[c] .. starts[c + 1])}. */
  int[] starts = new int[8];
  /** The query word each clause stands for. */
  int[] words = new int[8];
  int[] terms = new int[16];
  float[] weights = new float[16];

  void clear() {
    count = 0;
    starts[0] = 0;
  }

  /** Starts the clause of a query word. */
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
