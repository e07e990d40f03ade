package dev.helpdesk.core.analytics;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits a ticket's subject into the words worth counting (D-23): letters and digits, lower-cased,
 * accents folded (so "impresión" and "impresion" are one word), at least three characters, not a
 * number, and not one of the common English and Spanish words that say nothing about the problem.
 */
final class Keywords {
  private static final Set<String> STOP_WORDS = Set.of(
      "the", "and", "for", "not", "does", "doesn", "can", "cannot", "with", "from", "this", "that",
      "are", "was", "were", "has", "have", "had", "but", "you", "your", "our", "any", "all", "how", "why",
      "what", "when", "who", "will", "won", "get", "got", "into", "out", "off", "too", "very", "again", "please",
      "help", "need", "issue", "problem", "working", "work", "works", "since", "after", "before", "there",
      "los", "las", "del", "una", "uno", "por", "para", "con", "sin", "que", "como", "mas", "muy", "este",
      "esta", "esto", "ese", "esa", "mis", "sus", "hay", "funciona", "problema", "ayuda", "puedo",
      "otra", "otro", "vez", "desde", "cuando", "pero", "todo", "todos", "nada", "tiene", "tengo");

  private Keywords() {}

  /** Calls {@code sink} with each word of the text worth counting, each distinct word once. */
  static void forEach(String text, Consumer<String> sink) {
    char[] word = new char[32];
    int length = 0;
    boolean digitsOnly = true;
    String previous1 = null;
    String previous2 = null;
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? fold(text.charAt(i)) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (length == word.length) {
          word = java.util.Arrays.copyOf(word, length * 2);
        }
        word[length++] = c;
        digitsOnly &= c >= '0' && c <= '9';
        continue;
      }
      if (length >= 3 && !digitsOnly) {
        String found = new String(word, 0, length);
        // A subject seldom repeats a word; remembering the last two catches "error ... error".
        if (!STOP_WORDS.contains(found) && !found.equals(previous1) && !found.equals(previous2)) {
          sink.accept(found);
          previous2 = previous1;
          previous1 = found;
        }
      }
      length = 0;
      digitsOnly = true;
    }
  }

  /** Lower case without the accents of Latin-1 letters: the accents Spanish and English tickets carry. */
  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    char lower = Character.toLowerCase(c);
    switch (lower) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å':
        return 'a';
      case 'ç':
        return 'c';
      case 'è', 'é', 'ê', 'ë':
        return 'e';
      case 'ì', 'í', 'î', 'ï':
        return 'i';
      case 'ñ':
        return 'n';
      case 'ò', 'ó', 'ô', 'õ', 'ö':
        return 'o';
      case 'ù', 'ú', 'û', 'ü':
        return 'u';
      case 'ý', 'ÿ':
        return 'y';
      default:
        return lower;
    }
  }
}
