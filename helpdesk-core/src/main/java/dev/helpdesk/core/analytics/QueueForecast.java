package dev.helpdesk.core.analytics;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a queue will perform with a number of agents, by Erlang C (nobody abandons) or Erlang A
 * (customers abandon after a mean patience).
 *
 * @param agents agents answering
 * @param erlangs the offered load
 * @param occupancy the share of agents' time spent on contacts: carried load ÷ agents
 * @param waitProbability the share of callers who wait at all
 * @param serviceLevel the share of all callers answered within {@code answerWithin}; callers who
 *     abandon count against it
 * @param answerWithin the service level's threshold T
 * @param averageSpeedOfAnswerSeconds the average wait of answered callers, in seconds; infinite when
 *     the queue grows without end
 * @param abandonment the share of callers who give up; 0 under Erlang C
 */
public record QueueForecast(int agents, double erlangs, double occupancy, double waitProbability, double serviceLevel,
    Duration answerWithin, double averageSpeedOfAnswerSeconds, double abandonment) {
  // Rejects a missing threshold.
  public QueueForecast {
    Objects.requireNonNull(answerWithin, "answerWithin");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%d agents at %.2f erlangs: occupancy %.1f %%, wait %.1f %%, %.1f %% within %d s, ASA %.1f s, abandon %.1f %%",
        agents, erlangs, 100 * occupancy, 100 * waitProbability, 100 * serviceLevel, answerWithin.toSeconds(),
        averageSpeedOfAnswerSeconds, 100 * abandonment);
  }
}
