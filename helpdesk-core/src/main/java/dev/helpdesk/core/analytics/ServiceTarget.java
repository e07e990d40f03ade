package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a queue must achieve (D-21): a share of callers answered within a threshold (80 % within 20
 * seconds), an average speed of answer, or both.
 */
public final class ServiceTarget {
  private final double share;
  private final Duration within;
  private final Duration averageSpeedOfAnswer;

  private ServiceTarget(double share, Duration within, Duration averageSpeedOfAnswer) {
    this.share = share;
    this.within = within;
    this.averageSpeedOfAnswer = averageSpeedOfAnswer;
  }

  /**
   * Returns the target of answering a share of callers within a threshold.
   *
   * @param share the share, above 0 and below 1, such as 0.8
   * @param within the threshold T, more than zero, such as 20 seconds
   * @return the target
   */
  public static ServiceTarget answeredWithin(double share, Duration within) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("share must be above 0 and below 1, was " + share);
    }
    Objects.requireNonNull(within, "within");
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("within must be more than zero, was " + within);
    }
    return new ServiceTarget(share, within, null);
  }

  /**
   * Returns the target of an average speed of answer.
   *
   * @param limit the longest acceptable average wait of answered callers, more than zero
   * @return the target
   */
  public static ServiceTarget averageSpeedOfAnswer(Duration limit) {
    return new ServiceTarget(0, Duration.ofSeconds(20), positive(limit));
  }

  /**
   * Returns this target with an average speed of answer to meet as well.
   *
   * @param limit the longest acceptable average wait of answered callers, more than zero
   * @return the combined target
   */
  public ServiceTarget andAverageSpeedOfAnswer(Duration limit) {
    return new ServiceTarget(share, within, positive(limit));
  }

  private static Duration positive(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the average speed of answer must be more than zero, was " + limit);
    }
    return limit;
  }

  /** @return the share of callers to answer within {@link #within()}; 0 when there is no such target */
  public double share() {
    return share;
  }

  /** @return the service level's threshold T (20 seconds when only the average speed is targeted) */
  public Duration within() {
    return within;
  }

  /** @return the longest acceptable average speed of answer, if that is targeted */
  public Optional<Duration> averageSpeedOfAnswer() {
    return Optional.ofNullable(averageSpeedOfAnswer);
  }

  /** Whether a forecast meets every part of the target. */
  boolean isMet(QueueForecast forecast) {
    return forecast.serviceLevel() >= share - 1e-12
        && (averageSpeedOfAnswer == null
            || forecast.averageSpeedOfAnswerSeconds() <= Workload.seconds(averageSpeedOfAnswer) + 1e-9);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceTarget t && t.share == share && t.within.equals(within)
        && Objects.equals(t.averageSpeedOfAnswer, averageSpeedOfAnswer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(share, within, averageSpeedOfAnswer);
  }

  @Override
  public String toString() {
    String sl = share > 0 ? Math.round(share * 1000) / 10.0 + " % within " + within.toSeconds() + " s" : "";
    String asa = averageSpeedOfAnswer == null ? "" : "ASA at most " + averageSpeedOfAnswer.toSeconds() + " s";
    return sl.isEmpty() ? asa : asa.isEmpty() ? sl : sl + " and " + asa;
  }
}
