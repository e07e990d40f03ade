package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How many agents a queue needs (D-20): the fewest that meet a {@link ServiceTarget} for a {@link
 * Workload}, no busier than a maximum occupancy, and how many to schedule once shrinkage takes its
 * share. Erlang C when customers wait as long as it takes, Erlang A when they abandon after a mean
 * patience; both are computed through the Erlang B recursion, so they stay exact for thousands of
 * agents. Immutable.
 *
 * <p>The classic example: 100 calls in 30 minutes, 3 minutes each, 80 % to be answered within 20
 * seconds, 30 % shrinkage:
 *
 * <pre>{@code
 * StaffingRequirement r = Staffing.to(ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20)))
 *     .shrinkage(0.3)
 *     .requirement(Workload.of(100, Duration.ofMinutes(30), Duration.ofMinutes(3)));
 * // r.agents() == 14, r.scheduled() == 20, r.forecast().serviceLevel() ≈ 0.888
 * }</pre>
 */
public final class Staffing {
  private final ServiceTarget target;
  private final double shrinkage;
  private final double maxOccupancy;

  private Staffing(ServiceTarget target, double shrinkage, double maxOccupancy) {
    this.target = target;
    this.shrinkage = shrinkage;
    this.maxOccupancy = maxOccupancy;
  }

  /**
   * Starts staffing to a target, with no shrinkage and no occupancy limit.
   *
   * @param target what the queue must achieve
   * @return the staffing rules
   */
  public static Staffing to(ServiceTarget target) {
    return new Staffing(Objects.requireNonNull(target, "target"), 0, 1);
  }

  /**
   * Returns these rules with a shrinkage: the share of paid time agents are not available to answer.
   *
   * @param share at least 0, below 1, such as 0.3
   * @return the changed rules
   */
  public Staffing shrinkage(double share) {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("shrinkage must be at least 0 and below 1, was " + share);
    }
    return new Staffing(target, share, maxOccupancy);
  }

  /**
   * Returns these rules with a maximum occupancy: agents may spend at most this share of their
   * answering time on contacts, however well the target is met.
   *
   * @param share above 0, at most 1, such as 0.85
   * @return the changed rules
   */
  public Staffing maxOccupancy(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("maximum occupancy must be above 0 and at most 1, was " + share);
    }
    return new Staffing(target, shrinkage, share);
  }

  /** @return what the queue must achieve */
  public ServiceTarget target() {
    return target;
  }

  /** @return the share of paid time agents are not answering */
  public double shrinkage() {
    return shrinkage;
  }

  /** @return the highest share of answering time agents may spend on contacts */
  public double maxOccupancy() {
    return maxOccupancy;
  }

  /**
   * Forecasts how a queue performs with a number of agents: Erlang C, or Erlang A when the workload
   * has a patience.
   *
   * @param load the work
   * @param agents agents answering, zero or more
   * @param answerWithin the service level's threshold T
   * @return the forecast
   */
  public static QueueForecast forecast(Workload load, int agents, Duration answerWithin) {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(answerWithin, "answerWithin");
    if (agents < 0) {
      throw new IllegalArgumentException("agents must be zero or more, was " + agents);
    }
    return load.patience().isPresent() ? Erlang.erlangA(load, agents, answerWithin)
        : Erlang.erlangC(load, agents, answerWithin, Erlang.blocking(agents, load.erlangs()));
  }

  /**
   * Returns the fewest agents that meet the target for a workload within the occupancy limit, and
   * how many to schedule.
   *
   * @param load the work
   * @return the requirement; no agents for no work
   */
  public StaffingRequirement requirement(Workload load) {
    Objects.requireNonNull(load, "load");
    Duration within = target.within();
    if (load.arrivals() == 0) {
      return new StaffingRequirement(load, 0, 0, forecast(load, 0, within));
    }
    QueueForecast best = load.patience().isPresent() ? fewestErlangA(load, within) : fewestErlangC(load, within);
    int scheduled = (int) Math.ceil(best.agents() / (1 - shrinkage) - 1e-9);
    return new StaffingRequirement(load, best.agents(), scheduled, best);
  }

  private boolean isEnough(QueueForecast forecast) {
    return target.isMet(forecast) && forecast.occupancy() <= maxOccupancy + 1e-12;
  }

  /** Counts up from the first stable number of agents, one Erlang B step per agent. */
  private QueueForecast fewestErlangC(Workload load, Duration within) {
    double a = load.erlangs();
    int n = (int) Math.floor(a) + 1;
    double b = Erlang.blocking(n, a);
    while (true) {
      QueueForecast forecast = Erlang.erlangC(load, n, within, b);
      if (isEnough(forecast)) {
        return forecast;
      }
      b = Erlang.nextBlocking(b, n, a);
      n++;
    }
  }

  /**
   * Abandonment relieves the queue, so fewer agents than the load may do: a search between one
   * agent and a number that is enough, more agents never serving worse.
   */
  private QueueForecast fewestErlangA(Workload load, Duration within) {
    int high = Math.max(1, (int) Math.ceil(load.erlangs()));
    QueueForecast enough = Erlang.erlangA(load, high, within);
    while (!isEnough(enough)) {
      high *= 2;
      enough = Erlang.erlangA(load, high, within);
    }
    int low = 0;
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      QueueForecast forecast = Erlang.erlangA(load, mid, within);
      if (isEnough(forecast)) {
        high = mid;
        enough = forecast;
      } else {
        low = mid;
      }
    }
    return enough;
  }

  /**
   * Plans the agents for every hour of the week from measured traffic (D-20): each hour's average
   * contacts on the given channels become that hour's workload.
   *
   * @param traffic the measured traffic
   * @param channels the channels the agents answer; all of them when empty
   * @param handleTime the average handle time of one contact
   * @param patience customers' mean patience, for Erlang A; empty for Erlang C
   * @return the plan
   */
  public StaffingPlan plan(TrafficReport traffic, Set<Channel> channels, Duration handleTime,
      Optional<Duration> patience) {
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(patience, "patience");
    StaffingRequirement[] hours = new StaffingRequirement[HourOfWeek.COUNT];
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      double arrivals = traffic.perHour(channels, HourOfWeek.of(h));
      Workload load = new Workload(arrivals, Duration.ofHours(1), handleTime, patience);
      hours[h] = requirement(load);
    }
    return new StaffingPlan(this, channels, traffic.from(), traffic.to(), traffic.zone(), hours);
  }

  @Override
  public String toString() {
    return "Staffing{" + target + ", shrinkage " + shrinkage + ", max occupancy " + maxOccupancy + "}";
  }
}
