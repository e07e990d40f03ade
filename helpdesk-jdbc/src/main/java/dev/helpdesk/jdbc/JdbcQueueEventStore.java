package dev.helpdesk.jdbc;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.spi.store.QueueEventStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The {@link QueueEventStore} on PostgreSQL (D-21): one row per contact and kind of event, so an
 * adapter that reports an event again after a crash, from any node, records it once (a unique
 * constraint, not a check before the insert). Instants and waits are kept to the microsecond.
 *
 * <p>Thread-safe; holds no state but the data source.
 */
public final class JdbcQueueEventStore implements QueueEventStore {
  private final Database database;

  /**
   * Creates the store on the host's data source, whose schema {@link HelpDeskSchema#migrate} has
   * brought up to date.
   *
   * @param dataSource connections to the database
   */
  public JdbcQueueEventStore(DataSource dataSource) {
    this.database = new Database(dataSource);
  }

  @Override
  public boolean record(QueueEvent event) {
    Objects.requireNonNull(event, "event");
    return database.writeOneStatement("record queue event " + event.kind() + " of " + event.contact(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk_queue_events"
          + " (channel, external_id, kind, at, waited_us) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT ON CONSTRAINT helpdesk_queue_events_once DO NOTHING")) {
        insert.setString(1, event.contact().channel().name());
        insert.setString(2, event.contact().externalId());
        insert.setString(3, event.kind().name());
        Database.setInstant(insert, 4, event.at());
        insert.setLong(5, event.waited().truncatedTo(ChronoUnit.MICROS).toNanos() / 1_000);
        return insert.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the period's events in one query, in the order they happened (and were recorded, for
   * equal instants).
   */
  @Override
  public Stream<QueueEvent> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<QueueEvent> events = database.read("read queue events", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT channel, external_id, kind, at, waited_us"
          + " FROM helpdesk_queue_events WHERE at >= ? AND at < ? ORDER BY at, seq")) {
        Database.setInstant(select, 1, from);
        Database.setInstant(select, 2, to);
        List<QueueEvent> read = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            read.add(new QueueEvent(
                new ContactReference(Channel.valueOf(row.getString("channel")), row.getString("external_id")),
                QueueEvent.Kind.valueOf(row.getString("kind")), Database.instant(row, "at"),
                Duration.ofNanos(row.getLong("waited_us") * 1_000)));
          }
        }
        return read;
      }
    });
    return events.stream();
  }
}
