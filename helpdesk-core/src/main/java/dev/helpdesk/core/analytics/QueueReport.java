package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The service level of the channels' queues over a period (D-21), from the queue events their
 * adapters report, joined with the tickets those contacts opened: how many contacts were offered,
 * answered and abandoned, how fast they were answered, how many were answered within the threshold
 * T, and how long the queue was over time.
 *
 * <p>Abandons after a wait shorter than the short-abandon threshold (misdials, instant hang-ups) are
 * counted apart and left out of both sides of every rate. With <em>answered</em>, <em>abandoned</em>
 * and <em>in time</em> (a wait of at most T) so understood:
 *
 * <ul>
 *   <li>average speed of answer = total wait of answered contacts ÷ answered;
 *   <li>abandonment rate = abandoned ÷ (answered + abandoned);
 *   <li>service level = answered in time ÷ answered;
 *   <li>service level with abandons in time as met = (answered in time + abandoned in time) ÷
 *       (answered + abandoned): a customer who gave up within T is not held against the desk;
 *   <li>service level with every abandon as missed = answered in time ÷ (answered + abandoned).
 * </ul>
 *
 * <p>Contacts still waiting when the period ended count as offered and in the queue length, and in
 * no rate.
 */
public final class QueueReport {
  /**
   * The figures of one channel, or of all of them.
   *
   * @param offered contacts that entered the queue in the period, short abandons and those still
   *     waiting included
   * @param answered contacts a person answered
   * @param abandoned contacts whose customer gave up after more than the short-abandon threshold
   * @param shortAbandoned contacts abandoned within the short-abandon threshold, left out of the rates
   * @param waiting contacts neither answered nor abandoned when the period ended
   * @param answeredInTime answered contacts that waited at most T
   * @param abandonedInTime abandoned contacts (not short) whose customer gave up within T
   * @param totalAnswerWait the total wait of answered contacts
   * @param longestWait the longest wait of a contact answered or abandoned
   * @param openedTicket answered contacts that opened a ticket (its source is the contact)
   * @param continuedTicket answered contacts that continued an existing ticket (a reply through the
   *     channel)
   * @param resolvedAtFirstContact answered contacts whose ticket was resolved at first contact
   */
  public record Stats(long offered, long answered, long abandoned, long shortAbandoned, long waiting,
      long answeredInTime, long abandonedInTime, Duration totalAnswerWait, Duration longestWait,
      long openedTicket, long continuedTicket, long resolvedAtFirstContact) {
    static final int OFFERED = 0;
    static final int ANSWERED = 1;
    static final int ABANDONED = 2;
    static final int SHORT_ABANDONED = 3;
    static final int WAITING = 4;
    static final int ANSWERED_IN_TIME = 5;
    static final int ABANDONED_IN_TIME = 6;
    static final int WAIT_ANSWERED = 7;
    static final int LONGEST_WAIT = 8;
    static final int OPENED_TICKET = 9;
    static final int CONTINUED_TICKET = 10;
    static final int RESOLVED_AT_FIRST_CONTACT = 11;
    static final int FIELDS = 12;

    // Rejects missing durations.
    public Stats {
      Objects.requireNonNull(totalAnswerWait, "totalAnswerWait");
      Objects.requireNonNull(longestWait, "longestWait");
    }

    static Stats of(long[] s) {
      return new Stats(s[OFFERED], s[ANSWERED], s[ABANDONED], s[SHORT_ABANDONED], s[WAITING], s[ANSWERED_IN_TIME],
          s[ABANDONED_IN_TIME], Duration.ofMillis(s[WAIT_ANSWERED]), Duration.ofMillis(s[LONGEST_WAIT]),
          s[OPENED_TICKET], s[CONTINUED_TICKET], s[RESOLVED_AT_FIRST_CONTACT]);
    }

    /**
     * Returns the average speed of answer: how long answered contacts waited, on average.
     *
     * @return the mean wait of answered contacts; zero when none was answered
     */
    public Duration averageSpeedOfAnswer() {
      return answered == 0 ? Duration.ZERO : totalAnswerWait.dividedBy(answered);
    }

    /**
     * Returns the abandonment rate, short abandons left out.
     *
     * @return abandoned ÷ (answered + abandoned)
     */
    public Ratio abandonmentRate() {
      return new Ratio(abandoned, answered + abandoned);
    }

    /**
     * Returns the service level: the share of answered contacts answered within T.
     *
     * @return answered in time ÷ answered
     */
    public Ratio serviceLevel() {
      return new Ratio(answeredInTime, answered);
    }

    /**
     * Returns the service level counting a customer who gave up within T as served in time.
     *
     * @return (answered in time + abandoned in time) ÷ (answered + abandoned)
     */
    public Ratio serviceLevelAbandonsInTimeMet() {
      return new Ratio(answeredInTime + abandonedInTime, answered + abandoned);
    }

    /**
     * Returns the strictest service level: every abandon counts as missed.
     *
     * @return answered in time ÷ (answered + abandoned)
     */
    public Ratio serviceLevelAbandonsMissed() {
      return new Ratio(answeredInTime, answered + abandoned);
    }

    /**
     * Returns the answered contacts that left no ticket behind, opened or continued: every contact
     * should leave a record (D-03).
     *
     * @return answered − opened − continued
     */
    public long answeredWithoutTicket() {
      return answered - openedTicket - continuedTicket;
    }

    /**
     * Returns the share of contacts answered and opening a ticket that was resolved at first contact.
     *
     * @return resolved at first contact ÷ opened a ticket
     */
    public Ratio firstContactResolution() {
      return new Ratio(resolvedAtFirstContact, openedTicket);
    }
  }

  /**
   * The queue in one interval of the period.
   *
   * @param start the interval's first instant
   * @param meanLength the average number of contacts waiting over the interval
   * @param maxLength the most contacts waiting at once in it
   * @param offered contacts that entered the queue in it
   * @param answered contacts answered in it
   * @param abandoned contacts abandoned in it, short abandons left out
   */
  public record Interval(Instant start, double meanLength, int maxLength, long offered, long answered,
      long abandoned) {
    // Rejects a missing start.
    public Interval {
      Objects.requireNonNull(start, "start");
    }
  }

  private final Instant from;
  private final Instant to;
  private final Duration answerWithin;
  private final Duration shortAbandon;
  private final Duration interval;
  private final Stats total;
  private final Map<Channel, Stats> channels;
  private final List<Interval> intervals;

  QueueReport(Instant from, Instant to, Duration answerWithin, Duration shortAbandon, Duration interval, Stats total,
      Map<Channel, Stats> channels, List<Interval> intervals) {
    this.from = from;
    this.to = to;
    this.answerWithin = answerWithin;
    this.shortAbandon = shortAbandon;
    this.interval = interval;
    this.total = total;
    this.channels = Map.copyOf(channels);
    this.intervals = List.copyOf(intervals);
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /** @return the service level's threshold T */
  public Duration answerWithin() {
    return answerWithin;
  }

  /** @return abandons after a shorter wait are left out of the rates */
  public Duration shortAbandon() {
    return shortAbandon;
  }

  /** @return the length of the queue-length intervals */
  public Duration interval() {
    return interval;
  }

  /**
   * Returns the figures of every channel together.
   *
   * @return the totals
   */
  public Stats total() {
    return total;
  }

  /**
   * Returns the figures of each channel that reported queue events.
   *
   * @return channel to its figures
   */
  public Map<Channel, Stats> channels() {
    return channels;
  }

  /**
   * Returns the queue over the period, interval by interval.
   *
   * @return the intervals, in time order, covering the whole period
   */
  public List<Interval> intervals() {
    return intervals;
  }

  /**
   * Returns the queue lengths as CSV, one row per interval.
   *
   * @return {@code start,mean_length,max_length,offered,answered,abandoned} rows
   */
  public String toCsv() {
    Csv csv = new Csv("start", "mean_length", "max_length", "offered", "answered", "abandoned");
    for (Interval i : intervals) {
      csv.row(i.start(), i.meanLength(), i.maxLength(), i.offered(), i.answered(), i.abandoned());
    }
    return csv.toString();
  }

  /**
   * Returns the figures per channel as CSV, with a row {@code ALL} for their totals.
   *
   * @return one row per channel
   */
  public String toStatsCsv() {
    Csv csv = new Csv("channel", "offered", "answered", "abandoned", "short_abandoned", "waiting",
        "answered_in_time", "abandoned_in_time", "asa_seconds", "abandonment_rate", "service_level",
        "service_level_abandons_in_time_met", "service_level_abandons_missed", "longest_wait_seconds",
        "opened_ticket", "continued_ticket", "answered_without_ticket", "resolved_at_first_contact");
    statsRow(csv, "ALL", total);
    channels.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> statsRow(csv, e.getKey().name(), e.getValue()));
    return csv.toString();
  }

  private static void statsRow(Csv csv, String name, Stats s) {
    csv.row(name, s.offered(), s.answered(), s.abandoned(), s.shortAbandoned(), s.waiting(), s.answeredInTime(),
        s.abandonedInTime(), s.averageSpeedOfAnswer().toMillis() / 1000.0, s.abandonmentRate().value(),
        s.serviceLevel().value(), s.serviceLevelAbandonsInTimeMet().value(), s.serviceLevelAbandonsMissed().value(),
        s.longestWait().toMillis() / 1000.0, s.openedTicket(), s.continuedTicket(), s.answeredWithoutTicket(),
        s.resolvedAtFirstContact());
  }

  /**
   * Returns the queue length over the day as a chart: for each time of day, the mean number waiting
   * averaged over the period's days, and the most waiting at once on any of them.
   *
   * @param zone the time zone of the day
   * @return an SVG document
   */
  public String toSvg(ZoneId zone) {
    long length = interval.getSeconds();
    int slots = (int) ((86_400 + length - 1) / length);
    double[] meanSum = new double[slots];
    int[] days = new int[slots];
    double[] max = new double[slots];
    for (Interval i : intervals) {
      int slot = (int) (ZonedDateTime.ofInstant(i.start(), zone).toLocalTime().toSecondOfDay() / length);
      meanSum[slot] += i.meanLength();
      days[slot]++;
      max[slot] = Math.max(max[slot], i.maxLength());
    }
    double[] mean = new double[slots];
    String[] labels = new String[slots];
    for (int slot = 0; slot < slots; slot++) {
      mean[slot] = days[slot] == 0 ? 0 : meanSum[slot] / days[slot];
      labels[slot] = LocalTime.ofSecondOfDay(slot * length).format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
    }
    int every = Math.max(1, (int) Math.ceil(slots / 12.0));
    return Svg.lines("Queue length over the day", total.offered() + " contacts offered, " + from + " to " + to
        + ", intervals of " + minutes(interval) + " (" + zone + ")", "contacts waiting", labels, every,
        List.of(new Svg.Series("most waiting at once, any day", Svg.PALETTE[3], max),
            new Svg.Series("mean waiting, average day", Svg.PALETTE[0], mean)));
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Queues ").append(from).append(" to ").append(to).append(": service level within ")
        .append(answerWithin.toSeconds()).append(" s, short abandons under ").append(shortAbandon.toSeconds())
        .append(" s left out\n");
    TextTable table = new TextTable("channel", "offered", "answered", "abandoned", "short", "ASA", "abandon rate",
        "SL", "SL abandons in T met", "SL abandons missed", "longest wait", "no ticket");
    addRow(table, "all", total);
    channels.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> addRow(table, e.getKey().name(), e.getValue()));
    out.append(table);
    double peakMean = 0;
    Interval busiest = intervals.get(0);
    for (Interval i : intervals) {
      busiest = i.maxLength() > busiest.maxLength() ? i : busiest;
      peakMean = Math.max(peakMean, i.meanLength());
    }
    out.append("Queue length: at most ").append(busiest.maxLength()).append(" waiting at once")
        .append(busiest.maxLength() > 0 ? " (interval from " + busiest.start() + ")" : "")
        .append(", highest interval mean ").append(String.format(Locale.ROOT, "%.2f", peakMean)).append('\n');
    out.append("Answered contacts that opened a ticket: ").append(total.openedTicket()).append(", continued one: ")
        .append(total.continuedTicket()).append(", left none: ").append(total.answeredWithoutTicket())
        .append("; their tickets resolved at first contact: ").append(total.firstContactResolution()).append('\n');
    return out.toString();
  }

  private static void addRow(TextTable table, String name, Stats s) {
    table.row(name, s.offered(), s.answered(), s.abandoned(), s.shortAbandoned(),
        String.format(Locale.ROOT, "%.1f s", s.averageSpeedOfAnswer().toMillis() / 1000.0),
        s.abandonmentRate().percent(), s.serviceLevel().percent(), s.serviceLevelAbandonsInTimeMet().percent(),
        s.serviceLevelAbandonsMissed().percent(), s.longestWait().toSeconds() + " s", s.answeredWithoutTicket());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueReport r && r.from.equals(from) && r.to.equals(to) && r.answerWithin.equals(answerWithin)
        && r.shortAbandon.equals(shortAbandon) && r.interval.equals(interval) && r.total.equals(total)
        && r.channels.equals(channels) && r.intervals.equals(intervals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, total, channels);
  }
}
