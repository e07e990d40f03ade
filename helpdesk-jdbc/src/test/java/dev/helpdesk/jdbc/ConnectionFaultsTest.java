package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketUpdate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point 5 of issue 8: a connection lost in the middle of a command leaves no partial state and
 * raises a store failure; after the database comes back, work resumes where it stopped. The
 * connections are really killed (by {@code pg_terminate_backend} from another connection) and the
 * server is really stopped and started again, on a server of this class's own.
 */
class ConnectionFaultsTest {
  private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
  private static final Actor SAM = Actor.supervisor("sam");
  private static final TechnicianId LUCIA = TechnicianId.of("lucia");

  @TempDir
  static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres server;

  private final MovableClock clock = new MovableClock(MONDAY_9AM);
  private final List<Notification> delivered = new CopyOnWriteArrayList<>();
  private DataSource database;
  private Saboteur saboteur;
  private JdbcTicketStore tickets;
  private HelpDesk desk;

  @BeforeAll
  static void startServer() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = start();
  }

  /** Starts the server on the same port and data directory as before, if there was a before. */
  private static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
        .start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void newDesk() {
    database = Postgres.dataSource(port, "public");
    HelpDeskSchema.migrate(database);
    saboteur = new Saboteur(Postgres.dataSource(port, "public"), Postgres.dataSource(port, "public"));
    DataSource sabotaged = saboteur.dataSource();
    tickets = new JdbcTicketStore(database);
    desk = HelpDesk.builder().clock(clock).ticketStore(new JdbcTicketStore(sabotaged))
        .customerStore(new JdbcCustomerStore(sabotaged)).technicianStore(new JdbcTechnicianStore(sabotaged))
        .notifier(delivered::add).build();
    desk.addTechnician(Technician.of(LUCIA, "Lucía", Tier.FIRST_LINE));
  }

  @AfterEach
  void emptyTheDatabase() {
    Postgres.truncate(database);
  }

  private static InboundContact call(String callId) {
    return InboundContact.of(Channel.PHONE, CustomerDetails.named("Ana").email("ana@example.com"),
        "The printer does not print", "", MONDAY_9AM).withExternalId(callId);
  }

  @Test
  void aSaveWhoseConnectionDiesBeforeItCommitsLeavesTheTicketAsItWasAndRaisesAStoreFailure() {
    Ticket before = desk.receive(call("call-1"));
    // The ticket's new row, its event and its notification are on the server, uncommitted, as the connection dies.
    saboteur.killAtCommitAfter("UPDATE helpdesk_tickets");

    StoreFailureException failure = assertThrows(StoreFailureException.class,
        () -> desk.assign(SAM, before.id(), LUCIA));

    assertEquals(1, saboteur.kills());
    assertTrue(failure.getMessage().contains("may or may not be stored"), failure.getMessage());
    assertEquals(before, tickets.get(before.id()), "the server dropped the uncommitted change");
    assertEquals(1, tickets.history(before.id()).size(), "no event of the lost save");
    assertEquals(List.of(NotificationKind.TICKET_OPENED), kindsInOutbox(), "no notification of the lost save");

    Ticket assigned = desk.assign(SAM, before.id(), LUCIA);
    assertEquals(TicketStatus.ASSIGNED, assigned.status());
    assertEquals(2, assigned.version(), "the command, run again, starts from the stored version");
    assertEquals(List.of(NotificationKind.TICKET_OPENED, NotificationKind.TICKET_ASSIGNED), kindsInOutbox());
  }

  @Test
  void aNewTicketWhoseConnectionDiesBeforeItCommitsIsNotStoredAndTheContactCanBeDeliveredAgain() {
    saboteur.killAtCommitAfter("INSERT INTO helpdesk_tickets");

    assertThrows(StoreFailureException.class, () -> desk.receive(call("call-2")));

    assertEquals(1, saboteur.kills());
    assertEquals(0, tickets.count(TicketQuery.all()));
    assertEquals(Optional.empty(), tickets.findBySource(call("call-2").reference().orElseThrow()));
    assertEquals(List.of(), kindsInOutbox());
    Ticket opened = desk.receive(call("call-2"));
    assertEquals(1, tickets.count(TicketQuery.all()));
    assertEquals(opened.id(), tickets.findBySource(call("call-2").reference().orElseThrow()).orElseThrow().id());
  }

  @Test
  void aRoutedAssignmentKilledBetweenItsStatementsWritesNothingAndHoldsNoLock() {
    // A routing decision first locks the technician's row and counts their tickets, then saves.
    Ticket first = desk.receive(call("call-6"));
    Ticket second = desk.receive(call("call-7"));
    JdbcTicketStore sabotaged = new JdbcTicketStore(saboteur.dataSource());
    saboteur.killAt("WITH ticket AS (UPDATE helpdesk_tickets");

    assertThrows(StoreFailureException.class, () -> sabotaged.save(routed(first)));

    assertEquals(1, saboteur.kills());
    assertEquals(first, tickets.get(first.id()));
    assertEquals(1, tickets.history(first.id()).size());
    // The server released the dead transaction's lock on Lucía's row: another decision goes through.
    assertEquals(LUCIA, tickets.save(routed(second)).assignee().orElseThrow());
  }

  /** A routing decision giving the ticket to Lucía, as the desk records it. */
  private static TicketUpdate routed(Ticket ticket) {
    Ticket assigned = ticket.toBuilder().assignee(LUCIA).status(TicketStatus.ASSIGNED).build();
    return TicketUpdate.of(assigned, new TicketEvent(ticket.id(), MONDAY_9AM, Actor.system(), TicketStatus.NEW,
        TicketStatus.ASSIGNED, ticket.tier(), new TicketEvent.Assigned(LUCIA, "routed"), Note.NONE));
  }

  @Test
  void afterTheDatabaseComesBackThePendingNotificationsAreDeliveredAndWorkGoesOn() throws IOException {
    // The change is committed; the connection dies as the desk claims its notification to deliver it.
    saboteur.killAt("UPDATE helpdesk_outbox SET next_attempt_at");
    Ticket opened = desk.receive(call("call-4"));
    assertEquals(1, saboteur.kills());
    assertEquals(List.of(), delivered, "the notification could not be delivered");
    assertEquals(1, tickets.outbox().list(DeliveryState.PENDING, 10).size(), "it waits in the outbox");

    server.close();
    try {
      assertThrows(StoreFailureException.class, () -> desk.advanceTo(MONDAY_9AM.plusSeconds(60)));
      assertThrows(StoreFailureException.class, () -> desk.receive(call("call-5")));
      assertThrows(StoreFailureException.class, () -> desk.assign(SAM, opened.id(), LUCIA));
    } finally {
      server = start();
    }

    assertEquals(1, desk.advanceTo(MONDAY_9AM.plusSeconds(60)).delivered());
    assertEquals(List.of(opened.id()), delivered.stream().map(Notification::ticket).toList());
    assertEquals(List.of(), tickets.outbox().list(DeliveryState.PENDING, 10));
    assertEquals(1, tickets.count(TicketQuery.all()), "nothing of the commands refused while it was down");
    Ticket again = desk.receive(call("call-5"));
    assertEquals(TicketStatus.ASSIGNED, desk.assign(SAM, opened.id(), LUCIA).status());
    assertEquals(2, tickets.count(TicketQuery.all()));
    assertEquals(List.of(opened.id(), again.id(), opened.id()),
        delivered.stream().map(Notification::ticket).toList());
    assertEquals(List.of(NotificationKind.TICKET_OPENED, NotificationKind.TICKET_OPENED,
        NotificationKind.TICKET_ASSIGNED), delivered.stream().map(Notification::kind).toList());
  }

  private List<NotificationKind> kindsInOutbox() {
    List<OutboxEntry> all = new java.util.ArrayList<>();
    for (DeliveryState state : DeliveryState.values()) {
      all.addAll(tickets.outbox().list(state, 100));
    }
    return all.stream().map(e -> e.notification().kind()).sorted().toList();
  }
}
