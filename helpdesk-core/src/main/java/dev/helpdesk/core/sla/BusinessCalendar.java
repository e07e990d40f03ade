package dev.helpdesk.core.sla;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the desk works, so that service-level clocks count business time only (issue 6): a time
 * zone, weekly working hours (several spans a day), holidays on fixed dates and yearly ones, or
 * around the clock. Immutable and thread-safe.
 *
 * <p>Working hours are wall-clock spans in the calendar's zone, so a span on a day the clocks change
 * has its real length: 00:00–24:00 lasts 23 hours in spring and 25 in autumn, and 01:00–05:00 loses
 * the hour that does not exist. A wall-clock time that does not exist counts as the instant the
 * clocks jump to; one that exists twice counts at its first occurrence. A holiday is a whole day off.
 *
 * <p>{@link #plus} and {@link #between} walk the calendar day by day, never minute by minute, so
 * their cost grows with the number of days spanned, whatever the length of the working day. They
 * agree exactly: {@code between(t, plus(t, d))} equals {@code d}, and business time adds up, so
 * {@code between(a, c) == between(a, b) + between(b, c)} for {@code a <= b <= c}. Business time is
 * kept to the nanosecond; working hours are given to the second.
 */
public final class BusinessCalendar {
  private static final int DAY = 86_400;
  private static final long NANOS = 1_000_000_000L;
  /** How far a walk may go: a calendar with no working time within it is taken to have none at all. */
  private static final long MAX_DAYS = 200L * 366;
  private static final int[] NO_SPANS = new int[0];
  private static final int[] ALL_DAY = {0, DAY};

  private static final BusinessCalendar TWENTY_FOUR_SEVEN = new BusinessCalendar(ZoneOffset.UTC,
      new int[][] {ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY}, Set.of(), Set.of());

  private final ZoneId zone;
  private final ZoneRules rules;
  /** Per day of the week, Monday first: start and end of each span in seconds of the day, sorted and apart. */
  private final int[][] spans;
  private final Set<LocalDate> holidays;
  private final Set<MonthDay> yearlyHolidays;
  /** The holidays on fixed dates as epoch days, sorted, for a binary search per day walked. */
  private final long[] holidayDays;
  /** The yearly holidays by {@code month * 32 + day}. */
  private final boolean[] yearly;
  /** Every instant is business time: the walk is plain arithmetic. */
  private final boolean alwaysOpen;

  private BusinessCalendar(ZoneId zone, int[][] spans, Set<LocalDate> holidays, Set<MonthDay> yearlyHolidays) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.spans = spans;
    this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
    this.yearlyHolidays = Collections.unmodifiableSet(new TreeSet<>(yearlyHolidays));
    this.holidayDays = holidays.stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
    this.yearly = new boolean[13 * 32];
    for (MonthDay day : yearlyHolidays) {
      yearly[day.getMonthValue() * 32 + day.getDayOfMonth()] = true;
    }
    boolean allDay = holidays.isEmpty() && yearlyHolidays.isEmpty();
    for (int[] day : spans) {
      allDay &= Arrays.equals(day, ALL_DAY);
    }
    this.alwaysOpen = allDay;
  }

  /**
   * Returns the calendar of a desk that never closes: every instant is business time, in any zone.
   *
   * @return 24 hours a day, 7 days a week, no holidays
   */
  public static BusinessCalendar twentyFourSeven() {
    return TWENTY_FOUR_SEVEN;
  }

  /**
   * Starts a calendar in a time zone, with no working hours yet.
   *
   * @param zone where the working hours are kept, such as {@code ZoneId.of("Europe/Madrid")}
   * @return a builder
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /**
   * Returns the zone the working hours are kept in.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns the holidays on fixed dates.
   *
   * @return the dates, in order
   */
  public Set<LocalDate> holidays() {
    return holidays;
  }

  /**
   * Returns the holidays that come back every year.
   *
   * @return the days of the year, in order
   */
  public Set<MonthDay> yearlyHolidays() {
    return yearlyHolidays;
  }

  /**
   * Tells whether a local date is a holiday, on a fixed date or a yearly one.
   *
   * @param date a date in the calendar's zone
   * @return whether the whole day is off
   */
  public boolean isHoliday(LocalDate date) {
    return isHoliday(date.toEpochDay());
  }

  private boolean isHoliday(long epochDay) {
    if (holidayDays.length > 0 && Arrays.binarySearch(holidayDays, epochDay) >= 0) {
      return true;
    }
    if (yearlyHolidays.isEmpty()) {
      return false;
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return yearly[date.getMonthValue() * 32 + date.getDayOfMonth()];
  }

  /** The spans of a day given as an epoch day: none on a holiday. */
  private int[] spansOn(long epochDay) {
    int[] today = spans[(int) Math.floorMod(epochDay + 3, 7)]; // 1970-01-01 was a Thursday
    return today.length == 0 || isHoliday(epochDay) ? NO_SPANS : today;
  }

  /**
   * Returns the instant at which a given amount of business time has passed since {@code start}: the
   * earliest instant {@code t} with {@code between(start, t)} equal to {@code businessTime}. Zero
   * returns {@code start} itself; otherwise the result lies within working hours or at the end of a
   * span (a target that ends with the working day is due when the day's work ends, not the next
   * morning).
   *
   * @param start where to count from; need not be within working hours
   * @param businessTime how much working time to count, not negative
   * @return the instant the business time is used up
   * @throws IllegalArgumentException if the business time is negative, or too long to be reached
   *     within 200 years
   */
  public Instant plus(Instant start, Duration businessTime) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(businessTime, "businessTime");
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("business time must not be negative, was " + businessTime);
    }
    if (businessTime.isZero()) {
      return start;
    }
    if (alwaysOpen) {
      return start.plus(businessTime);
    }
    long remaining = nanos(businessTime);
    long startSecond = start.getEpochSecond();
    int startNano = start.getNano();
    Offsets offsets = new Offsets();
    long first = localDay(start) - 1;
    for (long day = first; day <= first + MAX_DAYS; day++) {
      int[] today = spansOn(day);
      for (int i = 0; i < today.length; i += 2) {
        long to = relative(offsets.epochSecond(day * DAY + today[i + 1]), startSecond, startNano);
        if (to <= 0) {
          continue;
        }
        long from = Math.max(0, relative(offsets.epochSecond(day * DAY + today[i]), startSecond, startNano));
        long length = to - from;
        if (length >= remaining) {
          return start.plusNanos(from + remaining);
        }
        remaining -= length;
      }
    }
    throw new IllegalArgumentException(businessTime + " of business time is not reached within 200 years of "
        + start + " in " + this);
  }

  /**
   * Returns the business time between two instants: the working time within {@code [from, to)}.
   *
   * @param from the start
   * @param to the end
   * @return the working time between them; zero if {@code to} is not after {@code from}
   * @throws IllegalArgumentException if the instants are more than 200 years apart
   */
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (alwaysOpen) {
      return Duration.between(from, to);
    }
    long first = localDay(from) - 1;
    long last = localDay(to);
    if (last - first > MAX_DAYS) {
      throw new IllegalArgumentException("instants more than 200 years apart: " + from + " and " + to);
    }
    long fromSecond = from.getEpochSecond();
    int fromNano = from.getNano();
    long end = relative(to.getEpochSecond(), fromSecond, fromNano) + to.getNano();
    Offsets offsets = new Offsets();
    long total = 0;
    for (long day = first; day <= last; day++) {
      int[] today = spansOn(day);
      for (int i = 0; i < today.length; i += 2) {
        long a = Math.max(0, relative(offsets.epochSecond(day * DAY + today[i]), fromSecond, fromNano));
        long b = Math.min(end, relative(offsets.epochSecond(day * DAY + today[i + 1]), fromSecond, fromNano));
        if (b > a) {
          total += b - a;
        }
      }
    }
    return Duration.ofNanos(total);
  }

  private static long nanos(Duration businessTime) {
    try {
      return businessTime.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("business time too long: " + businessTime, e);
    }
  }

  /** Nanoseconds from a start instant to a whole epoch second. */
  private static long relative(long epochSecond, long startSecond, int startNano) {
    return (epochSecond - startSecond) * NANOS - startNano;
  }

  /** The local date of an instant in the calendar's zone, as an epoch day. */
  private long localDay(Instant instant) {
    long local = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
    return Math.floorDiv(local, DAY);
  }

  /**
   * Turns local wall-clock seconds into epoch seconds for one walk, remembering the stretch of local
   * time in which the zone keeps one unambiguous offset; only boundaries near a change of offset take
   * the zone rules' slower path.
   */
  private final class Offsets {
    private long from = 1;
    private long to = 0;
    private long offset;

    long epochSecond(long local) {
      if (local >= from && local < to) {
        return local - offset;
      }
      LocalDateTime time = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
      List<ZoneOffset> valid = rules.getValidOffsets(time);
      // In a gap the clocks jump: the time counts as the instant they jump to. In an overlap the
      // first offset listed is the earlier instant.
      long epoch = valid.isEmpty() ? rules.getTransition(time).getInstant().getEpochSecond()
          : local - valid.get(0).getTotalSeconds();
      Instant at = Instant.ofEpochSecond(epoch);
      ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(epoch + 1));
      ZoneOffsetTransition next = rules.nextTransition(at);
      offset = rules.getOffset(at).getTotalSeconds();
      from = previous == null ? Long.MIN_VALUE : previous.getInstant().getEpochSecond()
          + Math.max(previous.getOffsetBefore().getTotalSeconds(), previous.getOffsetAfter().getTotalSeconds());
      to = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond()
          + Math.min(next.getOffsetBefore().getTotalSeconds(), next.getOffsetAfter().getTotalSeconds());
      return epoch;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar c && zone.equals(c.zone) && Arrays.deepEquals(spans, c.spans)
        && holidays.equals(c.holidays) && yearlyHolidays.equals(c.yearlyHolidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, Arrays.deepHashCode(spans), holidays, yearlyHolidays);
  }

  @Override
  public String toString() {
    if (alwaysOpen) {
      return "BusinessCalendar{24x7}";
    }
    StringBuilder out = new StringBuilder("BusinessCalendar{").append(zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      int[] today = spans[day.ordinal()];
      if (today.length > 0) {
        out.append(", ").append(day.name(), 0, 3);
        for (int i = 0; i < today.length; i += 2) {
          out.append(' ').append(LocalTime.ofSecondOfDay(today[i])).append('-')
              .append(today[i + 1] == DAY ? "24:00" : LocalTime.ofSecondOfDay(today[i + 1]).toString());
        }
      }
    }
    if (!holidays.isEmpty()) {
      out.append(", holidays ").append(holidays);
    }
    if (!yearlyHolidays.isEmpty()) {
      out.append(", every year ").append(yearlyHolidays);
    }
    return out.append('}').toString();
  }

  /**
   * Builds a {@link BusinessCalendar}; {@link #build()} checks everything at once. Spans of one day
   * that touch are joined.
   */
  public static final class Builder {
    private final ZoneId zone;
    private final List<List<int[]>> spans = new ArrayList<>();
    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Set<MonthDay> yearly = new TreeSet<>();
    private final List<Violation> violations = new ArrayList<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
      for (int i = 0; i < 7; i++) {
        spans.add(new ArrayList<>());
      }
    }

    /**
     * Adds a span of working hours on a day of the week.
     *
     * @param day the day
     * @param from when work starts, to the second
     * @param to when it ends, after {@code from}; {@code 00:00} means midnight at the end of the day
     * @return this builder
     */
    public Builder hours(DayOfWeek day, LocalTime from, LocalTime to) {
      String field = "hours[" + day + "]";
      if (day == null || from == null || to == null) {
        violations.add(new Violation(field, "needs a day, a start and an end"));
        return this;
      }
      if (from.getNano() != 0 || to.getNano() != 0) {
        violations.add(new Violation(field, "must be given to the second, was " + from + "-" + to));
        return this;
      }
      int start = from.toSecondOfDay();
      int end = to.equals(LocalTime.MIDNIGHT) ? DAY : to.toSecondOfDay();
      if (end <= start) {
        violations.add(new Violation(field, "must end after it starts, was " + from + "-" + to));
        return this;
      }
      spans.get(day.ordinal()).add(new int[] {start, end});
      return this;
    }

    /**
     * Adds the same span of working hours on Monday to Friday.
     *
     * @param from when work starts
     * @param to when it ends; {@code 00:00} means midnight
     * @return this builder
     */
    public Builder weekdays(LocalTime from, LocalTime to) {
      for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY)) {
        hours(day, from, to);
      }
      return this;
    }

    /**
     * Makes whole days working days, around the clock; with every day of the week and holidays, this
     * is a 24×7 desk that closes on holidays.
     *
     * @param days the days
     * @return this builder
     */
    public Builder allDay(DayOfWeek... days) {
      for (DayOfWeek day : days) {
        hours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
      }
      return this;
    }

    /**
     * Adds a holiday on a fixed date.
     *
     * @param date the date, in the calendar's zone
     * @return this builder
     */
    public Builder holiday(LocalDate date) {
      if (date == null) {
        violations.add(new Violation("holiday", "must not be null"));
      } else {
        holidays.add(date);
      }
      return this;
    }

    /**
     * Adds a holiday that comes back every year on the same day, such as 1 January; 29 February is a
     * holiday in leap years only.
     *
     * @param day the day of the year
     * @return this builder
     */
    public Builder yearlyHoliday(MonthDay day) {
      if (day == null) {
        violations.add(new Violation("yearlyHoliday", "must not be null"));
      } else {
        yearly.add(day);
      }
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     * @throws ValidationException listing every problem: no zone, spans that are empty, inverted,
     *     overlapping or not to the second, or no working hours at all
     */
    public BusinessCalendar build() {
      List<Violation> found = new ArrayList<>(violations);
      if (zone == null) {
        found.add(new Violation("zone", "must not be null"));
      }
      int[][] week = new int[7][];
      boolean any = false;
      for (DayOfWeek day : DayOfWeek.values()) {
        List<int[]> today = new ArrayList<>(spans.get(day.ordinal()));
        today.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> joined = new ArrayList<>();
        for (int[] span : today) {
          int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
          if (last != null && span[0] < last[1]) {
            found.add(new Violation("hours[" + day + "]", "spans must not overlap: " + text(last) + " and "
                + text(span)));
          } else if (last != null && span[0] == last[1]) {
            last[1] = span[1];
          } else {
            joined.add(span.clone());
          }
        }
        week[day.ordinal()] = joined.stream().flatMapToInt(Arrays::stream).toArray();
        any |= !joined.isEmpty();
      }
      if (!any && violations.isEmpty()) {
        found.add(new Violation("hours", "must have at least one span of working hours in the week"));
      }
      if (!found.isEmpty()) {
        throw new ValidationException("BusinessCalendar", found);
      }
      return new BusinessCalendar(zone, week, holidays, yearly);
    }

    private static String text(int[] span) {
      return LocalTime.ofSecondOfDay(span[0]) + "-" + (span[1] == DAY ? "24:00" : LocalTime.ofSecondOfDay(span[1]));
    }
  }
}
