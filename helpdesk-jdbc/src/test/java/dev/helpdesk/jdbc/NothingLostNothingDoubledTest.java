package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Capacity;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TicketUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point 3 of issue 8, store by store, with two nodes (two stores, each on connections of its own)
 * writing to one database at once: every save is a compare-and-set, notifications go with their
 * change or not at all and are delivered at least once by their idempotency key, one contact opens
 * one ticket by a unique constraint, and the desk's routing never overloads a technician.
 */
class NothingLostNothingDoubledTest {
  private static final DataSource DATABASE = Postgres.freshSchema("guarantees");
  private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final JdbcTicketStore nodeA = new JdbcTicketStore(Postgres.anotherNode(DATABASE));
  private final JdbcTicketStore nodeB = new JdbcTicketStore(Postgres.anotherNode(DATABASE));
  private final JdbcTechnicianStore staff = new JdbcTechnicianStore(DATABASE);
  private final AtomicLong notifications = new AtomicLong();

  @AfterEach
  void emptyTheDatabase() {
    Postgres.truncate(DATABASE);
  }

  private JdbcTicketStore node(int n) {
    return n % 2 == 0 ? nodeA : nodeB;
  }

  private Ticket newTicket(JdbcTicketStore store, Channel channel) {
    return Ticket.builder().id(store.nextId()).customer(CustomerId.of("ana")).channel(channel).category("printing")
        .subject("The printer does not print").entered(MONDAY_9AM).build();
  }

  private Notification notification(Ticket ticket) {
    return new Notification(NotificationId.of("N-" + notifications.incrementAndGet()), ticket.id(),
        NotificationKind.STATUS_UPDATE, new Recipient(Recipient.Kind.CUSTOMER, "ana", "Ana", "ana@example.com"),
        Locale.ENGLISH, "[" + ticket.id() + "] News", "", MONDAY_9AM);
  }

  private static TicketEvent event(Ticket ticket, Actor actor, TicketEvent.Change change) {
    return new TicketEvent(ticket.id(), MONDAY_9AM, actor, ticket.status(), ticket.status(), ticket.tier(), change,
        Note.NONE);
  }

  @Test
  void concurrentSavesOnTwoNodesKeepEveryWinnerWithItsEventsAndNotificationsAndNothingOfTheLosers()
      throws Exception {
    Ticket created = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE)));
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();

    Race.run(4, runner -> {
      JdbcTicketStore store = node(runner);
      for (int i = 0; i < 40; i++) {
        Ticket read = store.get(created.id());
        Ticket changed = read.toBuilder().reopenCount(read.reopenCount() + 1).build();
        try {
          store.save(new TicketUpdate(changed, List.of(event(changed, Actor.system(), new TicketEvent.Commented())),
              List.of(notification(changed))));
          wins.incrementAndGet();
        } catch (VersionConflictException lost) {
          conflicts.incrementAndGet();
        }
      }
    });

    Ticket last = nodeB.get(created.id());
    assertEquals(wins.get(), last.reopenCount(), "every successful save is kept");
    assertEquals(1 + wins.get(), last.version());
    assertEquals(wins.get(), nodeA.history(created.id()).size(), "one event per successful save, none of a loser");
    assertEquals(wins.get(), nodeA.outbox().list(DeliveryState.PENDING, 1000).size(),
        "one notification per successful save, none of a loser");
    assertEquals(160, wins.get() + conflicts.get());
    assertTrue(conflicts.get() > 0, "the nodes did race");
  }

  @Test
  void oneContactDeliveredToBothNodesAtOnceOpensOneTicket() throws Exception {
    int contacts = 15;
    Map<Integer, Set<TicketId>> opened = new ConcurrentHashMap<>();
    Map<Integer, Set<TicketId>> named = new ConcurrentHashMap<>();
    Race.run(6, runner -> {
      JdbcTicketStore store = node(runner);
      for (int k = 0; k < contacts; k++) {
        Ticket ticket = newTicket(store, Channel.EMAIL).toBuilder()
            .source(new ContactReference(Channel.EMAIL, "<message-" + k + "@example.com>")).build();
        try {
          opened.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(store.create(TicketUpdate.of(ticket)).id());
        } catch (DuplicateContactException duplicate) {
          named.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(duplicate.existingTicket());
        }
      }
    });

    for (int k = 0; k < contacts; k++) {
      assertEquals(1, opened.get(k).size(), "contact " + k + " opened one ticket");
      assertEquals(opened.get(k), named.get(k), "the five others were told which ticket it opened");
    }
    assertEquals(contacts, nodeA.count(dev.helpdesk.spi.store.TicketQuery.all()));
  }

  @Test
  void oneTicketPerContactIsAConstraintOfTheDatabaseItself() throws SQLException {
    Ticket ticket = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE).toBuilder()
        .source(new ContactReference(Channel.PHONE, "call-1")).build()));

    // Bypassing the store: a copy of the row under another id breaks the unique constraint.
    SQLException refused = assertThrows(SQLException.class, () -> {
      try (Connection connection = DATABASE.getConnection(); Statement copy = connection.createStatement()) {
        copy.executeUpdate("INSERT INTO helpdesk_tickets (" + TicketRows.COLUMNS + ", history_length) SELECT 'copy', "
            + TicketRows.COLUMNS.substring("id, ".length()) + ", 0 FROM helpdesk_tickets WHERE id = '" + ticket.id() + "'");
      }
    });
    assertEquals("23505", refused.getSQLState());
    assertTrue(refused.getMessage().contains("helpdesk_tickets_one_per_contact"), refused.getMessage());
  }

  @Test
  void eachNotificationIsClaimedByOneNodeAtATimeAndDeliveredAtLeastOnce() throws Exception {
    List<NotificationId> queued = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      Ticket ticket = newTicket(nodeA, Channel.EMAIL);
      List<Notification> five = List.of(notification(ticket), notification(ticket), notification(ticket),
          notification(ticket), notification(ticket));
      nodeA.create(new TicketUpdate(ticket, List.of(), five));
      five.forEach(n -> queued.add(n.id()));
    }

    // Four claimers on two nodes; the first one dies after its first batch, before delivering it.
    Map<NotificationId, Integer> claims = new ConcurrentHashMap<>();
    List<NotificationId> lost = new ArrayList<>();
    Race.run(4, runner -> {
      JdbcTicketStore store = node(runner);
      while (true) {
        List<OutboxEntry> batch = store.outbox().claimDue(MONDAY_9AM, LEASE, 4);
        if (batch.isEmpty()) {
          return;
        }
        for (OutboxEntry entry : batch) {
          claims.merge(entry.notification().id(), 1, Integer::sum);
        }
        if (runner == 0) {
          synchronized (lost) {
            batch.forEach(entry -> lost.add(entry.notification().id()));
          }
          return;
        }
        batch.forEach(entry -> store.outbox().markDelivered(entry.notification().id(), MONDAY_9AM));
      }
    });
    assertEquals(Set.copyOf(queued), claims.keySet());
    claims.forEach((id, times) -> assertEquals(1, times, id + " was handed to one claimer while leased"));
    assertEquals(lost.size(), nodeB.outbox().list(DeliveryState.PENDING, 100).size());

    // The dead claimer's lease ends; another node takes its notifications over and delivers them.
    List<OutboxEntry> takenOver = nodeB.outbox().claimDue(MONDAY_9AM.plus(LEASE), LEASE, 100);
    assertEquals(Set.copyOf(lost), Set.copyOf(takenOver.stream().map(e -> e.notification().id()).toList()));
    takenOver.forEach(entry -> nodeB.outbox().markDelivered(entry.notification().id(), MONDAY_9AM.plus(LEASE)));
    assertEquals(queued.size(), nodeA.outbox().list(DeliveryState.DELIVERED, 100).size());
    assertEquals(List.of(), nodeA.outbox().list(DeliveryState.PENDING, 100));
  }

  // ---- the desk's routing decisions, checked against the database ----

  /** Saves an assignment as the desk records it: by the system for a routing decision, else by a person. */
  private Ticket saveAssignment(JdbcTicketStore store, Ticket ticket, TechnicianId technician, Actor actor) {
    Ticket assigned = ticket.toBuilder().assignee(technician).status(TicketStatus.ASSIGNED).build();
    return store.save(TicketUpdate.of(assigned, event(assigned, actor, new TicketEvent.Assigned(technician,
        actor.equals(Actor.system()) ? "routed" : ""))));
  }

  @Test
  void aRoutedAssignmentToATechnicianWithoutRoomIsRefusedAndChangesNothing() {
    TechnicianId luis = staff.create(Technician.of(TechnicianId.of("luis"), "Luis", Tier.FIRST_LINE)).id();
    Ticket first = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE)));
    Ticket second = nodeB.create(TicketUpdate.of(newTicket(nodeB, Channel.PHONE)));
    saveAssignment(nodeA, first, luis, Actor.system());

    ValidationException refused = assertThrows(ValidationException.class,
        () -> saveAssignment(nodeB, second, luis, Actor.system()));

    assertTrue(refused.getMessage().contains("luis, who has no room for another PHONE contact"), refused.getMessage());
    assertEquals(second, nodeB.get(second.id()));
    assertEquals(List.of(), nodeB.history(second.id()));
  }

  @Test
  void aPersonMayGiveATechnicianMoreThanTheirCapacity() {
    TechnicianId luis = staff.create(Technician.of(TechnicianId.of("luis"), "Luis", Tier.FIRST_LINE)).id();
    saveAssignment(nodeA, nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE))), luis, Actor.system());

    Ticket second = saveAssignment(nodeB, nodeB.create(TicketUpdate.of(newTicket(nodeB, Channel.PHONE))), luis,
        Actor.supervisor("sam"));

    assertEquals(luis, nodeA.get(second.id()).assignee().orElseThrow());
  }

  @Test
  void aRoutedAssignmentOfATicketSomeoneElseHoldsIsRefused() {
    TechnicianId luis = staff.create(Technician.of(TechnicianId.of("luis"), "Luis", Tier.FIRST_LINE)).id();
    TechnicianId rosa = staff.create(Technician.of(TechnicianId.of("rosa"), "Rosa", Tier.FIRST_LINE)).id();
    Ticket ticket = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE)));
    Ticket withLuis = saveAssignment(nodeA, ticket, luis, Actor.technician(luis));

    ValidationException refused = assertThrows(ValidationException.class,
        () -> saveAssignment(nodeB, withLuis, rosa, Actor.system()));

    assertTrue(refused.getMessage().contains("is already with luis"), refused.getMessage());
    assertEquals(withLuis, nodeB.get(ticket.id()));
  }

  @Test
  void writtenContactsShareATechnicianByTheRoutersMeasure() {
    // Three chats or five emails at once: a chat takes a third of her, an email a fifth.
    TechnicianId rosa = staff.create(Technician.of(TechnicianId.of("rosa"), "Rosa", Tier.FIRST_LINE)
        .withCapacity(Capacity.standard())).id();
    saveAssignment(nodeA, nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.CHAT))), rosa, Actor.system());
    for (int i = 0; i < 3; i++) {
      saveAssignment(node(i), nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.EMAIL))), rosa, Actor.system());
    }
    // 1/3 + 3/5 leaves less than a fifth: no fourth email, and no call at all.
    Ticket email = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.EMAIL)));
    assertThrows(ValidationException.class, () -> saveAssignment(nodeB, email, rosa, Actor.system()));
    Ticket call = nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.PHONE)));
    assertThrows(ValidationException.class, () -> saveAssignment(nodeB, call, rosa, Actor.system()));
  }

  @Test
  void routedAssignmentsRacingOnTwoNodesFillATechnicianExactly() throws Exception {
    TechnicianId rosa = staff.create(Technician.of(TechnicianId.of("rosa"), "Rosa", Tier.FIRST_LINE)).id();
    List<Ticket> emails = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      emails.add(nodeA.create(TicketUpdate.of(newTicket(nodeA, Channel.EMAIL))));
    }
    AtomicInteger assigned = new AtomicInteger();
    Race.run(8, runner -> {
      for (int i = runner; i < emails.size(); i += 8) {
        try {
          saveAssignment(node(runner), emails.get(i), rosa, Actor.system());
          assigned.incrementAndGet();
        } catch (ValidationException full) {
          // Another node filled her first.
        }
      }
    });
    assertEquals(Capacity.standard().limit(Channel.EMAIL), assigned.get(), "five emails at once, as her capacity says");
  }
}
