package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.WorkDone;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.IllegalTransitionException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.routing.RoutingRules;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point 4 of issue 8: several desks, each with its own stores and its own connections, on one
 * database, driven at once from several threads each. The database is all they share; at the end
 * every ticket, assignment and notification is counted.
 */
class SeveralNodesTest {
  private static final DataSource DATABASE = Postgres.freshSchema("nodes");
  private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T10:00:00Z");
  private static final int NODES = 2;
  private static final int THREADS_PER_NODE = 3;
  private static final int CONTACTS = 36;
  private static final int CUSTOMERS = 8;
  private static final Actor SAM = Actor.supervisor("sam");

  private final MovableClock clock = new MovableClock(MONDAY_10AM);
  private final Map<NotificationId, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final JdbcTicketStore tickets = new JdbcTicketStore(DATABASE);

  @AfterEach
  void emptyTheDatabase() {
    Postgres.truncate(DATABASE);
  }

  /** A node: a desk with stores of its own on connections of its own. */
  private HelpDesk node(UnaryOperator<TicketStore> ticketStore, UnaryOperator<HelpDesk.Builder> options) {
    DataSource own = Postgres.anotherNode(DATABASE);
    return options.apply(HelpDesk.builder()
            .clock(clock)
            .ticketStore(ticketStore.apply(new JdbcTicketStore(own)))
            .customerStore(new JdbcCustomerStore(own))
            .technicianStore(new JdbcTechnicianStore(own))
            .notifier(n -> deliveries.computeIfAbsent(n.id(), id -> new AtomicInteger()).incrementAndGet()))
        .build();
  }

  /** Contact k: a phone call identified by the phone system, from one of a few returning customers. */
  private static InboundContact call(int k) {
    return InboundContact.of(Channel.PHONE,
            CustomerDetails.named("Customer " + k % CUSTOMERS).email("customer" + k % CUSTOMERS + "@example.com"),
            "Problem " + k, "", MONDAY_10AM.minusSeconds(CONTACTS - k))
        .withExternalId("call-" + k);
  }

  private static TechnicianId technician(int runner) {
    return TechnicianId.of("tech-" + runner);
  }

  @Test
  void twoDesksDrivenAtOnceLoseNothingAndDoNothingTwice() throws Exception {
    List<HelpDesk> nodes = List.of(node(s -> s, b -> b), node(s -> s, b -> b));
    for (int r = 0; r < NODES * THREADS_PER_NODE; r++) {
      nodes.get(0).addTechnician(Technician.of(technician(r), "Technician " + r, Tier.FIRST_LINE)
          .withEmail("tech" + r + "@desk.example"));
    }

    // Intake: every contact reaches both nodes at the same moment, as a channel delivering twice would.
    Map<Integer, Set<TicketId>> ticketsOfContact = new ConcurrentHashMap<>();
    Race.run(NODES * THREADS_PER_NODE, runner -> {
      HelpDesk desk = nodes.get(runner / THREADS_PER_NODE);
      for (int k = runner % THREADS_PER_NODE; k < CONTACTS; k += THREADS_PER_NODE) {
        ticketsOfContact.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(desk.receive(call(k)).id());
      }
    });
    Map<TicketId, Integer> contactOf = new ConcurrentHashMap<>();
    ticketsOfContact.forEach((k, ids) -> {
      assertEquals(1, ids.size(), "contact " + k + " opened one ticket on both nodes, not " + ids);
      contactOf.put(ids.iterator().next(), k);
    });
    Set<TicketId> leftWaiting = contactOf.keySet().stream().filter(id -> contactOf.get(id) % 5 == 0)
        .collect(Collectors.toSet());

    // Work: every technician takes the oldest waiting tickets through one node or the other, all at once.
    AtomicInteger taken = new AtomicInteger();
    Race.run(NODES * THREADS_PER_NODE, runner -> {
      HelpDesk desk = nodes.get(runner % NODES);
      Actor me = Actor.technician(technician(runner));
      while (true) {
        List<Ticket> waiting = desk.workQueue(SAM, TicketQuery.open().status(TicketStatus.NEW).tier(Tier.FIRST_LINE)
            .limit(20)).tickets().stream().filter(t -> !leftWaiting.contains(t.id())).toList();
        if (waiting.isEmpty()) {
          return;
        }
        Ticket next = waiting.get(runner % Math.min(2, waiting.size()));
        try {
          desk.startWork(me, next.id());
        } catch (AccessDeniedException | IllegalTransitionException someoneElseTookIt) {
          continue;
        }
        taken.incrementAndGet();
        desk.resolve(me, next.id(), Solution.of("Cleared the print queue."));
        if (contactOf.get(next.id()) % 2 == 1) {
          desk.confirm(Actor.customer(next.customer()), next.id());
        }
      }
    });

    // Time-driven work: six days later both nodes advance at once, from two threads each.
    Instant later = clock.advance(Duration.ofDays(6));
    List<WorkDone> done = new ArrayList<>();
    Race.run(2 * NODES, runner -> {
      WorkDone work = nodes.get(runner % NODES).advanceTo(later);
      synchronized (done) {
        done.add(work);
      }
    });

    // Tickets: one per contact, each found by its contact.
    int waiting = leftWaiting.size();
    int worked = CONTACTS - waiting;
    assertEquals(CONTACTS, tickets.count(TicketQuery.all()));
    try (Stream<?> customers = new JdbcCustomerStore(DATABASE).stream()) {
      assertEquals(CUSTOMERS, customers.count(), "one customer per email address");
    }
    contactOf.forEach((id, k) ->
        assertEquals(id, tickets.findBySource(call(k).reference().orElseThrow()).orElseThrow().id()));
    assertEquals(worked, taken.get(), "every ticket was taken by exactly one technician");

    // Assignments and time-driven work: each done once, whichever node did it.
    int autoClosed = 0;
    for (Map.Entry<TicketId, Integer> ticket : contactOf.entrySet()) {
      Ticket stored = tickets.get(ticket.getKey());
      List<TicketEvent> history = tickets.history(ticket.getKey());
      assertEquals(1, count(history, TicketEvent.Opened.class), "opened once: " + history);
      if (leftWaiting.contains(ticket.getKey())) {
        assertEquals(TicketStatus.NEW, stored.status());
        assertEquals(0, count(history, TicketEvent.Assigned.class));
        assertEquals(1, count(history, TicketEvent.StatusUpdateSent.class), "one courtesy update: " + history);
      } else {
        assertEquals(TicketStatus.CLOSED, stored.status());
        assertEquals(1, count(history, TicketEvent.Assigned.class), "assigned once: " + history);
        assertEquals(1, count(history, TicketEvent.Resolved.class));
        assertEquals(1, count(history, TicketEvent.Closed.class), "closed once: " + history);
        TicketEvent.ClosureReason reason = history.get(history.size() - 1).changeAs(TicketEvent.Closed.class)
            .orElseThrow().reason();
        boolean confirmed = ticket.getValue() % 2 == 1;
        assertEquals(confirmed ? TicketEvent.ClosureReason.CONFIRMED : TicketEvent.ClosureReason.NO_RESPONSE, reason);
        autoClosed += confirmed ? 0 : 1;
      }
      assertEquals(history.size(), history.stream().distinct().count(), "no event recorded twice");
    }
    assertEquals(autoClosed, done.stream().mapToInt(WorkDone::autoClosed).sum(),
        "the nodes together closed each quiet ticket once");

    // Notifications: each stored once, delivered once, none left behind.
    assertEquals(List.of(), tickets.outbox().list(DeliveryState.PENDING, 10));
    assertEquals(List.of(), tickets.outbox().list(DeliveryState.FAILED, 10));
    List<OutboxEntry> delivered = tickets.outbox().list(DeliveryState.DELIVERED, 10_000);
    Map<NotificationKind, Long> byKind = delivered.stream()
        .collect(Collectors.groupingBy(e -> e.notification().kind(), Collectors.counting()));
    assertEquals(Map.of(NotificationKind.TICKET_OPENED, (long) CONTACTS, NotificationKind.RESOLVED, (long) worked,
        NotificationKind.CLOSED, (long) worked, NotificationKind.STATUS_UPDATE, (long) waiting), byKind);
    assertEquals(delivered.stream().map(e -> e.notification().id()).collect(Collectors.toSet()), deliveries.keySet());
    deliveries.forEach((id, times) -> assertEquals(1, times.get(), id + " was delivered " + times + " times"));
  }

  @Test
  void routingDesksOnSeveralNodesNeverGiveATechnicianMoreThanTheirCapacity() throws Exception {
    // Three first-line technicians, each taking one call at a time, known to both nodes from the start.
    JdbcTechnicianStore staff = new JdbcTechnicianStore(DATABASE);
    for (int t = 0; t < 3; t++) {
      staff.create(Technician.of(technician(t), "Technician " + t, Tier.FIRST_LINE));
    }
    AtomicInteger refused = new AtomicInteger();
    List<HelpDesk> nodes = List.of(node(s -> countingRefusals(s, refused), b -> b.routing(RoutingRules.defaults())),
        node(s -> countingRefusals(s, refused), b -> b.routing(RoutingRules.defaults())));

    // Each node's router sees all three technicians free and routes the calls it receives.
    int calls = 4;
    Race.run(NODES * THREADS_PER_NODE, runner -> {
      for (int i = 0; i < calls; i++) {
        nodes.get(runner / THREADS_PER_NODE).receive(call(runner * calls + i));
      }
    });

    List<Ticket> all = tickets.query(TicketQuery.all().limit(1000)).tickets();
    assertEquals(NODES * THREADS_PER_NODE * calls, all.size());
    for (int t = 0; t < 3; t++) {
      TechnicianId id = technician(t);
      long held = all.stream().filter(x -> x.assignee().filter(id::equals).isPresent()).count();
      assertEquals(1, held, id + " holds one call, their capacity, whichever node routed it");
    }
    for (Ticket ticket : all) {
      assertTrue(count(tickets.history(ticket.id()), TicketEvent.Assigned.class) <= 1, "assigned at most once");
    }
    assertTrue(refused.get() >= 3, "each node routed to all three, so the database refused at least three"
        + " assignments, refused " + refused.get());
  }

  /** A ticket store that counts the saves the database refused as the routing guard does. */
  private static TicketStore countingRefusals(TicketStore store, AtomicInteger refused) {
    return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            if (method.getName().equals("save") && e.getCause() instanceof ValidationException
                && ((TicketUpdate) args[0]).ticket().assignee().isPresent()) {
              refused.incrementAndGet();
            }
            throw e.getCause();
          }
        });
  }

  private static long count(List<TicketEvent> history, Class<? extends TicketEvent.Change> type) {
    try (Stream<TicketEvent> events = history.stream()) {
      return events.filter(e -> type.isInstance(e.change())).count();
    }
  }
}
