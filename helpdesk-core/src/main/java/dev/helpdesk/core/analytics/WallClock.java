package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.time.Instant;

/** Every second counts: the measure of a desk without business hours, known to the KPI tally by name. */
enum WallClock implements BusinessTime {
  INSTANCE;

  @Override
  public Duration between(Instant start, Instant end) {
    return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
  }

  @Override
  public String toString() {
    return "wall clock";
  }
}
