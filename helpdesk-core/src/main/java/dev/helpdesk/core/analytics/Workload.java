package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The work arriving at a queue in one interval (D-20): how many contacts, how long each takes a
 * person on average, and, when customers give up, how long they are willing to wait on average.
 * Without patience the queue is an Erlang C queue (nobody abandons); with it, an Erlang A queue.
 *
 * @param arrivals contacts expected in the interval, zero or more
 * @param interval the interval's length, such as 30 minutes
 * @param handleTime the average handle time of one contact (talk and wrap-up)
 * @param patience customers' mean patience before they abandon, if they do
 */
public record Workload(double arrivals, Duration interval, Duration handleTime, Optional<Duration> patience) {
  // Rejects negative or infinite arrivals and durations that are not positive.
  public Workload {
    if (!(arrivals >= 0) || Double.isInfinite(arrivals)) {
      throw new IllegalArgumentException("arrivals must be zero or more, was " + arrivals);
    }
    positive("interval", interval);
    positive("handleTime", handleTime);
    Objects.requireNonNull(patience, "patience");
    patience.ifPresent(p -> positive("patience", p));
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be more than zero, was " + value);
    }
  }

  /**
   * Returns a workload whose customers wait as long as it takes (Erlang C).
   *
   * @param arrivals contacts in the interval
   * @param interval the interval's length
   * @param handleTime the average handle time
   * @return the workload
   */
  public static Workload of(double arrivals, Duration interval, Duration handleTime) {
    return new Workload(arrivals, interval, handleTime, Optional.empty());
  }

  /**
   * Returns this workload with customers who abandon after a mean patience (Erlang A).
   *
   * @param meanPatience how long customers wait on average before giving up
   * @return the copy
   */
  public Workload withPatience(Duration meanPatience) {
    return new Workload(arrivals, interval, handleTime, Optional.of(meanPatience));
  }

  /**
   * Returns the offered load: the average number of agents the work keeps busy.
   *
   * @return arrivals × handle time ÷ interval, in erlangs
   */
  public double erlangs() {
    return arrivals * seconds(handleTime) / seconds(interval);
  }

  /** @return arrivals per second */
  double arrivalRate() {
    return arrivals / seconds(interval);
  }

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
