package dev.helpdesk.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A support level (D-05…D-09). A tier <em>is</em> its level: two tiers are equal when their
 * levels are, whatever their display names, so renaming a tier never splits its tickets.
 *
 * @param level 1 for the first line, higher for more specialised support
 * @param name how the desk calls it, for display
 */
public record Tier(@Min(1) @Max(MAX_LEVEL) int level, @NotBlank @Size(max = 80) String name)
    implements Comparable<Tier> {
  /** The highest level a desk may configure. */
  public static final int MAX_LEVEL = 9;

  /** Level 1: gathers the information, answers simple requests, solves trivial incidents (D-05). */
  public static final Tier FIRST_LINE = new Tier(1, "First line");
  /** Level 2: specialists in networks, systems, databases… (D-06). */
  public static final Tier SPECIALISTS = new Tier(2, "Specialists");
  /** Level 3: experts for the hardest and new problems, often on site (D-07). */
  public static final Tier EXPERTS = new Tier(3, "Experts");
  /** Level 4: the server administrators (D-08). */
  public static final Tier SERVER_ADMINISTRATION = new Tier(4, "Server administration");

  // Validates the level and the name.
  public Tier {
    Checks checks = Checks.on(Tier.class);
    checks.range("level", level, 1, MAX_LEVEL);
    name = checks.text("name", name, 80);
    checks.done();
  }

  /**
   * Returns the tier at a level with a plain name ("Level 3").
   *
   * @param level 1 to {@value #MAX_LEVEL}
   * @return the tier
   */
  public static Tier level(int level) {
    return new Tier(level, "Level " + level);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tier tier && tier.level == level;
  }

  @Override
  public int hashCode() {
    return level;
  }

  @Override
  public int compareTo(Tier other) {
    return Integer.compare(level, other.level);
  }

  @Override
  public String toString() {
    return "L" + level + " " + name;
  }
}
