package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Counts contacts by channel and hour of the week during a pass (D-20). */
final class TrafficTally {
  private static final Channel[] CHANNELS = Channel.values();

  private final LocalHours hours;
  private final long[][] counts = new long[CHANNELS.length][HourOfWeek.COUNT];

  TrafficTally(ReportOptions options, ZoneId zone) {
    this.hours = new LocalHours(zone, options.from(), options.to());
  }

  void add(TicketFacts facts) {
    for (int i = 0; i < facts.contacts; i++) {
      add(facts.contactChannel[i], facts.contactAt[i]);
    }
  }

  void add(Channel channel, long atMillis) {
    counts[channel.ordinal()][hours.hourOfWeek(Math.floorDiv(atMillis, 1000))]++;
  }

  TrafficReport report(ReportOptions options, ZoneId zone) {
    return new TrafficReport(options.from(), options.to(), zone, counts, occurrences(options.from(), options.to(), zone),
        options.quietBelow());
  }

  /**
   * How many times each hour of the week occurs in the period, in hours: a period of four whole
   * weeks holds every hour four times; an hour cut by the period's edge counts for the part inside,
   * and daylight-saving changes add or drop an hour where the zone does.
   */
  static double[] occurrences(Instant from, Instant to, ZoneId zone) {
    double[] occurrences = new double[HourOfWeek.COUNT];
    ZonedDateTime start = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    for (ZonedDateTime hour = start; hour.toInstant().isBefore(to); hour = hour.plusHours(1)) {
      Instant begins = hour.toInstant();
      Instant ends = begins.plus(Duration.ofHours(1));
      Instant inFrom = begins.isBefore(from) ? from : begins;
      Instant inTo = ends.isAfter(to) ? to : ends;
      double share = Duration.between(inFrom, inTo).toMillis() / 3_600_000.0;
      int index = (hour.getDayOfWeek().getValue() - 1) * 24 + hour.getHour();
      occurrences[index] += share;
    }
    return occurrences;
  }
}
