package dev.helpdesk.bench;

import dev.helpdesk.core.sla.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a due instant costs (issue 6): {@link BusinessCalendar#plus} some business days ahead in a
 * Madrid office calendar (9-14 and 15-18 on weekdays, the national holidays every year, Good Friday
 * 2026), across weekends, holidays and the spring and autumn clock changes. Its cost must grow with
 * the days spanned, never with the minutes: beside it, in the same fork, a baseline that walks
 * minute by minute and asks of each whether it is working time.
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar SlaBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SlaBenchmark {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final LocalTime[][] SPANS = {
      {LocalTime.of(9, 0), LocalTime.of(14, 0)}, {LocalTime.of(15, 0), LocalTime.of(18, 0)}};
  private static final Duration WORKING_DAY = Duration.ofHours(8);

  /** Business days ahead: the due instant of a target this long. */
  @Param({"1", "30", "365"})
  public int days;

  /** {@code dayByDay} is the calendar; {@code minuteByMinute} the baseline. */
  @Param({"dayByDay", "minuteByMinute"})
  public String walk;

  private BusinessCalendar calendar;
  private Instant[] starts;
  private Duration target;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    BusinessCalendar.Builder office = BusinessCalendar.builder(MADRID);
    for (LocalTime[] span : SPANS) {
      office.weekdays(span[0], span[1]);
    }
    for (MonthDay holiday : new MonthDay[] {MonthDay.of(Month.JANUARY, 1), MonthDay.of(Month.JANUARY, 6),
        MonthDay.of(Month.MAY, 1), MonthDay.of(Month.AUGUST, 15), MonthDay.of(Month.OCTOBER, 12),
        MonthDay.of(Month.NOVEMBER, 1), MonthDay.of(Month.DECEMBER, 6), MonthDay.of(Month.DECEMBER, 8),
        MonthDay.of(Month.DECEMBER, 25)}) {
      office.yearlyHoliday(holiday);
    }
    calendar = office.holiday(LocalDate.of(2026, 4, 3)).build();
    target = WORKING_DAY.multipliedBy(days);
    // Tickets entered at different hours over March 2026, so walks start on every kind of day.
    starts = new Instant[64];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = LocalDateTime.of(2026, 3, 1 + i % 28, 8 + i % 11, (i * 7) % 60).atZone(MADRID).toInstant();
    }
    for (Instant start : starts) {
      if (!calendar.plus(start, target).equals(minuteByMinute(start, target))) {
        throw new IllegalStateException("the baseline disagrees with the calendar from " + start);
      }
    }
  }

  /** One due instant, {@link #days} business days after one of the starts. */
  @Benchmark
  public Instant due() {
    Instant start = starts[next++ & (starts.length - 1)];
    return walk.equals("dayByDay") ? calendar.plus(start, target) : minuteByMinute(start, target);
  }

  /** The naive way: one minute at a time, each looked up in the zone, the week and the holidays. */
  private Instant minuteByMinute(Instant start, Duration businessTime) {
    long left = businessTime.toMinutes();
    Instant t = start;
    while (left > 0) {
      if (isWorking(t)) {
        left--;
      }
      t = t.plusSeconds(60);
    }
    return t;
  }

  private boolean isWorking(Instant minute) {
    LocalDateTime local = LocalDateTime.ofInstant(minute, MADRID);
    DayOfWeek day = local.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || calendar.isHoliday(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    for (LocalTime[] span : SPANS) {
      if (!time.isBefore(span[0]) && time.isBefore(span[1])) {
        return true;
      }
    }
    return false;
  }
}
