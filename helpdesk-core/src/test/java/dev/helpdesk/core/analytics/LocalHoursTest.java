package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pass's shortcut to local hours agrees with java.time everywhere, daylight-saving changes included. */
class LocalHoursTest {
  @Test
  void everyInstantFallsInTheHourOfTheWeekJavaTimeGivesIt() {
    Random random = new Random(7);
    for (String id : new String[] {"Europe/Madrid", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC",
        "America/Santiago"}) {
      ZoneId zone = ZoneId.of(id);
      // Five years worked out ahead; the instants range over ten, so the zone's rules answer for the rest.
      LocalHours hours = new LocalHours(zone, Instant.ofEpochSecond(1_700_000_000L),
          Instant.ofEpochSecond(1_700_000_000L + 157_680_000L));
      for (int i = 0; i < 20_000; i++) {
        // Back and forth over ten years, so the last stretch used is both hit and missed.
        long second = 1_600_000_000L + (long) (random.nextDouble() * 315_360_000L);
        ZonedDateTime local = Instant.ofEpochSecond(second).atZone(zone);
        int expected = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
        assertEquals(expected, hours.hourOfWeek(second), id + " at " + local);
        assertEquals(local.toLocalDate().toEpochDay(), hours.localDay(second), id + " at " + local);
      }
    }
  }

  @Test
  void anInstantExactlyOnATransitionTakesTheNewOffset() {
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    long change = ZonedDateTime.parse("2026-03-29T03:00:00+02:00[Europe/Madrid]").toEpochSecond();
    LocalHours hours = new LocalHours(madrid, Instant.parse("2026-03-23T00:00:00Z"), Instant.parse("2026-04-06T00:00:00Z"));
    assertEquals(6 * 24 + 1, hours.hourOfWeek(change - 1));
    assertEquals(6 * 24 + 3, hours.hourOfWeek(change));
    assertEquals(6 * 24 + 1, hours.hourOfWeek(change - 1));
  }
}
