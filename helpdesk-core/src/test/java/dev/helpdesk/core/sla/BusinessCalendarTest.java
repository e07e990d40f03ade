package dev.helpdesk.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Business time: working hours, weekends, holidays and daylight-saving changes (issue 6, point 2). */
class BusinessCalendarTest {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  /** Monday to Friday, 9 to 14 and 15 to 18, in Madrid; Christmas every year and 2026-12-24 off. */
  static final BusinessCalendar OFFICE = BusinessCalendar.builder(MADRID)
      .weekdays(LocalTime.of(9, 0), LocalTime.of(14, 0))
      .weekdays(LocalTime.of(15, 0), LocalTime.of(18, 0))
      .yearlyHoliday(MonthDay.of(Month.DECEMBER, 25))
      .holiday(LocalDate.of(2026, 12, 24))
      .build();

  static Instant madrid(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
  }

  @Test
  void businessTimeCountsOnlyWorkingHours() {
    // Monday 2026-03-02, 10:00: four hours of work take the rest of the morning and an hour after lunch.
    assertEquals(madrid("2026-03-02T16:00"), OFFICE.plus(madrid("2026-03-02T10:00"), Duration.ofHours(5)));
    assertEquals(Duration.ofHours(5), OFFICE.between(madrid("2026-03-02T10:00"), madrid("2026-03-02T16:00")));
    assertEquals(Duration.ZERO, OFFICE.between(madrid("2026-03-02T14:10"), madrid("2026-03-02T14:50")),
        "lunch is not business time");
  }

  @Test
  void aTargetThatEndsWithTheWorkingDayIsDueAtItsEndNotTheNextMorning() {
    assertEquals(madrid("2026-03-02T18:00"), OFFICE.plus(madrid("2026-03-02T17:00"), Duration.ofHours(1)));
    assertEquals(madrid("2026-03-02T14:00"), OFFICE.plus(madrid("2026-03-02T13:00"), Duration.ofHours(1)));
  }

  @Test
  void businessTimeSkipsTheWeekend() {
    Instant fridayAfternoon = madrid("2026-03-06T17:00");
    assertEquals(madrid("2026-03-09T10:00"), OFFICE.plus(fridayAfternoon, Duration.ofHours(2)));
    assertEquals(Duration.ofHours(2), OFFICE.between(fridayAfternoon, madrid("2026-03-09T10:00")));
    assertEquals(madrid("2026-03-09T10:00"), OFFICE.plus(madrid("2026-03-07T11:00"), Duration.ofHours(1)),
        "counted from a Saturday, it starts on Monday morning");
  }

  @Test
  void holidaysOnFixedDatesAndEveryYearAreDaysOff() {
    // Wednesday 2026-12-23 17:00; Thursday 24 (fixed) and Friday 25 (yearly) off; the weekend; Monday 28.
    assertEquals(madrid("2026-12-28T10:00"), OFFICE.plus(madrid("2026-12-23T17:00"), Duration.ofHours(2)));
    assertTrue(OFFICE.isHoliday(LocalDate.of(2031, 12, 25)), "the yearly one comes back");
    assertFalse(OFFICE.isHoliday(LocalDate.of(2027, 12, 24)), "the fixed one does not");
    // 2027-12-24 is a Friday and a working day; Christmas falls on a Saturday.
    assertEquals(madrid("2027-12-27T10:00"), OFFICE.plus(madrid("2027-12-24T17:00"), Duration.ofHours(2)));
  }

  @Test
  void theTwentyNinthOfFebruaryIsAHolidayOnlyInLeapYears() {
    BusinessCalendar leap = BusinessCalendar.builder(MADRID).allDay(DayOfWeek.values())
        .yearlyHoliday(MonthDay.of(Month.FEBRUARY, 29)).build();
    assertTrue(leap.isHoliday(LocalDate.of(2028, 2, 29)));
    assertEquals(Duration.ofHours(24 * 2), leap.between(madrid("2028-02-28T00:00"), madrid("2028-03-02T00:00")));
    assertEquals(Duration.ofHours(24 * 2), leap.between(madrid("2027-02-28T00:00"), madrid("2027-03-02T00:00")));
  }

  @Test
  void aDayWhenTheClocksGoForwardHasTwentyThreeHoursAndOneWhenTheyGoBackTwentyFive() {
    BusinessCalendar everyDay = BusinessCalendar.builder(MADRID).allDay(DayOfWeek.values())
        .holiday(LocalDate.of(2026, 1, 1)).build();
    // Sunday 2026-03-29 at 02:00 the clocks jump to 03:00; Sunday 2026-10-25 at 03:00 they go back to 02:00.
    assertEquals(Duration.ofHours(23), everyDay.between(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")));
    assertEquals(Duration.ofHours(25), everyDay.between(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00")));
    assertEquals(madrid("2026-03-30T00:00"), everyDay.plus(madrid("2026-03-29T00:00"), Duration.ofHours(23)));
    assertEquals(madrid("2026-10-26T00:00"), everyDay.plus(madrid("2026-10-25T00:00"), Duration.ofHours(25)));
  }

  @Test
  void aSpanOnADaylightSavingDayHasItsRealLength() {
    BusinessCalendar nights = BusinessCalendar.builder(MADRID).hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0),
        LocalTime.of(5, 0)).hours(DayOfWeek.MONDAY, LocalTime.of(2, 0), LocalTime.of(2, 30)).build();
    assertEquals(Duration.ofHours(3), nights.between(madrid("2026-03-29T00:00"), madrid("2026-03-29T23:00")),
        "01:00-05:00 loses the hour that does not exist");
    assertEquals(Duration.ofHours(5), nights.between(madrid("2026-10-25T00:00"), madrid("2026-10-25T23:00")),
        "and gains the hour that happens twice");
    assertEquals(Duration.ofHours(4), nights.between(madrid("2026-03-22T00:00"), madrid("2026-03-22T23:00")),
        "a plain Sunday");
    // 2026-03-29 03:00 local = 01:00Z; two real hours after 01:00 local (00:00Z) is 02:00Z = 04:00 local.
    assertEquals(Instant.parse("2026-03-29T02:00:00Z"), nights.plus(madrid("2026-03-29T00:30"), Duration.ofHours(2)));
  }

  @Test
  void aSpanInsideTheHourThatDoesNotExistIsEmpty() {
    // America/New_York jumps from 02:00 to 03:00 on Sunday 2026-03-08.
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar gap = BusinessCalendar.builder(newYork).hours(DayOfWeek.SUNDAY, LocalTime.of(2, 0),
        LocalTime.of(2, 30)).hours(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)).build();
    Instant saturday = LocalDateTime.parse("2026-03-07T12:00").atZone(newYork).toInstant();
    Instant monday = LocalDateTime.parse("2026-03-09T12:00").atZone(newYork).toInstant();
    assertEquals(Duration.ofHours(1), gap.between(saturday, monday));
    assertEquals(LocalDateTime.parse("2026-03-08T09:30").atZone(newYork).toInstant(),
        gap.plus(saturday, Duration.ofMinutes(30)));
    BusinessCalendar intoTheGap = BusinessCalendar.builder(newYork).hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0),
        LocalTime.of(2, 30)).build();
    assertEquals(Duration.ofHours(1), intoTheGap.between(saturday, monday),
        "01:00-02:30 ends when the clocks jump from 02:00 to 03:00");
  }

  @Test
  void aDeskOpenAroundTheClockCountsEveryInstant() {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven();
    Instant t = Instant.parse("2026-03-28T22:15:30.123Z");
    assertEquals(t.plus(Duration.ofDays(40)), always.plus(t, Duration.ofDays(40)));
    assertEquals(Duration.ofDays(40), always.between(t, t.plus(Duration.ofDays(40))));
    assertEquals(Duration.ofDays(7), BusinessCalendar.builder(MADRID).allDay(DayOfWeek.values()).build()
        .between(madrid("2026-03-23T00:00"), madrid("2026-03-30T00:00")).plusHours(1),
        "a week across the spring change is 7 days less the hour that does not exist");
  }

  @Test
  void zeroBusinessTimeIsTheStartItselfAndNegativeIsRefused() {
    Instant saturday = madrid("2026-03-07T11:00");
    assertEquals(saturday, OFFICE.plus(saturday, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> OFFICE.plus(saturday, Duration.ofMinutes(-1)));
    assertEquals(Duration.ZERO, OFFICE.between(madrid("2026-03-03T10:00"), madrid("2026-03-02T10:00")));
  }

  @Test
  void nanosecondsAreKept() {
    Instant start = madrid("2026-03-02T10:00").plusNanos(123_456_789);
    Instant due = OFFICE.plus(start, Duration.ofHours(20).plusNanos(1));
    assertEquals(Duration.ofHours(20).plusNanos(1), OFFICE.between(start, due));
    assertEquals(start.plusNanos(1).atZone(MADRID).toLocalTime().getNano(), due.atZone(MADRID).toLocalTime().getNano());
  }

  @Test
  void badWorkingHoursAreAllReportedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> BusinessCalendar.builder(MADRID)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
        .hours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(15, 0))
        .hours(DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(9, 0))
        .hours(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0, 0, 5), LocalTime.of(17, 0))
        .build());
    assertEquals("BusinessCalendar", e.subject());
    List<String> messages = e.violations().stream().map(Violation::toString).toList();
    assertEquals(3, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("must end after it starts, was 18:00-09:00"), messages.get(0));
    assertTrue(messages.get(1).contains("must be given to the second"), messages.get(1));
    assertTrue(messages.get(2).contains("spans must not overlap: 09:00-13:00 and 12:00-15:00"), messages.get(2));
    ValidationException none = assertThrows(ValidationException.class, () -> BusinessCalendar.builder(MADRID).build());
    assertTrue(none.getMessage().contains("at least one span of working hours"), none.getMessage());
  }

  @Test
  void spansThatTouchAreOneSpan() {
    BusinessCalendar joined = BusinessCalendar.builder(MADRID).hours(DayOfWeek.MONDAY, LocalTime.of(13, 0),
        LocalTime.of(17, 0)).hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)).build();
    BusinessCalendar whole = BusinessCalendar.builder(MADRID).hours(DayOfWeek.MONDAY, LocalTime.of(9, 0),
        LocalTime.of(17, 0)).build();
    assertEquals(whole, joined);
    assertEquals(whole.hashCode(), joined.hashCode());
    assertNotEquals(whole, OFFICE);
    assertEquals("BusinessCalendar{Europe/Madrid, MON 09:00-17:00}", whole.toString());
  }

  @Test
  void businessTimeAddsUpAcrossRandomCalendarsAndInstants() {
    Random random = new Random(20260302);
    for (int round = 0; round < 300; round++) {
      BusinessCalendar calendar = RandomCalendars.draw(random).calendar();
      Instant a = RandomCalendars.instant(random, calendar.zone());
      Instant b = a.plusSeconds(random.nextInt(40 * 86_400));
      Instant c = b.plusSeconds(random.nextInt(40 * 86_400));
      String where = "round " + round + ": " + calendar + " from " + a;
      assertEquals(calendar.between(a, c), calendar.between(a, b).plus(calendar.between(b, c)), where);
      Duration d = Duration.ofSeconds(1 + random.nextInt(30 * 3_600)).plusNanos(random.nextInt(1_000_000_000));
      Instant due = calendar.plus(a, d);
      assertEquals(d, calendar.between(a, due), where);
      assertTrue(calendar.between(a, due.minusNanos(1)).compareTo(d) < 0, where + ": the earliest such instant");
    }
  }

  @Test
  void theCalendarAgreesWithAPlainReadingOfTheZoneRules() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      RandomCalendars.Drawn drawn = RandomCalendars.draw(random);
      Instant a = RandomCalendars.instant(random, drawn.calendar().zone());
      Instant b = a.plusSeconds(random.nextInt(20 * 86_400));
      assertEquals(plainBetween(drawn, a, b), drawn.calendar().between(a, b), "round " + round + ": " + drawn);
    }
  }

  /**
   * Business time read straight from the definition, one local day at a time, each span turned into
   * instants by {@link ZonedDateTime} (a time in a gap taken as the instant the clocks jump to).
   */
  private static Duration plainBetween(RandomCalendars.Drawn drawn, Instant a, Instant b) {
    BusinessCalendar calendar = drawn.calendar();
    ZoneId zone = calendar.zone();
    Duration total = Duration.ZERO;
    for (LocalDate day = a.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(b.atZone(zone).toLocalDate());
        day = day.plusDays(1)) {
      if (calendar.isHoliday(day)) {
        continue;
      }
      for (LocalTime[] span : drawn.spans().get(day.getDayOfWeek())) {
        Instant from = local(day, span[0], zone);
        Instant to = span[1].equals(LocalTime.MIDNIGHT) ? local(day.plusDays(1), LocalTime.MIDNIGHT, zone)
            : local(day, span[1], zone);
        Instant start = from.isAfter(a) ? from : a;
        Instant end = to.isBefore(b) ? to : b;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private static Instant local(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime at = day.atTime(time);
    if (zone.getRules().getValidOffsets(at).isEmpty()) {
      return zone.getRules().getTransition(at).getInstant();
    }
    return ZonedDateTime.ofLocal(at, zone, null).toInstant();
  }
}
