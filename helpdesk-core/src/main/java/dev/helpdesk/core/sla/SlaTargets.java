package dev.helpdesk.core.sla;

import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much business time a ticket of one priority may take (issue 6): to the first response, between
 * updates, to the solution, and at each tier. Every target is optional; a ticket is measured against
 * those that are set. Immutable.
 */
public final class SlaTargets {
  private final Duration firstResponse;
  private final Duration nextUpdate;
  private final Duration resolution;
  /** Targets per tier, by level. */
  private final Map<Integer, Duration> tiers;

  private SlaTargets(Builder b) {
    this.firstResponse = b.firstResponse;
    this.nextUpdate = b.nextUpdate;
    this.resolution = b.resolution;
    this.tiers = Collections.unmodifiableMap(new TreeMap<>(b.tiers));
  }

  /**
   * Starts a set of targets, with none set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the three customer-facing targets at once.
   *
   * @param firstResponse business time to the first response
   * @param nextUpdate business time between updates
   * @param resolution business time to the solution
   * @return the targets
   * @throws ValidationException if a duration is missing or not positive
   */
  public static SlaTargets of(Duration firstResponse, Duration nextUpdate, Duration resolution) {
    return builder().firstResponse(firstResponse).nextUpdate(nextUpdate).resolution(resolution).build();
  }

  /** @return business time allowed until the first response by staff */
  public Optional<Duration> firstResponse() {
    return Optional.ofNullable(firstResponse);
  }

  /** @return business time allowed between one response by staff and the next */
  public Optional<Duration> nextUpdate() {
    return Optional.ofNullable(nextUpdate);
  }

  /** @return business time allowed until the solution */
  public Optional<Duration> resolution() {
    return Optional.ofNullable(resolution);
  }

  /**
   * Returns the business time a ticket may spend at a tier.
   *
   * @param tier the tier
   * @return its target, if it has one
   */
  public Optional<Duration> atTier(Tier tier) {
    return Optional.ofNullable(tiers.get(tier.level()));
  }

  /** The target of one clock, or null when it has none. */
  Duration allowed(SlaTarget target, Tier tier) {
    return switch (target) {
      case FIRST_RESPONSE -> firstResponse;
      case NEXT_UPDATE -> nextUpdate;
      case RESOLUTION -> resolution;
      case TIER_TIME -> tiers.get(tier.level());
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlaTargets t && Objects.equals(firstResponse, t.firstResponse)
        && Objects.equals(nextUpdate, t.nextUpdate) && Objects.equals(resolution, t.resolution)
        && tiers.equals(t.tiers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstResponse, nextUpdate, resolution, tiers);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (firstResponse != null) {
      parts.add("first response " + firstResponse);
    }
    if (nextUpdate != null) {
      parts.add("next update " + nextUpdate);
    }
    if (resolution != null) {
      parts.add("resolution " + resolution);
    }
    tiers.forEach((level, allowed) -> parts.add("L" + level + " " + allowed));
    return "SlaTargets{" + String.join(", ", parts) + "}";
  }

  /** Builds {@link SlaTargets}; {@link #build()} checks everything at once. Each target may be set once. */
  public static final class Builder {
    private Duration firstResponse;
    private Duration nextUpdate;
    private Duration resolution;
    private final Map<Integer, Duration> tiers = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();

    private Builder() {}

    private Duration positive(String field, Duration current, Duration value) {
      if (current != null) {
        violations.add(new Violation(field, "is already set to " + current));
        return current;
      }
      if (value == null || value.isNegative() || value.isZero()) {
        violations.add(new Violation(field, "must be a positive duration, was " + value));
        return null;
      }
      return value;
    }

    /**
     * Sets the business time allowed until the first response by staff.
     *
     * @param allowed a positive duration
     * @return this builder
     */
    public Builder firstResponse(Duration allowed) {
      firstResponse = positive("firstResponse", firstResponse, allowed);
      return this;
    }

    /**
     * Sets the business time allowed between one response by staff and the next (D-17).
     *
     * @param allowed a positive duration
     * @return this builder
     */
    public Builder nextUpdate(Duration allowed) {
      nextUpdate = positive("nextUpdate", nextUpdate, allowed);
      return this;
    }

    /**
     * Sets the business time allowed until the solution.
     *
     * @param allowed a positive duration
     * @return this builder
     */
    public Builder resolution(Duration allowed) {
      resolution = positive("resolution", resolution, allowed);
      return this;
    }

    /**
     * Sets the business time a ticket may spend at a tier: each level answers for its own part.
     *
     * @param tier the tier
     * @param allowed a positive duration
     * @return this builder
     */
    public Builder atTier(Tier tier, Duration allowed) {
      if (tier == null) {
        violations.add(new Violation("atTier", "needs a tier"));
        return this;
      }
      Duration set = positive("atTier[" + tier.level() + "]", tiers.get(tier.level()), allowed);
      if (set != null) {
        tiers.put(tier.level(), set);
      }
      return this;
    }

    /**
     * Builds the targets.
     *
     * @return the targets
     * @throws ValidationException listing every problem, or if no target is set
     */
    public SlaTargets build() {
      List<Violation> found = new ArrayList<>(violations);
      if (found.isEmpty() && firstResponse == null && nextUpdate == null && resolution == null && tiers.isEmpty()) {
        found.add(new Violation("targets", "must set at least one target"));
      }
      if (!found.isEmpty()) {
        throw new ValidationException("SlaTargets", found);
      }
      return new SlaTargets(this);
    }
  }
}
