package dev.helpdesk.kb.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the search core analyses: each document is analysed in its own, and a query in its
 * own when known, in all of them when not.
 *
 * <p>Analysis lower-cases and folds accents ({@code ñ} to {@code n}, {@code ü} to {@code u}), drops
 * the language's stop words and applies a light stemmer for plurals and the commonest endings.
 */
public enum Language {
  /** English: "printers" is analysed as "printer", "printing" and "printed" as "print". */
  ENGLISH(StopWords.ENGLISH),
  /** Spanish: "contraseñas" is analysed as "contrasen", like "contraseña". */
  SPANISH(StopWords.SPANISH);

  private final StopWords stopWords;

  Language(StopWords stopWords) {
    this.stopWords = stopWords;
  }

  /** Every language, for text whose language is not known. */
  static final List<Language> ALL = List.of(values());

  /**
   * The analysis language for a locale's language code ("es" → SPANISH, "en" → ENGLISH), empty
   * for others.
   *
   * @param locale any locale; its country and variant are ignored
   * @return the language, or empty if the search core has no analysis for it
   * @throws dev.helpdesk.model.ValidationException if the locale is null
   */
  public static Optional<Language> of(Locale locale) {
    InputChecks.required("Language", "locale", locale);
    switch (locale.getLanguage()) {
      case "es":
        return Optional.of(SPANISH);
      case "en":
        return Optional.of(ENGLISH);
      default:
        return Optional.empty();
    }
  }

  /** Whether the folded word is one of this language's stop words. */
  boolean isStopWord(char[] word, int length) {
    return stopWords.contains(word, length);
  }

  /** Stems a folded word in place and returns the stem's length. */
  int stem(char[] word, int length) {
    return this == SPANISH ? Stemmer.spanish(word, length) : Stemmer.english(word, length);
  }
}
