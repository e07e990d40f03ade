package dev.helpdesk.kb.bulletin;

import dev.helpdesk.model.Bulletin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Ties an incoming ticket to the outage bulletin it is about (D-12): a ticket matches a bulletin
 * when its text mentions one of the bulletin's keywords or affected services as a whole word or
 * phrase, ignoring case, accents, ñ and ü, and a plural ending ("VPNs", "impresoras").
 *
 * <p>Deliberately precise rather than fuzzy: linking a ticket resolves it when the bulletin is
 * fixed, so a ticket is linked only when it names the problem's own words. Stateless and
 * thread-safe.
 */
public final class BulletinMatcher {
  private BulletinMatcher() {}

  /**
   * Returns the first of the bulletins, in the order given, that the text mentions.
   *
   * @param text the ticket's subject and description
   * @param bulletins the bulletins to try, most relevant first (such as the active ones, latest
   *     first)
   * @return the bulletin the text is about, or empty
   */
  public static Optional<Bulletin> firstMatch(String text, List<Bulletin> bulletins) {
    Objects.requireNonNull(text, "text");
    if (bulletins.isEmpty()) {
      return Optional.empty();
    }
    List<String> words = words(text);
    for (Bulletin bulletin : bulletins) {
      if (mentions(words, bulletin)) {
        return Optional.of(bulletin);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a text mentions one of a bulletin's keywords or affected services.
   *
   * @param text a ticket's text
   * @param bulletin the bulletin
   * @return whether the text is about it
   */
  public static boolean matches(String text, Bulletin bulletin) {
    Objects.requireNonNull(text, "text");
    return mentions(words(text), bulletin);
  }

  private static boolean mentions(List<String> words, Bulletin bulletin) {
    for (String phrase : bulletin.keywords()) {
      if (contains(words, words(phrase))) {
        return true;
      }
    }
    for (String service : bulletin.affectedServices()) {
      if (contains(words, words(service))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code phrase} occurs in {@code words} as consecutive words. */
  private static boolean contains(List<String> words, List<String> phrase) {
    if (phrase.isEmpty()) {
      return false;
    }
    outer:
    for (int i = 0; i + phrase.size() <= words.size(); i++) {
      for (int j = 0; j < phrase.size(); j++) {
        if (!words.get(i + j).equals(phrase.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The text's words: lower case, accents folded, a plural ending dropped. */
  static List<String> words(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a decomposed letter: "ñ" is "n" and a tilde
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        words.add(singular(word.toString()));
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(singular(word.toString()));
    }
    return words;
  }

  /**
   * A word without its plural ending and a final e, so that "impresoras" and "impresora", "redes"
   * and "red", "services" and "service" compare equal; both sides of a match go through it.
   */
  private static String singular(String word) {
    String w = word;
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}
