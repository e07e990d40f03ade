package dev.helpdesk.core;

import dev.helpdesk.kb.ArticleMatch;
import dev.helpdesk.model.Bulletin;
import java.util.List;

/**
 * What may answer a ticket (D-11, D-12): the active bulletins about its problem, which come first,
 * then the best knowledge-base articles for it.
 *
 * @param bulletins active bulletins whose keywords or services the ticket names, the most recent first
 * @param articles the best matching articles, best first
 */
public record Suggestions(List<Bulletin> bulletins, List<ArticleMatch> articles) {
  /** Copies the lists. */
  public Suggestions {
    bulletins = List.copyOf(bulletins);
    articles = List.copyOf(articles);
  }
}
