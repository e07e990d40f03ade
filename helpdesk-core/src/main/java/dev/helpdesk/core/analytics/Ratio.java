package dev.helpdesk.core.analytics;

import java.util.Locale;

/**
 * A share kept as the two counts it comes from, so a report says exactly how it was computed:
 * {@code 17 of 20} is 85 %. A share of nothing is undefined, not zero.
 *
 * @param part how many count towards the share
 * @param whole how many there were in all
 */
public record Ratio(long part, long whole) {
  // Rejects negative counts and a part larger than the whole.
  public Ratio {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("a ratio needs 0 <= part <= whole, was " + part + "/" + whole);
    }
  }

  /**
   * Tells whether there was anything to share out.
   *
   * @return whether the whole is above zero
   */
  public boolean isDefined() {
    return whole > 0;
  }

  /**
   * Returns the share as a fraction.
   *
   * @return part ÷ whole, from 0 to 1; {@link Double#NaN} when the whole is zero
   */
  public double value() {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  /**
   * Returns the share as a percentage with one decimal, or {@code n/a}.
   *
   * @return such as {@code 85.0 %}
   */
  public String percent() {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  @Override
  public String toString() {
    return percent() + " (" + part + "/" + whole + ")";
  }
}
