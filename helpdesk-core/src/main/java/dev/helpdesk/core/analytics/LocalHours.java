package dev.helpdesk.core.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns instants into local days and hours of one time zone without building date objects: the
 * offset in force is kept for the stretch between two transitions, so a pass over a million tickets
 * asks the zone's rules only when it crosses a daylight-saving change. Not thread-safe: one per pass.
 */
final class LocalHours {
  private static final long DAY = 86_400;

  private final ZoneRules rules;
  private long validFrom = Long.MAX_VALUE;
  private long validTo = Long.MIN_VALUE;
  private long offset;

  LocalHours(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** Seconds since 1970-01-01T00:00 local time. */
  long localSeconds(long epochSecond) {
    if (epochSecond < validFrom || epochSecond >= validTo) {
      Instant at = Instant.ofEpochSecond(epochSecond);
      offset = rules.getOffset(at).getTotalSeconds();
      // A transition exactly at this instant already applies, hence the second added.
      ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
      ZoneOffsetTransition next = rules.nextTransition(at);
      validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
      validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
    return epochSecond + offset;
  }

  /** Local days since 1970-01-01. */
  long localDay(long epochSecond) {
    return Math.floorDiv(localSeconds(epochSecond), DAY);
  }

  /** The local hour of the week, Monday 00:00 being 0. */
  int hourOfWeek(long epochSecond) {
    long local = localSeconds(epochSecond);
    long day = Math.floorDiv(local, DAY);
    // 1970-01-01 was a Thursday, the fourth day of an ISO week.
    int weekday = Math.floorMod(day + 3, 7);
    return weekday * 24 + (int) (Math.floorMod(local, DAY) / 3600);
  }
}
