package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

/**
 * The solution given to a customer (D-17).
 *
 * @param solution what was done or what the customer should do
 * @param article the knowledge-base article used, if one was (D-11)
 * @param resolvedBy who found the solution
 * @param resolvedAt when the solution was given
 * @param firstContact whether it was given in the contact that opened the ticket
 */
public record Resolution(
    @NotBlank @Size(max = Resolution.SOLUTION_MAX) String solution,
    @NotNull Optional<ArticleId> article,
    @NotNull Actor resolvedBy,
    @NotNull Instant resolvedAt,
    boolean firstContact) {
  /** The longest solution accepted. */
  public static final int SOLUTION_MAX = 10_000;

  // Trims the solution and rejects missing values.
  public Resolution {
    Checks checks = Checks.on(Resolution.class);
    solution = checks.text("solution", solution, SOLUTION_MAX);
    checks.notNull("article", article);
    checks.notNull("resolvedBy", resolvedBy);
    checks.notNull("resolvedAt", resolvedAt);
    checks.done();
  }
}
