package dev.helpdesk.kb.search;

import java.text.Normalizer;

/**
 * Splits text into words and folds each one: lower case, accents and marks removed ({@code ñ} and
 * {@code ü} included), so "Contraseña" and "CONTRASENA" become the same "contrasena". A word is a
 * run of letters and digits; everything else separates words.
 *
 * <p>The same text always yields the same words in the same order: the index stores, per word of
 * a document, only its term, and recovers where each word sits by tokenizing again.
 *
 * <p>One instance is reused for many texts by one thread: no allocation per word.
 */
final class Tokenizer {
  /** Longest word indexed; longer runs (hashes, encoded blobs) are passed over as words without a term. */
  static final int MAX_WORD = 40;

  /** The folded form of each char below {@code FOLDED_RANGE}: 0 separates words, {@code IGNORED} belongs to one and adds nothing. */
  private static final char[] FOLD;
  private static final int FOLDED_RANGE = 0x2000; // Latin, Greek, Cyrillic and their extensions
  private static final char IGNORED = '\uffff';

  static {
    FOLD = new char[FOLDED_RANGE];
    for (char c = 0; c < FOLDED_RANGE; c++) {
      FOLD[c] = decompose(c);
    }
  }

  private CharSequence text;
  private int position;
  private int limit;
  private int start;
  private int end;
  private final char[] word = new char[MAX_WORD];
  private int length;
  private boolean tooLong;

  /** Folds a char of the table: letters and digits lower-cased and stripped of marks by canonical decomposition. */
  private static char decompose(char c) {
    if (Character.isLetterOrDigit(c)) {
      String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char base = decomposed.charAt(0);
      char lower = Character.toLowerCase(Character.isLetterOrDigit(base) ? base : c);
      return lower == 0 || lower == IGNORED ? c : lower;
    }
    return foldBeyondTable(c);
  }

  /** Folds a char beyond the table (CJK, symbols, surrogates…): letters and digits lower-cased, marks ignored, the rest separates. */
  private static char foldBeyondTable(char c) {
    if (Character.isLetterOrDigit(c)) {
      char lower = Character.toLowerCase(c);
      return lower == IGNORED ? c : lower;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
      return IGNORED;
    }
    return 0;
  }

  /** The folded form of {@code c}: 0 if it separates words, {@link #IGNORED} if it belongs to a word but adds nothing. */
  static char fold(char c) {
    return c < FOLDED_RANGE ? FOLD[c] : foldBeyondTable(c);
  }

  /** Whether {@code c} belongs to a word. */
  static boolean inWord(char c) {
    return fold(c) != 0;
  }

  /** Starts on a text. */
  Tokenizer reset(CharSequence text) {
    return reset(text, 0, text.length());
  }

  /** Starts on part of a text, from {@code from} (which must not fall inside a word) to {@code to}. */
  Tokenizer reset(CharSequence text, int from, int to) {
    this.text = text;
    this.position = from;
    this.limit = to;
    return this;
  }

  /**
   * Moves to the next word.
   *
   * @return false when the text has no more words
   */
  boolean next() {
    CharSequence t = text;
    int p = position;
    int n = limit;
    while (p < n && fold(t.charAt(p)) == 0) {
      p++;
    }
    if (p >= n) {
      position = n;
      return false;
    }
    start = p;
    int len = 0;
    boolean overflow = false;
    char[] w = word;
    while (p < n) {
      char f = fold(t.charAt(p));
      if (f == 0) {
        break;
      }
      if (f != IGNORED) {
        if (len < MAX_WORD) {
          w[len++] = f;
        } else {
          overflow = true;
        }
      }
      p++;
    }
    end = p;
    position = p;
    length = len;
    tooLong = overflow;
    return true;
  }

  /** Moves past the next word without folding it; false when there is none. */
  boolean skip() {
    CharSequence t = text;
    int p = position;
    int n = limit;
    while (p < n && fold(t.charAt(p)) == 0) {
      p++;
    }
    if (p >= n) {
      position = n;
      return false;
    }
    start = p;
    while (p < n && fold(t.charAt(p)) != 0) {
      p++;
    }
    end = p;
    position = p;
    return true;
  }

  /** Where the current word starts in the text. */
  int start() {
    return start;
  }

  /** Where the current word ends in the text (exclusive). */
  int end() {
    return end;
  }

  /** The folded current word; valid until the next call. */
  char[] word() {
    return word;
  }

  /** Length of the folded current word; 0 for a word made only of marks. */
  int length() {
    return length;
  }

  /** Whether the current word is longer than {@link #MAX_WORD} and so gets no term. */
  boolean tooLong() {
    return tooLong;
  }
}
