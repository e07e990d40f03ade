package dev.helpdesk.core;

import dev.helpdesk.model.Tier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Why and where a ticket goes up (D-13): to the next tier, or to a named higher one.
 *
 * @param reason why the current tier cannot solve it; kept as an internal note
 * @param to the tier to go to, or empty for the next one up
 */
public record Escalation(@NotBlank @Size(max = 2_000) String reason, @NotNull Optional<Tier> to) {
  /**
   * Escalates to the next tier up.
   *
   * @param reason why
   * @return the escalation
   */
  public static Escalation toNextTier(String reason) {
    return new Escalation(reason, Optional.empty());
  }

  /**
   * Escalates to a named tier, skipping those between.
   *
   * @param tier a tier above the ticket's
   * @param reason why
   * @return the escalation
   */
  public static Escalation to(Tier tier, String reason) {
    return new Escalation(reason, Optional.of(tier));
  }
}
