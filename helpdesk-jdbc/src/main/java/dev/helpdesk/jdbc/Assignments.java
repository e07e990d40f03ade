package dev.helpdesk.jdbc;

import dev.helpdesk.model.Capacity;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the desk's own assignments (routing decisions) within what the database holds, whichever
 * node made them: each desk's router counts only the assignments it made itself, so two nodes may
 * both see room for a technician who has room for one more ticket, or both route a ticket only one
 * of them may give away.
 *
 * <p>Before such an assignment is stored, the technician's row is locked (by an update that changes
 * nothing, so that a transaction running at a stricter isolation than READ COMMITTED fails to
 * serialize and runs again rather than counting from an old snapshot). Under that lock, the ticket
 * must not be held by someone else, and the tickets the technician holds, counted across every node,
 * must leave room for its channel, by the router's measure: a ticket takes {@code 1 / limit} of a
 * technician whose capacity allows {@code limit} contacts of its channel at once.
 */
final class Assignments {
  /** The statuses in which a ticket with an assignee takes their capacity, as the router counts. */
  static final Set<TicketStatus> HOLDING =
      Set.copyOf(EnumSet.of(TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS, TicketStatus.REOPENED));

  /** A technician's whole capacity in units; the router's own unit, so both round alike. */
  private static final int UNITS = 1 << 20;

  private static final String LOCK_TECHNICIAN =
      "UPDATE helpdesk_technicians SET version = version WHERE id = ? RETURNING capacity";
  private static final String HOLDER = "SELECT assignee FROM helpdesk_tickets WHERE id = ? FOR UPDATE";
  private static final String HELD = "SELECT channel, count(*) FROM helpdesk_tickets WHERE assignee = ? AND is_open"
      + " AND status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED') AND id <> ? GROUP BY channel";

  private Assignments() {}

  /**
   * Refuses, in the transaction about to store it, the desk's assignment of {@code ticket} to {@code
   * technician} if someone else holds the ticket or the technician has no room for it. A technician
   * the database does not know is not checked.
   *
   * @throws ValidationException naming what stands in the way; the caller's transaction rolls back
   */
  static void checkRoom(Connection connection, Ticket ticket, TechnicianId technician) throws SQLException {
    Capacity capacity;
    try (PreparedStatement lock = connection.prepareStatement(LOCK_TECHNICIAN)) {
      lock.setString(1, technician.value());
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return;
        }
        Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
        Json.object(row.getString(1)).forEach((channel, limit) ->
            limits.put(Channel.valueOf(channel), ((Long) limit).intValue()));
        capacity = new Capacity(limits);
      }
    }
    try (PreparedStatement holder = connection.prepareStatement(HOLDER)) {
      holder.setString(1, ticket.id().value());
      try (ResultSet row = holder.executeQuery()) {
        String current = row.next() ? row.getString(1) : null;
        if (current != null && !current.equals(technician.value())) {
          throw refused(ticket, "is already with " + current + "; it cannot go to " + technician);
        }
      }
    }
    long used = 0;
    try (PreparedStatement held = connection.prepareStatement(HELD)) {
      held.setString(1, technician.value());
      held.setString(2, ticket.id().value());
      try (ResultSet rows = held.executeQuery()) {
        while (rows.next()) {
          used += rows.getLong(2) * weight(capacity, Channel.valueOf(rows.getString(1)));
        }
      }
    }
    if (used + weight(capacity, ticket.channel()) > UNITS) {
      throw refused(ticket, "cannot go to " + technician + ", who has no room for another "
          + ticket.channel() + " contact: the tickets they hold, assigned on any node, take " + (used * 100 / UNITS)
          + "% of their capacity");
    }
  }

  private static long weight(Capacity capacity, Channel channel) {
    int limit = capacity.limit(channel);
    return limit == 0 ? UNITS + 1L : UNITS / limit;
  }

  private static ValidationException refused(Ticket ticket, String why) {
    return new ValidationException("TicketUpdate", List.of(new Violation("ticket.assignee",
        "ticket " + ticket.id() + " " + why)));
  }
}
