package dev.helpdesk.kb.search;

import java.util.List;

/**
 * A short extract of the document with the matched words marked: a window of 24 words of the body
 * where the most of the query's words show together (or the body's beginning when they match only
 * the title or keywords, or only past its first 10,000 words), with "…" where the text was cut; the
 * title when there is no body.
 *
 * @param text the extract
 * @param marks where the matched words are in {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Snippet.Mark> marks) {
  /**
   * Rejects missing values and marks outside the text, out of order or overlapping.
   *
   * @throws dev.helpdesk.model.ValidationException listing everything wrong
   */
  public Snippet {
    InputChecks.on("Snippet").notNull("text", text).notNull("marks", marks).done();
    marks = List.copyOf(marks);
    int previousEnd = 0;
    for (Mark m : marks) {
      if (m.end() > text.length() || m.start() < previousEnd) {
        throw InputChecks.rejected("Snippet", "marks", "must lie in the text in order without overlapping, "
            + m + " does not (text of " + text.length() + " characters)");
      }
      previousEnd = m.end();
    }
  }

  /**
   * One matched word: char offsets in the snippet's text.
   *
   * @param start where it starts
   * @param end where it ends (exclusive)
   */
  public record Mark(int start, int end) {
    /**
     * Rejects a negative start and an empty or reversed range.
     *
     * @throws dev.helpdesk.model.ValidationException if the range is not valid
     */
    public Mark {
      if (start < 0 || end <= start) {
        throw InputChecks.rejected("Snippet.Mark", "end", "must be after start, and start not negative: ["
            + start + ", " + end + ")");
      }
    }
  }

  /**
   * The text with each matched word wrapped, such as {@code marked("<b>", "</b>")}. The text is
   * not escaped: escape it first if it goes into markup.
   *
   * @param open what goes before each matched word
   * @param close what goes after it
   * @return the marked text
   */
  public String marked(String open, String close) {
    InputChecks.on("Snippet").notNull("open", open).notNull("close", close).done();
    StringBuilder b = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()));
    int at = 0;
    for (Mark m : marks) {
      b.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
      at = m.end();
    }
    return b.append(text, at, text.length()).toString();
  }
}
