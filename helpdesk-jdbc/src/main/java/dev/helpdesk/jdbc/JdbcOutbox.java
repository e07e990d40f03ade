package dev.helpdesk.jdbc;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox of a {@link JdbcTicketStore}: the table {@code helpdesk_outbox}, shared by every node.
 *
 * <p>A claim is one statement that picks the oldest due entries with {@code FOR UPDATE SKIP LOCKED}
 * and moves their next attempt to the end of the lease: concurrent claimers on any node skip each
 * other's rows instead of waiting for them, and none gets an entry another holds a lease on. Every
 * mark is one conditional update, so a delivered entry stays delivered whatever a late retry says.
 * Delivered entries are kept until {@link JdbcTicketStore#forgetDelivered} removes them.
 */
final class JdbcOutbox implements NotificationOutbox {
  private static final String ENTRY = "notification_id, ticket_id, kind, recipient_kind, recipient_id, recipient_name,"
      + " recipient_address, locale, subject, body, created, state, attempts, next_attempt_at, last_error";

  // One statement: rows locked by another claimer are skipped, and the lease is set on the rest.
  private static final String CLAIM_DUE = "WITH due AS ("
      + " SELECT notification_id, next_attempt_at AS due_at, state_order FROM helpdesk_outbox"
      + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, state_order LIMIT ?"
      + " FOR UPDATE SKIP LOCKED)"
      + " UPDATE helpdesk_outbox o SET next_attempt_at = ? FROM due WHERE o.notification_id = due.notification_id"
      + " RETURNING o.notification_id, o.ticket_id, o.kind, o.recipient_kind, o.recipient_id, o.recipient_name,"
      + " o.recipient_address, o.locale, o.subject, o.body, o.created, o.state, o.attempts, o.next_attempt_at,"
      + " o.last_error, due.due_at, due.state_order";

  private static final String CLAIM = "UPDATE helpdesk_outbox SET next_attempt_at = ?"
      + " WHERE notification_id = ? AND state = 'PENDING' AND next_attempt_at <= ? RETURNING " + ENTRY;

  /**
   * The part of a write that queues a change's notifications: a common table expression {@code
   * queued} that inserts one pending entry per element of its ten array parameters, for the ticket
   * the expression {@code ticket} returns, and nothing when that returns no row. An id already in
   * the outbox breaks its primary key, which fails the whole write.
   */
  static final String QUEUE = "queued AS (INSERT INTO helpdesk_outbox (notification_id, ticket_id, kind,"
      + " recipient_kind, recipient_id, recipient_name, recipient_address, locale, subject, body, created, state,"
      + " next_attempt_at) SELECT n.id, t.id, n.kind, n.recipient_kind, n.recipient_id, n.recipient_name,"
      + " n.recipient_address, n.locale, n.subject, n.body, n.created, 'PENDING', n.created FROM ticket t,"
      + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
      + " ?::timestamptz[]) WITH ORDINALITY AS n(id, kind, recipient_kind, recipient_id, recipient_name,"
      + " recipient_address, locale, subject, body, created, position)"
      + " ORDER BY n.position RETURNING notification_id)";

  private final Database database;

  JdbcOutbox(Database database) {
    this.database = database;
  }

  /** Binds the arrays of {@link #QUEUE} from {@code first} on; returns the next parameter's index. */
  static int bindQueue(Connection connection, PreparedStatement s, int first, List<Notification> notifications)
      throws SQLException {
    int n = notifications.size();
    List<List<String>> columns = new ArrayList<>(10);
    for (int c = 0; c < 10; c++) {
      columns.add(new ArrayList<>(n));
    }
    for (Notification x : notifications) {
      columns.get(0).add(x.id().value());
      columns.get(1).add(x.kind().name());
      columns.get(2).add(x.recipient().kind().name());
      columns.get(3).add(x.recipient().id());
      columns.get(4).add(x.recipient().name());
      columns.get(5).add(x.recipient().address());
      columns.get(6).add(x.locale().toLanguageTag());
      columns.get(7).add(x.subject());
      columns.get(8).add(x.body());
      columns.get(9).add(Database.micros(x.created()).toString());
    }
    int i = first;
    for (List<String> column : columns) {
      s.setArray(i++, Database.texts(connection, column));
    }
    return i;
  }

  /** What is wrong with notifications whose ids are in the outbox already, or twice in the list. */
  static List<Violation> alreadyQueued(Connection connection, List<Notification> notifications)
      throws SQLException {
    Set<String> taken = new HashSet<>();
    if (!notifications.isEmpty()) {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT notification_id FROM helpdesk_outbox WHERE notification_id = ANY(?)")) {
        find.setArray(1, Database.texts(connection, notifications.stream().map(n -> n.id().value()).toList()));
        try (ResultSet rows = find.executeQuery()) {
          while (rows.next()) {
            taken.add(rows.getString(1));
          }
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < notifications.size(); i++) {
      String id = notifications.get(i).id().value();
      if (taken.contains(id) || !seen.add(id)) {
        violations.add(new Violation("notifications[" + i + "].id", "is already in the outbox: " + id));
      }
    }
    return violations;
  }

  @Override
  public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
    if (limit < 1 || lease.isNegative()) {
      throw new ValidationException("claimDue", List.of(new Violation(limit < 1 ? "limit" : "lease",
          limit < 1 ? "must be at least 1, was " + limit : "must not be negative, was " + lease)));
    }
    return database.writeOneStatement("claim due notifications", connection -> {
      record Claimed(OutboxEntry entry, Instant due, long order) {}
      List<Claimed> claimed = new ArrayList<>();
      try (PreparedStatement claim = connection.prepareStatement(CLAIM_DUE)) {
        Database.setInstant(claim, 1, now);
        claim.setInt(2, limit);
        Database.setInstant(claim, 3, now.plus(lease));
        try (ResultSet rows = claim.executeQuery()) {
          while (rows.next()) {
            claimed.add(new Claimed(entry(rows), Database.instant(rows, "due_at"), rows.getLong("state_order")));
          }
        }
      }
      // RETURNING keeps no order: oldest due first, as the contract says.
      claimed.sort(Comparator.comparing(Claimed::due).thenComparingLong(Claimed::order));
      return claimed.stream().map(Claimed::entry).toList();
    });
  }

  @Override
  public Optional<OutboxEntry> claim(NotificationId id, Instant now, Duration lease) {
    return database.writeOneStatement("claim notification " + id, connection -> {
      try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
        Database.setInstant(claim, 1, now.plus(lease));
        claim.setString(2, id.value());
        Database.setInstant(claim, 3, now);
        try (ResultSet rows = claim.executeQuery()) {
          return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void markDelivered(NotificationId id, Instant at) {
    mark(id, "UPDATE helpdesk_outbox SET state = 'DELIVERED', next_attempt_at = ?,"
        + " state_order = nextval('helpdesk_outbox_order') WHERE notification_id = ? AND state <> 'DELIVERED'",
        at, null, "record the delivery of notification " + id);
  }

  @Override
  public void markRetry(NotificationId id, String error, Instant nextAttemptAt) {
    mark(id, "UPDATE helpdesk_outbox SET state = 'PENDING', next_attempt_at = ?, last_error = ?,"
        + " attempts = attempts + 1, state_order = nextval('helpdesk_outbox_order')"
        + " WHERE notification_id = ? AND state <> 'DELIVERED'",
        nextAttemptAt, String.valueOf(error), "schedule a retry of notification " + id);
  }

  @Override
  public void markFailed(NotificationId id, String error, Instant at) {
    mark(id, "UPDATE helpdesk_outbox SET state = 'FAILED', next_attempt_at = ?, last_error = ?,"
        + " attempts = attempts + 1, state_order = nextval('helpdesk_outbox_order')"
        + " WHERE notification_id = ? AND state <> 'DELIVERED'",
        at, String.valueOf(error), "record the failure of notification " + id);
  }

  /** Runs a conditional update; an entry it does not touch must at least exist (delivered is final). */
  private void mark(NotificationId id, String sql, Instant at, String error, String what) {
    boolean known = database.writeOneStatement(what, connection -> {
      try (PreparedStatement update = connection.prepareStatement(sql)) {
        int i = 1;
        Database.setInstant(update, i++, at);
        if (error != null) {
          update.setString(i++, error);
        }
        update.setString(i, id.value());
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement exists = connection.prepareStatement(
          "SELECT 1 FROM helpdesk_outbox WHERE notification_id = ?")) {
        exists.setString(1, id.value());
        try (ResultSet rows = exists.executeQuery()) {
          return rows.next();
        }
      }
    });
    if (!known) {
      throw new NotFoundException("notification", id);
    }
  }

  @Override
  public Optional<OutboxEntry> find(NotificationId id) {
    return database.read("find notification " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT " + ENTRY + " FROM helpdesk_outbox WHERE notification_id = ?")) {
        find.setString(1, id.value());
        try (ResultSet rows = find.executeQuery()) {
          return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<OutboxEntry> list(DeliveryState state, int limit) {
    if (limit < 1) {
      return List.of();
    }
    return database.read("list " + state + " notifications", connection -> {
      try (PreparedStatement list = connection.prepareStatement(
          "SELECT " + ENTRY + " FROM helpdesk_outbox WHERE state = ? ORDER BY state_order LIMIT ?")) {
        list.setString(1, state.name());
        list.setInt(2, limit);
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            entries.add(entry(rows));
          }
        }
        return entries;
      }
    });
  }

  /** Removes delivered entries that reached that state before an instant; returns how many. */
  int forgetDelivered(Instant before) {
    return database.writeOneStatement("forget notifications delivered before " + before, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM helpdesk_outbox WHERE state = 'DELIVERED' AND next_attempt_at < ?")) {
        Database.setInstant(delete, 1, before);
        return delete.executeUpdate();
      }
    });
  }

  private static OutboxEntry entry(ResultSet row) throws SQLException {
    Notification notification = new Notification(
        NotificationId.of(row.getString("notification_id")),
        TicketId.of(row.getString("ticket_id")),
        NotificationKind.valueOf(row.getString("kind")),
        new Recipient(Recipient.Kind.valueOf(row.getString("recipient_kind")), row.getString("recipient_id"),
            row.getString("recipient_name"), row.getString("recipient_address")),
        Locale.forLanguageTag(row.getString("locale")),
        row.getString("subject"),
        row.getString("body"),
        Database.instant(row, "created"));
    return new OutboxEntry(notification, DeliveryState.valueOf(row.getString("state")), row.getInt("attempts"),
        Database.instant(row, "next_attempt_at"), row.getString("last_error"));
  }
}
