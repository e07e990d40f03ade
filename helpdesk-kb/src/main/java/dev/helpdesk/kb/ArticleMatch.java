package dev.helpdesk.kb;

import dev.helpdesk.kb.search.Snippet;
import dev.helpdesk.model.Article;
import java.util.Objects;

/**
 * An article found by a search, with how well it matched and an extract with the matched words
 * marked.
 *
 * @param article the article as stored
 * @param score its relevance; higher is better, comparable only within one search
 * @param snippet an extract of it with the matched words marked
 */
public record ArticleMatch(Article article, double score, Snippet snippet) {
  /** Rejects missing components. */
  public ArticleMatch {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(snippet, "snippet");
  }
}
