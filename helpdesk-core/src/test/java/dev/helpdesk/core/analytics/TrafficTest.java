package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.model.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Traffic by hour of the week (D-20): peaks and dips, hours of operation, and the staffing they call for. */
class TrafficTest {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final Instant MONDAY = local("2026-02-02T00:00");
  private static final Instant TWO_WEEKS_LATER = MONDAY.plus(Duration.ofDays(14));

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(MADRID).toInstant();
  }

  private final StoredTickets stored = new StoredTickets(MADRID);

  private void contacts(String firstAt, int count, Channel channel) {
    Instant at = local(firstAt);
    for (int i = 0; i < count; i++) {
      stored.opened(at.plusSeconds(10L * i), channel, "general", "Question");
    }
  }

  private TrafficReport traffic(ReportOptions.Builder options) {
    return stored.analytics().report(options.build()).traffic();
  }

  @Test
  void anHoursAverageIsItsContactsOverHowOftenItOccursInThePeriod() {
    contacts("2026-02-02T09:05", 3, Channel.PHONE);
    contacts("2026-02-09T09:05", 5, Channel.PHONE);
    TrafficReport traffic = traffic(ReportOptions.period(MONDAY, TWO_WEEKS_LATER));
    HourOfWeek monday9 = new HourOfWeek(DayOfWeek.MONDAY, 9);
    assertEquals(8, traffic.contacts(monday9));
    assertEquals(2.0, traffic.occurrences(monday9));
    assertEquals(4.0, traffic.perHour(monday9));
  }

  @Test
  void peaksStandWellAboveTheMeanOfActiveHoursAndDipsWellBelowIt() {
    contacts("2026-02-02T09:00", 6, Channel.PHONE);
    contacts("2026-02-02T10:00", 2, Channel.PHONE);
    contacts("2026-02-02T11:00", 2, Channel.EMAIL);
    contacts("2026-02-02T12:00", 2, Channel.PHONE);
    contacts("2026-02-02T13:00", 1, Channel.PHONE);
    TrafficReport traffic = traffic(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(7))));
    // The mean of the five active hours is 13 / 5 = 2.6: a peak reaches 3.9, a dip stays under 1.3.
    assertEquals(List.of(new TrafficReport.Volume(new HourOfWeek(DayOfWeek.MONDAY, 9), 6, 6.0)), traffic.peaks());
    assertEquals(List.of(new TrafficReport.Volume(new HourOfWeek(DayOfWeek.MONDAY, 13), 1, 1.0)), traffic.dips());
  }

  @Test
  void hoursAverageBelowTheQuietThresholdAreSuggestedClosed() {
    contacts("2026-02-02T07:00", 1, Channel.PHONE);
    contacts("2026-02-02T08:00", 4, Channel.PHONE);
    contacts("2026-02-02T17:00", 4, Channel.PHONE);
    contacts("2026-02-02T19:00", 1, Channel.PHONE);
    contacts("2026-02-07T10:00", 1, Channel.PHONE);
    TrafficReport traffic = traffic(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(7))).quietBelow(2));
    assertEquals(List.of(new TrafficReport.OpeningHours(DayOfWeek.MONDAY, 8, 18)), traffic.suggestedHours());
    assertEquals(new Ratio(3, 11), traffic.outsideSuggestedHours());
  }

  @Test
  void hoursAreTheDesksLocalHoursThroughTheChangeToSummerTime() {
    // Madrid moves from 02:00 to 03:00 on Sunday 29 March 2026: that Sunday has no 02:00 hour.
    Instant monday = local("2026-03-23T00:00");
    contacts("2026-03-29T03:30", 2, Channel.PHONE);
    contacts("2026-03-30T09:30", 1, Channel.PHONE);
    TrafficReport traffic = traffic(ReportOptions.period(monday, monday.plus(Duration.ofDays(14))));
    assertEquals(1.0, traffic.occurrences(new HourOfWeek(DayOfWeek.SUNDAY, 2)));
    assertEquals(2.0, traffic.occurrences(new HourOfWeek(DayOfWeek.SUNDAY, 3)));
    assertEquals(2, traffic.contacts(new HourOfWeek(DayOfWeek.SUNDAY, 3)));
    assertEquals(1, traffic.contacts(new HourOfWeek(DayOfWeek.MONDAY, 9)), "09:30 summer time is 07:30 UTC");
  }

  @Test
  void aStaffingPlanStaffsEachHourOfTheWeekFromItsMeasuredTraffic() {
    // 200 calls in Monday's 09:00 hour: the classic 10 erlangs at 180 s each. Emails are not the phones' work.
    contacts("2026-02-02T09:00", 200, Channel.PHONE);
    contacts("2026-02-02T10:00", 50, Channel.EMAIL);
    TrafficReport traffic = traffic(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(7))));
    StaffingPlan plan = Staffing.to(ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20))).shrinkage(0.3)
        .plan(traffic, Set.of(Channel.PHONE), Duration.ofSeconds(180), java.util.Optional.empty());
    HourOfWeek monday9 = new HourOfWeek(DayOfWeek.MONDAY, 9);
    assertEquals(14, plan.requirement(monday9).agents());
    assertEquals(20, plan.scheduled(monday9));
    assertEquals(0, plan.scheduled(new HourOfWeek(DayOfWeek.MONDAY, 10)));
    assertEquals(20, plan.scheduledAgentHours());
    assertEquals(20, plan.peakScheduled());
  }
}
