package dev.helpdesk.kb.flow;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A leaf that solves the problem: a knowledge-base article to follow, a text telling what to do,
 * or both (D-11).
 *
 * @param id the node's id, unique within its flowchart
 * @param article the article that solves the problem, if any; {@code null} is taken as empty
 * @param text what to do, stripped and at most 4,000 characters; empty when the article says it all
 */
public record Solution(String id, Optional<ArticleId> article, String text) implements Leaf {
  /**
   * Creates a solution, stripping its text.
   *
   * @throws dev.helpdesk.model.ValidationException if the id is invalid, the text too long, or
   *     there is neither an article nor a text
   */
  public Solution {
    article = article == null ? Optional.empty() : article;
    text = Rules.strip(text);
    List<Violation> violations = new ArrayList<>(0);
    Rules.check(violations, "id", Rules.id(id));
    Rules.check(violations, "text", Rules.optionalText(text, Rules.TEXT_MAX));
    if (article.isEmpty() && text.isEmpty()) {
      violations.add(new Violation("text", "must not be blank when there is no article"));
    }
    Rules.done("Solution", violations);
  }

  /**
   * Returns a solution given as text alone.
   *
   * @param id the node's id
   * @param text what to do, not blank
   * @return the solution
   * @throws dev.helpdesk.model.ValidationException if the id or the text is invalid
   */
  public static Solution of(String id, String text) {
    return new Solution(id, Optional.empty(), text);
  }

  /**
   * Returns a solution that points at an article, with an optional text.
   *
   * @param id the node's id
   * @param article the article that solves the problem
   * @param text what to do, or {@code null} or empty when the article says it all
   * @return the solution
   * @throws dev.helpdesk.model.ValidationException if the id or the text is invalid
   */
  public static Solution of(String id, ArticleId article, String text) {
    return new Solution(id, Optional.ofNullable(article), text);
  }
}
