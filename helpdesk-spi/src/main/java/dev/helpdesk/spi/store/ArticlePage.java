package dev.helpdesk.spi.store;

import dev.helpdesk.model.Article;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an {@link ArticleQuery}'s result, ordered by article id.
 *
 * @param articles the articles of this page, at most the query's limit
 * @param next the query for the following page, empty when this is the last one
 */
public record ArticlePage(List<Article> articles, Optional<ArticleQuery> next) {
  // Copies the list.
  public ArticlePage {
    articles = List.copyOf(articles);
    Objects.requireNonNull(next, "next");
  }

  /**
   * Builds a page from up to {@code limit + 1} matches in id order: one more than the limit means
   * there is a next page. Stores use it to avoid a second query for {@link #next()}.
   *
   * @param query the query answered
   * @param matches the first {@code query.limit() + 1} (or fewer) matches, in id order
   * @return the page
   */
  public static ArticlePage of(ArticleQuery query, List<Article> matches) {
    if (matches.size() > query.limit()) {
      List<Article> page = matches.subList(0, query.limit());
      return new ArticlePage(page, Optional.of(query.after(page.get(page.size() - 1).id())));
    }
    return new ArticlePage(matches, Optional.empty());
  }
}
