package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Staffing by Erlang C and Erlang A (D-20), checked against worked examples and independent computations. */
class StaffingTest {
  private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);
  private static final ServiceTarget EIGHTY_TWENTY = ServiceTarget.answeredWithin(0.8, TWENTY_SECONDS);

  /**
   * The worked example of call-centre planning guides (for instance Call Centre Helper's "Erlang C
   * formula – made simple"): 100 calls in 30 minutes, 180 s average handle time, 80 % to be answered
   * within 20 s, 30 % shrinkage. Their answer: 10 erlangs, 14 agents, a 17.4 % chance of waiting,
   * 88.8 % answered within 20 s, an average speed of answer of 7.8 s, 71.4 % occupancy, 20 agents
   * to schedule.
   */
  @Test
  void theClassicExampleNeedsFourteenAgentsAndTwentyOnTheSchedule() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    StaffingRequirement r = Staffing.to(EIGHTY_TWENTY).shrinkage(0.3).requirement(load);
    assertEquals(10.0, load.erlangs(), 1e-12);
    assertEquals(14, r.agents());
    assertEquals(20, r.scheduled());
    QueueForecast f = r.forecast();
    assertEquals(0.1741, f.waitProbability(), 5e-5);
    assertEquals(0.8884, f.serviceLevel(), 5e-5);
    assertEquals(7.84, f.averageSpeedOfAnswerSeconds(), 5e-3);
    assertEquals(10.0 / 14, f.occupancy(), 1e-12);
    assertEquals(0, f.abandonment());
    // Thirteen agents fall short: 79.6 %.
    assertEquals(0.7956, Staffing.forecast(load, 13, TWENTY_SECONDS).serviceLevel(), 5e-5);
  }

  @Test
  void erlangCAgreesWithTheTextbookFactorialFormulaComputedExactly() {
    double[][] cases = {{10, 14}, {10, 11}, {2.5, 3}, {0.5, 1}, {42.7, 50}, {80, 95}};
    for (double[] c : cases) {
      double a = c[0];
      int n = (int) c[1];
      Workload load = Workload.of(a * 3600 / 180, Duration.ofHours(1), Duration.ofSeconds(180));
      assertEquals(a, load.erlangs(), 1e-9);
      double expected = factorialErlangC(n, a);
      assertEquals(expected, Staffing.forecast(load, n, TWENTY_SECONDS).waitProbability(), 1e-12,
          "C(" + n + ", " + a + ")");
    }
  }

  /** C(n, a) = (aⁿ/n! · n/(n−a)) ÷ (Σₖ₌₀ⁿ⁻¹ aᵏ/k! + aⁿ/n! · n/(n−a)), in 50-digit decimals. */
  private static double factorialErlangC(int n, double a) {
    MathContext mc = new MathContext(50);
    BigDecimal load = new BigDecimal(a);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 0; k < n; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(load, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal top = term.multiply(BigDecimal.valueOf(n), mc).divide(BigDecimal.valueOf(n).subtract(load, mc), mc);
    return top.divide(sum.add(top, mc), mc).doubleValue();
  }

  @Test
  void erlangCStaysExactForSixHundredAgents() {
    // 500 erlangs: aⁿ/n! overflows a double long before n = 500; the recursion never forms it.
    Workload load = Workload.of(10_000, Duration.ofHours(1), Duration.ofSeconds(180));
    assertEquals(500, load.erlangs(), 1e-9);
    for (int n = 501; n <= 600; n += 11) {
      QueueForecast f = Staffing.forecast(load, n, TWENTY_SECONDS);
      assertEquals(logSpaceErlangC(n, 500), f.waitProbability(), 1e-10, "n = " + n);
      assertTrue(f.serviceLevel() >= 0 && f.serviceLevel() <= 1);
    }
    StaffingRequirement r = Staffing.to(EIGHTY_TWENTY).requirement(load);
    assertTrue(r.forecast().serviceLevel() >= 0.8);
    assertTrue(Staffing.forecast(load, r.agents() - 1, TWENTY_SECONDS).serviceLevel() < 0.8);
    assertTrue(r.agents() > 500 && r.agents() < 530, "agents " + r.agents());
  }

  /** Erlang C from logarithms of every term, an independent route to the same number. */
  private static double logSpaceErlangC(int n, double a) {
    double[] logs = new double[n + 1];
    double logFactorial = 0;
    for (int k = 0; k <= n; k++) {
      if (k > 0) {
        logFactorial += Math.log(k);
      }
      logs[k] = k * Math.log(a) - logFactorial;
    }
    logs[n] += Math.log(n / (n - a));
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logs) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return Math.exp(logs[n] - max) / sum;
  }

  @Test
  void moreAgentsNeverServeWorseUnderErlangCOrErlangA() {
    Workload patient = Workload.of(300, Duration.ofMinutes(30), Duration.ofSeconds(240));
    Workload impatient = patient.withPatience(Duration.ofSeconds(90));
    for (Workload load : new Workload[] {patient, impatient}) {
      QueueForecast previous = Staffing.forecast(load, 1, TWENTY_SECONDS);
      for (int n = 2; n <= 80; n++) {
        QueueForecast f = Staffing.forecast(load, n, TWENTY_SECONDS);
        assertTrue(f.serviceLevel() >= previous.serviceLevel() - 1e-12, n + " agents: " + f);
        assertTrue(f.waitProbability() <= previous.waitProbability() + 1e-12, n + " agents: " + f);
        assertTrue(f.averageSpeedOfAnswerSeconds() <= previous.averageSpeedOfAnswerSeconds() + 1e-9,
            n + " agents: " + f);
        assertTrue(f.abandonment() <= previous.abandonment() + 1e-12, n + " agents: " + f);
        previous = f;
      }
    }
  }

  @Test
  void erlangAStaysExactForSixHundredAgents() {
    Workload load = Workload.of(10_000, Duration.ofHours(1), Duration.ofSeconds(180)).withPatience(Duration.ofMinutes(2));
    StaffingRequirement r = Staffing.to(ServiceTarget.answeredWithin(0.9, TWENTY_SECONDS)).requirement(load);
    QueueForecast f = r.forecast();
    assertTrue(f.serviceLevel() >= 0.9 && f.serviceLevel() <= 1, f.toString());
    assertTrue(Staffing.forecast(load, r.agents() - 1, TWENTY_SECONDS).serviceLevel() < 0.9);
    assertTrue(Double.isFinite(f.averageSpeedOfAnswerSeconds()));
    // Overloaded by a fifth, the queue still settles: customers who give up relieve it.
    QueueForecast overloaded = Staffing.forecast(load, 400, TWENTY_SECONDS);
    assertTrue(overloaded.abandonment() > 0.15 && overloaded.abandonment() < 0.3, overloaded.toString());
    assertEquals(1.0, overloaded.occupancy(), 0.01);
  }

  @Test
  void erlangAWithEndlessPatienceIsErlangC() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    QueueForecast c = Staffing.forecast(load, 14, TWENTY_SECONDS);
    QueueForecast a = Staffing.forecast(load.withPatience(Duration.ofDays(3650)), 14, TWENTY_SECONDS);
    assertEquals(c.waitProbability(), a.waitProbability(), 1e-5);
    assertEquals(c.serviceLevel(), a.serviceLevel(), 1e-5);
    assertEquals(c.averageSpeedOfAnswerSeconds(), a.averageSpeedOfAnswerSeconds(), 1e-3);
    assertEquals(0, a.abandonment(), 1e-6);
  }

  @Test
  void erlangAAgreesWithASimulatedQueueWhoseCallersGiveUp() {
    // Ten agents, 10 erlangs offered, callers who wait two minutes on average: critically loaded.
    Workload load = Workload.of(200, Duration.ofHours(1), Duration.ofSeconds(180)).withPatience(Duration.ofSeconds(120));
    QueueForecast f = Staffing.forecast(load, 10, TWENTY_SECONDS);
    double[] simulated = simulate(10, 200.0 / 3600, 180, 120, 20, 400_000, new Random(20260302));
    assertEquals(simulated[0], f.waitProbability(), 0.01, "waited");
    assertEquals(simulated[1], f.abandonment(), 0.005, "abandoned");
    assertEquals(simulated[2], f.serviceLevel(), 0.01, "answered within 20 s");
    assertEquals(simulated[3], f.averageSpeedOfAnswerSeconds(), 1.0, "average speed of answer");
  }

  /**
   * A first-come-first-served queue with exponential arrivals, handle times and patience: each caller
   * in turn takes the agent free soonest, unless their patience runs out first. Returns the shares
   * who waited, abandoned and were answered within T, and the mean wait of those answered.
   */
  private static double[] simulate(int agents, double rate, double handle, double patience, double t, int callers,
      Random random) {
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int i = 0; i < agents; i++) {
      free.add(0.0);
    }
    double now = 0;
    long waited = 0;
    long abandoned = 0;
    long inTime = 0;
    long answered = 0;
    double answeredWait = 0;
    for (int i = 0; i < callers; i++) {
      now += -Math.log(1 - random.nextDouble()) / rate;
      double wait = Math.max(0, free.peek() - now);
      double willWait = -Math.log(1 - random.nextDouble()) * patience;
      if (wait > 0) {
        waited++;
      }
      if (wait > willWait) {
        abandoned++;
        continue;
      }
      free.poll();
      free.add(now + wait - Math.log(1 - random.nextDouble()) * handle);
      answered++;
      answeredWait += wait;
      if (wait <= t) {
        inTime++;
      }
    }
    return new double[] {(double) waited / callers, (double) abandoned / callers, (double) inTime / callers,
        answeredWait / answered};
  }

  @Test
  void abandonmentRelievesTheQueueSoErlangANeedsNoMoreAgentsThanErlangC() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    int erlangC = Staffing.to(EIGHTY_TWENTY).requirement(load).agents();
    int erlangA = Staffing.to(EIGHTY_TWENTY).requirement(load.withPatience(Duration.ofSeconds(60))).agents();
    assertEquals(14, erlangC);
    assertTrue(erlangA <= erlangC, erlangA + " agents");
  }

  @Test
  void anAverageSpeedOfAnswerTargetIsMetWithTheFewestAgents() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    StaffingRequirement r = Staffing.to(ServiceTarget.averageSpeedOfAnswer(Duration.ofSeconds(15))).requirement(load);
    // 17.1 s with 13 agents, 7.8 s with 14.
    assertEquals(14, r.agents());
    StaffingRequirement both = Staffing.to(EIGHTY_TWENTY.andAverageSpeedOfAnswer(Duration.ofSeconds(5)))
        .requirement(load);
    assertEquals(15, both.agents());
  }

  @Test
  void aMaximumOccupancyAddsAgentsTheTargetAloneWouldNotNeed() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    StaffingRequirement r = Staffing.to(EIGHTY_TWENTY).maxOccupancy(0.65).requirement(load);
    // 10 erlangs at no more than 65 %: 16 agents (62.5 %), where the target needs 14 (71.4 %).
    assertEquals(16, r.agents());
    assertTrue(r.forecast().occupancy() <= 0.65);
  }

  @Test
  void noWorkNeedsNoAgents() {
    StaffingRequirement r = Staffing.to(EIGHTY_TWENTY).shrinkage(0.3)
        .requirement(Workload.of(0, Duration.ofHours(1), Duration.ofMinutes(3)));
    assertEquals(0, r.agents());
    assertEquals(0, r.scheduled());
    assertEquals(1.0, r.forecast().serviceLevel());
  }

  @Test
  void tooFewAgentsForTheLoadLeaveAQueueThatNeverEnds() {
    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));
    QueueForecast f = Staffing.forecast(load, 10, TWENTY_SECONDS);
    assertEquals(1.0, f.waitProbability());
    assertEquals(0.0, f.serviceLevel());
    assertEquals(Double.POSITIVE_INFINITY, f.averageSpeedOfAnswerSeconds());
  }

  @Test
  void impossibleRulesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Staffing.to(EIGHTY_TWENTY).shrinkage(1));
    assertThrows(IllegalArgumentException.class, () -> Staffing.to(EIGHTY_TWENTY).maxOccupancy(0));
    assertThrows(IllegalArgumentException.class, () -> ServiceTarget.answeredWithin(1.0, TWENTY_SECONDS));
    assertThrows(IllegalArgumentException.class, () -> ServiceTarget.answeredWithin(0.8, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Workload.of(-1, Duration.ofHours(1), Duration.ofMinutes(3)));
    assertThrows(IllegalArgumentException.class, () -> Workload.of(10, Duration.ofHours(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> Workload.of(10, Duration.ofHours(1), Duration.ofMinutes(3)).withPatience(Duration.ofSeconds(-1)));
    assertFalse(EIGHTY_TWENTY.averageSpeedOfAnswer().isPresent());
  }
}
