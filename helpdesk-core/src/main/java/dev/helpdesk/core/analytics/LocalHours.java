package dev.helpdesk.core.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Turns instants into local days and hours of one time zone without building date objects. The
 * offsets in force are worked out once for a stretch of time (the report's period, with a day to
 * spare): a pass over a million tickets in any order then finds an instant's offset in the last
 * stretch it used or by a binary search over the few daylight-saving changes of the period, and asks
 * the zone's rules only for instants outside it. Not thread-safe: one per pass.
 */
final class LocalHours {
  private static final long DAY = 86_400;

  private final ZoneRules rules;
  /** Where each stretch of one offset starts, in epoch seconds, ascending; the first is where coverage starts. */
  private final long[] starts;
  private final long[] offsets;
  private final long coveredTo;
  private int last;

  LocalHours(ZoneId zone, Instant from, Instant to) {
    this.rules = zone.getRules();
    Instant begin = from.minusSeconds(DAY);
    Instant end = to.plusSeconds(DAY);
    long[] s = new long[4];
    long[] o = new long[4];
    int n = 0;
    s[n] = begin.getEpochSecond();
    o[n++] = rules.getOffset(begin).getTotalSeconds();
    for (ZoneOffsetTransition t = rules.nextTransition(begin); t != null && t.getInstant().isBefore(end);
        t = rules.nextTransition(t.getInstant())) {
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
        o = Arrays.copyOf(o, n * 2);
      }
      s[n] = t.toEpochSecond();
      o[n++] = t.getOffsetAfter().getTotalSeconds();
    }
    this.starts = Arrays.copyOf(s, n);
    this.offsets = Arrays.copyOf(o, n);
    this.coveredTo = end.getEpochSecond();
  }

  /** Seconds since 1970-01-01T00:00 local time. */
  long localSeconds(long epochSecond) {
    if (epochSecond < starts[0] || epochSecond >= coveredTo) {
      return epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }
    int i = last;
    if (epochSecond < starts[i] || i + 1 < starts.length && epochSecond >= starts[i + 1]) {
      i = Arrays.binarySearch(starts, epochSecond);
      i = i >= 0 ? i : -i - 2;
      last = i;
    }
    return epochSecond + offsets[i];
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
