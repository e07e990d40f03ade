package dev.helpdesk.kb.search;

import dev.helpdesk.model.Visibility;

/**
 * One searchable document: an article as the search core sees it. Immutable, validated.
 *
 * <p>The title, keywords and body are analysed in the document's language and searched with their
 * own weights; the body also gives the snippet. Missing keywords, body or category are empty text.
 *
 * @param id the article's identifier: 1 to 64 characters, no whitespace
 * @param language the language the text is written in
 * @param title the title, not blank, at most 500 characters
 * @param keywords words the article should be found by, at most 2,000 characters; null is empty
 * @param body the text, at most 500,000 characters; null is empty
 * @param category the category a query may be limited to, compared exactly, at most 100
 *     characters; null is empty (no category)
 * @param audience who may read it: {@link Visibility#PUBLIC} documents are found by customers,
 *     {@link Visibility#INTERNAL} ones only by staff
 */
public record SearchDocument(String id, Language language, String title, String keywords, String body,
                             String category, Visibility audience) {
  static final int TITLE_MAX = 500;
  static final int KEYWORDS_MAX = 2_000;
  static final int BODY_MAX = 500_000;
  static final int CATEGORY_MAX = 100;

  /**
   * Validates every component at once and turns missing keywords, body and category into empty
   * text.
   *
   * @throws dev.helpdesk.model.ValidationException listing everything wrong
   */
  public SearchDocument {
    InputChecks.on("SearchDocument")
        .id("id", id)
        .notNull("language", language)
        .text("title", title, TITLE_MAX)
        .optionalText("keywords", keywords, KEYWORDS_MAX)
        .optionalText("body", body, BODY_MAX)
        .optionalText("category", category, CATEGORY_MAX)
        .notNull("audience", audience)
        .done();
    keywords = keywords == null ? "" : keywords;
    body = body == null ? "" : body;
    category = category == null ? "" : category;
  }
}
