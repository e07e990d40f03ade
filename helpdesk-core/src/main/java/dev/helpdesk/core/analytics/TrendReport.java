package dev.helpdesk.core.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What customers asked about in a period, week by week or month by month, and what is rising (D-23):
 * tickets opened by category and by the keywords of their subjects, each topic's growth, the fastest
 * rising topics, and where training would pay: the categories with the most tickets customers could
 * have solved themselves, beside the questions self-service already deflected.
 *
 * <p>Buckets are calendar weeks (Monday to Sunday) or months in the desk's time zone; one the period
 * covers only in part is scaled up to a whole bucket before growth and rise are computed, so a
 * period that starts on a Thursday does not make its first week look quiet. <em>Growth</em> compares
 * the last bucket with the one before; <em>rise</em> is the least-squares slope over all buckets, in
 * tickets per bucket per bucket. A ticket <em>customers could solve themselves</em> was resolved at
 * the first line without escalation or hand-off, or with a public knowledge-base article.
 */
public final class TrendReport {
  /**
   * One category's or keyword's tickets over the buckets.
   *
   * @param name the category or keyword
   * @param counts tickets opened in each bucket
   * @param total tickets opened in the period
   * @param growth the last bucket against the one before, as a fraction (0.5 is 50 % more);
   *     {@link Double#NaN} with fewer than two buckets or none before
   * @param rise the least-squares slope over the buckets, tickets per bucket per bucket
   */
  public record Topic(String name, List<Long> counts, long total, double growth, double rise) {
    // Copies the counts and rejects a missing name.
    public Topic {
      Objects.requireNonNull(name, "name");
      counts = List.copyOf(counts);
    }
  }

  /**
   * A category worth teaching customers to solve themselves.
   *
   * @param category the category
   * @param tickets tickets opened in it in the period
   * @param selfSolvable those customers could have solved themselves
   * @param deflected questions of this category customers already solved through self-service
   */
  public record TrainingSuggestion(String category, long tickets, long selfSolvable, long deflected) {
    // Rejects a missing category.
    public TrainingSuggestion {
      Objects.requireNonNull(category, "category");
    }

    /**
     * Returns the share of the category's tickets customers could have solved themselves.
     *
     * @return self-solvable ÷ tickets
     */
    public Ratio selfSolvableShare() {
      return new Ratio(selfSolvable, tickets);
    }

    /**
     * Returns the share of the category's questions that self-service answered without a ticket.
     *
     * @return deflected ÷ (deflected + tickets)
     */
    public Ratio deflectionRate() {
      return new Ratio(deflected, deflected + tickets);
    }
  }

  private final Instant from;
  private final Instant to;
  private final TrendBucket unit;
  private final List<LocalDate> buckets;
  private final List<Topic> categories;
  private final List<Topic> keywords;
  private final List<Topic> rising;
  private final List<Topic> risingKeywords;
  private final List<TrainingSuggestion> training;
  private final long deflected;

  TrendReport(Instant from, Instant to, TrendBucket unit, List<LocalDate> buckets, double[] coverage,
      Map<String, TrendTally.Category> categoryCounts, Map<String, long[]> keywordCounts,
      Map<String, Long> deflections, int topics) {
    this.from = from;
    this.to = to;
    this.unit = unit;
    this.buckets = List.copyOf(buckets);
    Comparator<Topic> byTotal = Comparator.comparingLong(Topic::total).reversed().thenComparing(Topic::name);
    Comparator<Topic> byRise = Comparator.comparingDouble(Topic::rise).reversed().thenComparing(byTotal);

    List<Topic> all = new ArrayList<>(categoryCounts.size());
    categoryCounts.forEach((name, c) -> all.add(topic(name, c.counts, coverage)));
    all.sort(byTotal);
    this.categories = List.copyOf(all);
    this.rising = List.copyOf(all.stream().filter(t -> t.rise() > 0).sorted(byRise).limit(topics).toList());

    List<Topic> words = new ArrayList<>(keywordCounts.size());
    keywordCounts.forEach((name, counts) -> words.add(topic(name, counts, coverage)));
    words.sort(byTotal);
    this.keywords = List.copyOf(words.subList(0, Math.min(topics * 4, words.size())));
    // A word seen a handful of times rises by chance: only the frequent ones are ranked.
    long frequent = Math.max(5, words.isEmpty() ? 0 : words.get(Math.min(words.size(), topics * 20) - 1).total());
    this.risingKeywords = List.copyOf(words.stream().filter(t -> t.total() >= frequent && t.rise() > 0).sorted(byRise)
        .limit(topics).toList());

    Map<String, long[]> perCategory = new HashMap<>();
    categoryCounts.forEach((name, c) -> {
      long tickets = 0;
      for (long n : c.counts) {
        tickets += n;
      }
      perCategory.put(name, new long[] {tickets, c.selfSolvable, 0});
    });
    long deflectedTotal = 0;
    for (Map.Entry<String, Long> e : deflections.entrySet()) {
      long n = e.getValue() == null ? 0 : Math.max(0, e.getValue());
      perCategory.computeIfAbsent(e.getKey(), k -> new long[3])[2] += n;
      deflectedTotal += n;
    }
    this.deflected = deflectedTotal;
    List<TrainingSuggestion> suggestions = new ArrayList<>();
    perCategory.forEach((name, n) -> {
      if (n[1] > 0 || n[2] > 0) {
        suggestions.add(new TrainingSuggestion(name, n[0], n[1], n[2]));
      }
    });
    suggestions.sort(Comparator.comparingLong(TrainingSuggestion::selfSolvable).reversed()
        .thenComparing(Comparator.comparingLong(TrainingSuggestion::tickets).reversed())
        .thenComparing(TrainingSuggestion::category));
    this.training = List.copyOf(suggestions.subList(0, Math.min(topics, suggestions.size())));
  }

  private static Topic topic(String name, long[] counts, double[] coverage) {
    List<Long> list = new ArrayList<>(counts.length);
    long total = 0;
    double[] scaled = new double[counts.length];
    for (int b = 0; b < counts.length; b++) {
      list.add(counts[b]);
      total += counts[b];
      scaled[b] = coverage[b] > 0 ? counts[b] / coverage[b] : 0;
    }
    int n = counts.length;
    double growth = n < 2 || scaled[n - 2] == 0 ? Double.NaN : (scaled[n - 1] - scaled[n - 2]) / scaled[n - 2];
    return new Topic(name, list, total, growth, slope(scaled));
  }

  /** The least-squares slope of values against their positions 0, 1, 2…; 0 for fewer than two. */
  static double slope(double[] values) {
    int n = values.length;
    if (n < 2) {
      return 0;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = 0;
    for (double v : values) {
      meanY += v;
    }
    meanY /= n;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - meanX) * (values[i] - meanY);
      den += (i - meanX) * (i - meanX);
    }
    return num / den;
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /** @return weeks or months */
  public TrendBucket unit() {
    return unit;
  }

  /**
   * Returns the first day of each bucket.
   *
   * @return Mondays, or first days of months, in order
   */
  public List<LocalDate> buckets() {
    return buckets;
  }

  /**
   * Returns every category with tickets opened in the period.
   *
   * @return the categories, most tickets first
   */
  public List<Topic> categories() {
    return categories;
  }

  /**
   * Returns one category's counts.
   *
   * @param name the category
   * @return its topic, or empty if no ticket of it was opened
   */
  public Optional<Topic> category(String name) {
    return categories.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Returns the most frequent keywords of the subjects of tickets opened in the period.
   *
   * @return up to four times the report's topic count, most frequent first
   */
  public List<Topic> keywords() {
    return keywords;
  }

  /**
   * Returns the fastest-rising categories.
   *
   * @return categories with a positive rise, steepest first, up to the report's topic count
   */
  public List<Topic> rising() {
    return rising;
  }

  /**
   * Returns the fastest-rising frequent keywords.
   *
   * @return keywords with a positive rise, steepest first, up to the report's topic count
   */
  public List<Topic> risingKeywords() {
    return risingKeywords;
  }

  /**
   * Returns where training customers would pay most: the categories with the most tickets they
   * could have solved themselves.
   *
   * @return suggestions, most self-solvable tickets first, up to the report's topic count
   */
  public List<TrainingSuggestion> training() {
    return training;
  }

  /**
   * Returns the questions self-service answered without a ticket in the period, all categories.
   *
   * @return the deflections the knowledge base counted
   */
  public long deflected() {
    return deflected;
  }

  /**
   * Returns the counts as CSV: one row per category or keyword and bucket.
   *
   * @return {@code kind,name,bucket_start,tickets} rows
   */
  public String toCsv() {
    Csv csv = new Csv("kind", "name", "bucket_start", "tickets");
    for (Topic t : categories) {
      for (int b = 0; b < buckets.size(); b++) {
        csv.row("category", t.name(), buckets.get(b), t.counts().get(b));
      }
    }
    for (Topic t : keywords) {
      for (int b = 0; b < buckets.size(); b++) {
        csv.row("keyword", t.name(), buckets.get(b), t.counts().get(b));
      }
    }
    return csv.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Question trends ").append(from).append(" to ").append(to).append(", by ")
        .append(unit.name().toLowerCase(Locale.ROOT)).append('\n');
    int shown = Math.min(8, buckets.size());
    int first = buckets.size() - shown;
    String[] header = new String[shown + 4];
    header[0] = "category";
    for (int b = 0; b < shown; b++) {
      header[b + 1] = buckets.get(first + b).toString();
    }
    header[shown + 1] = "total";
    header[shown + 2] = "growth";
    header[shown + 3] = "rise";
    TextTable table = new TextTable(header);
    for (Topic t : categories) {
      Object[] row = new Object[shown + 4];
      row[0] = t.name();
      for (int b = 0; b < shown; b++) {
        row[b + 1] = t.counts().get(first + b);
      }
      row[shown + 1] = t.total();
      row[shown + 2] = growth(t.growth());
      row[shown + 3] = String.format(Locale.ROOT, "%+.1f", t.rise());
      table.row(row);
    }
    out.append(table);
    out.append("Rising: ").append(names(rising)).append('\n');
    out.append("Frequent keywords: ").append(keywords.isEmpty() ? "none" : keywords.stream()
        .map(t -> t.name() + " " + t.total()).reduce((a, b) -> a + ", " + b).orElse("")).append('\n');
    out.append("Rising keywords: ").append(names(risingKeywords)).append('\n');
    out.append("Training suggestions (customers could solve these themselves):\n");
    TextTable train = new TextTable("category", "tickets", "self-solvable", "deflected", "deflection rate");
    for (TrainingSuggestion s : training) {
      train.row(s.category(), s.tickets(), s.selfSolvable() + " (" + s.selfSolvableShare().percent() + ")",
          s.deflected(), s.deflectionRate().percent());
    }
    out.append(train).append("Questions deflected by self-service: ").append(deflected).append('\n');
    return out.toString();
  }

  private static String growth(double growth) {
    return Double.isNaN(growth) ? "n/a" : String.format(Locale.ROOT, "%+.0f %%", 100 * growth);
  }

  private String names(List<Topic> topics) {
    if (topics.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (Topic t : topics) {
      out.append(out.length() == 0 ? "" : ", ").append(t.name())
          .append(String.format(Locale.ROOT, " (%+.1f a %s)", t.rise(), unit.name().toLowerCase(Locale.ROOT)));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrendReport r && r.from.equals(from) && r.to.equals(to) && r.unit == unit
        && r.categories.equals(categories) && r.keywords.equals(keywords) && r.training.equals(training)
        && r.deflected == deflected;
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, unit, categories);
  }
}
