package dev.helpdesk.core.sla;

import dev.helpdesk.model.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When each ticket next has service-level work due (issue 6), earliest first, so the desk's "advance
 * to now" looks only at the tickets whose time has come instead of recomputing every open ticket's
 * clocks. One entry per ticket; thread-safe.
 *
 * <p>Each entry carries the version of the ticket it was computed from, and an entry from an older
 * version never replaces one from a newer: two saves that finish in either order leave the newer
 * one's instant.
 */
public final class SlaAgenda {
  private record Entry(Instant at, TicketId ticket, long version) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::at).thenComparing(e -> e.ticket().value());

  private final TreeSet<Entry> byTime = new TreeSet<>(ORDER);
  private final Map<TicketId, Entry> byTicket = new HashMap<>();

  /**
   * Puts a ticket on the agenda, or takes it off.
   *
   * @param ticket the ticket
   * @param version the version of the ticket the instant was worked out from
   * @param at when its next warning or breach falls due; empty to take it off
   */
  public synchronized void schedule(TicketId ticket, long version, Optional<Instant> at) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(at, "at");
    Entry current = byTicket.get(ticket);
    if (current != null) {
      if (current.version() > version) {
        return;
      }
      byTime.remove(current);
      byTicket.remove(ticket);
    }
    if (at.isPresent()) {
      Entry entry = new Entry(at.get(), ticket, version);
      byTime.add(entry);
      byTicket.put(ticket, entry);
    }
  }

  /**
   * Takes off the agenda every ticket due by an instant.
   *
   * @param now the instant
   * @return the tickets whose work falls due by {@code now}, earliest first
   */
  public synchronized List<TicketId> takeDue(Instant now) {
    List<TicketId> due = new ArrayList<>();
    while (!byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
      Entry entry = byTime.pollFirst();
      byTicket.remove(entry.ticket());
      due.add(entry.ticket());
    }
    return due;
  }

  /**
   * Returns when a ticket is due.
   *
   * @param ticket the ticket
   * @return its instant, or empty when it is not on the agenda
   */
  public synchronized Optional<Instant> dueAt(TicketId ticket) {
    return Optional.ofNullable(byTicket.get(ticket)).map(Entry::at);
  }

  /** @return how many tickets are on the agenda */
  public synchronized int size() {
    return byTicket.size();
  }
}
