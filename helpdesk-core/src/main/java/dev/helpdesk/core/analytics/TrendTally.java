package dev.helpdesk.core.analytics;

import dev.helpdesk.model.ArticleId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts the tickets opened in the period by category and by subject keyword, week by week or month by month (D-23). */
final class TrendTally {
  /** One category's counts. */
  static final class Category {
    final long[] counts;
    long selfSolvable;

    Category(int buckets) {
      counts = new long[buckets];
    }
  }

  private final SelfService selfService;
  private final LocalDate[] starts;
  private final long[] startMillis;
  private final double[] coverage;
  private final Map<String, Category> categories = new HashMap<>();
  private final Keywords keywords;
  private final Map<ArticleId, Boolean> publicArticles = new HashMap<>();

  TrendTally(ReportOptions options, ZoneId zone) {
    this.selfService = options.selfService();
    Instant from = options.from();
    Instant to = options.to();
    LocalDate first = from.atZone(zone).toLocalDate();
    first = options.trendBucket() == TrendBucket.WEEK ? first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : first.withDayOfMonth(1);
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = first; d.atStartOfDay(zone).toInstant().isBefore(to); d = next(d, options.trendBucket())) {
      dates.add(d);
    }
    starts = dates.toArray(new LocalDate[0]);
    startMillis = new long[starts.length];
    coverage = new double[starts.length];
    for (int b = 0; b < starts.length; b++) {
      Instant begins = starts[b].atStartOfDay(zone).toInstant();
      Instant ends = next(starts[b], options.trendBucket()).atStartOfDay(zone).toInstant();
      startMillis[b] = begins.toEpochMilli();
      long inside = Math.min(ends.toEpochMilli(), to.toEpochMilli()) - Math.max(begins.toEpochMilli(), from.toEpochMilli());
      coverage[b] = (double) inside / (ends.toEpochMilli() - begins.toEpochMilli());
    }
    keywords = new Keywords(starts.length);
  }

  private static LocalDate next(LocalDate date, TrendBucket unit) {
    return unit == TrendBucket.WEEK ? date.plusWeeks(1) : date.plusMonths(1);
  }

  void add(TicketFacts facts) {
    if (!facts.openedInPeriod) {
      return;
    }
    int b = Arrays.binarySearch(startMillis, facts.entered);
    int bucket = b >= 0 ? b : -b - 2;
    Category category = categories.get(facts.ticket.category());
    if (category == null) {
      category = new Category(starts.length);
      categories.put(facts.ticket.category(), category);
    }
    category.counts[bucket]++;
    if (facts.level1Resolvable() || answeredByPublicArticle(facts)) {
      category.selfSolvable++;
    }
    keywords.count(facts.ticket.subject(), bucket);
  }

  private boolean answeredByPublicArticle(TicketFacts facts) {
    ArticleId article = facts.lastArticle;
    if (article == null) {
      return false;
    }
    Boolean known = publicArticles.get(article);
    if (known == null) {
      known = selfService.isPublic(article);
      publicArticles.put(article, known);
    }
    return known;
  }

  TrendReport report(ReportOptions options) {
    Map<String, Long> deflections = selfService.deflections(options.from(), options.to());
    return new TrendReport(options.from(), options.to(), options.trendBucket(), List.of(starts), coverage,
        categories, keywords.counts(), deflections == null ? Map.of() : deflections, options.topics());
  }
}
