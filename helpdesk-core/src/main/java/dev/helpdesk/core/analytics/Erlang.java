package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.util.Arrays;

/**
 * Erlang B, C and A, computed so they stay exact for thousands of agents: never a factorial or a
 * power of the load, only the Erlang B recursion and, for Erlang A, probabilities kept as logarithms
 * until they are normalised.
 */
final class Erlang {
  /** Terms of the queue's distribution this far below its largest are too small to matter. */
  private static final double NEGLIGIBLE_LOG = -50;
  /** A bound on the queue lengths looked at, far beyond any real queue. */
  private static final int MAX_QUEUE = 2_000_000;

  private Erlang() {}

  /**
   * Erlang B, the blocking probability of {@code n} servers offered {@code a} erlangs, by the
   * recursion B(0) = 1, B(k) = a·B(k−1) ÷ (k + a·B(k−1)), whose every step lies between 0 and 1.
   */
  static double blocking(int n, double a) {
    double b = 1;
    for (int k = 1; k <= n; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  /** The next step of the Erlang B recursion: B(n + 1) from B(n). */
  static double nextBlocking(double b, int n, double a) {
    return a * b / (n + 1 + a * b);
  }

  /** Erlang C, the probability of waiting, from Erlang B: C = n·B ÷ (n − a·(1 − B)); 1 when n ≤ a. */
  static double waiting(int n, double a, double b) {
    if (n <= a) {
      return 1;
    }
    return n * b / (n - a * (1 - b));
  }

  /** The Erlang C forecast with {@code b} = B(n, a) already known. */
  static QueueForecast erlangC(Workload load, int n, Duration within, double b) {
    double a = load.erlangs();
    if (a == 0) {
      return new QueueForecast(n, 0, 0, 0, 1, within, 0, 0);
    }
    if (n <= a) {
      // Unstable: the queue grows without end and every agent is always busy.
      return new QueueForecast(n, a, 1, 1, 0, within, Double.POSITIVE_INFINITY, 0);
    }
    double aht = Workload.seconds(load.handleTime());
    double c = waiting(n, a, b);
    double serviceLevel = 1 - c * Math.exp(-(n - a) * Workload.seconds(within) / aht);
    double asa = c * aht / (n - a);
    return new QueueForecast(n, a, a / n, c, Math.max(0, Math.min(1, serviceLevel)), within, asa, 0);
  }

  /**
   * The Erlang A (M/M/n+M) forecast. An arriving caller finds j callers ahead with the stationary
   * probability of state n + j; ahead of them, the line moves at n·μ + i·θ with i callers ahead,
   * and they themselves give up at θ. So a caller with j ahead is answered with probability
   * n·μ ÷ (n·μ + (j+1)·θ), after the sum of exponential times of rates n·μ + (i+1)·θ, i = j…0,
   * whose distribution at T comes from uniformisation of that pure-death chain.
   */
  static QueueForecast erlangA(Workload load, int n, Duration within) {
    double a = load.erlangs();
    if (a == 0) {
      return new QueueForecast(n, 0, 0, 0, 1, within, 0, 0);
    }
    if (n == 0) {
      return new QueueForecast(0, a, 1, 1, 0, within, Double.POSITIVE_INFINITY, 1);
    }
    double lambda = load.arrivalRate();
    double mu = 1 / Workload.seconds(load.handleTime());
    double theta = 1 / Workload.seconds(load.patience().orElseThrow());
    double served = n * mu;
    double b = blocking(n, a);
    if (b == 0) {
      // Too many agents for anyone to wait, in double precision.
      return new QueueForecast(n, a, a / n, 0, 1, within, 0, 0);
    }

    // log of π(n + j) ÷ π(n), for j = 0, 1, …, until the terms vanish.
    double[] logTerm = new double[64];
    int terms = 1;
    double max = 0;
    for (int j = 1; ; j++) {
      double next = logTerm[j - 1] + Math.log(lambda / (served + j * theta));
      if (next > max) {
        max = next;
      }
      boolean decaying = served + j * theta > lambda;
      if (decaying && next < max + NEGLIGIBLE_LOG) {
        break;
      }
      if (j >= MAX_QUEUE) {
        throw new IllegalArgumentException("the queue does not settle within " + MAX_QUEUE
            + " callers: patience too long for this overload");
      }
      if (j == logTerm.length) {
        logTerm = Arrays.copyOf(logTerm, j * 2);
      }
      logTerm[j] = next;
      terms = j + 1;
    }
    // Σ π(k), k ≤ n, is π(n) ÷ B; the queue adds Σ_j≥1 π(n + j).
    double logBelow = Math.log1p(-b) - Math.log(b);
    double logQueue = logSumExp(logTerm, terms, max);
    double logTotal = logAdd(logBelow, logQueue);

    double waitProbability = 0;
    double answeredInTime = 0;
    double answered = 0;
    double answeredWait = 0;
    double[] inTime = withinProbabilities(served, theta, terms - 1, Workload.seconds(within));
    double meanHolding = 0;
    for (int j = 0; j < terms; j++) {
      double p = Math.exp(logTerm[j] - logTotal);
      double rate = served + (j + 1) * theta;
      meanHolding += 1 / rate;
      double answeredShare = served / rate;
      waitProbability += p;
      answered += p * answeredShare;
      answeredWait += p * answeredShare * meanHolding;
      answeredInTime += p * answeredShare * inTime[j];
    }
    double noWait = 1 - waitProbability;
    double abandonment = Math.max(0, waitProbability - answered);
    double serviceLevel = Math.max(0, Math.min(1, noWait + answeredInTime));
    double asa = answeredWait / (noWait + answered);
    double occupancy = Math.min(1, a * (1 - abandonment) / n);
    return new QueueForecast(n, a, occupancy, Math.min(1, waitProbability), serviceLevel, within, asa, abandonment);
  }

  /**
   * P(the sum of exponentials of rates served + (i+1)·θ, i = j…0, is at most t), for every j up to
   * {@code last}, by uniformisation at the largest rate: every quantity stays a probability, so the
   * sum is stable however many agents or callers there are.
   */
  static double[] withinProbabilities(double served, double theta, int last, double t) {
    double uniform = served + (last + 1) * theta;
    double x = uniform * t;
    double[] step = new double[last + 1];
    for (int i = 0; i <= last; i++) {
      step[i] = (served + (i + 1) * theta) / uniform;
    }
    // absorbed[i]: probability of having been answered within k uniformised steps, starting i ahead.
    double[] absorbed = new double[last + 1];
    double[] result = new double[last + 1];
    int kMax = (int) Math.ceil(x + 12 * Math.sqrt(x) + 30);
    double logWeight = -x;
    double logX = Math.log(x);
    for (int k = 1; k <= kMax; k++) {
      // Downwards, so absorbed[i - 1] still holds the previous step's value.
      for (int i = last; i >= 0; i--) {
        double ahead = i == 0 ? 1 : absorbed[i - 1];
        absorbed[i] = step[i] * ahead + (1 - step[i]) * absorbed[i];
      }
      logWeight += logX - Math.log(k);
      double weight = Math.exp(logWeight);
      if (weight > 0) {
        for (int i = 0; i <= last; i++) {
          result[i] += weight * absorbed[i];
        }
      }
    }
    // Beyond kMax lies less than 1e-20 of the Poisson mass: nothing a forecast could show.
    return result;
  }

  private static double logSumExp(double[] logs, int count, double max) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += Math.exp(logs[i] - max);
    }
    return max + Math.log(sum);
  }

  private static double logAdd(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    double hi = Math.max(x, y);
    return hi + Math.log(Math.exp(x - hi) + Math.exp(y - hi));
  }
}
