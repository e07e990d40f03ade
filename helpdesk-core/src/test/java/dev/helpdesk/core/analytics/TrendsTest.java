package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Question trends (D-23): what customers ask about, week by week or month by month, and what is rising. */
class TrendsTest {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final Instant MONDAY = local("2026-02-02T00:00");

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(MADRID).toInstant();
  }

  private final StoredTickets stored = new StoredTickets(MADRID);

  private void open(int week, int count, String category, String subject) {
    for (int i = 0; i < count; i++) {
      stored.opened(MONDAY.plus(Duration.ofDays(7L * week + 1)).plusSeconds(60L * i), Channel.EMAIL, category, subject);
    }
  }

  @Test
  void aCategoryGrowingWeekOnWeekRisesAndOneShrinkingDoesNot() {
    int[] vpn = {1, 2, 3, 4};
    int[] printing = {4, 3, 2, 1};
    for (int week = 0; week < 4; week++) {
      open(week, vpn[week], "vpn", "VPN drops");
      open(week, printing[week], "printing", "Printer jams");
      open(week, 2, "email", "Mailbox full");
    }
    TrendReport trends = stored.analytics().report(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(28))).build())
        .trends();
    assertEquals(List.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 16),
        LocalDate.of(2026, 2, 23)), trends.buckets());
    TrendReport.Topic rising = trends.category("vpn").orElseThrow();
    assertEquals(List.of(1L, 2L, 3L, 4L), rising.counts());
    assertEquals(1.0, rising.rise(), 1e-12);
    assertEquals(1.0 / 3, rising.growth(), 1e-12);
    assertEquals(-1.0, trends.category("printing").orElseThrow().rise(), 1e-12);
    assertEquals(0.0, trends.category("email").orElseThrow().rise(), 1e-12);
    assertEquals(List.of("vpn"), trends.rising().stream().map(TrendReport.Topic::name).toList());
  }

  @Test
  void aWeekThePeriodOnlyPartlyCoversIsScaledToAWholeWeekBeforeComparing() {
    // The period starts on Thursday: its first week has four days of tickets, at the same pace as the next.
    Instant thursday = MONDAY.plus(Duration.ofDays(3));
    for (int day = 0; day < 11; day++) {
      stored.opened(thursday.plus(Duration.ofDays(day)).plusSeconds(36_000), Channel.EMAIL, "vpn", "VPN drops");
    }
    TrendReport trends = stored.analytics().report(ReportOptions.period(thursday, thursday.plus(Duration.ofDays(11)))
        .build()).trends();
    TrendReport.Topic vpn = trends.category("vpn").orElseThrow();
    assertEquals(List.of(4L, 7L), vpn.counts());
    assertEquals(0.0, vpn.growth(), 1e-12);
    assertEquals(0.0, vpn.rise(), 1e-12);
    assertEquals(List.of(), trends.rising());
  }

  @Test
  void monthsAreTheDesksCalendarMonths() {
    // Half past midnight on 1 April in Madrid is still 31 March in UTC.
    stored.opened(local("2026-03-31T23:30"), Channel.WEB, "vpn", "VPN drops");
    stored.opened(local("2026-04-01T00:30"), Channel.WEB, "vpn", "VPN drops");
    TrendReport trends = stored.analytics().report(ReportOptions.period(local("2026-03-01T00:00"),
        local("2026-05-01T00:00")).trendBucket(TrendBucket.MONTH).build()).trends();
    assertEquals(List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)), trends.buckets());
    assertEquals(List.of(1L, 1L), trends.category("vpn").orElseThrow().counts());
  }

  @Test
  void keywordsIgnoreCaseAccentsAndWordsThatSayNothing() {
    Instant tuesday = MONDAY.plus(Duration.ofDays(1));
    stored.opened(tuesday, Channel.EMAIL, "printing", "La impresora no funciona");
    stored.opened(tuesday.plusSeconds(60), Channel.EMAIL, "printing", "Impresora atascada otra vez");
    stored.opened(tuesday.plusSeconds(120), Channel.EMAIL, "printing", "IMPRESORA sin tóner");
    stored.opened(tuesday.plusSeconds(180), Channel.EMAIL, "printing", "Toner low on printer 4");
    TrendReport trends = stored.analytics().report(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(7)))
        .build()).trends();
    assertEquals("impresora", trends.keywords().get(0).name());
    assertEquals(3, trends.keywords().get(0).total());
    assertEquals("toner", trends.keywords().get(1).name());
    assertEquals(2, trends.keywords().get(1).total());
    assertTrue(trends.keywords().stream().noneMatch(t -> List.of("la", "funciona", "sin", "otra", "vez", "4", "on")
        .contains(t.name())), trends.keywords().toString());
  }

  @Test
  void aFrequentKeywordGrowingWeekOnWeekRises() {
    for (int week = 0; week < 3; week++) {
      open(week, 2 + 3 * week, "network", "Wifi keeps dropping");
      open(week, 5, "network", "Cable unplugged");
    }
    TrendReport trends = stored.analytics().report(ReportOptions.period(MONDAY, MONDAY.plus(Duration.ofDays(21)))
        .build()).trends();
    // Equal rises: the words of the growing subject, alphabetically; the steady subject's words stay out.
    assertEquals(List.of("dropping", "keeps", "wifi"), trends.risingKeywords().stream().map(TrendReport.Topic::name)
        .toList());
    assertEquals(3.0, trends.risingKeywords().get(0).rise(), 1e-12);
  }
}
