package dev.helpdesk.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The support levels of one desk, 1 to N without gaps (D-09). Four by default, as the seeds
 * describe them (D-05…D-08).
 */
public final class Tiers {
  private static final Tiers DEFAULTS =
      new Tiers(List.of(Tier.FIRST_LINE, Tier.SPECIALISTS, Tier.EXPERTS, Tier.SERVER_ADMINISTRATION));

  private final List<Tier> tiers;

  private Tiers(List<Tier> tiers) {
    this.tiers = tiers;
  }

  /**
   * Returns the four levels of the seeds: first line, specialists, experts, server administration.
   *
   * @return the default tiers
   */
  public static Tiers defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the given tiers, which must have the levels 1, 2, … in order.
   *
   * @param tiers at least one tier, levels 1 to N in order
   * @return the tiers
   * @throws ValidationException if a level is missing, repeated or out of order
   */
  public static Tiers of(Tier... tiers) {
    Checks checks = Checks.on(Tiers.class);
    List<Tier> list = checks.list("tiers", Arrays.asList(tiers));
    checks.check(!list.isEmpty(), "tiers", "must hold at least the first line");
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).level() != i + 1) {
        checks.fail("tiers[" + i + "]", "must be level " + (i + 1) + ", was level " + list.get(i).level());
      }
    }
    checks.done();
    return new Tiers(list);
  }

  /**
   * Returns the first line, level 1.
   *
   * @return the first tier
   */
  public Tier first() {
    return tiers.get(0);
  }

  /**
   * Returns the highest configured level.
   *
   * @return the last tier
   */
  public Tier last() {
    return tiers.get(tiers.size() - 1);
  }

  /**
   * Returns the configured tier at a level, with its configured name.
   *
   * @param level a level from 1 to {@link #size()}
   * @return the tier
   * @throws NotFoundException if the desk has no such level
   */
  public Tier level(int level) {
    if (level < 1 || level > tiers.size()) {
      throw new NotFoundException("tier", level);
    }
    return tiers.get(level - 1);
  }

  /**
   * Returns the tier an escalation from {@code tier} goes to.
   *
   * @param tier a configured tier
   * @return the next level up, or empty at the top
   */
  public Optional<Tier> above(Tier tier) {
    return tier.level() < tiers.size() ? Optional.of(tiers.get(tier.level())) : Optional.empty();
  }

  /**
   * Tells whether the desk has this level.
   *
   * @param tier any tier
   * @return whether its level is configured
   */
  public boolean contains(Tier tier) {
    return tier.level() <= tiers.size();
  }

  /**
   * Returns how many levels the desk has.
   *
   * @return N
   */
  public int size() {
    return tiers.size();
  }

  /**
   * Returns the tiers in level order.
   *
   * @return an immutable list
   */
  public List<Tier> asList() {
    return tiers;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tiers that && that.tiers.equals(tiers);
  }

  @Override
  public int hashCode() {
    return tiers.hashCode();
  }

  @Override
  public String toString() {
    return tiers.toString();
  }
}
