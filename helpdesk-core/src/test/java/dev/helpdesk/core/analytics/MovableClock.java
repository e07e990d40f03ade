package dev.helpdesk.core.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock in a zone that the test sets by hand, so weeks of help desk life run in milliseconds. */
final class MovableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  MovableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MovableClock(now, other);
  }
}
