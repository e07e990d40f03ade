package dev.helpdesk.routing;

import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Tiers;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a desk routes: the tiers, the policy for choosing technicians, the queue order, when
 * preferred skills are relaxed, how long a ticket waits for the technician who worked on it before,
 * offers, overflow, and which tiers give which support modes. Immutable; {@link #builder()} starts
 * from the defaults.
 */
public final class RoutingRules {
  private final Tiers tiers;
  private final RoutingPolicy policy;
  private final QueueOrder queueOrder;
  private final List<Duration> relaxAfter;
  private final Duration affinityWait;
  private final Optional<Duration> offerTimeout;
  private final int missedOffersBeforeAway;
  private final Map<Integer, Overflow> overflow;
  private final Map<Integer, Set<SupportMode>> modesByLevel;

  /**
   * Where tickets go that wait too long at a tier.
   *
   * @param after how long a ticket may wait at the tier
   * @param to the tier it then goes to
   */
  public record Overflow(Duration after, Tier to) {
    /** Rejects missing values and a wait that is not positive. */
    public Overflow {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(to, "to");
      if (after.isNegative() || after.isZero()) {
        throw new IllegalArgumentException("overflow after must be positive, was " + after);
      }
    }
  }

  private RoutingRules(Builder b) {
    this.tiers = b.tiers;
    this.policy = b.policy;
    this.queueOrder = b.queueOrder;
    this.relaxAfter = b.relaxAfter;
    this.affinityWait = b.affinityWait;
    this.offerTimeout = b.offerTimeout;
    this.missedOffersBeforeAway = b.missedOffersBeforeAway;
    this.overflow = Map.copyOf(b.overflow);
    this.modesByLevel = Map.copyOf(b.modesByLevel);
  }

  /**
   * The defaults: the four tiers of the seeds; {@link RoutingPolicy#LEAST_LOADED}; priority then
   * oldest; preferred skills relaxed one level after 30 seconds, two after a minute and dropped
   * after two; five minutes' affinity wait; no offers (tickets are assigned); no overflow; phone
   * assistance at levels 1 and 2 only (D-10).
   *
   * @return the default rules
   */
  public static RoutingRules defaults() {
    return builder().build();
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the tiers */
  public Tiers tiers() {
    return tiers;
  }

  /** @return the policy for choosing technicians */
  public RoutingPolicy policy() {
    return policy;
  }

  /** @return the queue order */
  public QueueOrder queueOrder() {
    return queueOrder;
  }

  /** @return the waits after which preferred skills are relaxed one more step; after the last they are dropped */
  public List<Duration> relaxAfter() {
    return relaxAfter;
  }

  /** @return how long a ticket waits for the technician who worked on it before */
  public Duration affinityWait() {
    return affinityWait;
  }

  /** @return how long a technician has to accept an offer; empty when tickets are assigned outright */
  public Optional<Duration> offerTimeout() {
    return offerTimeout;
  }

  /** @return how many offers in a row a technician may leave unanswered before being set away */
  public int missedOffersBeforeAway() {
    return missedOffersBeforeAway;
  }

  /**
   * @param tier a tier
   * @return where its tickets overflow to, if anywhere
   */
  public Optional<Overflow> overflow(Tier tier) {
    return Optional.ofNullable(overflow.get(tier.level()));
  }

  /**
   * @param tier a tier
   * @param mode a support mode
   * @return whether the tier gives support that way
   */
  public boolean offers(Tier tier, SupportMode mode) {
    Set<SupportMode> modes = modesByLevel.get(tier.level());
    return modes == null || modes.contains(mode);
  }

  /** Builds {@link RoutingRules}; each option may be set any number of times, the last wins. */
  public static final class Builder {
    private Tiers tiers = Tiers.defaults();
    private RoutingPolicy policy = RoutingPolicy.LEAST_LOADED;
    private QueueOrder queueOrder = QueueOrder.priorityThenOldest();
    private List<Duration> relaxAfter = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));
    private Duration affinityWait = Duration.ofMinutes(5);
    private Optional<Duration> offerTimeout = Optional.empty();
    private int missedOffersBeforeAway = 3;
    private final Map<Integer, Overflow> overflow = new HashMap<>();
    private final Map<Integer, Set<SupportMode>> modesByLevel = new HashMap<>();

    private Builder() {
      Set<SupportMode> noPhone = EnumSet.complementOf(EnumSet.of(SupportMode.PHONE));
      modesByLevel.put(3, Set.copyOf(noPhone));
      modesByLevel.put(4, Set.copyOf(noPhone));
    }

    /**
     * @param tiers the desk's tiers
     * @return this builder
     */
    public Builder tiers(Tiers tiers) {
      this.tiers = Objects.requireNonNull(tiers, "tiers");
      return this;
    }

    /**
     * @param policy how technicians are chosen
     * @return this builder
     */
    public Builder policy(RoutingPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * @param order the order in which waiting tickets are taken
     * @return this builder
     */
    public Builder queueOrder(QueueOrder order) {
      this.queueOrder = Objects.requireNonNull(order, "order");
      return this;
    }

    /**
     * Sets when preferred skills are relaxed: after the first wait every preferred level drops by
     * one, after the second by two, and so on; after the last wait they are dropped. No waits: they
     * are never required.
     *
     * @param waits increasing waits since the ticket started waiting at its tier
     * @return this builder
     * @throws IllegalArgumentException if a wait is negative or they do not increase
     */
    public Builder relaxAfter(Duration... waits) {
      List<Duration> list = List.of(waits);
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isNegative() || (i > 0 && list.get(i).compareTo(list.get(i - 1)) <= 0)) {
          throw new IllegalArgumentException("relaxation waits must be non-negative and increasing: " + list);
        }
      }
      this.relaxAfter = list;
      return this;
    }

    /**
     * @param wait how long a reopened ticket or a follow-up waits for the technician who worked on
     *     it before; zero to give it to them only if they can take it at once
     * @return this builder
     */
    public Builder affinityWait(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("affinityWait must not be negative, was " + wait);
      }
      this.affinityWait = wait;
      return this;
    }

    /**
     * Makes the router offer tickets instead of assigning them: a technician must accept within
     * the timeout, or the ticket goes to the next one.
     *
     * @param timeout how long an offer stands; positive
     * @param missedBeforeAway how many offers in a row a technician may leave unanswered before
     *     being set away; at least 1
     * @return this builder
     */
    public Builder offers(Duration timeout, int missedBeforeAway) {
      if (timeout.isNegative() || timeout.isZero() || missedBeforeAway < 1) {
        throw new IllegalArgumentException("offer timeout must be positive and missed offers at least 1, were "
            + timeout + " and " + missedBeforeAway);
      }
      this.offerTimeout = Optional.of(timeout);
      this.missedOffersBeforeAway = missedBeforeAway;
      return this;
    }

    /**
     * Sends tickets that wait longer than {@code after} at {@code from} to {@code to}.
     *
     * @param from the tier
     * @param after the longest wait
     * @param to where they go
     * @return this builder
     */
    public Builder overflow(Tier from, Duration after, Tier to) {
      if (from.equals(to)) {
        throw new IllegalArgumentException("a tier cannot overflow to itself: " + from);
      }
      overflow.put(from.level(), new Overflow(after, to));
      return this;
    }

    /**
     * Sets the support modes a tier gives; a ticket whose mode its tier does not give may be worked
     * on by any technician there, in any mode they give. By default levels 3 and 4 give no phone
     * assistance.
     *
     * @param tier the tier
     * @param modes the modes it gives
     * @return this builder
     */
    public Builder supportModesAt(Tier tier, Set<SupportMode> modes) {
      modesByLevel.put(tier.level(), Set.copyOf(modes));
      return this;
    }

    /**
     * @return the rules
     * @throws IllegalArgumentException if an overflow names a tier the desk does not have
     */
    public RoutingRules build() {
      for (Overflow o : overflow.values()) {
        if (!tiers.contains(o.to())) {
          throw new IllegalArgumentException("overflow to a tier the desk does not have: " + o.to());
        }
      }
      return new RoutingRules(this);
    }
  }
}
