package dev.helpdesk.core.analytics;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a set of reports covers and how it counts: the period, the time zone, the service-level
 * thresholds, the trend unit, and what the desk knows beyond its tickets (business hours, SLA
 * outcomes, self-service). Immutable; start one with {@link #period(Instant, Instant)}, which sets
 * working defaults for everything else.
 *
 * <p>{@code ReportOptions.period(monday, nextMonday).answerWithin(Duration.ofSeconds(30)).build()}
 */
public final class ReportOptions {
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final double quietBelow;
  private final Duration shortAbandon;
  private final Duration answerWithin;
  private final Duration queueInterval;
  private final TrendBucket trendBucket;
  private final int topics;
  private final BusinessTime businessTime;
  private final SlaCheck sla;
  private final SelfService selfService;

  private ReportOptions(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.zone = b.zone;
    this.quietBelow = b.quietBelow;
    this.shortAbandon = b.shortAbandon;
    this.answerWithin = b.answerWithin;
    this.queueInterval = b.queueInterval;
    this.trendBucket = b.trendBucket;
    this.topics = b.topics;
    this.businessTime = b.businessTime;
    this.sla = b.sla;
    this.selfService = b.selfService;
  }

  /**
   * Starts the options of reports over a period, from its first instant to the first instant after
   * it; everything else has defaults.
   *
   * @param from the first instant included
   * @param to the first instant excluded, after {@code from}
   * @return a builder
   */
  public static Builder period(Instant from, Instant to) {
    return new Builder(from, to);
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /** @return the time zone of hours, days, weeks and months; empty for the desk's own */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /** @return the average contacts per hour below which an hour of the week is suggested closed */
  public double quietBelow() {
    return quietBelow;
  }

  /** @return abandons after a shorter wait are left out of the queue figures (misdials, instant hang-ups) */
  public Duration shortAbandon() {
    return shortAbandon;
  }

  /** @return the service level's threshold T: answered within it counts as answered in time */
  public Duration answerWithin() {
    return answerWithin;
  }

  /** @return the length of the intervals queue length is measured in */
  public Duration queueInterval() {
    return queueInterval;
  }

  /** @return the calendar unit of question trends */
  public TrendBucket trendBucket() {
    return trendBucket;
  }

  /** @return how many rising topics, keywords and training suggestions the trend report lists */
  public int topics() {
    return topics;
  }

  /** @return how time to resolve is measured */
  public BusinessTime businessTime() {
    return businessTime;
  }

  /** @return whether a resolved ticket met its agreement */
  public SlaCheck sla() {
    return sla;
  }

  /** @return what the knowledge base tells of public articles and deflected questions */
  public SelfService selfService() {
    return selfService;
  }

  @Override
  public String toString() {
    return "ReportOptions{" + from + " to " + to + (zone == null ? "" : " " + zone) + ", answer within "
        + answerWithin + ", short abandon " + shortAbandon + ", queue interval " + queueInterval + ", "
        + trendBucket + ", quiet below " + quietBelow + "/h}";
  }

  /** Builds {@link ReportOptions}; {@link #build()} checks every value at once. */
  public static final class Builder {
    private final Instant from;
    private final Instant to;
    private ZoneId zone;
    private double quietBelow = 1.0;
    private Duration shortAbandon = Duration.ofSeconds(5);
    private Duration answerWithin = Duration.ofSeconds(20);
    private Duration queueInterval = Duration.ofMinutes(30);
    private TrendBucket trendBucket = TrendBucket.WEEK;
    private int topics = 5;
    private BusinessTime businessTime = BusinessTime.wallClock();
    private SlaCheck sla = SlaCheck.notTracked();
    private SelfService selfService = SelfService.none();

    private Builder(Instant from, Instant to) {
      this.from = from;
      this.to = to;
    }

    /**
     * Sets the time zone of hours, days, weeks and months. Default: the desk's (its clock's).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Sets the average number of contacts per hour below which an hour of the week is suggested
     * closed (D-20). Default: 1.
     *
     * @param contactsPerHour zero or more
     * @return this builder
     */
    public Builder quietBelow(double contactsPerHour) {
      this.quietBelow = contactsPerHour;
      return this;
    }

    /**
     * Sets the wait below which an abandoned contact is left out of the queue figures, on both
     * sides of every rate (D-21). Default: 5 seconds.
     *
     * @param wait zero or more; zero counts every abandon
     * @return this builder
     */
    public Builder shortAbandon(Duration wait) {
      this.shortAbandon = wait;
      return this;
    }

    /**
     * Sets the service level's threshold T: a contact answered within it was answered in time
     * (D-21). Default: 20 seconds.
     *
     * @param threshold more than zero
     * @return this builder
     */
    public Builder answerWithin(Duration threshold) {
      this.answerWithin = threshold;
      return this;
    }

    /**
     * Sets the length of the intervals queue length is measured in. Default: 30 minutes.
     *
     * @param interval one minute to one day
     * @return this builder
     */
    public Builder queueInterval(Duration interval) {
      this.queueInterval = interval;
      return this;
    }

    /**
     * Sets the calendar unit of question trends (D-23). Default: weeks.
     *
     * @param bucket weeks or months
     * @return this builder
     */
    public Builder trendBucket(TrendBucket bucket) {
      this.trendBucket = bucket;
      return this;
    }

    /**
     * Sets how many rising topics, keywords and training suggestions the trend report lists.
     * Default: 5.
     *
     * @param count 1 to 100
     * @return this builder
     */
    public Builder topics(int count) {
      this.topics = count;
      return this;
    }

    /**
     * Sets how time to resolve is measured, such as the business calendar of the SLA clocks.
     * Default: {@link BusinessTime#wallClock()}.
     *
     * @param measure the measure
     * @return this builder
     */
    public Builder businessTime(BusinessTime measure) {
      this.businessTime = measure;
      return this;
    }

    /**
     * Sets how to tell whether a resolved ticket met its agreement. Default: {@link
     * SlaCheck#notTracked()}.
     *
     * @param check the check
     * @return this builder
     */
    public Builder sla(SlaCheck check) {
      this.sla = check;
      return this;
    }

    /**
     * Sets what the knowledge base tells of public articles and deflected questions. Default:
     * {@link SelfService#none()}.
     *
     * @param selfService the knowledge base's figures
     * @return this builder
     */
    public Builder selfService(SelfService selfService) {
      this.selfService = selfService;
      return this;
    }

    /**
     * Checks every value and builds the options.
     *
     * @return the options
     * @throws ValidationException listing every value that is missing or out of range
     */
    public ReportOptions build() {
      List<Violation> violations = new ArrayList<>();
      if (from == null || to == null) {
        violations.add(new Violation("period", "must have a start and an end"));
      } else if (!to.isAfter(from)) {
        violations.add(new Violation("period", "must end after it starts, was " + from + " to " + to));
      }
      if (!(quietBelow >= 0) || Double.isInfinite(quietBelow)) {
        violations.add(new Violation("quietBelow", "must be zero or more, was " + quietBelow));
      }
      if (shortAbandon == null || shortAbandon.isNegative()) {
        violations.add(new Violation("shortAbandon", "must be zero or more, was " + shortAbandon));
      }
      if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero()) {
        violations.add(new Violation("answerWithin", "must be more than zero, was " + answerWithin));
      }
      if (queueInterval == null || queueInterval.compareTo(Duration.ofMinutes(1)) < 0
          || queueInterval.compareTo(Duration.ofDays(1)) > 0) {
        violations.add(new Violation("queueInterval", "must be one minute to one day, was " + queueInterval));
      }
      if (trendBucket == null) {
        violations.add(new Violation("trendBucket", "must not be null"));
      }
      if (topics < 1 || topics > 100) {
        violations.add(new Violation("topics", "must be between 1 and 100, was " + topics));
      }
      if (businessTime == null) {
        violations.add(new Violation("businessTime", "must not be null"));
      }
      if (sla == null) {
        violations.add(new Violation("sla", "must not be null"));
      }
      if (selfService == null) {
        violations.add(new Violation("selfService", "must not be null"));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException("ReportOptions", violations);
      }
      return new ReportOptions(this);
    }

    @Override
    public String toString() {
      return "ReportOptions.Builder{" + from + " to " + to + "}";
    }
  }
}
