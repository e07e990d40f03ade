package dev.helpdesk.core.analytics;

import dev.helpdesk.model.ArticleId;
import java.time.Instant;
import java.util.Map;

/**
 * What the knowledge base knows and the ticket history does not (D-11, D-23): which articles
 * customers can read for themselves, and how many questions they solved with them without opening a
 * ticket (self-service deflection). The knowledge base (issue 5) supplies it; the trend report uses
 * it to find what customers could solve themselves.
 */
public interface SelfService {
  /**
   * Tells whether customers can read an article themselves.
   *
   * @param article an article a solution used
   * @return whether it is published to customers
   */
  boolean isPublic(ArticleId article);

  /**
   * Counts the questions customers solved themselves in a period, by category.
   *
   * @param from the first instant included
   * @param to the first instant excluded
   * @return category to the number of questions deflected; categories without any may be absent
   */
  Map<String, Long> deflections(Instant from, Instant to);

  /**
   * Returns the self-service of a desk without a public knowledge base: no public articles, no
   * deflections.
   *
   * @return the empty self-service
   */
  static SelfService none() {
    return new SelfService() {
      @Override
      public boolean isPublic(ArticleId article) {
        return false;
      }

      @Override
      public Map<String, Long> deflections(Instant from, Instant to) {
        return Map.of();
      }

      @Override
      public String toString() {
        return "no self-service";
      }
    };
  }
}
