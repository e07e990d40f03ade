package dev.helpdesk.spi.store;

import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.ArticleStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which articles to list: the statuses they may have, a page size, and where the page starts.
 * Results are always ordered by article id, and pages continue after the last id seen, so a page
 * never repeats or skips an article that was there all along, however many are added meanwhile.
 *
 * <p>Immutable: each method returns a changed copy. {@code ArticleQuery.published().limit(500)} is
 * the first page of what the knowledge base indexes.
 */
public final class ArticleQuery {
  /** The page size when none is set. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest page size. */
  public static final int MAX_LIMIT = 10_000;

  private static final Set<ArticleStatus> ALL_STATUSES = Set.copyOf(EnumSet.allOf(ArticleStatus.class));
  private static final Set<ArticleStatus> PUBLISHED = Set.of(ArticleStatus.PUBLISHED);

  private final Set<ArticleStatus> statuses;
  private final int limit;
  private final ArticleId afterId;

  private ArticleQuery(Set<ArticleStatus> statuses, int limit, ArticleId afterId) {
    this.statuses = statuses;
    this.limit = limit;
    this.afterId = afterId;
  }

  /**
   * Returns a query for every article, whatever its status.
   *
   * @return the first page of all articles
   */
  public static ArticleQuery all() {
    return new ArticleQuery(ALL_STATUSES, DEFAULT_LIMIT, null);
  }

  /**
   * Returns a query for the articles search finds.
   *
   * @return the first page of published articles
   */
  public static ArticleQuery published() {
    return new ArticleQuery(PUBLISHED, DEFAULT_LIMIT, null);
  }

  /**
   * Keeps only articles in one of these statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return the changed query
   */
  public ArticleQuery status(ArticleStatus first, ArticleStatus... more) {
    return new ArticleQuery(Set.copyOf(EnumSet.of(first, more)), limit, afterId);
  }

  /**
   * Sets the page size.
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return the changed query
   * @throws ValidationException if the limit is out of range
   */
  public ArticleQuery limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("ArticleQuery",
          List.of(new Violation("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit)));
    }
    return new ArticleQuery(statuses, limit, afterId);
  }

  /**
   * Starts the page right after this id.
   *
   * @param last the id of the last article of the previous page
   * @return the changed query
   */
  public ArticleQuery after(ArticleId last) {
    return new ArticleQuery(statuses, limit, Objects.requireNonNull(last, "last"));
  }

  /** @return the statuses an article may have to match */
  public Set<ArticleStatus> statuses() {
    return statuses;
  }

  /** @return the page size */
  public int limit() {
    return limit;
  }

  /** @return the id the page starts after, if it is not the first page */
  public Optional<ArticleId> afterId() {
    return Optional.ofNullable(afterId);
  }

  /**
   * Tells whether an article has one of the statuses and comes after the page's start.
   *
   * @param article an article
   * @return whether it belongs in the result
   */
  public boolean matches(Article article) {
    return statuses.contains(article.status()) && (afterId == null || article.id().compareTo(afterId) > 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArticleQuery q && q.statuses.equals(statuses) && q.limit == limit
        && Objects.equals(q.afterId, afterId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statuses, limit, afterId);
  }

  @Override
  public String toString() {
    return "ArticleQuery{statuses=" + statuses + ", limit=" + limit + (afterId == null ? "" : ", after=" + afterId)
        + "}";
  }
}
