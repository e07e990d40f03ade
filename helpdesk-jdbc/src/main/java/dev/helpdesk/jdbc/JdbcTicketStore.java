package dev.helpdesk.jdbc;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A {@link TicketStore} on PostgreSQL 14 or newer, through the host's {@link DataSource}. Several
 * nodes, each with its own store and desk, may share one database: the database alone keeps them
 * consistent.
 *
 * <p>How it keeps the port's contract:
 *
 * <ul>
 *   <li>{@link #create} and {@link #save} are one transaction each, and one SQL statement: the
 *       ticket's row, its new events and its notifications (through data-modifying common table
 *       expressions) are committed together or not at all, in two round trips with the commit.
 *   <li>A save is a compare-and-set: {@code UPDATE ... WHERE id = ? AND version = ?}. Of two
 *       concurrent saves from one version, on any nodes, one wins and the other changes nothing and
 *       throws {@link VersionConflictException}.
 *   <li>History is append-only: events are inserted at the next positions and a trigger refuses any
 *       change to a stored event, or its removal but with its ticket.
 *   <li>One ticket per inbound contact is a unique constraint on the contact's channel and
 *       external id, not a check before the insert: concurrent deliveries of one contact to
 *       several nodes open one ticket, and the others get {@link DuplicateContactException}.
 *   <li>The desk's own assignments (routing decisions, which the desk records as an {@code
 *       Assigned} event by the system actor) are checked against the database under a lock on the
 *       technician's row: refused with a {@link ValidationException}, nothing written, if someone
 *       else holds the ticket or the tickets the technician holds on every node leave no room for
 *       its channel. Each desk's router counts only its own node's assignments; this keeps nodes
 *       sharing a database from overloading a technician or taking a ticket from one. Assignments
 *       by people are stored as given, beyond capacity if they say so, as the router allows.
 *   <li>Ticket ids come from a database sequence ({@code HD-1}, {@code HD-2}, …), unique across
 *       nodes.
 *   <li>A lost connection or any other failure of the database throws {@link
 *       StoreFailureException} and, the transaction being rolled back, leaves nothing half-written.
 *       If the connection fails during the commit itself, the exception says that the change may or
 *       may not be stored.
 * </ul>
 *
 * <p>Instants are kept to the microsecond, as PostgreSQL's {@code timestamptz} keeps them: a ticket
 * read back carries its instants truncated to the microsecond. The schema must be in place first:
 * see {@link HelpDeskSchema}. Delivered notifications stay in the outbox until {@link
 * #forgetDelivered} removes them.
 *
 * <p>Thread-safe: every call takes a connection from the data source and gives it back.
 */
public final class JdbcTicketStore implements TicketStore {
  // One statement writes a change: the ticket's row, then its events and notifications after it.
  private static final String AFTER_TICKET = ", " + EventRows.APPEND + ", " + JdbcOutbox.QUEUE
      + " SELECT count(*) FROM ticket";

  private static final String INSERT = "WITH ticket AS (INSERT INTO helpdesk_tickets (id, version, "
      + String.join(", ", TicketRows.STATE) + ", history_length) VALUES (?, 1, "
      + TicketRows.STATE.stream().map(TicketRows::placeholder).collect(Collectors.joining(", "))
      + ", ?) ON CONFLICT DO NOTHING RETURNING id, 0 AS first_position)" + AFTER_TICKET;

  private static final String UPDATE = "WITH ticket AS (UPDATE helpdesk_tickets SET version = version + 1, "
      + TicketRows.STATE.stream().map(c -> c + " = " + TicketRows.placeholder(c)).collect(Collectors.joining(", "))
      + ", history_length = history_length + ? WHERE id = ? AND version = ?"
      + " RETURNING id, history_length - ? AS first_position)" + AFTER_TICKET;

  private static final String SELECT = "SELECT " + TicketRows.COLUMNS + " FROM helpdesk_tickets";

  private static final Set<TicketStatus> ALL = TicketQuery.all().statuses();
  private static final Set<TicketStatus> OPEN = TicketQuery.open().statuses();

  private final Database database;
  private final String idPrefix;
  private final JdbcOutbox outbox;

  /**
   * Creates a store whose ticket ids read {@code HD-1}, {@code HD-2}, ….
   *
   * @param dataSource where the connections come from; the schema of {@link HelpDeskSchema} must be
   *     in place there
   */
  public JdbcTicketStore(DataSource dataSource) {
    this(dataSource, "HD-");
  }

  /**
   * Creates a store with its own ticket id prefix. Nodes sharing a database should share the prefix
   * too: the number after it is unique across them anyway.
   *
   * @param dataSource where the connections come from
   * @param idPrefix the text before the ticket number, such as {@code "HD-"}
   * @throws ValidationException if the prefix would not make valid ticket ids
   */
  public JdbcTicketStore(DataSource dataSource, String idPrefix) {
    this.database = new Database(dataSource);
    this.idPrefix = TicketId.of(idPrefix + "0").value().substring(0, idPrefix.length());
    this.outbox = new JdbcOutbox(database);
  }

  @Override
  public TicketId nextId() {
    long number = database.read("draw a ticket number", connection -> {
      try (PreparedStatement next = connection.prepareStatement("SELECT nextval('helpdesk_ticket_number')");
          ResultSet row = next.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
    return TicketId.of(idPrefix + number);
  }

  @Override
  public Ticket create(TicketUpdate update) {
    Ticket ticket = update.ticket();
    if (ticket.version() != 0) {
      throw new ValidationException("TicketUpdate",
          List.of(new Violation("ticket.version", "must be 0 to create a ticket, was " + ticket.version())));
    }
    String what = "create ticket " + ticket.id();
    while (true) {
      Optional<RuntimeException> refused = database.write(what, connection -> {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          insert.setString(1, ticket.id().value());
          int next = TicketRows.bindState(insert, 2, ticket);
          insert.setInt(next++, update.events().size());
          next = EventRows.bindAppend(connection, insert, next, update.events());
          JdbcOutbox.bindQueue(connection, insert, next, update.notifications());
          if (written(insert) == 0) {
            // ON CONFLICT DO NOTHING waited for any concurrent insert of the same id or contact.
            return Optional.of(whyNotInserted(connection, ticket));
          }
        }
        return Optional.empty();
      }, () -> duplicate(update, what));
      if (refused.isEmpty()) {
        return ticket.withVersion(1);
      }
      if (!(refused.get() instanceof Retry)) {
        throw refused.get();
      }
    }
  }

  /** Runs a write and returns how many ticket rows it wrote, 0 or 1. */
  private static long written(PreparedStatement write) throws SQLException {
    try (ResultSet row = write.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The conflict an insert that did nothing met; {@link Retry} if the other row is gone again. */
  private RuntimeException whyNotInserted(Connection connection, Ticket ticket) throws SQLException {
    Optional<Long> version = version(connection, ticket.id());
    if (version.isPresent()) {
      return new VersionConflictException("ticket", ticket.id(), 0, version.get());
    }
    if (ticket.source().isPresent()) {
      Optional<TicketId> owner = owner(connection, ticket.source().get());
      if (owner.isPresent()) {
        return new DuplicateContactException(ticket.source().get(), owner.get());
      }
    }
    return new Retry();
  }

  /** The row that blocked an insert was deleted before it could be named: try again. */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry() {
      super(null, null, false, false);
    }
  }

  @Override
  public Ticket save(TicketUpdate update) {
    Ticket ticket = update.ticket();
    String what = "save ticket " + ticket.id();
    Optional<TechnicianId> routed = routedAssignee(update);
    return database.write(what, connection -> {
      if (routed.isPresent()) {
        Assignments.checkRoom(connection, ticket, routed.get());
      }
      try (PreparedStatement save = connection.prepareStatement(UPDATE)) {
        int next = TicketRows.bindState(save, 1, ticket);
        save.setInt(next++, update.events().size());
        save.setString(next++, ticket.id().value());
        save.setLong(next++, ticket.version());
        save.setInt(next++, update.events().size());
        next = EventRows.bindAppend(connection, save, next, update.events());
        JdbcOutbox.bindQueue(connection, save, next, update.notifications());
        if (written(save) == 0) {
          Optional<Long> stored = version(connection, ticket.id());
          if (stored.isEmpty()) {
            throw new NotFoundException("ticket", ticket.id());
          }
          throw new VersionConflictException("ticket", ticket.id(), ticket.version(), stored.get());
        }
      }
      return ticket.withVersion(ticket.version() + 1);
    }, () -> duplicate(update, what));
  }

  /**
   * The technician a save gives the ticket to on the desk's own account (a routing decision,
   * recorded as an assignment by the system), if it does and the ticket then counts against them.
   */
  private static Optional<TechnicianId> routedAssignee(TicketUpdate update) {
    Ticket ticket = update.ticket();
    if (ticket.assignee().isEmpty() || !Assignments.HOLDING.contains(ticket.status())) {
      return Optional.empty();
    }
    for (TicketEvent event : update.events()) {
      if (event.actor().role() == Actor.Role.SYSTEM && event.change() instanceof TicketEvent.Assigned assigned
          && assigned.technician().equals(ticket.assignee().get())) {
        return Optional.of(assigned.technician());
      }
    }
    return Optional.empty();
  }

  /**
   * What a write that broke a unique constraint means, read after its rollback: a notification id
   * already in the outbox, or a contact that opened another ticket.
   */
  private RuntimeException duplicate(TicketUpdate update, String what) {
    List<Violation> queued = database.read("look for notifications queued already",
        connection -> JdbcOutbox.alreadyQueued(connection, update.notifications()));
    if (!queued.isEmpty()) {
      return new ValidationException("TicketUpdate", queued);
    }
    Ticket ticket = update.ticket();
    Optional<TicketId> owner = ticket.source().flatMap(this::ownerOf);
    if (owner.isPresent() && !owner.get().equals(ticket.id())) {
      return new DuplicateContactException(ticket.source().get(), owner.get());
    }
    return new StoreFailureException("Could not " + what + ": a unique constraint refused it, nothing was stored",
        null);
  }

  private Optional<TicketId> ownerOf(ContactReference source) {
    return database.read("find the ticket of contact " + source, connection -> owner(connection, source));
  }

  private static Optional<TicketId> owner(Connection connection, ContactReference source) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(
        "SELECT id FROM helpdesk_tickets WHERE source_channel = ? AND source_external_id = ?")) {
      find.setString(1, source.channel().name());
      find.setString(2, source.externalId());
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(TicketId.of(row.getString(1))) : Optional.empty();
      }
    }
  }

  private static Optional<Long> version(Connection connection, TicketId id) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement("SELECT version FROM helpdesk_tickets WHERE id = ?")) {
      find.setString(1, id.value());
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return database.read("read ticket " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(SELECT + " WHERE id = ?")) {
        find.setString(1, id.value());
        try (ResultSet row = find.executeQuery()) {
          return row.next() ? Optional.of(TicketRows.read(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<Ticket> findBySource(ContactReference source) {
    return database.read("find the ticket of contact " + source, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          SELECT + " WHERE source_channel = ? AND source_external_id = ?")) {
        find.setString(1, source.channel().name());
        find.setString(2, source.externalId());
        try (ResultSet row = find.executeQuery()) {
          return row.next() ? Optional.of(TicketRows.read(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    return database.read("read the history of ticket " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT " + EventRows.COLUMNS + " FROM helpdesk_ticket_events WHERE ticket_id = ? ORDER BY position")) {
        find.setString(1, id.value());
        List<TicketEvent> events = new ArrayList<>();
        try (ResultSet rows = find.executeQuery()) {
          while (rows.next()) {
            events.add(EventRows.read(rows));
          }
        }
        return List.copyOf(events);
      }
    });
  }

  @Override
  public TicketPage query(TicketQuery query) {
    return database.read("query " + query, connection -> {
      try (PreparedStatement find = page(connection, query, "")) {
        List<Ticket> matches = new ArrayList<>(Math.min(query.limit() + 1, 1024));
        try (ResultSet rows = find.executeQuery()) {
          while (rows.next()) {
            matches.add(TicketRows.read(rows));
          }
        }
        return TicketPage.of(query, matches);
      }
    });
  }

  /**
   * Prepares the statement that reads one page of a query, one row more than the page holds; {@code
   * prefix} goes before it ({@code EXPLAIN} shows how PostgreSQL reads a work queue).
   */
  static PreparedStatement page(Connection connection, TicketQuery query, String prefix) throws SQLException {
    Filter filter = Filter.of(query);
    PreparedStatement find =
        connection.prepareStatement(prefix + SELECT + filter.where + " ORDER BY entered, id LIMIT ?");
    try {
      int next = filter.bind(connection, find);
      find.setInt(next, query.limit() + 1);
      return find;
    } catch (SQLException | RuntimeException e) {
      find.close();
      throw e;
    }
  }

  @Override
  public long count(TicketQuery query) {
    return database.read("count " + query, connection -> {
      Filter filter = Filter.of(query);
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT count(*) FROM helpdesk_tickets" + filter.where)) {
        filter.bind(connection, count);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  /**
   * A query's filters as SQL. The literal {@code is_open} lets the planner use the partial indexes
   * of the work queues.
   */
  private record Filter(String where, List<Object> values) {
    static Filter of(TicketQuery query) {
      List<String> clauses = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      Set<TicketStatus> statuses = query.statuses();
      if (statuses.size() == 1) {
        // One status says whether the ticket is open, and reads its own index in order.
        clauses.add("status = ?");
        values.add(statuses.iterator().next().name());
      } else if (!statuses.equals(ALL)) {
        boolean allOpen = statuses.stream().allMatch(TicketStatus::isOpen);
        boolean noneOpen = statuses.stream().noneMatch(TicketStatus::isOpen);
        if (allOpen) {
          clauses.add("is_open");
        } else if (noneOpen) {
          clauses.add("NOT is_open");
        }
        if (!statuses.equals(OPEN) && !(noneOpen && statuses.size() == ALL.size() - OPEN.size())) {
          clauses.add("status = ANY(?)");
          values.add(statuses.stream().map(TicketStatus::name).sorted().toList());
        }
      }
      query.tier().ifPresent(tier -> {
        clauses.add("tier_level = ?");
        values.add(tier.level());
      });
      query.assignee().ifPresent(assignee -> {
        clauses.add("assignee = ?");
        values.add(assignee.value());
      });
      query.department().ifPresent(department -> {
        clauses.add("department = ?");
        values.add(department.value());
      });
      query.customer().ifPresent(customer -> {
        clauses.add("customer_id = ?");
        values.add(customer.value());
      });
      if (query.afterId().isPresent()) {
        clauses.add("(entered, id) > (?, ?)");
        values.add(query.afterEntered().orElseThrow());
        values.add(query.afterId().get().value());
      }
      return new Filter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), values);
    }

    /** Binds the values; returns the next parameter's index. */
    int bind(Connection connection, PreparedStatement statement) throws SQLException {
      int i = 1;
      for (Object value : values) {
        if (value instanceof List<?> list) {
          statement.setArray(i++, Database.texts(connection, list.stream().map(String::valueOf).toList()));
        } else if (value instanceof Instant instant) {
          Database.setInstant(statement, i++, instant);
        } else if (value instanceof Integer number) {
          statement.setInt(i++, number);
        } else {
          statement.setString(i++, (String) value);
        }
      }
      return i;
    }
  }

  @Override
  public Stream<Ticket> stream() {
    return database.stream("stream the tickets", SELECT, statement -> { }, TicketRows::read);
  }

  @Override
  public Stream<TicketEvent> events() {
    return database.stream("stream the ticket events",
        "SELECT " + EventRows.COLUMNS + " FROM helpdesk_ticket_events ORDER BY ticket_id, position",
        statement -> { }, EventRows::read);
  }

  @Override
  public boolean delete(TicketId id) {
    return database.writeOneStatement("delete ticket " + id, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM helpdesk_tickets WHERE id = ?")) {
        delete.setString(1, id.value());
        return delete.executeUpdate() == 1;
      }
    });
  }

  @Override
  public NotificationOutbox outbox() {
    return outbox;
  }

  /**
   * Removes the notifications that were delivered before an instant, to bound the outbox's size.
   * Pending and failed notifications are never removed.
   *
   * @param before the instant; entries delivered earlier are removed
   * @return how many were removed
   */
  public int forgetDelivered(Instant before) {
    return outbox.forgetDelivered(before);
  }

  @Override
  public String toString() {
    return "JdbcTicketStore{idPrefix=" + idPrefix + "}";
  }
}
