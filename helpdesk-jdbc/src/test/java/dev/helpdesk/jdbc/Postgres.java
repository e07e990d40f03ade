package dev.helpdesk.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL server of a test run, started on first use (its binaries come from Maven; as
 * root, zonky runs them in a user namespace). Each test class takes a schema of its own, with the
 * help desk's tables migrated into it, and empties it between tests.
 */
final class Postgres {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  /** The shared server, started once. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A new schema on the shared server, with the help desk's tables in it, through reused connections. */
  static DataSource freshSchema(String purpose) {
    String schema = purpose.toLowerCase(java.util.Locale.ROOT) + "_" + SCHEMAS.incrementAndGet();
    DataSource admin = server().getPostgresDatabase();
    execute(admin, "CREATE SCHEMA " + schema);
    PGSimpleDataSource dataSource = dataSource(server().getPort(), schema);
    HelpDeskSchema.migrate(dataSource);
    return new ReusedConnections(dataSource);
  }

  /** Connections to a server's {@code postgres} database, working in one schema. */
  static PGSimpleDataSource dataSource(int port, String schema) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"localhost"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName("postgres");
    dataSource.setUser("postgres");
    dataSource.setCurrentSchema(schema);
    return dataSource;
  }

  /** Connections of its own to the schema of {@link #freshSchema}, as another node would have. */
  static DataSource anotherNode(DataSource dataSource) {
    PGSimpleDataSource target = ((ReusedConnections) dataSource).target();
    return new ReusedConnections(dataSource(target.getPortNumbers()[0], target.getCurrentSchema()));
  }

  /** Empties every help desk table of a schema, after checking that every connection came back clean. */
  static void truncate(DataSource dataSource) {
    if (dataSource instanceof ReusedConnections reused) {
      reused.checkGivenBackClean();
    }
    // The count of article changes stays: it only ever grows, as a desk reading it expects.
    execute(dataSource, "TRUNCATE helpdesk_ticket_events, helpdesk_tickets, helpdesk_outbox, helpdesk_customers,"
        + " helpdesk_technicians, helpdesk_articles, helpdesk_bulletins, helpdesk_bulletin_links,"
        + " helpdesk_queue_events");
  }

  static void execute(DataSource dataSource, String sql) {
    try {
      executeOrThrow(dataSource, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static void executeOrThrow(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
