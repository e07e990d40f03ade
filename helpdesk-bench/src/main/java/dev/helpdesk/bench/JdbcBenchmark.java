package dev.helpdesk.bench;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.jdbc.HelpDeskSchema;
import dev.helpdesk.jdbc.JdbcCustomerStore;
import dev.helpdesk.jdbc.JdbcTechnicianStore;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.Tier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Complete ticket cycles per second on PostgreSQL (issue 8): a phone contact is received (the
 * returning customer recognised, the ticket opened), assigned to a first-line technician, resolved,
 * and confirmed by the customer, which closes it. Each cycle stores the ticket four times, with four
 * history events and four notifications, which a notifier that discards them delivers at once.
 *
 * <p>{@code @Param path}: {@code desk} runs the cycle through {@link HelpDesk} on the JDBC stores,
 * each command one or more transactions (registration, the ticket's compare-and-set save with its
 * events and notifications, the claim and the delivery record of each notification); {@code
 * rawInserts} is the baseline: plain JDBC inserting the same rows a cycle leaves behind (the closed
 * ticket, its four events, its four delivered notifications) in one transaction, with nothing read,
 * checked or updated. The ratio of the two is what the desk's guarantees cost on a real database.
 *
 * <p>The server is a PostgreSQL 14 started in the benchmark's fork from Maven's binaries, on a
 * temporary data directory, reached over the loopback through a pool of four connections (the same
 * for both paths), with zonky's default {@code synchronous_commit=off}: a commit does not wait for
 * the disk, so the figures count round trips and work, not fsyncs. The rows of each iteration are
 * removed before the next. Ten warm-up iterations: the desk's path takes that long to compile.
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar JdbcBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class JdbcBenchmark {
  private static final int CUSTOMERS = 500;
  private static final int TECHNICIANS = 8;
  private static final String NOTE = "Hello Customer, we have your request about 'Printer does not print' and will"
      + " keep you informed. Quote the reference in the subject when you contact us about it. The help desk";

  /** {@code desk}: through the facade on the JDBC stores; {@code rawInserts}: the baseline. */
  @Param({"desk", "rawInserts"})
  public String path;

  private EmbeddedPostgres server;
  private Pool pool;
  private HelpDesk desk;
  private CustomerDetails[] customers;
  private final AtomicLong cycles = new AtomicLong();
  private final Clock clock = Clock.systemUTC();

  @Setup(Level.Trial)
  public void startDatabase() throws IOException, SQLException {
    server = EmbeddedPostgres.builder().start();
    pool = new Pool(server.getPostgresDatabase(), 4);
    HelpDeskSchema.migrate(pool);
    JdbcCustomerStore customerStore = new JdbcCustomerStore(pool);
    desk = HelpDesk.builder().ticketStore(new JdbcTicketStore(pool)).customerStore(customerStore)
        .technicianStore(new JdbcTechnicianStore(pool)).notifier(notification -> { }).build();
    for (int i = 0; i < TECHNICIANS; i++) {
      desk.addTechnician(Technician.of(TechnicianId.of("tech-" + i), "Technician " + i, Tier.FIRST_LINE)
          .withEmail("tech" + i + "@desk.example"));
    }
    customers = new CustomerDetails[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      customers[i] = CustomerDetails.named("Customer " + i).email("customer" + i + "@example.com");
      customerStore.register(customers[i], clock.instant());
    }
  }

  @Setup(Level.Iteration)
  public void removeTheLastIterationsTickets() throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE helpdesk_ticket_events, helpdesk_tickets, helpdesk_outbox");
    }
  }

  @TearDown(Level.Trial)
  public void stopDatabase() throws IOException {
    pool.closeAll();
    server.close();
  }

  /** One cycle on one thread. */
  @Benchmark
  @Threads(1)
  public Object cycle() throws SQLException {
    long n = cycles.incrementAndGet();
    return path.equals("desk") ? throughDesk(n) : rawInserts(n);
  }

  private Ticket throughDesk(long n) {
    Ticket ticket = desk.receive(InboundContact.of(Channel.PHONE, customers[(int) (n % CUSTOMERS)],
        "Printer does not print", "", clock.instant()));
    Actor technician = Actor.technician(TechnicianId.of("tech-" + (n % TECHNICIANS)));
    desk.assign(technician, ticket.id(), TechnicianId.of(technician.id()));
    desk.resolve(technician, ticket.id(), Solution.of("Restarted the print spooler."));
    return desk.confirm(Actor.customer(ticket.customer()), ticket.id());
  }

  private static final String TICKET = "INSERT INTO helpdesk_tickets (id, version, customer_id, channel, support_mode,"
      + " category, subject, description, priority, tier_level, tier_name, assignee, status, entered, updated,"
      + " customer_updated, links, required_skills, preferred_skills, resolution, resolved_by_role, resolved_by_id,"
      + " resolved_at, resolved_first_contact, reopen_count, history_length) VALUES (?, 4, ?, 'PHONE', 'PHONE',"
      + " 'general', 'Printer does not print', '', 'MEDIUM', 1, 'First line', ?, 'CLOSED', ?, ?, ?, '[]'::jsonb,"
      + " '{}'::jsonb, '{}'::jsonb, 'Restarted the print spooler.', 'TECHNICIAN', ?, ?, false, 0, 4)";
  private static final String EVENT = "INSERT INTO helpdesk_ticket_events (ticket_id, position, at, actor_role,"
      + " actor_id, from_status, to_status, tier_level, tier_name, change_type, change, note, note_visibility)"
      + " VALUES (?, ?, ?, 'TECHNICIAN', ?, 'NEW', 'ASSIGNED', 1, 'First line', 'Assigned',"
      + " '{\"technician\": \"tech-1\", \"reason\": \"\"}'::jsonb, '', 'PUBLIC')";
  private static final String NOTIFICATION = "INSERT INTO helpdesk_outbox (notification_id, ticket_id, kind,"
      + " recipient_kind, recipient_id, recipient_name, recipient_address, locale, subject, body, created, state,"
      + " next_attempt_at) VALUES (?, ?, 'TICKET_OPENED', 'CUSTOMER', ?, 'Customer', 'customer@example.com', 'en',"
      + " ?, ?, ?, 'DELIVERED', ?)";

  /** The baseline: the rows a cycle leaves, inserted in one transaction and nothing else. */
  private String rawInserts(long n) throws SQLException {
    String id = "RAW-" + n;
    Timestamp now = Timestamp.from(clock.instant());
    String technician = "tech-" + (n % TECHNICIANS);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement ticket = connection.prepareStatement(TICKET)) {
        ticket.setString(1, id);
        ticket.setString(2, "C-" + (n % CUSTOMERS));
        ticket.setString(3, technician);
        ticket.setTimestamp(4, now);
        ticket.setTimestamp(5, now);
        ticket.setTimestamp(6, now);
        ticket.setString(7, technician);
        ticket.setTimestamp(8, now);
        ticket.executeUpdate();
      }
      try (PreparedStatement event = connection.prepareStatement(EVENT)) {
        for (int position = 0; position < 4; position++) {
          event.setString(1, id);
          event.setInt(2, position);
          event.setTimestamp(3, now);
          event.setString(4, technician);
          event.addBatch();
        }
        event.executeBatch();
      }
      try (PreparedStatement notification = connection.prepareStatement(NOTIFICATION)) {
        for (int i = 0; i < 4; i++) {
          notification.setString(1, id + "-" + i);
          notification.setString(2, id);
          notification.setString(3, "C-" + (n % CUSTOMERS));
          notification.setString(4, "[" + id + "] We have your request");
          notification.setString(5, NOTE);
          notification.setTimestamp(6, now);
          notification.setTimestamp(7, now);
          notification.addBatch();
        }
        notification.executeBatch();
      }
      connection.commit();
      connection.setAutoCommit(true);
    }
    return id;
  }

  /**
   * A fixed set of open connections, handed out in turn and taken back on close: what a host's
   * connection pool gives the stores, so that a cycle pays for its statements, not for logging in.
   */
  static final class Pool implements DataSource {
    private final BlockingQueue<Connection> idle;
    private final Connection[] all;

    Pool(DataSource server, int size) throws SQLException {
      idle = new ArrayBlockingQueue<>(size);
      all = new Connection[size];
      for (int i = 0; i < size; i++) {
        all[i] = server.getConnection();
        idle.add(all[i]);
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection;
      try {
        connection = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for a connection", e);
      }
      boolean[] returned = {false};
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              if (!returned[0]) {
                returned[0] = true;
                idle.add(connection);
              }
              return null;
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    void closeAll() {
      for (Connection connection : all) {
        try {
          connection.close();
        } catch (SQLException e) {
          // The server stops next anyway.
        }
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the pool logs in once, as its server's user");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // Nothing to log.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // The connections are open already.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
