package dev.helpdesk.core;

import dev.helpdesk.model.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts self-service sessions and the ones deflected (D-23): a customer's searches of the public
 * articles form a session that lasts while they keep searching, until {@code window} after the last
 * search; a session in which the customer opens no ticket is deflected, one in which they do is
 * not. Sessions are counted once they end, as the desk's time advances. Kept in memory.
 */
final class SelfService {
  private static final class Session {
    Instant lastSearch;

    Session(Instant at) {
      lastSearch = at;
    }
  }

  /** The category reports count deflected self-service sessions under. */
  static final String CATEGORY = "self-service";

  private final Duration window;
  /** When each deflected session ended, in order; read by the reports (D-23). */
  private final java.util.ArrayList<Instant> deflectedAt = new java.util.ArrayList<>();
  private final Map<CustomerId, Session> open = new HashMap<>();
  /** One place in the queue of ending sessions, valid while its session's last search is {@code at}. */
  private record Place(CustomerId customer, Session session, Instant at) {}

  /**
   * Open sessions by when they end; a session searched again takes a new place at the back and
   * its old one goes stale.
   */
  private final ArrayDeque<Place> byEnd = new ArrayDeque<>();
  private long sessions;
  private long deflected;
  private long searches;
  /** Read without the lock on every intake: most desks have no open session most of the time. */
  private volatile int openCount;

  SelfService(Duration window) {
    this.window = window;
  }

  /** A customer searched the public articles. */
  synchronized void searched(CustomerId customer, Instant at) {
    searches++;
    Session session = open.get(customer);
    if (session == null) {
      session = new Session(at);
      open.put(customer, session);
      openCount = open.size();
    } else if (at.isAfter(session.lastSearch)) {
      session.lastSearch = at;
    }
    byEnd.addLast(new Place(customer, session, session.lastSearch));
  }

  /** A customer opened a ticket: their open session, if any, was not deflected. */
  void ticketOpened(CustomerId customer, Instant at) {
    if (openCount == 0) {
      return;
    }
    synchronized (this) {
      Session session = open.get(customer);
      if (session != null && !at.isAfter(session.lastSearch.plus(window))) {
        open.remove(customer);
        openCount = open.size();
        sessions++;
      }
    }
  }

  /** Ends the sessions whose window has passed by {@code now}; returns how many were deflected. */
  synchronized int advanceTo(Instant now) {
    int ended = 0;
    while (!byEnd.isEmpty()) {
      Place place = byEnd.peekFirst();
      Session session = place.session();
      if (open.get(place.customer()) != session || !session.lastSearch.equals(place.at())) {
        byEnd.pollFirst(); // ended by a ticket, or searched again: a later place stands for it
        continue;
      }
      if (now.isBefore(session.lastSearch.plus(window))) {
        break;
      }
      byEnd.pollFirst();
      open.remove(place.customer());
      openCount = open.size();
      sessions++;
      deflected++;
      ended++;
      deflectedAt.add(session.lastSearch.plus(window));
    }
    return ended;
  }

  /** How many deflected sessions ended in {@code [from, to)}. */
  synchronized long deflectedBetween(Instant from, Instant to) {
    long count = 0;
    for (Instant at : deflectedAt) {
      if (!at.isBefore(from) && at.isBefore(to)) {
        count++;
      }
    }
    return count;
  }

  /** The counts so far. */
  synchronized Deflection counts() {
    return new Deflection(searches, sessions, deflected);
  }
}
