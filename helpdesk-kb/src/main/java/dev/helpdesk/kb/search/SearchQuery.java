package dev.helpdesk.kb.search;

import dev.helpdesk.model.Visibility;
import java.util.Arrays;
import java.util.Objects;

/**
 * A query: the text typed, with optional filters. Immutable; built fluently, each method returning
 * a new query.
 *
 * <p>The text's words are looked for in any order; a document needs only one of them, and ranks
 * higher the more it has, the rarer they are and the more prominently (title before keywords
 * before body). Up to the first 32 words count.
 */
public final class SearchQuery {
  static final int TEXT_MAX = 1_000;
  static final int LIMIT_MAX = 1_000;
  private static final int DEFAULT_LIMIT = 10;
  private static final String[] NO_CATEGORIES = new String[0];

  private final String text;
  private final int limit;
  private final String[] categories;
  private final Visibility audience;
  private final Language language;
  private final Language documentLanguage;
  private final boolean asYouType;

  private SearchQuery(String text, int limit, String[] categories, Visibility audience, Language language,
      Language documentLanguage, boolean asYouType) {
    this.text = text;
    this.limit = limit;
    this.categories = categories;
    this.audience = audience;
    this.language = language;
    this.documentLanguage = documentLanguage;
    this.asYouType = asYouType;
  }

  /**
   * A query for the text: the best 10 documents, no filters, language unknown (analysed in every
   * language), no prefix matching.
   *
   * @param text what the user typed: not blank, at most 1,000 characters
   * @return the query
   * @throws dev.helpdesk.model.ValidationException if the text is null, blank or too long
   */
  public static SearchQuery of(String text) {
    InputChecks.on("SearchQuery").text("text", text, TEXT_MAX).done();
    return new SearchQuery(text, DEFAULT_LIMIT, NO_CATEGORIES, Visibility.INTERNAL, null, null, false);
  }

  /**
   * This query returning at most {@code k} hits.
   *
   * @param k from 1 to 1,000
   * @return the new query
   * @throws dev.helpdesk.model.ValidationException if {@code k} is out of range
   */
  public SearchQuery limit(int k) {
    if (k < 1 || k > LIMIT_MAX) {
      throw InputChecks.rejected("SearchQuery", "limit", "must be between 1 and " + LIMIT_MAX + ", was " + k);
    }
    return new SearchQuery(text, k, categories, audience, language, documentLanguage, asYouType);
  }

  /**
   * This query limited to documents of the category, or of any category already given: called for
   * several categories, a document in any one of them is found.
   *
   * @param category a category as given in {@link SearchDocument#category()}, compared exactly
   * @return the new query
   * @throws dev.helpdesk.model.ValidationException if the category is null or blank
   */
  public SearchQuery inCategory(String category) {
    InputChecks.on("SearchQuery").text("category", category, SearchDocument.CATEGORY_MAX).done();
    for (String c : categories) {
      if (c.equals(category)) {
        return this;
      }
    }
    String[] more = Arrays.copyOf(categories, categories.length + 1);
    more[categories.length] = category;
    return new SearchQuery(text, limit, more, audience, language, documentLanguage, asYouType);
  }

  /**
   * This query on behalf of an audience: {@link Visibility#PUBLIC} finds only public documents (a
   * customer searching); {@link Visibility#INTERNAL} finds all (staff), which is the default.
   *
   * @param audience who is searching
   * @return the new query
   * @throws dev.helpdesk.model.ValidationException if the audience is null
   */
  public SearchQuery audience(Visibility audience) {
    InputChecks.required("SearchQuery", "audience", audience);
    return new SearchQuery(text, limit, categories, audience, language, documentLanguage, asYouType);
  }

  /**
   * This query with its text analysed in the given language only. Unknown by default, the text is
   * then analysed in every language and a word matches in any of them.
   *
   * @param language the language the text is written in
   * @return the new query
   * @throws dev.helpdesk.model.ValidationException if the language is null
   */
  public SearchQuery language(Language language) {
    InputChecks.required("SearchQuery", "language", language);
    return new SearchQuery(text, limit, categories, audience, language, documentLanguage, asYouType);
  }

  /**
   * This query limited to documents written in the given language (the last one given counts).
   *
   * @param language the documents' language
   * @return the new query
   * @throws dev.helpdesk.model.ValidationException if the language is null
   */
  public SearchQuery documentLanguage(Language language) {
    InputChecks.required("SearchQuery", "documentLanguage", language);
    return new SearchQuery(text, limit, categories, audience, this.language, language, asYouType);
  }

  /**
   * This query for type-ahead: if the text ends inside a word (the user is still typing it), that
   * last word also matches every term it begins (the most common 32), ranked a little below a
   * whole-word match. A text ending in a space or punctuation is searched as it is.
   *
   * @return the new query
   */
  public SearchQuery asYouType() {
    return new SearchQuery(text, limit, categories, audience, language, documentLanguage, true);
  }

  String text() {
    return text;
  }

  int limitValue() {
    return limit;
  }

  String[] categories() {
    return categories;
  }

  boolean publicOnly() {
    return audience == Visibility.PUBLIC;
  }

  /** The text's language, or null when unknown. */
  Language languageValue() {
    return language;
  }

  /** The documents' language required, or null for any. */
  Language documentLanguageValue() {
    return documentLanguage;
  }

  boolean prefixMatching() {
    return asYouType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SearchQuery)) {
      return false;
    }
    SearchQuery q = (SearchQuery) o;
    return limit == q.limit && asYouType == q.asYouType && text.equals(q.text)
        && Arrays.equals(categories, q.categories) && audience == q.audience && language == q.language
        && documentLanguage == q.documentLanguage;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, limit, Arrays.hashCode(categories), audience, language, documentLanguage, asYouType);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("SearchQuery{text='").append(text).append("', limit=").append(limit);
    if (categories.length > 0) {
      b.append(", categories=").append(Arrays.toString(categories));
    }
    if (audience == Visibility.PUBLIC) {
      b.append(", public only");
    }
    if (language != null) {
      b.append(", language=").append(language);
    }
    if (documentLanguage != null) {
      b.append(", documentLanguage=").append(documentLanguage);
    }
    if (asYouType) {
      b.append(", as you type");
    }
    return b.append('}').toString();
  }
}
