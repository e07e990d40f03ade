package dev.helpdesk.model;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a ticket met one service-level target (issue 6): kept on the ticket, ready for the
 * desk's SLA attainment.
 *
 * @param target what was measured
 * @param tier the tier, for {@link SlaTarget#TIER_TIME}; empty for the customer-facing targets
 * @param met whether the target was met
 * @param due when the target fell due, in business time
 * @param at when it was met, or, for a missed target, when it was breached (its due instant)
 */
public record SlaResult(
    @NotNull SlaTarget target, @NotNull Optional<Tier> tier, boolean met, @NotNull Instant due, @NotNull Instant at) {

  // Rejects missing values, a tier on a customer-facing target (or none on a tier's), and a met
  // target that was met after its due instant.
  public SlaResult {
    Checks checks = Checks.on(SlaResult.class);
    checks.notNull("target", target);
    checks.notNull("tier", tier);
    checks.notNull("due", due);
    checks.notNull("at", at);
    if (target != null && tier != null) {
      checks.check(tier.isPresent() == (target == SlaTarget.TIER_TIME), "tier",
          "must be present exactly for " + SlaTarget.TIER_TIME + ", target is " + target);
    }
    if (due != null && at != null) {
      checks.check(!met || !at.isAfter(due), "at", "of a met target must not be after its due instant " + due);
      checks.check(met || !at.isBefore(due), "at", "of a breached target must not be before its due instant " + due);
    }
    checks.done();
  }

  /**
   * Returns a target that was met.
   *
   * @param target what was measured
   * @param tier the tier, for {@link SlaTarget#TIER_TIME}
   * @param due when it fell due
   * @param at when it was met, not after {@code due}
   * @return the result
   */
  public static SlaResult met(SlaTarget target, Optional<Tier> tier, Instant due, Instant at) {
    return new SlaResult(target, tier, true, due, at);
  }

  /**
   * Returns a target that was missed.
   *
   * @param target what was measured
   * @param tier the tier, for {@link SlaTarget#TIER_TIME}
   * @param due when it fell due, and so was breached
   * @return the result
   */
  public static SlaResult breached(SlaTarget target, Optional<Tier> tier, Instant due) {
    return new SlaResult(target, tier, false, due, due);
  }

  /**
   * Tells whether this result is about the same target as another: same target, same tier.
   *
   * @param other another result
   * @return whether both measure the same thing
   */
  public boolean sameTargetAs(SlaResult other) {
    return target == other.target && tier.equals(other.tier);
  }
}
