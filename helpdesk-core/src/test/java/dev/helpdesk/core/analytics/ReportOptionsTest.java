package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Options are checked as a whole: every mistake is named at once, and nothing is read. */
class ReportOptionsTest {
  private static final Instant T = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void everyMistakeIsNamedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> ReportOptions.period(T, T)
        .answerWithin(Duration.ZERO).shortAbandon(Duration.ofSeconds(-1)).queueInterval(Duration.ofSeconds(10))
        .topics(0).quietBelow(-1).sla(null).build());
    assertEquals("ReportOptions", e.subject());
    assertEquals(java.util.List.of("period", "quietBelow", "shortAbandon", "answerWithin", "queueInterval", "topics",
        "sla"), e.violations().stream().map(Violation::field).toList());
  }

  @Test
  void defaultsAreTheUsualOnes() {
    ReportOptions options = ReportOptions.period(T, T.plusSeconds(3600)).build();
    assertEquals(Duration.ofSeconds(20), options.answerWithin());
    assertEquals(Duration.ofSeconds(5), options.shortAbandon());
    assertEquals(Duration.ofMinutes(30), options.queueInterval());
    assertEquals(TrendBucket.WEEK, options.trendBucket());
    assertEquals(java.util.Optional.empty(), options.zone());
    assertEquals(Duration.ofHours(2), options.businessTime().between(T, T.plusSeconds(7200)));
    assertEquals(Duration.ZERO, options.businessTime().between(T.plusSeconds(7200), T));
  }

  @Test
  void aReportInAnotherZoneCountsItsHours() {
    StoredTickets stored = new StoredTickets(ZoneId.of("UTC"));
    stored.opened(Instant.parse("2026-03-02T08:30:00Z"), dev.helpdesk.model.Channel.PHONE, "general", "Hello");
    DeskReport report = stored.analytics().report(ReportOptions.period(T.minus(Duration.ofDays(1)),
        T.plus(Duration.ofDays(6))).zone(ZoneId.of("America/New_York")).build());
    assertEquals(ZoneId.of("America/New_York"), report.zone());
    assertEquals(1, report.traffic().contacts(new HourOfWeek(java.time.DayOfWeek.MONDAY, 3)));
  }

  @Test
  void timeToResolveIsMeasuredByTheDesksBusinessTime() {
    StoredTickets stored = new StoredTickets(ZoneId.of("UTC"));
    dev.helpdesk.model.Ticket t = stored.opened(T.plusSeconds(3600), dev.helpdesk.model.Channel.PHONE, "general", "Hi");
    stored.resolved(t, T.plusSeconds(3600 * 5), dev.helpdesk.model.Actor.supervisor("sam"), false);
    // A calendar that counts only half of every hour, standing in for the SLA clocks' business hours.
    BusinessTime halfTime = (start, end) -> Duration.between(start, end).dividedBy(2);
    KpiReport kpis = stored.analytics().report(ReportOptions.period(T, T.plus(Duration.ofDays(1)))
        .businessTime(halfTime).build()).kpis();
    assertEquals(Duration.ofHours(2), kpis.meanTimeToResolve());
  }
}
