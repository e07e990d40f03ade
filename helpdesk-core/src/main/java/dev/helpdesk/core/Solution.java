package dev.helpdesk.core;

import dev.helpdesk.model.ArticleId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * The solution a technician gives (D-17).
 *
 * @param text what was done, or what the customer should do
 * @param article the knowledge-base article used, if any (D-11)
 * @param confirmed whether the customer, on the line or at the desk, confirmed it works:
 *     the ticket then closes at once
 * @param firstContact whether it is given in the contact that opened the ticket (D-05); implies
 *     confirmation, and counts as resolved at first contact
 */
public record Solution(
    @NotBlank @Size(max = 10_000) String text,
    @NotNull Optional<ArticleId> article,
    boolean confirmed,
    boolean firstContact) {

  /**
   * A solution given to the customer, who will confirm it later (or stay silent).
   *
   * @param text the solution
   * @return the solution
   */
  public static Solution of(String text) {
    return new Solution(text, Optional.empty(), false, false);
  }

  /**
   * Returns this solution as found in a knowledge-base article.
   *
   * @param article the article used
   * @return the copy
   */
  public Solution usingArticle(ArticleId article) {
    return new Solution(text, Optional.of(article), confirmed, firstContact);
  }

  /**
   * Returns this solution confirmed by the customer on the spot, so the ticket closes at once.
   *
   * @return the copy
   */
  public Solution confirmedByCustomer() {
    return new Solution(text, article, true, firstContact);
  }

  /**
   * Returns this solution as given in the first contact: answered and closed at once.
   *
   * @return the copy
   */
  public Solution atFirstContact() {
    return new Solution(text, article, true, true);
  }
}
