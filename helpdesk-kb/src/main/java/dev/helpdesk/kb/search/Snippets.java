package dev.helpdesk.kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the snippet of a hit. The matched words are found in the document's forward terms (one
 * char per word, tested against a bit per query term), not by analysing its text again. The
 * window of {@value #WINDOW_WORDS} words showing the most of the query's words is chosen, the
 * first that shows them all as soon as it is found (so a long body is rarely read to its end);
 * only the words up to the window are tokenized again, from the nearest checkpoint, to find its
 * offsets. Runs of whitespace become one space.
 */
final class Snippets {
  static final int WINDOW_WORDS = 24;
  private static final int CONTEXT_BEFORE = 4;
  private static final int SPAN = WINDOW_WORDS - CONTEXT_BEFORE;
  /** Words of a body looked at for matches; beyond, only the beginning is shown. */
  private static final int MAX_SCANNED = 10_000;
  private static final String CUT = "…";

  /** The query's terms in one segment: a bit per term for the scan, and which query words each stands for. */
  static final class Marks {
    long[] bits;
    int[] terms = new int[16];
    int[] words = new int[16];
    int count;
    /** A bit per query word that has a term in the segment. */
    int allWords;

    /** Sets the terms of the clauses (sorted here, each once with all its words); {@code bits} must be clear. */
    void set(long[] bits, Clauses clauses) {
      this.bits = bits;
      int n = clauses.termCount();
      if (terms.length < n) {
        terms = new int[n];
        words = new int[n];
      }
      count = 0;
      allWords = 0;
      for (int c = 0; c < clauses.count; c++) {
        int word = 1 << clauses.words[c];
        allWords |= word;
        for (int m = clauses.starts[c]; m < clauses.starts[c + 1]; m++) {
          int t = clauses.terms[m];
          int j = count;
          while (j > 0 && terms[j - 1] > t) {
            j--;
          }
          if (j > 0 && terms[j - 1] == t) {
            words[j - 1] |= word;
            continue;
          }
          System.arraycopy(terms, j, terms, j + 1, count - j);
          System.arraycopy(words, j, words, j + 1, count - j);
          terms[j] = t;
          words[j] = word;
          count++;
          bits[t >>> 6] |= 1L << t;
        }
      }
    }

    void clear() {
      for (int i = 0; i < count; i++) {
        bits[terms[i] >>> 6] = 0;
      }
      count = 0;
    }

    int wordsOf(int term) {
      int i = Arrays.binarySearch(terms, 0, count, term);
      return i >= 0 ? words[i] : 0;
    }
  }

  private Snippets() {}

  /** The snippet of a document of a segment. */
  static Snippet of(Segment segment, int doc, Marks marks, Scratch scratch) {
    SearchDocument document = segment.documents[doc];
    int field = Segment.BODY;
    String text = document.body();
    int at = segment.forwardStarts[Segment.FIELDS * doc + Segment.BODY];
    int stop = segment.forwardStarts[Segment.FIELDS * doc + Segment.BODY + 1];
    if (at == stop) {
      field = Segment.TITLE;
      text = document.title();
      at = segment.forwardStarts[Segment.FIELDS * doc];
      stop = segment.forwardStarts[Segment.FIELDS * doc + 1];
    }
    char[] forward = segment.forward;
    long[] matched = marks.bits;
    int[] positions = scratch.positions;
    int[] words = scratch.positionWords;
    int found = 0;
    int scanned = 0;
    int best = -1;
    int bestWords = 0;
    int bestCount = 0;
    boolean complete = false;
    while (at < stop && scanned < MAX_SCANNED) {
      int id = forward[at++];
      if (id == Segment.ESCAPE) {
        id = forward[at] << 16 | forward[at + 1];
        at += 2;
      }
      if ((matched[id >>> 6] & (1L << id)) != 0) {
        if (found == positions.length) {
          positions = Arrays.copyOf(positions, found * 2);
          words = Arrays.copyOf(words, found * 2);
          scratch.positions = positions;
          scratch.positionWords = words;
        }
        positions[found] = scanned;
        words[found] = marks.wordsOf(id);
        found++;
        if (!complete) {
          // The window ending here: which query words it shows, and from which match it starts.
          int shown = 0;
          int count = 0;
          int j = found - 1;
          while (j >= 0 && positions[j] > scanned - SPAN) {
            shown |= words[j];
            count++;
            j--;
          }
          int distinct = Integer.bitCount(shown);
          if (distinct > bestWords || (distinct == bestWords && count > bestCount)) {
            best = positions[j + 1];
            bestWords = distinct;
            bestCount = count;
            // Every word shown: no later window can do better, so read only to this one's end.
            complete = shown == marks.allWords;
          }
        }
      }
      scanned++;
      if (complete && scanned >= Math.max(0, best - CONTEXT_BEFORE) + WINDOW_WORDS) {
        break;
      }
    }
    int first = best < 0 ? 0 : Math.max(0, best - CONTEXT_BEFORE);
    return cut(segment, doc, field, text, first, first + WINDOW_WORDS, positions, found, scratch);
  }

  private static Snippet cut(Segment segment, int doc, int field, String text, int first, int last, int[] positions,
      int found, Scratch scratch) {
    Tokenizer words = scratch.tokenizer;
    int word = 0;
    int from = 0;
    if (field == Segment.BODY) {
      int checkpoint = first / Segment.CHECKPOINT_EVERY;
      from = segment.checkpoints[segment.checkpointStarts[doc] + checkpoint];
      word = checkpoint * Segment.CHECKPOINT_EVERY;
    }
    words.reset(text, from, text.length());
    while (word < first && words.skip()) {
      word++;
    }
    StringBuilder out = new StringBuilder(200);
    if (first > 0) {
      out.append(CUT);
    }
    List<Snippet.Mark> marks = new ArrayList<>();
    int p = 0;
    while (p < found && positions[p] < first) {
      p++;
    }
    int copied = -1; // where the text copied so far ends
    while (word < last && words.skip()) {
      if (copied >= 0) {
        appendSpace(out, text, copied, words.start());
      }
      int start = out.length();
      out.append(text, words.start(), words.end());
      if (p < found && positions[p] == word) {
        marks.add(new Snippet.Mark(start, out.length()));
        p++;
      }
      copied = words.end();
      word++;
    }
    if (word == last && words.skip()) {
      out.append(CUT);
    } else if (copied >= 0 && copied < text.length()) {
      appendTrailing(out, text, copied);
    }
    return new Snippet(out.toString(), marks);
  }

  /** What lies between two words, whitespace runs made one space. */
  private static void appendSpace(StringBuilder out, String text, int from, int to) {
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
  }

  /** The punctuation that closes the text (a final full stop), without trailing whitespace. */
  private static void appendTrailing(StringBuilder out, String text, int from) {
    int to = text.length();
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    appendSpace(out, text, from, to);
  }
}
