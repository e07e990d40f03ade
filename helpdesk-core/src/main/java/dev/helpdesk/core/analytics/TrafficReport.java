package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Contacts per channel by hour of the week over a period, in the desk's time zone (D-20): when the
 * desk is busy and when it is quiet, to set staffing levels and hours of operation.
 *
 * <p>A contact is anything that reached the desk through a channel: a contact that opened a ticket,
 * a reply that came in through a channel, and a call abandoned in the queue (a missed call, D-21,
 * unless it was a short abandon). Averages are per hour: an hour of the week's contacts divided by
 * how many times that hour occurs in the period, so four weeks of Mondays 09:00 with 40 contacts
 * average 10 an hour.
 *
 * <p>A <em>peak</em> is an hour of the week averaging at least {@value #PEAK_RATIO} times the mean
 * of the hours that had any contact; a <em>dip</em> is an hour within the suggested opening hours
 * averaging at most {@value #DIP_RATIO} times that mean. The suggested hours of a day run from its
 * first to its last hour whose average reaches the quiet threshold; a day with none stays closed.
 */
public final class TrafficReport {
  /** How much busier than the mean of active hours a peak is. */
  public static final double PEAK_RATIO = 1.5;
  /** How much quieter than the mean of active hours a dip is. */
  public static final double DIP_RATIO = 0.5;

  /**
   * The contacts of one hour of the week.
   *
   * @param hour the hour of the week
   * @param contacts all contacts in that hour over the period
   * @param perHour their average per occurrence of the hour
   */
  public record Volume(HourOfWeek hour, long contacts, double perHour) {
    @Override
    public String toString() {
      return hour + " " + Svg.format(round2(perHour)) + "/h";
    }
  }

  /**
   * The hours one day should be open, from the first to the last hour busy enough.
   *
   * @param day the day
   * @param opens the hour of opening, 0 to 23
   * @param closes the hour of closing, after {@code opens}, at most 24
   */
  public record OpeningHours(DayOfWeek day, int opens, int closes) {
    // Rejects a missing day and hours out of order.
    public OpeningHours {
      Objects.requireNonNull(day, "day");
      if (opens < 0 || closes > 24 || closes <= opens) {
        throw new IllegalArgumentException("opening hours must satisfy 0 <= opens < closes <= 24, were "
            + opens + "–" + closes);
      }
    }

    /**
     * Tells whether an hour of the day lies within these hours.
     *
     * @param hour 0 to 23
     * @return whether the desk is open then
     */
    public boolean contains(int hour) {
      return hour >= opens && hour < closes;
    }

    @Override
    public String toString() {
      return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + String.format(Locale.ROOT, " %02d:00–%02d:00",
          opens, closes);
    }
  }

  private static final Channel[] CHANNELS = Channel.values();

  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final double quietBelow;
  private final long[][] counts;
  private final double[] occurrences;
  private final long[] totals = new long[HourOfWeek.COUNT];
  private final long total;
  private final List<Volume> peaks;
  private final List<Volume> dips;
  private final List<OpeningHours> suggestedHours;
  private final Ratio outsideSuggestedHours;

  TrafficReport(Instant from, Instant to, ZoneId zone, long[][] counts, double[] occurrences, double quietBelow) {
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.quietBelow = quietBelow;
    this.counts = new long[CHANNELS.length][];
    long sum = 0;
    for (int c = 0; c < CHANNELS.length; c++) {
      this.counts[c] = counts[c].clone();
      for (int h = 0; h < HourOfWeek.COUNT; h++) {
        totals[h] += counts[c][h];
        sum += counts[c][h];
      }
    }
    this.total = sum;
    this.occurrences = occurrences.clone();

    double activeSum = 0;
    int active = 0;
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      if (totals[h] > 0 && occurrences[h] > 0) {
        activeSum += perHour(h);
        active++;
      }
    }
    double mean = active == 0 ? 0 : activeSum / active;

    List<OpeningHours> open = new ArrayList<>();
    boolean[] isOpen = new boolean[HourOfWeek.COUNT];
    long outside = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      int base = (day.getValue() - 1) * 24;
      int first = -1;
      int last = -1;
      for (int hour = 0; hour < 24; hour++) {
        if (occurrences[base + hour] > 0 && perHour(base + hour) >= quietBelow && totals[base + hour] > 0) {
          first = first < 0 ? hour : first;
          last = hour;
        }
      }
      if (first >= 0) {
        open.add(new OpeningHours(day, first, last + 1));
        for (int hour = first; hour <= last; hour++) {
          isOpen[base + hour] = true;
        }
      }
      for (int hour = 0; hour < 24; hour++) {
        if (!isOpen[base + hour]) {
          outside += totals[base + hour];
        }
      }
    }
    this.suggestedHours = List.copyOf(open);
    this.outsideSuggestedHours = new Ratio(outside, total);

    List<Volume> peakList = new ArrayList<>();
    List<Volume> dipList = new ArrayList<>();
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      if (occurrences[h] <= 0 || mean == 0) {
        continue;
      }
      double rate = perHour(h);
      Volume volume = new Volume(HourOfWeek.of(h), totals[h], rate);
      if (totals[h] > 0 && rate >= PEAK_RATIO * mean) {
        peakList.add(volume);
      } else if (isOpen[h] && rate <= DIP_RATIO * mean) {
        dipList.add(volume);
      }
    }
    peakList.sort(Comparator.comparingDouble(Volume::perHour).reversed().thenComparing(Volume::hour));
    dipList.sort(Comparator.comparingDouble(Volume::perHour).thenComparing(Volume::hour));
    this.peaks = List.copyOf(peakList);
    this.dips = List.copyOf(dipList);
  }

  private double perHour(int index) {
    return occurrences[index] == 0 ? 0 : totals[index] / occurrences[index];
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /** @return the time zone of the hours */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns every contact of the period.
   *
   * @return the number of contacts, all channels
   */
  public long contacts() {
    return total;
  }

  /**
   * Returns the contacts of one channel.
   *
   * @param channel the channel
   * @return its contacts in the period
   */
  public long contacts(Channel channel) {
    long sum = 0;
    for (long c : counts[channel.ordinal()]) {
      sum += c;
    }
    return sum;
  }

  /**
   * Returns the contacts of one hour of the week, all channels.
   *
   * @param hour the hour of the week
   * @return its contacts over the period
   */
  public long contacts(HourOfWeek hour) {
    return totals[hour.index()];
  }

  /**
   * Returns the contacts of one channel in one hour of the week.
   *
   * @param channel the channel
   * @param hour the hour of the week
   * @return its contacts over the period
   */
  public long contacts(Channel channel, HourOfWeek hour) {
    return counts[channel.ordinal()][hour.index()];
  }

  /**
   * Returns how often an hour of the week occurs in the period, in hours.
   *
   * @param hour the hour of the week
   * @return 4 for a whole hour in four weeks; less where the period cuts it
   */
  public double occurrences(HourOfWeek hour) {
    return occurrences[hour.index()];
  }

  /**
   * Returns the average contacts in an hour of the week, all channels.
   *
   * @param hour the hour of the week
   * @return contacts per occurrence of that hour; 0 if it does not occur in the period
   */
  public double perHour(HourOfWeek hour) {
    return perHour(hour.index());
  }

  /**
   * Returns the average contacts of some channels in an hour of the week: the arrival rate a staffing
   * plan works from.
   *
   * @param channels the channels; all of them when empty
   * @param hour the hour of the week
   * @return contacts per occurrence of that hour
   */
  public double perHour(Set<Channel> channels, HourOfWeek hour) {
    int index = hour.index();
    if (occurrences[index] == 0) {
      return 0;
    }
    if (channels.isEmpty()) {
      return perHour(index);
    }
    long sum = 0;
    for (Channel channel : channels) {
      sum += counts[channel.ordinal()][index];
    }
    return sum / occurrences[index];
  }

  /**
   * Returns the channels that had contacts.
   *
   * @return the channels, in declaration order
   */
  public Set<Channel> channels() {
    Set<Channel> used = EnumSet.noneOf(Channel.class);
    for (Channel channel : CHANNELS) {
      if (contacts(channel) > 0) {
        used.add(channel);
      }
    }
    return Collections.unmodifiableSet(used);
  }

  /**
   * Returns the peaks: hours averaging at least {@value #PEAK_RATIO} times the mean of active hours.
   *
   * @return the peaks, busiest first
   */
  public List<Volume> peaks() {
    return peaks;
  }

  /**
   * Returns the dips: hours within the suggested opening hours averaging at most {@value #DIP_RATIO}
   * times the mean of active hours.
   *
   * @return the dips, quietest first
   */
  public List<Volume> dips() {
    return dips;
  }

  /**
   * Returns the suggested hours of operation: each day from its first to its last hour whose average
   * reaches the quiet threshold; days that never do are absent (closed).
   *
   * @return the open days, Monday first
   */
  public List<OpeningHours> suggestedHours() {
    return suggestedHours;
  }

  /**
   * Returns the share of contacts that came outside the suggested hours: what closing then would
   * turn away or defer.
   *
   * @return contacts outside the suggested hours of all contacts
   */
  public Ratio outsideSuggestedHours() {
    return outsideSuggestedHours;
  }

  /** @return the average contacts per hour below which an hour is suggested closed */
  public double quietBelow() {
    return quietBelow;
  }

  /**
   * Returns the report as CSV: one row per channel and hour of the week with contacts, and the
   * {@code ALL} rows for every hour.
   *
   * @return {@code channel,day,hour,contacts,occurrences,per_hour} rows
   */
  public String toCsv() {
    Csv csv = new Csv("channel", "day", "hour", "contacts", "occurrences", "per_hour");
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      HourOfWeek hour = HourOfWeek.of(h);
      csv.row("ALL", hour.day(), hour.hour(), totals[h], occurrences[h], perHour(h));
    }
    for (Channel channel : channels()) {
      for (int h = 0; h < HourOfWeek.COUNT; h++) {
        long count = counts[channel.ordinal()][h];
        if (count > 0) {
          HourOfWeek hour = HourOfWeek.of(h);
          csv.row(channel, hour.day(), hour.hour(), count, occurrences[h], count / occurrences[h]);
        }
      }
    }
    return csv.toString();
  }

  /**
   * Returns the traffic heatmap: hours of the day across, days of the week down, each cell shaded by
   * its average contacts per hour.
   *
   * @return an SVG document
   */
  public String toSvg() {
    double[][] values = new double[7][24];
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      values[h / 24][h % 24] = round2(perHour(h));
    }
    return Svg.heatmap("Contacts per hour, by hour of the week", total + " contacts, " + from + " to " + to
        + " (" + zone + ")", dayLabels(), hourLabels(), values, "contacts/h");
  }

  static String[] dayLabels() {
    String[] days = new String[7];
    for (DayOfWeek day : DayOfWeek.values()) {
      days[day.getValue() - 1] = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
    return days;
  }

  static String[] hourLabels() {
    String[] hours = new String[24];
    for (int h = 0; h < 24; h++) {
      hours[h] = String.format(Locale.ROOT, "%02d", h);
    }
    return hours;
  }

  static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Traffic ").append(from).append(" to ").append(to).append(" (").append(zone).append("): ")
        .append(total).append(" contacts\n");
    String[] header = new String[25];
    header[0] = "avg/h";
    System.arraycopy(hourLabels(), 0, header, 1, 24);
    TextTable grid = new TextTable(header);
    String[] days = dayLabels();
    for (int d = 0; d < 7; d++) {
      Object[] row = new Object[25];
      row[0] = days[d];
      for (int h = 0; h < 24; h++) {
        double rate = perHour(d * 24 + h);
        row[h + 1] = rate == 0 ? "." : rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate)
            : String.format(Locale.ROOT, "%.1f", rate);
      }
      grid.row(row);
    }
    out.append(grid);
    TextTable byChannel = new TextTable("channel", "contacts", "share");
    for (Channel channel : channels()) {
      byChannel.row(channel, contacts(channel), new Ratio(contacts(channel), total).percent());
    }
    if (!byChannel.isEmpty()) {
      out.append('\n').append(byChannel);
    }
    out.append("\nPeaks: ").append(peaks.isEmpty() ? "none" : join(peaks.subList(0, Math.min(10, peaks.size()))))
        .append(peaks.size() > 10 ? " and " + (peaks.size() - 10) + " more" : "")
        .append("\nDips: ").append(dips.isEmpty() ? "none" : join(dips.subList(0, Math.min(10, dips.size()))))
        .append(dips.size() > 10 ? " and " + (dips.size() - 10) + " more" : "")
        .append("\nSuggested hours (closed below ").append(Svg.format(quietBelow)).append(" contacts/h): ")
        .append(suggestedHours.isEmpty() ? "none" : join(suggestedHours))
        .append("\nContacts outside them: ").append(outsideSuggestedHours).append('\n');
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficReport r && r.from.equals(from) && r.to.equals(to) && r.zone.equals(zone)
        && Double.compare(r.quietBelow, quietBelow) == 0 && Arrays.deepEquals(r.counts, counts)
        && Arrays.equals(r.occurrences, occurrences);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, zone, total);
  }

  private static String join(List<?> items) {
    StringBuilder out = new StringBuilder();
    for (Object item : items) {
      out.append(out.length() == 0 ? "" : ", ").append(item);
    }
    return out.toString();
  }
}
