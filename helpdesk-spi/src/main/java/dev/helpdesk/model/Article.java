package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A problem seen before and its solution, which first-line staff search to guide a customer (D-11):
 * how the problem shows itself, the steps that solve it, and the words it is found by.
 *
 * <p>A versioned aggregate: version 0 until a store first creates it, then every save is a
 * compare-and-set on {@link #version()} that bumps it by one. Its {@link #status()} moves as {@link
 * ArticleStatus} allows, through {@link #publish} and {@link #archive}; a published article is
 * revised in place ({@link #revise}), each revision a new version.
 *
 * @param id the article's identifier
 * @param title a short statement of the problem, as staff would search for it
 * @param symptoms how the problem shows itself to the user
 * @param solutionSteps what to do, in order; at least one step
 * @param keywords extra words it should be found by, lower case, without repeats, in the author's
 *     order
 * @param category the kind of problem, such as {@code printing}, as tickets name it
 * @param language the language it is written in, which decides how search analyses it
 * @param audience {@link Visibility#PUBLIC} if customers may read it too, {@link
 *     Visibility#INTERNAL} if only staff may
 * @param status draft, published or archived
 * @param version 0 before the article is first stored, then bumped by one on every save
 * @param updatedAt when it was last written, published or archived
 */
public record Article(
    @NotNull ArticleId id,
    @NotBlank @Size(max = Article.TITLE_MAX) String title,
    @NotBlank @Size(max = Article.SYMPTOMS_MAX) String symptoms,
    @NotEmpty @Size(max = Article.STEPS_MAX) List<@NotBlank @Size(max = Article.STEP_MAX) String> solutionSteps,
    @NotNull @Size(max = Article.KEYWORDS_MAX) List<@NotBlank @Size(max = Article.KEYWORD_MAX) String> keywords,
    @NotBlank @Size(max = Ticket.CATEGORY_MAX) String category,
    @NotNull Locale language,
    @NotNull Visibility audience,
    @NotNull ArticleStatus status,
    @PositiveOrZero long version,
    @NotNull Instant updatedAt) {

  /** The longest title accepted, as long as a ticket's subject. */
  public static final int TITLE_MAX = Ticket.SUBJECT_MAX;
  /** The longest description of the symptoms accepted. */
  public static final int SYMPTOMS_MAX = 10_000;
  /** The longest single solution step accepted. */
  public static final int STEP_MAX = 2_000;
  /** The most solution steps an article may have. */
  public static final int STEPS_MAX = 50;
  /** The longest keyword accepted; a keyword may be a short phrase. */
  public static final int KEYWORD_MAX = 64;
  /** The most keywords an article may have. */
  public static final int KEYWORDS_MAX = 50;
  /** The category a new draft gets until its author names one. */
  public static final String DEFAULT_CATEGORY = "general";

  // Validates every component: texts trimmed, keywords lower-cased without repeats, the language
  // reduced to its language tag so that it survives a round trip through any store.
  public Article {
    Checks checks = Checks.on(Article.class);
    checks.notNull("id", id);
    title = checks.text("title", title, TITLE_MAX);
    symptoms = checks.text("symptoms", symptoms, SYMPTOMS_MAX);
    checks.check(solutionSteps == null || !solutionSteps.isEmpty(), "solutionSteps", "must hold at least one step");
    solutionSteps = texts(checks, "solutionSteps", solutionSteps, STEP_MAX, STEPS_MAX, false);
    keywords = texts(checks, "keywords", keywords, KEYWORD_MAX, KEYWORDS_MAX, true);
    category = checks.text("category", category, Ticket.CATEGORY_MAX);
    if (checks.notNull("language", language) != null) {
      language = Locale.forLanguageTag(language.toLanguageTag());
      checks.check(!language.getLanguage().isEmpty(), "language", "must name a language, was '" + language + "'");
    }
    checks.notNull("audience", audience);
    checks.notNull("status", status);
    checks.atLeast("version", version, 0);
    checks.notNull("updatedAt", updatedAt);
    checks.done();
  }

  /**
   * Returns a new draft, staff only, in the {@value #DEFAULT_CATEGORY} category, without keywords.
   * A draft is internal until its author decides customers may read it, so nothing meant for staff
   * reaches a customer by default.
   *
   * @param id the new article's identifier
   * @param language the language it is written in
   * @param title a short statement of the problem
   * @param symptoms how the problem shows itself
   * @param solutionSteps what to do, in order; at least one step
   * @param at when it was written
   * @return the draft, version 0
   * @throws ValidationException if any value is invalid
   */
  public static Article draft(ArticleId id, Locale language, String title, String symptoms,
      List<String> solutionSteps, Instant at) {
    return new Article(id, title, symptoms, solutionSteps, List.of(), DEFAULT_CATEGORY, language,
        Visibility.INTERNAL, ArticleStatus.DRAFT, 0, at);
  }

  /**
   * Returns this article published, so search finds it.
   *
   * @param at when it was published
   * @return the published copy
   * @throws ValidationException if it is published already
   */
  public Article publish(Instant at) {
    return moveTo(ArticleStatus.PUBLISHED, "publish", at);
  }

  /**
   * Returns this article archived, so search no longer finds it.
   *
   * @param at when it was archived
   * @return the archived copy
   * @throws ValidationException if it is archived already
   */
  public Article archive(Instant at) {
    return moveTo(ArticleStatus.ARCHIVED, "archive", at);
  }

  private Article moveTo(ArticleStatus next, String action, Instant at) {
    if (!status.canBecome(next)) {
      throw new ValidationException("Article",
          List.of(new Violation("status", "is " + status + ": cannot " + action + " article " + id)));
    }
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, next, version, at);
  }

  /**
   * Returns this article with its text rewritten, in the same status: a revision of a published
   * article is live as soon as it is saved.
   *
   * @param title the new title
   * @param symptoms the new description of the symptoms
   * @param solutionSteps the new steps, at least one
   * @param at when it was revised
   * @return the revised copy
   * @throws ValidationException if any value is invalid
   */
  public Article revise(String title, String symptoms, List<String> solutionSteps, Instant at) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        at);
  }

  /**
   * Returns a copy found by these keywords instead; like every {@code with} method it leaves
   * {@link #updatedAt()} alone.
   *
   * @param keywords the words, in any case; repeats are dropped
   * @return the copy
   */
  public Article withKeywords(List<String> keywords) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        updatedAt);
  }

  /**
   * Returns a copy in another category.
   *
   * @param category the kind of problem
   * @return the copy
   */
  public Article withCategory(String category) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        updatedAt);
  }

  /**
   * Returns a copy for another audience.
   *
   * @param audience {@link Visibility#PUBLIC} to let customers read it, {@link Visibility#INTERNAL}
   *     to keep it to staff
   * @return the copy
   */
  public Article withAudience(Visibility audience) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        updatedAt);
  }

  /**
   * Returns a copy last changed at another instant; the desk stamps a change with its clock.
   *
   * @param updatedAt when it was last changed
   * @return the copy
   */
  public Article withUpdatedAt(Instant updatedAt) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        updatedAt);
  }

  /**
   * Returns a copy at another version; stores use it when they save.
   *
   * @param version the stored version
   * @return the copy
   */
  public Article withVersion(long version) {
    return new Article(id, title, symptoms, solutionSteps, keywords, category, language, audience, status, version,
        updatedAt);
  }

  /**
   * Tells whether search finds the article.
   *
   * @return true while it is {@link ArticleStatus#PUBLISHED}
   */
  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  /**
   * Validates a list of short texts for articles and bulletins alike: each trimmed, not blank, at
   * most {@code maxEach} characters, at most {@code maxCount} of them; keywords are lower-cased and
   * their repeats dropped, keeping the first occurrence's place.
   */
  static List<String> texts(Checks checks, String field, List<String> values, int maxEach, int maxCount,
      boolean keyword) {
    List<String> copy = checks.list(field, values);
    if (copy.size() > maxCount) {
      checks.fail(field, "must hold at most " + maxCount + " entries, held " + copy.size());
      return List.of();
    }
    List<String> cleaned = new ArrayList<>(copy.size());
    for (int i = 0; i < copy.size(); i++) {
      String text = checks.text(field + "[" + i + "]", copy.get(i), maxEach);
      cleaned.add(keyword ? text.toLowerCase(Locale.ROOT) : text);
    }
    return keyword ? List.copyOf(new LinkedHashSet<>(cleaned)) : List.copyOf(cleaned);
  }

  /** The same for an unordered set of keywords, such as a bulletin's. */
  static Set<String> keywordSet(Checks checks, String field, Set<String> values, int maxEach, int maxCount) {
    return Set.copyOf(texts(checks, field, values == null ? null : new ArrayList<>(values), maxEach, maxCount, true));
  }
}
