package dev.helpdesk.core.analytics;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * One hour of the week in the desk's time zone, such as Monday 09:00–10:00: the unit of traffic
 * patterns and staffing plans (D-20).
 *
 * @param day the day of the week
 * @param hour the hour of the day it starts at, 0 to 23
 */
public record HourOfWeek(DayOfWeek day, int hour) implements Comparable<HourOfWeek> {
  /** The number of hours in a week. */
  public static final int COUNT = 7 * 24;

  // Rejects a missing day and an hour outside 0 to 23.
  public HourOfWeek {
    Objects.requireNonNull(day, "day");
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0 to 23, was " + hour);
    }
  }

  /**
   * Returns the hour at a position of the week, Monday 00:00 being 0.
   *
   * @param index 0 to {@value #COUNT} − 1
   * @return the hour of the week
   */
  public static HourOfWeek of(int index) {
    if (index < 0 || index >= COUNT) {
      throw new IllegalArgumentException("index must be 0 to " + (COUNT - 1) + ", was " + index);
    }
    return new HourOfWeek(DayOfWeek.of(index / 24 + 1), index % 24);
  }

  /**
   * Returns this hour's position in the week, Monday 00:00 being 0.
   *
   * @return 0 to {@value #COUNT} − 1
   */
  public int index() {
    return (day.getValue() - 1) * 24 + hour;
  }

  @Override
  public int compareTo(HourOfWeek other) {
    return Integer.compare(index(), other.index());
  }

  @Override
  public String toString() {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
        + String.format(Locale.ROOT, "%02d:00", hour);
  }
}
