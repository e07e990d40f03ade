package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of the time between two instants the desk counts: all of it on the wall clock, or only
 * its business hours once a business calendar measures it (the SLA clocks of issue 6 bring one).
 * The KPI report measures time to resolve with it.
 */
@FunctionalInterface
public interface BusinessTime {
  /**
   * Returns the time between two instants that counts, never negative.
   *
   * @param start when the clock starts
   * @param end when it stops; before {@code start} counts as nothing
   * @return the time that counts
   */
  Duration between(Instant start, Instant end);

  /**
   * Returns the wall clock: every second counts, nights and weekends too.
   *
   * @return the wall-clock measure
   */
  static BusinessTime wallClock() {
    return WallClock.INSTANCE;
  }
}
