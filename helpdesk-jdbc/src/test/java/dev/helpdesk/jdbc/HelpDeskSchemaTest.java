package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The schema (point 1 of issue 8): versioned migrations that Flyway runs, the same SQL for hosts
 * with their own tooling, an append-only history, and indexes that serve the work queues oldest
 * first and analytics by period.
 */
class HelpDeskSchemaTest {
  private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");

  /** A new, empty schema on the shared server, and connections that work in it. */
  private static DataSource emptySchema(String name) {
    Postgres.execute(Postgres.server().getPostgresDatabase(), "CREATE SCHEMA " + name);
    return Postgres.dataSource(Postgres.server().getPort(), name);
  }

  @Test
  void migratingAnUpToDateSchemaAppliesNothing() {
    DataSource schema = emptySchema("twice");
    assertEquals(HelpDeskSchema.scripts().size(), HelpDeskSchema.migrate(schema));
    assertEquals(0, HelpDeskSchema.migrate(schema));
  }

  @Test
  void theTablesGoBesideTheHostsOwnTablesAndLeaveThemAlone() throws SQLException {
    DataSource schema = emptySchema("host_app");
    Postgres.execute(schema, "CREATE TABLE orders (id int PRIMARY KEY, item text)");
    Postgres.execute(schema, "INSERT INTO orders VALUES (1, 'toner')");

    assertEquals(HelpDeskSchema.scripts().size(), HelpDeskSchema.migrate(schema));

    assertEquals(List.of("1 toner"), rows(schema, "SELECT id || ' ' || item FROM orders"));
    assertTrue(rows(schema, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        .containsAll(List.of("orders", "helpdesk_tickets", "helpdesk_ticket_events", "helpdesk_outbox",
            "helpdesk_customers", "helpdesk_technicians", HelpDeskSchema.HISTORY_TABLE)));
  }

  @Test
  void theScriptsAppliedWithoutFlywayGiveTheSameSchema() throws SQLException, IOException {
    DataSource byFlyway = emptySchema("by_flyway");
    HelpDeskSchema.migrate(byFlyway);
    DataSource byHand = emptySchema("by_hand");
    for (String script : HelpDeskSchema.scripts()) {
      try (InputStream sql = HelpDeskSchema.class.getClassLoader().getResourceAsStream(script);
          Connection connection = byHand.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    String columns = "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '"
        + " || coalesce(collation_name, '') FROM information_schema.columns WHERE table_schema = current_schema()"
        + " AND table_name <> '" + HelpDeskSchema.HISTORY_TABLE + "' ORDER BY 1";
    String indexes = "SELECT replace(indexdef, current_schema() || '.', '') FROM pg_indexes"
        + " WHERE schemaname = current_schema() AND tablename <> '" + HelpDeskSchema.HISTORY_TABLE + "' ORDER BY 1";
    assertEquals(rows(byFlyway, columns), rows(byHand, columns));
    assertEquals(rows(byFlyway, indexes), rows(byHand, indexes));
    assertFalse(rows(byHand, columns).isEmpty());

    JdbcTicketStore store = new JdbcTicketStore(byHand);
    Ticket ticket = store.create(TicketUpdate.of(ticket(store.nextId().value(), MONDAY_9AM)));
    assertEquals(ticket, store.get(ticket.id()));
  }

  @Test
  void anEventCanNeitherChangeNorGoWithoutItsTicket() throws SQLException {
    DataSource schema = Postgres.freshSchema("history");
    JdbcTicketStore store = new JdbcTicketStore(schema);
    Ticket ticket = ticket(store.nextId().value(), MONDAY_9AM);
    store.create(TicketUpdate.of(ticket, new TicketEvent(ticket.id(), MONDAY_9AM, Actor.system(), TicketStatus.NEW,
        TicketStatus.NEW, Tier.FIRST_LINE, new TicketEvent.Opened(Channel.PHONE, ticket.supportMode()), Note.NONE)));

    SQLException rewritten = assertThrows(SQLException.class,
        () -> Postgres.executeOrThrow(schema, "UPDATE helpdesk_ticket_events SET note = 'nothing happened'"));
    assertTrue(rewritten.getMessage().contains("append-only"), rewritten.getMessage());
    assertThrows(SQLException.class, () -> Postgres.executeOrThrow(schema, "DELETE FROM helpdesk_ticket_events"));
    assertEquals(1, store.history(ticket.id()).size());

    assertTrue(store.delete(ticket.id()), "an erasure takes the ticket with its history");
    assertEquals(List.of("0"), rows(schema, "SELECT count(*) FROM helpdesk_ticket_events"));
  }

  /** A queue longer than its page is read from its index, oldest first, stopping after the page. */
  @Test
  void workQueuesAreReadFromTheirIndexesOldestFirstWithoutSorting() throws SQLException {
    DataSource schema = filled();
    JdbcTicketStore store = new JdbcTicketStore(schema);
    TicketQuery firstPage = TicketQuery.open().limit(50);
    Ticket oldest = store.query(TicketQuery.open().limit(1)).tickets().get(0);

    assertReadFrom(schema, "helpdesk_tickets_open_by_tier", TicketQuery.open().tier(Tier.EXPERTS).limit(50));
    assertReadFrom(schema, "helpdesk_tickets_open_by_assignee",
        TicketQuery.open().assignee(TechnicianId.of("tech-11")).limit(10));
    assertReadFrom(schema, "helpdesk_tickets_open_by_department",
        TicketQuery.open().department(DepartmentId.of("facilities")).limit(50));
    assertReadFrom(schema, "helpdesk_tickets_open", firstPage);
    assertReadFrom(schema, "helpdesk_tickets_open", firstPage.after(oldest));
    // A customer's few tickets: PostgreSQL may well fetch them all through the index and sort them.
    assertTrue(plan(schema, TicketQuery.all().customer(CustomerId.of("C-42"))).contains("helpdesk_tickets_by_customer"));
    assertReadFrom(schema, "helpdesk_tickets_by_status", TicketQuery.all().status(TicketStatus.RESOLVED));
  }

  @Test
  void analyticsByPeriodReadTheTimeIndexes() throws SQLException {
    DataSource schema = filled();
    String oneDay = " BETWEEN timestamptz '2026-03-10' AND timestamptz '2026-03-11'";
    assertTrue(plan(schema, "SELECT to_status, count(*) FROM helpdesk_ticket_events WHERE at" + oneDay
        + " GROUP BY to_status").contains("helpdesk_ticket_events_by_time"));
    assertTrue(plan(schema, "SELECT channel, count(*) FROM helpdesk_tickets WHERE entered" + oneDay
        + " GROUP BY channel").contains("helpdesk_tickets_by_entered"));
    assertTrue(plan(schema, "SELECT resolved_by_id, count(*) FROM helpdesk_tickets WHERE resolved_at" + oneDay
        + " GROUP BY resolved_by_id").contains("helpdesk_tickets_by_resolved_at"));
  }

  private static DataSource filled;

  /** A schema filled once for the tests that read query plans. */
  private static synchronized DataSource filled() {
    if (filled == null) {
      filled = Postgres.freshSchema("plans");
      fill(filled, 20_000);
    }
    return filled;
  }

  private static void assertReadFrom(DataSource schema, String index, TicketQuery query) throws SQLException {
    String plan = plan(schema, query);
    assertTrue(plan.contains(index), query + " should read " + index + ":\n" + plan);
    assertFalse(plan.contains("Sort"), query + " should need no sort:\n" + plan);
  }

  /** How PostgreSQL reads a page of a query, as the store asks for it. */
  private static String plan(DataSource schema, TicketQuery query) throws SQLException {
    try (Connection connection = schema.getConnection();
        PreparedStatement explain = JdbcTicketStore.page(connection, query, "EXPLAIN ");
        ResultSet rows = explain.executeQuery()) {
      StringBuilder lines = new StringBuilder();
      while (rows.next()) {
        lines.append(rows.getString(1)).append('\n');
      }
      return lines.toString();
    }
  }

  private static String plan(DataSource schema, String sql) throws SQLException {
    return String.join("\n", rows(schema, "EXPLAIN " + sql));
  }

  /**
   * Fills the tables straight with SQL, as a desk looks after a while: a ticket a minute for two
   * weeks, five in six of them closed, most at the first line, the open ones spread over statuses,
   * technicians and a department, two events each.
   */
  private static void fill(DataSource schema, int tickets) {
    Postgres.execute(schema, "INSERT INTO helpdesk_tickets (id, version, customer_id, channel, support_mode, category,"
        + " subject, description, priority, tier_level, tier_name, assignee, department, status, entered, updated,"
        + " customer_updated, links, required_skills, preferred_skills, resolution, resolved_by_role, resolved_by_id,"
        + " resolved_at, resolved_first_contact, reopen_count, history_length)"
        + " SELECT 'HD-' || i, 1, 'C-' || i % 500, 'PHONE', 'PHONE', 'general', 'Problem ' || i, '', 'MEDIUM',"
        + " CASE WHEN i % 50 = 0 THEN 3 WHEN i % 7 = 0 THEN 2 ELSE 1 END, 'Level',"
        + " CASE WHEN i % 100 BETWEEN 4 AND 12 THEN 'tech-' || i % 20 END,"
        + " CASE WHEN i % 100 = 13 THEN 'facilities' END,"
        + " CASE WHEN i % 100 < 4 THEN 'NEW' WHEN i % 100 < 7 THEN 'ASSIGNED' WHEN i % 100 < 13 THEN 'IN_PROGRESS'"
        + " WHEN i % 100 = 13 THEN 'WITH_DEPARTMENT' WHEN i % 100 < 16 THEN 'RESOLVED' ELSE 'CLOSED' END,"
        + " t, t, t, '[]', '{}', '{}', CASE WHEN i % 100 >= 14 THEN 'Fixed' END,"
        + " CASE WHEN i % 100 >= 14 THEN 'TECHNICIAN' END, CASE WHEN i % 100 >= 14 THEN 'tech-' || i % 20 END,"
        + " CASE WHEN i % 100 >= 14 THEN t + interval '1 hour' END, CASE WHEN i % 100 >= 14 THEN false END, 0, 2"
        + " FROM generate_series(1, " + tickets + ") AS i, LATERAL (SELECT timestamptz '2026-03-02 09:00Z'"
        + " + i * interval '1 minute' AS t) AS at");
    Postgres.execute(schema, "INSERT INTO helpdesk_ticket_events (ticket_id, position, at, actor_role, actor_id,"
        + " from_status, to_status, tier_level, tier_name, change_type, change, note, note_visibility)"
        + " SELECT id, p, entered + p * interval '1 hour', 'SYSTEM', 'system', 'NEW', status, tier_level, tier_name,"
        + " 'Commented', '{}', '', 'PUBLIC' FROM helpdesk_tickets, generate_series(0, 1) AS p");
    Postgres.execute(schema, "ANALYZE");
  }

  private static Ticket ticket(String id, Instant entered) {
    return Ticket.builder().id(dev.helpdesk.model.TicketId.of(id)).customer(CustomerId.of("ana"))
        .channel(Channel.PHONE).category("printing").subject("The printer does not print").entered(entered).build();
  }

  private static List<String> rows(DataSource schema, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = schema.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
