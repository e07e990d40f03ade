package dev.helpdesk.core.analytics;

import java.util.Objects;

/**
 * The agents a workload needs to meet a target: on the phones, and on the schedule once shrinkage
 * (breaks, meetings, training, absence) takes its share.
 *
 * @param workload the work
 * @param agents agents answering, the fewest that meet the target within the occupancy limit
 * @param scheduled agents to schedule: {@code agents ÷ (1 − shrinkage)}, rounded up
 * @param forecast how the queue performs with {@code agents}
 */
public record StaffingRequirement(Workload workload, int agents, int scheduled, QueueForecast forecast) {
  // Rejects missing values and negative counts.
  public StaffingRequirement {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(forecast, "forecast");
    if (agents < 0 || scheduled < agents) {
      throw new IllegalArgumentException("need 0 <= agents <= scheduled, were " + agents + " and " + scheduled);
    }
  }
}
