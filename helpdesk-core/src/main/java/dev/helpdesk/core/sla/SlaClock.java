package dev.helpdesk.core.sla;

import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One service-level clock of a ticket at an instant (issue 6): what it measures, whether it runs, how
 * much business time it has counted and when it falls due.
 *
 * @param target what it measures
 * @param tier the tier, for {@link SlaTarget#TIER_TIME}; empty for the customer-facing clocks
 * @param state whether it runs now
 * @param elapsed the business time counted so far; for {@link SlaTarget#NEXT_UPDATE}, since the last
 *     response
 * @param allowed its target under the policy and priority in force, if it has one
 * @param due while it runs against a target, the instant it falls due (in the past when it is
 *     overdue); empty otherwise
 * @param breached whether it went past its target; for {@link SlaTarget#NEXT_UPDATE}, since the last
 *     response
 */
public record SlaClock(
    SlaTarget target, Optional<Tier> tier, State state, Duration elapsed, Optional<Duration> allowed,
    Optional<Instant> due, boolean breached) {

  /** Whether a clock runs. */
  public enum State {
    /** Counting business time. */
    RUNNING,
    /** Stopped while the ticket is in a status its policy pauses in; resumes where it stopped. */
    PAUSED,
    /**
     * Not counting: met, not yet started, at another tier, or the ticket is resolved or over. A
     * ticket that goes back to work starts it again where it stopped.
     */
    STOPPED
  }

  /**
   * Returns the business time left before the clock falls due.
   *
   * @return the target less the time counted, negative when overdue; empty without a target
   */
  public Optional<Duration> remaining() {
    return allowed.map(a -> a.minus(elapsed));
  }
}
