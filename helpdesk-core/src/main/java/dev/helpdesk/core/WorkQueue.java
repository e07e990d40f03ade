package dev.helpdesk.core;

import dev.helpdesk.model.Ticket;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A page of open tickets to work on, oldest first, each with its age (D-15): what staff review
 * every day.
 *
 * @param at when the ages were measured
 * @param entries the tickets and their ages
 * @param next the query for the next page, if there is one
 */
public record WorkQueue(Instant at, List<Entry> entries, Optional<TicketQuery> next) {
  // Copies the list.
  public WorkQueue {
    entries = List.copyOf(entries);
  }

  /**
   * One ticket in the queue.
   *
   * @param ticket the ticket
   * @param age how long since it was entered
   */
  public record Entry(Ticket ticket, Duration age) {}

  /**
   * Returns just the tickets.
   *
   * @return the tickets in queue order
   */
  public List<Ticket> tickets() {
    return entries.stream().map(Entry::ticket).toList();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Entry e : entries) {
      Ticket t = e.ticket();
      out.append(String.format("%-8s %-12s %-8s L%d %-9s %s%n", t.id(), t.status(), t.priority(), t.tier().level(),
          formatAge(e.age()), t.subject()));
    }
    return out.toString();
  }

  private static String formatAge(Duration age) {
    long hours = age.toHours();
    return hours >= 48 ? age.toDays() + "d" : hours >= 1 ? hours + "h" + age.toMinutesPart() + "m" : age.toMinutes() + "m";
  }
}
