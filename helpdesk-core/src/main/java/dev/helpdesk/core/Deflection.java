package dev.helpdesk.core;

/**
 * How self-service did (D-23): customers' searches of the public articles, grouped into sessions
 * (a customer's searches until a quiet period passes), and the sessions that ended without a ticket.
 *
 * @param searches searches made by customers
 * @param sessions self-service sessions ended so far
 * @param deflected sessions that ended without the customer opening a ticket
 */
public record Deflection(long searches, long sessions, long deflected) {
  /**
   * Returns the share of ended sessions that were deflected.
   *
   * @return deflected ÷ sessions, or 0 before any session ended
   */
  public double rate() {
    return sessions == 0 ? 0 : (double) deflected / sessions;
  }
}
