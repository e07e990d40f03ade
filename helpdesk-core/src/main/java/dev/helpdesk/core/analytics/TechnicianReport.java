package dev.helpdesk.core.analytics;

import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What each technician solved in a period, beside the median of the technicians at the same tier
 * (D-22), for peer performance reviews.
 *
 * <p>A technician's <em>solutions</em> are the tickets they resolved, and those whose solution they
 * found at a higher tier and passed back to the first line (D-14); a ticket solved twice (after a
 * reopen) counts twice. <em>Handle time</em> is the time a ticket spent in progress leading up to
 * the solution; a solution at first contact without time in progress counts the contact itself.
 * <em>Reopened</em> counts solutions after which the problem came back (D-19), whenever it did. SLA
 * met is the share of their solutions on tickets that met their agreement, when the desk tracks
 * agreements ({@link SlaCheck}).
 *
 * <p>A tier's median is taken over its technicians who gave at least one solution in the period, so
 * a technician on leave does not pull it down.
 */
public final class TechnicianReport {
  /**
   * One technician's figures.
   *
   * @param technician who
   * @param name their name
   * @param tier their tier now (or, for one who left the staff, where they gave solutions)
   * @param resolved their solutions in the period
   * @param resolvedAtFirstContact those given in the first contact (D-05)
   * @param averageHandleTime their mean handle time per solution
   * @param reopened their solutions after which the ticket was reopened
   * @param slaMet their solutions on tickets that met their agreement, of those judged
   */
  public record Row(TechnicianId technician, String name, Tier tier, long resolved, long resolvedAtFirstContact,
      Duration averageHandleTime, long reopened, Ratio slaMet) {
    // Rejects missing values.
    public Row {
      Objects.requireNonNull(technician, "technician");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(averageHandleTime, "averageHandleTime");
      Objects.requireNonNull(slaMet, "slaMet");
    }
  }

  /**
   * The median technician of a tier, metric by metric.
   *
   * @param tier the tier
   * @param technicians how many technicians of the tier gave a solution in the period
   * @param resolved the median number of solutions
   * @param resolvedAtFirstContact the median number of solutions at first contact
   * @param averageHandleTime the median of their average handle times
   * @param reopened the median number of solutions reopened
   * @param slaMet the median share of solutions meeting their agreement, {@link Double#NaN} when
   *     none was judged
   */
  public record PeerMedian(Tier tier, int technicians, double resolved, double resolvedAtFirstContact,
      Duration averageHandleTime, double reopened, double slaMet) {}

  private final Instant from;
  private final Instant to;
  private final List<Row> rows;
  private final Map<Tier, PeerMedian> medians;

  TechnicianReport(Instant from, Instant to, List<Row> rows) {
    this.from = from;
    this.to = to;
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::tier).thenComparing(Comparator.comparingLong(Row::resolved).reversed())
        .thenComparing(Row::technician));
    this.rows = List.copyOf(sorted);
    Map<Tier, List<Row>> byTier = new TreeMap<>();
    for (Row row : sorted) {
      if (row.resolved() > 0) {
        byTier.computeIfAbsent(row.tier(), t -> new ArrayList<>()).add(row);
      }
    }
    Map<Tier, PeerMedian> medianByTier = new TreeMap<>();
    byTier.forEach((tier, peers) -> medianByTier.put(tier, new PeerMedian(tier, peers.size(),
        median(peers, Row::resolved), median(peers, Row::resolvedAtFirstContact),
        Duration.ofMillis(Math.round(median(peers, r -> r.averageHandleTime().toMillis()))),
        median(peers, Row::reopened), median(peers.stream().filter(r -> r.slaMet().isDefined()).toList(),
            r -> r.slaMet().value()))));
    this.medians = Collections.unmodifiableMap(medianByTier);
  }

  /** The middle value, or the mean of the two middle ones; NaN for no values. */
  static <T> double median(List<T> items, ToDoubleFunction<T> metric) {
    if (items.isEmpty()) {
      return Double.NaN;
    }
    double[] values = new double[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = metric.applyAsDouble(items.get(i));
    }
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /**
   * Returns every technician's figures: the desk's staff, and anyone else who gave a solution.
   *
   * @return the rows, by tier, then most solutions first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns one technician's figures.
   *
   * @param technician who
   * @return their row, or empty if they are not on the staff and gave no solution
   */
  public Optional<Row> row(TechnicianId technician) {
    return rows.stream().filter(r -> r.technician().equals(technician)).findFirst();
  }

  /**
   * Returns the median technician of each tier with any solution in the period.
   *
   * @return tier to its median, lowest level first
   */
  public Map<Tier, PeerMedian> medians() {
    return medians;
  }

  /**
   * Returns the median of a technician's peers: the median technician of their tier.
   *
   * @param tier the tier
   * @return its median, or empty when nobody at the tier gave a solution
   */
  public Optional<PeerMedian> median(Tier tier) {
    return Optional.ofNullable(medians.get(tier));
  }

  /**
   * Returns the report as CSV: each technician's figures beside the median of their tier.
   *
   * @return one row per technician
   */
  public String toCsv() {
    Csv csv = new Csv("technician", "name", "tier", "resolved", "tier_median_resolved", "resolved_at_first_contact",
        "tier_median_resolved_at_first_contact", "average_handle_time_seconds", "tier_median_handle_time_seconds",
        "reopened", "tier_median_reopened", "sla_met", "sla_judged", "sla_met_share", "tier_median_sla_met_share");
    for (Row row : rows) {
      PeerMedian m = medians.get(row.tier());
      csv.row(row.technician(), row.name(), row.tier().level(), row.resolved(), m == null ? null : m.resolved(),
          row.resolvedAtFirstContact(), m == null ? null : m.resolvedAtFirstContact(),
          row.averageHandleTime().toMillis() / 1000.0, m == null ? null : m.averageHandleTime().toMillis() / 1000.0,
          row.reopened(), m == null ? null : m.reopened(), row.slaMet().part(), row.slaMet().whole(),
          row.slaMet().value(), m == null ? null : m.slaMet());
    }
    return csv.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Technicians ").append(from).append(" to ").append(to)
        .append(": each figure beside the median of the tier, in brackets\n");
    TextTable table = new TextTable("technician", "tier", "resolved", "first contact", "avg handle", "reopened",
        "SLA met");
    for (Row row : rows) {
      PeerMedian m = medians.get(row.tier());
      table.row(row.technician() + " " + row.name(), "L" + row.tier().level(),
          row.resolved() + peer(m == null ? Double.NaN : m.resolved()),
          row.resolvedAtFirstContact() + peer(m == null ? Double.NaN : m.resolvedAtFirstContact()),
          minutes(row.averageHandleTime()) + (m == null ? "" : " (" + minutes(m.averageHandleTime()) + ")"),
          row.reopened() + peer(m == null ? Double.NaN : m.reopened()),
          row.slaMet().percent() + (m == null || Double.isNaN(m.slaMet()) ? ""
              : String.format(Locale.ROOT, " (%.1f %%)", 100 * m.slaMet())));
    }
    return out.append(table).toString();
  }

  private static String peer(double median) {
    return Double.isNaN(median) ? "" : " (" + Svg.format(median) + ")";
  }

  private static String minutes(Duration d) {
    long seconds = d.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TechnicianReport r && r.from.equals(from) && r.to.equals(to) && r.rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, rows);
  }
}
