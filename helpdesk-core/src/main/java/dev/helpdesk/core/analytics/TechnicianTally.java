package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts each technician's solutions during a pass (D-22). */
final class TechnicianTally {
  /** One technician's figures so far. */
  private static final class Counts {
    final TechnicianId id;
    final String name;
    final Tier tier;
    long resolved;
    long firstContact;
    long handleMillis;
    long reopened;
    long slaMet;
    long slaJudged;

    Counts(TechnicianId id, String name, Tier tier) {
      this.id = id;
      this.name = name;
      this.tier = tier;
    }
  }

  private final Map<String, Counts> byId = new HashMap<>();

  /** Starts with the desk's staff, so a technician with nothing solved still shows. */
  TechnicianTally(List<Technician> staff) {
    for (Technician technician : staff) {
      byId.put(technician.id().value(), new Counts(technician.id(), technician.name(), technician.tier()));
    }
  }

  void add(TicketFacts facts) {
    for (int s = 0; s < facts.solutions; s++) {
      Actor solver = facts.solver[s];
      if (solver.role() != Actor.Role.TECHNICIAN) {
        continue;
      }
      Counts counts = byId.get(solver.id());
      if (counts == null) {
        // No longer on the staff: kept at the tier where they gave the solution.
        int index = s;
        counts = byId.computeIfAbsent(solver.id(),
            id -> new Counts(TechnicianId.of(id), id, facts.solutionTier[index]));
      }
      counts.resolved++;
      if (facts.solutionFirstContact[s]) {
        counts.firstContact++;
      }
      counts.handleMillis += facts.handleMillis[s];
      if (facts.reopenedAfter[s]) {
        counts.reopened++;
      }
      SlaCheck.Outcome outcome = facts.slaOutcome();
      if (outcome != SlaCheck.Outcome.NOT_TRACKED) {
        counts.slaJudged++;
        if (outcome == SlaCheck.Outcome.MET) {
          counts.slaMet++;
        }
      }
    }
  }

  TechnicianReport report(ReportOptions options) {
    List<TechnicianReport.Row> rows = new ArrayList<>(byId.size());
    for (Counts c : byId.values()) {
      Duration handle = c.resolved == 0 ? Duration.ZERO : Duration.ofMillis(c.handleMillis / c.resolved);
      rows.add(new TechnicianReport.Row(c.id, c.name, c.tier, c.resolved, c.firstContact, handle, c.reopened,
          new Ratio(c.slaMet, c.slaJudged)));
    }
    return new TechnicianReport(options.from(), options.to(), rows);
  }
}
