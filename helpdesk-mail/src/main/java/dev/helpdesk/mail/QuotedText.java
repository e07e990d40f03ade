package dev.helpdesk.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where a reply stops and the message it quotes begins, so a ticket's history holds what the
 * customer wrote this time rather than the whole thread again. It cuts only at the marks mail
 * programs leave (an "On … wrote:" line before a quoted block, an "Original Message" rule, an
 * Outlook header block) and keeps everything when the cut would leave nothing.
 */
final class QuotedText {
  private static final String WROTE = "(wrote|escribió|escribio|a écrit|schrieb|ha scritto|escreveu|schreef|skrev)";
  /** "On Mon, 3 Nov 2025 at 10:00, Help Desk &lt;help@desk.example&gt; wrote:", in the common languages. */
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "^(On|El|Le|Am|Il|Em|Op|Den|Le\\s+\\S+)\\s.{4,}" + WROTE + "\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** The second line of a wrapped attribution. */
  private static final Pattern WROTE_LINE = Pattern.compile("^\\S*\\s*" + WROTE + "\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "^\\s*-{2,}\\s*(original message|mensaje original|message d'origine|ursprüngliche nachricht"
          + "|messaggio originale|mensagem original|oorspronkelijk bericht)"
          + "\\s*-{2,}\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern FROM_HEADER = Pattern.compile("^\\s*\\*?(From|De|Von|Da|Van|Från)\\s*:\\*?\\s.+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SENT_HEADER = Pattern.compile(
      "^\\s*\\*?(Sent|Date|Enviado|Envoyé|Gesendet|Inviato|Verzonden|Fecha|Datum|Data|Skickat)\\s*:\\*?\\s.+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");

  private QuotedText() {}

  /**
   * Returns a reply without the history it quotes.
   *
   * @param text the reply's text
   * @return the new part of it, or the whole text when no quoted history is found or nothing else
   *     would be left
   */
  static String withoutQuotedHistory(String text) {
    List<String> lines = text.lines().toList();
    int cut = lines.size();
    for (int i = 0; i < lines.size() && cut == lines.size(); i++) {
      String line = lines.get(i);
      if (ORIGINAL_MESSAGE.matcher(line).matches()) {
        cut = i;
      } else if (RULE.matcher(line).matches() && nextNonBlank(lines, i + 1, 2, FROM_HEADER)) {
        cut = i;
      } else if (FROM_HEADER.matcher(line).matches() && nextNonBlank(lines, i + 1, 3, SENT_HEADER)) {
        cut = i;
      } else if (isAttribution(lines, i) && onlyQuotedAfter(lines, attributionEnd(lines, i))) {
        cut = i;
      }
    }
    if (cut == lines.size()) {
      // No attribution line: drop a trailing block of quoted lines.
      int end = lines.size();
      while (end > 0 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith(">"))) {
        end--;
      }
      cut = end;
    }
    String kept = String.join("\n", lines.subList(0, cut)).strip();
    return kept.isEmpty() ? text.strip() : kept;
  }

  private static boolean isAttribution(List<String> lines, int i) {
    String line = lines.get(i).strip();
    if (ATTRIBUTION.matcher(line).matches()) {
      return true;
    }
    // Long attributions are wrapped: "On …, Help Desk <help@desk.example>" / "wrote:".
    return i + 1 < lines.size() && ATTRIBUTION.matcher(line + " " + lines.get(i + 1).strip()).matches()
        && WROTE_LINE.matcher(lines.get(i + 1).strip()).matches();
  }

  private static int attributionEnd(List<String> lines, int i) {
    return ATTRIBUTION.matcher(lines.get(i).strip()).matches() ? i + 1 : i + 2;
  }

  private static boolean onlyQuotedAfter(List<String> lines, int from) {
    boolean quoted = false;
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(">")) {
        return false;
      }
      quoted = true;
    }
    return quoted;
  }

  private static boolean nextNonBlank(List<String> lines, int from, int within, Pattern pattern) {
    int seen = 0;
    for (int i = from; i < lines.size() && seen < within; i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      if (pattern.matcher(lines.get(i)).matches()) {
        return true;
      }
      seen++;
    }
    return false;
  }
}
