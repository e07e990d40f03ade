package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The desk's key figures for a period:
 *
 * <ul>
 *   <li><b>First-contact resolution</b> (D-05): of the tickets opened in the period, those resolved
 *       in the contact that opened them; <em>gross</em> over all of them, <em>net</em> over those the
 *       first line could resolve (resolved without escalation or hand-off).
 *   <li><b>SLA attainment</b>: of the tickets first resolved in the period and judged by the desk's
 *       {@link SlaCheck}, those that met their agreement.
 *   <li><b>Mean time to resolve</b>: from entry to first solution, for tickets first resolved in the
 *       period, measured by the report's {@link BusinessTime} (the wall clock unless the desk gives
 *       its business hours).
 *   <li><b>Backlog</b> (D-15): tickets still needing work when the period ended (open, and not
 *       resolved awaiting the customer's confirmation), by age then: under 10 days, 10 to 30 days,
 *       over 30 days; also by the tier holding them.
 *   <li><b>Reopen rate</b> (D-19): of the solutions given in the period, those after which the
 *       problem came back.
 *   <li><b>Customer satisfaction</b> (D-24): of the tickets rated in the period (their latest rating
 *       in it), the share rated 4 or 5.
 * </ul>
 */
public final class KpiReport {
  /**
   * Tickets open when the period ended, by age.
   *
   * @param underTenDays entered less than 10 days before the end
   * @param tenToThirtyDays entered 10 to 30 days before the end
   * @param overThirtyDays entered more than 30 days before the end
   * @param byTier the same three counts for each tier holding open tickets, lowest level first
   */
  public record Backlog(long underTenDays, long tenToThirtyDays, long overThirtyDays, Map<Tier, List<Long>> byTier) {
    // Copies the map.
    public Backlog {
      byTier = Collections.unmodifiableMap(new TreeMap<>(byTier));
    }

    /**
     * Returns every open ticket.
     *
     * @return the three counts together
     */
    public long total() {
      return underTenDays + tenToThirtyDays + overThirtyDays;
    }
  }

  private final Instant from;
  private final Instant to;
  private final long opened;
  private final long firstContact;
  private final long level1Resolvable;
  private final long slaMet;
  private final long slaMissed;
  private final long firstResolved;
  private final long resolveMillis;
  private final long resolutions;
  private final long reopened;
  private final Backlog backlog;
  private final long[] ratings;

  KpiReport(Instant from, Instant to, long opened, long firstContact, long level1Resolvable, long slaMet,
      long slaMissed, long firstResolved, long resolveMillis, long resolutions, long reopened, long[] backlog,
      Map<Tier, long[]> backlogByTier, long[] ratings) {
    this.from = from;
    this.to = to;
    this.opened = opened;
    this.firstContact = firstContact;
    this.level1Resolvable = level1Resolvable;
    this.slaMet = slaMet;
    this.slaMissed = slaMissed;
    this.firstResolved = firstResolved;
    this.resolveMillis = resolveMillis;
    this.resolutions = resolutions;
    this.reopened = reopened;
    Map<Tier, List<Long>> byTier = new TreeMap<>();
    backlogByTier.forEach((tier, counts) -> byTier.put(tier, List.of(counts[0], counts[1], counts[2])));
    this.backlog = new Backlog(backlog[0], backlog[1], backlog[2], byTier);
    this.ratings = ratings.clone();
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
   * Returns the tickets opened in the period: the contacts first-contact resolution is measured on.
   *
   * @return tickets entered in the period
   */
  public long opened() {
    return opened;
  }

  /**
   * Returns first-contact resolution over every ticket opened.
   *
   * @return resolved at first contact ÷ opened
   */
  public Ratio firstContactResolutionGross() {
    return new Ratio(firstContact, opened);
  }

  /**
   * Returns first-contact resolution over the tickets the first line could resolve.
   *
   * @return resolved at first contact ÷ resolved without escalation or hand-off
   */
  public Ratio firstContactResolutionNet() {
    return new Ratio(firstContact, level1Resolvable);
  }

  /**
   * Returns the share of judged tickets that met their agreement; undefined when the desk tracks
   * none.
   *
   * @return met ÷ (met + missed)
   */
  public Ratio slaAttainment() {
    return new Ratio(slaMet, slaMet + slaMissed);
  }

  /**
   * Returns the tickets whose first solution came in the period.
   *
   * @return tickets first resolved in the period
   */
  public long resolved() {
    return firstResolved;
  }

  /**
   * Returns the mean time from entry to first solution of the tickets first resolved in the period.
   *
   * @return the mean, in the report's business time; zero when none was resolved
   */
  public Duration meanTimeToResolve() {
    return firstResolved == 0 ? Duration.ZERO : Duration.ofMillis(resolveMillis / firstResolved);
  }

  /**
   * Returns the share of solutions given in the period after which the ticket was reopened.
   *
   * @return reopened ÷ solutions
   */
  public Ratio reopenRate() {
    return new Ratio(reopened, resolutions);
  }

  /**
   * Returns the tickets open when the period ended, by age.
   *
   * @return the backlog
   */
  public Backlog backlog() {
    return backlog;
  }

  /**
   * Returns how many tickets got each score, their latest rating in the period.
   *
   * @return five counts, for scores 1 to 5
   */
  public List<Long> ratings() {
    return List.of(ratings[1], ratings[2], ratings[3], ratings[4], ratings[5]);
  }

  /**
   * Returns customer satisfaction: the share of rated tickets rated 4 or 5 (D-24).
   *
   * @return (4s + 5s) ÷ rated
   */
  public Ratio customerSatisfaction() {
    return new Ratio(ratings[4] + ratings[5], rated());
  }

  /**
   * Returns the mean score of the rated tickets.
   *
   * @return 1 to 5, {@link Double#NaN} when none was rated
   */
  public double averageRating() {
    long sum = 0;
    for (int score = 1; score <= 5; score++) {
      sum += score * ratings[score];
    }
    long rated = rated();
    return rated == 0 ? Double.NaN : (double) sum / rated;
  }

  private long rated() {
    return ratings[1] + ratings[2] + ratings[3] + ratings[4] + ratings[5];
  }

  /**
   * Returns the figures as CSV, one per row.
   *
   * @return {@code metric,value,part,whole} rows
   */
  public String toCsv() {
    Csv csv = new Csv("metric", "value", "part", "whole");
    ratio(csv, "first_contact_resolution_gross", firstContactResolutionGross());
    ratio(csv, "first_contact_resolution_net", firstContactResolutionNet());
    ratio(csv, "sla_attainment", slaAttainment());
    csv.row("tickets_resolved", firstResolved, null, null);
    csv.row("mean_time_to_resolve_hours", meanTimeToResolve().toMillis() / 3_600_000.0, null, null);
    ratio(csv, "reopen_rate", reopenRate());
    csv.row("backlog_under_10_days", backlog.underTenDays(), null, null);
    csv.row("backlog_10_to_30_days", backlog.tenToThirtyDays(), null, null);
    csv.row("backlog_over_30_days", backlog.overThirtyDays(), null, null);
    ratio(csv, "customer_satisfaction", customerSatisfaction());
    csv.row("average_rating", averageRating(), null, null);
    for (int score = 1; score <= 5; score++) {
      csv.row("ratings_" + score, ratings[score], null, null);
    }
    return csv.toString();
  }

  private static void ratio(Csv csv, String name, Ratio r) {
    csv.row(name, r.value(), r.part(), r.whole());
  }

  /**
   * Returns the backlog's ageing as a chart: one bar per age bucket, stacked by tier.
   *
   * @return an SVG document
   */
  public String backlogSvg() {
    List<Tier> tiers = new ArrayList<>(backlog.byTier().keySet());
    String[] parts = new String[Math.max(1, tiers.size())];
    double[][] stacks = new double[3][parts.length];
    if (tiers.isEmpty()) {
      parts[0] = "open tickets";
    }
    for (int t = 0; t < tiers.size(); t++) {
      parts[t] = tiers.get(t).toString();
      List<Long> counts = backlog.byTier().get(tiers.get(t));
      for (int b = 0; b < 3; b++) {
        stacks[b][t] = counts.get(b);
      }
    }
    return Svg.bars("Backlog by age", backlog.total() + " tickets open at " + to, "open tickets",
        new String[] {"under 10 days", "10 to 30 days", "over 30 days"}, parts, stacks);
  }

  @Override
  public String toString() {
    TextTable table = new TextTable("KPI " + from + " to " + to, "value");
    table.row("first-contact resolution, gross", firstContactResolutionGross());
    table.row("first-contact resolution, net (of level-1 resolvable)", firstContactResolutionNet());
    table.row("SLA attainment", slaAttainment().isDefined() ? slaAttainment() : "not tracked");
    table.row("tickets resolved (first solution in period)", firstResolved);
    table.row("mean time to resolve", hours(meanTimeToResolve()));
    table.row("reopen rate", reopenRate());
    table.row("backlog under 10 days", backlog.underTenDays());
    table.row("backlog 10 to 30 days", backlog.tenToThirtyDays());
    table.row("backlog over 30 days", backlog.overThirtyDays());
    table.row("customer satisfaction (4s and 5s)", customerSatisfaction());
    table.row("average rating", Double.isNaN(averageRating()) ? "n/a"
        : String.format(Locale.ROOT, "%.2f", averageRating()));
    table.row("ratings 1/2/3/4/5", ratings[1] + "/" + ratings[2] + "/" + ratings[3] + "/" + ratings[4] + "/"
        + ratings[5]);
    return table.toString();
  }

  private static String hours(Duration d) {
    return String.format(Locale.ROOT, "%.1f h", d.toMillis() / 3_600_000.0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KpiReport r && r.from.equals(from) && r.to.equals(to) && r.opened == opened
        && r.firstContact == firstContact && r.level1Resolvable == level1Resolvable && r.slaMet == slaMet
        && r.slaMissed == slaMissed && r.firstResolved == firstResolved && r.resolveMillis == resolveMillis
        && r.resolutions == resolutions && r.reopened == reopened && r.backlog.equals(backlog)
        && Arrays.equals(r.ratings, ratings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, opened, firstContact, backlog);
  }
}
