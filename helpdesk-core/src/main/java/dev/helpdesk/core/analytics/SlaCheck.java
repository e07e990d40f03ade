package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import java.util.List;

/**
 * Tells whether a resolved ticket met its service-level agreement, from the ticket and its history.
 * The SLA clocks (issue 6) will record what an agreement promised and when it was breached; until a
 * desk supplies this check, the reports say SLA attainment is not tracked rather than guess.
 */
@FunctionalInterface
public interface SlaCheck {
  /** What a check says about one ticket. */
  enum Outcome {
    /** The agreement was kept. */
    MET,
    /** The agreement was breached. */
    MISSED,
    /** No agreement applies, or nothing is known about it: the ticket counts on neither side. */
    NOT_TRACKED
  }

  /**
   * Judges one ticket that was resolved in the report's period.
   *
   * @param ticket the ticket as stored now
   * @param history its events, oldest first
   * @return whether it met its agreement
   */
  Outcome outcome(Ticket ticket, List<TicketEvent> history);

  /**
   * Returns the check of a desk that tracks no agreements: every ticket is {@link
   * Outcome#NOT_TRACKED}.
   *
   * @return the check
   */
  static SlaCheck notTracked() {
    return (ticket, history) -> Outcome.NOT_TRACKED;
  }
}

