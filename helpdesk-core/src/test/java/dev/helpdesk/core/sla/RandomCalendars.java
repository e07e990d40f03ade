package dev.helpdesk.core.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random business calendars for property tests, in zones chosen for their awkward clock changes: none
 * (UTC, Kolkata), the usual hour (Madrid, New York), half an hour (Lord Howe Island), and at midnight
 * (Santiago, Havana).
 */
final class RandomCalendars {
  static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Europe/Madrid"),
      ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"),
      ZoneId.of("America/Havana"));

  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

  /**
   * A calendar and the spans it was drawn with.
   *
   * @param calendar the calendar
   * @param spans per day, the spans as given to the builder (an end of 00:00 is midnight)
   */
  record Drawn(BusinessCalendar calendar, Map<DayOfWeek, List<LocalTime[]>> spans) {
    @Override
    public String toString() {
      return calendar.toString();
    }
  }

  private RandomCalendars() {}

  static Drawn draw(Random random) {
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
    Map<DayOfWeek, List<LocalTime[]>> spans = new EnumMap<>(DayOfWeek.class);
    boolean any = false;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<LocalTime[]> today = new ArrayList<>();
      int kind = random.nextInt(8);
      if (kind == 0) {
        today.add(new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.MIDNIGHT});
      } else if (kind > 2) {
        // Up to three spans between distinct points of the day, on the quarter hour or anywhere.
        TreeSet<Integer> points = new TreeSet<>();
        int count = 2 * (1 + random.nextInt(3));
        while (points.size() < count) {
          int minute = random.nextBoolean() ? 15 * random.nextInt(97) : random.nextInt(24 * 60 + 1);
          points.add(minute);
        }
        List<Integer> sorted = new ArrayList<>(points);
        for (int i = 0; i < sorted.size(); i += 2) {
          today.add(new LocalTime[] {time(sorted.get(i)), time(sorted.get(i + 1))});
        }
      }
      for (LocalTime[] span : today) {
        builder.hours(day, span[0], span[1]);
        any = true;
      }
      spans.put(day, today);
    }
    if (!any) {
      LocalTime[] span = {LocalTime.of(9, 0), LocalTime.of(17, 0)};
      builder.hours(DayOfWeek.MONDAY, span[0], span[1]);
      spans.get(DayOfWeek.MONDAY).add(span);
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      builder.holiday(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(4 * 365)));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      builder.yearlyHoliday(MonthDay.from(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366))));
    }
    return new Drawn(builder.build(), spans);
  }

  /** A minute of the day as a time; minute 1440 is midnight at the end of the day. */
  private static LocalTime time(int minute) {
    return minute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
  }

  static Instant instant(Random random) {
    return FROM.plusSeconds(random.nextInt(3 * 365 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
  }

  /**
   * An instant that, half the time, lies within three days before one of the zone's clock changes,
   * so walks from it cross the change.
   */
  static Instant instant(Random random, ZoneId zone) {
    Instant any = instant(random);
    java.time.zone.ZoneOffsetTransition next = zone.getRules().nextTransition(any);
    if (random.nextBoolean() || next == null) {
      return any;
    }
    return next.getInstant().minusSeconds(random.nextInt(3 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
  }
}
