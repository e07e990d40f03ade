package dev.helpdesk.kb.search;

/**
 * One result: the document found, how well it matches, and an extract showing why.
 *
 * @param id the document's identifier
 * @param score how well it matches: higher is better; comparable only within one search
 * @param snippet an extract of the document with the matched words marked
 */
public record SearchHit(String id, double score, Snippet snippet) {
  /**
   * Rejects missing values and a score that is not a finite number.
   *
   * @throws dev.helpdesk.model.ValidationException listing everything wrong
   */
  public SearchHit {
    InputChecks checks = InputChecks.on("SearchHit").notNull("id", id).notNull("snippet", snippet);
    if (Double.isNaN(score) || Double.isInfinite(score)) {
      checks.fail("score", "must be a finite number, was " + score);
    }
    checks.done();
  }
}
