package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Tier;
import java.util.Map;
import java.util.TreeMap;

/** Gathers the desk's key figures during a pass. */
final class KpiTally {
  private static final long DAY = 86_400_000L;

  private final BusinessTime businessTime;
  private long opened;
  private long firstContact;
  private long level1Resolvable;
  private long slaMet;
  private long slaMissed;
  private long firstResolved;
  private long resolveMillis;
  private long resolutions;
  private long reopened;
  private final long[] backlog = new long[3];
  private final Map<Tier, long[]> backlogByTier = new TreeMap<>();
  private final long[] ratings = new long[6];

  KpiTally(ReportOptions options) {
    this.businessTime = options.businessTime();
  }

  void add(TicketFacts facts) {
    if (facts.openedInPeriod) {
      opened++;
      if (facts.resolvedAtFirstContact) {
        firstContact++;
      }
      if (facts.level1Resolvable()) {
        level1Resolvable++;
      }
    }
    if (facts.firstResolvedInPeriod()) {
      firstResolved++;
      // On the wall clock the difference is already known: no instants or durations to make.
      resolveMillis += businessTime == WallClock.INSTANCE ? Math.max(0, facts.firstResolvedAt - facts.entered)
          : businessTime.between(facts.ticket.entered(), facts.firstResolvedInstant).toMillis();
      switch (facts.slaOutcome()) {
        case MET -> slaMet++;
        case MISSED -> slaMissed++;
        case NOT_TRACKED -> {
          // Neither side.
        }
      }
    }
    for (int s = 0; s < facts.solutions; s++) {
      if (facts.solutionIsResolve[s]) {
        resolutions++;
        if (facts.reopenedAfter[s]) {
          reopened++;
        }
      }
    }
    if (facts.inBacklogAtEnd()) {
      addToBacklog(facts.entered, facts.to, facts.tierAtEnd);
    }
    if (facts.rating > 0) {
      ratings[facts.rating]++;
    }
  }

  /**
   * Counts a ticket open when the period ended, by its age then: under 10 days, 10 to 30, over 30.
   * The pass calls it directly for a ticket that last changed before the period and is still open,
   * which counts in nothing else.
   */
  void addToBacklog(long entered, long to, Tier tier) {
    long age = to - entered;
    int bucket = age < 10 * DAY ? 0 : age <= 30 * DAY ? 1 : 2;
    backlog[bucket]++;
    backlogByTier.computeIfAbsent(tier, t -> new long[3])[bucket]++;
  }

  KpiReport report(ReportOptions options) {
    return new KpiReport(options.from(), options.to(), opened, firstContact, level1Resolvable, slaMet, slaMissed,
        firstResolved, resolveMillis, resolutions, reopened, backlog, backlogByTier, ratings);
  }
}
