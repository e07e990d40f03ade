package dev.helpdesk.tck;

import static dev.helpdesk.tck.Fixtures.ANA;
import static dev.helpdesk.tck.Fixtures.BRUNO;
import static dev.helpdesk.tck.Fixtures.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.LinkType;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketLink;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TicketStore}: every implementation extends this suite and must pass it.
 * Each test gets the store from {@link #createStore()} and hands it to {@link #clear}
 * afterwards.
 */
public abstract class TicketStoreContract extends PortContract<TicketStore> {
  private final Fixtures fixtures = new Fixtures();

  /** For subclasses. */
  protected TicketStoreContract() {}

  private Ticket newTicket(Instant entered) {
    return fixtures.ticket(store.nextId(), entered);
  }

  private Ticket created(Instant entered) {
    Ticket ticket = newTicket(entered);
    return store.create(TicketUpdate.of(ticket, fixtures.opened(ticket)));
  }

  private Ticket saved(Ticket ticket, TicketEvent... events) {
    return store.save(TicketUpdate.of(ticket, events));
  }

  // ---- create and find ----

  @Test
  void aCreatedTicketIsFoundAtVersionOne() {
    Ticket ticket = newTicket(MONDAY_9AM);
    Ticket stored = store.create(TicketUpdate.of(ticket, fixtures.opened(ticket)));

    assertEquals(1, stored.version());
    assertEquals(ticket.withVersion(1), stored);
    assertEquals(Optional.of(stored), store.find(ticket.id()));
    assertEquals(stored, store.get(ticket.id()));
  }

  @Test
  void everyFieldOfATicketIsKeptAsGiven() {
    TicketId id = store.nextId();
    Instant entered = MONDAY_9AM.plusSeconds(1);
    Ticket full = Ticket.builder()
        .id(id)
        .customer(BRUNO)
        .channel(Channel.EMAIL)
        .supportMode(SupportMode.REMOTE_DESKTOP)
        .category("databases")
        .subject("Reports time out")
        .description("Since Friday the monthly report times out after 30 s.\nNothing else changed.")
        .systemInformation(new SystemInformation.Computer("Windows 11 23H2", 16_384, "PC-0042", "AT-9"))
        .priority(Priority.HIGH)
        .tier(Tier.SPECIALISTS)
        .assignee(TechnicianId.of("tech-7"))
        .status(TicketStatus.RESOLVED)
        .entered(entered)
        .updated(entered.plus(Duration.ofHours(3)))
        .customerUpdated(entered.plus(Duration.ofHours(2)))
        .link(new TicketLink(LinkType.FOLLOW_UP_OF, TicketId.of("older-1")))
        .source(Fixtures.call("mail-<abc@example.com>"))
        .requiredSkills(Map.of("databases", 3))
        .preferredSkills(Map.of("reporting", 2, "sql", 4))
        .resolution(new Resolution("Rebuilt the index on orders.", Optional.of(ArticleId.of("KB-12")),
            Actor.technician(TechnicianId.of("tech-7")), entered.plus(Duration.ofHours(3)), false))
        .reopenCount(2)
        .build();
    store.create(TicketUpdate.of(full));

    Ticket found = store.get(id);
    assertEquals(full.withVersion(1), found);
    assertEquals(full.systemInformation(), found.systemInformation());
    assertEquals(full.resolution(), found.resolution());
    assertEquals(full.links(), found.links());
    assertEquals(full.description(), found.description());
  }

  @Test
  void theServiceLevelStateOfATicketIsKeptAsGiven() {
    Instant entered = MONDAY_9AM;
    Instant responded = entered.plus(Duration.ofMinutes(20));
    Ticket measured = newTicket(entered).toBuilder()
        .slaPolicy("Gold – 4 h \"business\"")
        .firstResponse(responded)
        .slaDue(entered.plus(Duration.ofHours(4)))
        .slaResults(List.of(
            SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), entered.plus(Duration.ofMinutes(30)), responded),
            SlaResult.breached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE), entered.plus(Duration.ofHours(1))),
            SlaResult.met(SlaTarget.TIER_TIME, Optional.of(Tier.SPECIALISTS), entered.plus(Duration.ofHours(8)),
                entered.plus(Duration.ofHours(2)))))
        .build();
    store.create(TicketUpdate.of(measured));

    Ticket found = store.get(measured.id());
    assertEquals(measured.withVersion(1), found);
    assertEquals(measured.slaResults(), found.slaResults(), "results keep their order, tiers and instants");

    Ticket paused = found.toBuilder().slaDue(null).slaResults(List.of(found.slaResults().get(0))).build();
    store.save(TicketUpdate.of(paused));
    assertEquals(Optional.empty(), store.get(measured.id()).slaDue(), "a paused clock owes nothing");
    assertEquals(paused.withVersion(2), store.get(measured.id()));
  }

  @Test
  void everyKindOfChangeIsKeptInTheHistory() {
    Ticket ticket = newTicket(MONDAY_9AM);
    Instant due = MONDAY_9AM.plus(Duration.ofHours(4));
    List<TicketEvent.Change> changes = List.of(
        new TicketEvent.Opened(Channel.CHAT, SupportMode.ONLINE),
        new TicketEvent.Assigned(TechnicianId.of("tech-7"), "least loaded"),
        new TicketEvent.Unassigned(TechnicianId.of("tech-7"), "went home"),
        new TicketEvent.WorkStarted(),
        new TicketEvent.InformationRequested(),
        new TicketEvent.CustomerReplied(Optional.of(Fixtures.call("call-9"))),
        new TicketEvent.CustomerReplied(Optional.empty()),
        new TicketEvent.Escalated(Tier.FIRST_LINE, Tier.SPECIALISTS),
        new TicketEvent.ReturnedForFollowUp(Tier.SPECIALISTS, Tier.FIRST_LINE),
        new TicketEvent.HandedOff(DepartmentId.of("purchasing")),
        new TicketEvent.ReturnedFromDepartment(DepartmentId.of("purchasing")),
        new TicketEvent.Resolved(new Resolution("Replaced the toner.", Optional.of(ArticleId.of("KB-3")),
            Actor.technician(TechnicianId.of("tech-7")), MONDAY_9AM.plusSeconds(90), true)),
        new TicketEvent.Closed(TicketEvent.ClosureReason.CONFIRMED),
        new TicketEvent.Reopened(true),
        new TicketEvent.Cancelled(),
        new TicketEvent.Merged(TicketId.of("other-1")),
        new TicketEvent.Commented(),
        new TicketEvent.PriorityChanged(Priority.LOW, Priority.CRITICAL),
        new TicketEvent.StatusUpdateSent(),
        new TicketEvent.ReminderSent(),
        new TicketEvent.BulletinLinked(BulletinId.of("b-vpn")),
        new TicketEvent.FlowchartFollowed("printer-offline", "solution"),
        new TicketEvent.SlaPolicyApplied("Gold"),
        new TicketEvent.SlaPolicyApplied(""),
        new TicketEvent.SlaWarning(SlaTarget.RESOLUTION, Optional.empty(), 75, due),
        new TicketEvent.SlaWarning(SlaTarget.TIER_TIME, Optional.of(Tier.SPECIALISTS), 50, due),
        new TicketEvent.SlaBreached(SlaTarget.FIRST_RESPONSE, Optional.empty(), due),
        new TicketEvent.SlaBreached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE), due),
        new TicketEvent.Rated(4));
    Set<Class<?>> kinds = changes.stream().map(Object::getClass).collect(Collectors.toSet());
    Set<Class<?>> missing = new HashSet<>(List.of(TicketEvent.Change.class.getPermittedSubclasses()));
    missing.removeAll(kinds);
    assertEquals(Set.of(), missing, "a kind of change this suite does not store yet: add a sample of it here");

    List<TicketEvent> history = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      history.add(new TicketEvent(ticket.id(), MONDAY_9AM.plusSeconds(i), Actor.supervisor("sam"), TicketStatus.NEW,
          TicketStatus.NEW, Tier.FIRST_LINE, changes.get(i), Note.internal("step " + i)));
    }
    store.create(new TicketUpdate(ticket, history.subList(0, 10), List.of()));
    store.save(new TicketUpdate(ticket.withVersion(1), history.subList(10, history.size()), List.of()));

    assertEquals(history, store.history(ticket.id()));
  }

  @Test
  void eachKindOfSystemInformationIsKept() {
    List<SystemInformation> kinds = List.of(
        SystemInformation.Computer.of("Ubuntu 24.04", 8192),
        new SystemInformation.TelephoneService("2041", "trunk 3", "Yealink T54W", "2041"),
        new SystemInformation.Details(Map.of("printer model", "HP 4050", "toner", "low")));
    for (SystemInformation info : kinds) {
      Ticket ticket = newTicket(MONDAY_9AM).toBuilder().systemInformation(info).build();
      store.create(TicketUpdate.of(ticket));
      assertEquals(Optional.of(info), store.get(ticket.id()).systemInformation());
    }
  }

  @Test
  void anUnknownTicketIsNotFound() {
    TicketId unknown = TicketId.of("no-such-ticket");
    assertEquals(Optional.empty(), store.find(unknown));
    NotFoundException e = assertThrows(NotFoundException.class, () -> store.get(unknown));
    assertEquals("no-such-ticket", e.id());
    assertEquals(List.of(), store.history(unknown));
  }

  @Test
  void nextIdNeverRepeatsEvenAcrossThreads() throws Exception {
    Set<TicketId> ids = ConcurrentHashMap.newKeySet();
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 500; i++) {
        assertTrue(ids.add(store.nextId()), "an id was handed out twice");
      }
    });
    assertEquals(2000, ids.size());
  }

  @Test
  void creatingWritesTheTicketItsHistoryAndItsNotificationsTogether() {
    Ticket ticket = newTicket(MONDAY_9AM);
    Notification notification = fixtures.notification(ticket, MONDAY_9AM);
    TicketEvent opened = fixtures.opened(ticket);
    store.create(new TicketUpdate(ticket, List.of(opened), List.of(notification)));

    assertEquals(List.of(opened), store.history(ticket.id()));
    assertTrue(store.outbox().find(notification.id()).isPresent(), "the notification is in the outbox");
  }

  @Test
  void aTicketMustBeCreatedAtVersionZero() {
    Ticket ticket = newTicket(MONDAY_9AM).withVersion(3);
    assertThrows(ValidationException.class, () -> store.create(TicketUpdate.of(ticket)));
    assertEquals(Optional.empty(), store.find(ticket.id()));
  }

  @Test
  void creatingATicketTwiceIsAConflictThatChangesNothing() {
    Ticket first = created(MONDAY_9AM);
    Ticket again = fixtures.ticket(first.id(), MONDAY_9AM.plusSeconds(60)).toBuilder().subject("Other").build();
    Notification notification = fixtures.notification(again, MONDAY_9AM);

    VersionConflictException e = assertThrows(VersionConflictException.class,
        () -> store.create(new TicketUpdate(again, List.of(fixtures.opened(again)), List.of(notification))));

    assertEquals(0, e.expectedVersion());
    assertEquals(1, e.actualVersion());
    assertEquals(first, store.get(first.id()));
    assertEquals(1, store.history(first.id()).size());
    assertFalse(store.outbox().find(notification.id()).isPresent(), "no notification of a failed create");
  }

  @Test
  void oneInboundContactOpensOneTicket() {
    Ticket first = newTicket(MONDAY_9AM).toBuilder().source(Fixtures.call("call-77")).build();
    store.create(TicketUpdate.of(first));
    Ticket second = newTicket(MONDAY_9AM.plusSeconds(5)).toBuilder().source(Fixtures.call("call-77")).build();

    DuplicateContactException e =
        assertThrows(DuplicateContactException.class, () -> store.create(TicketUpdate.of(second)));

    assertEquals(first.id(), e.existingTicket());
    assertEquals(Optional.empty(), store.find(second.id()));
    assertEquals(first.id(), store.findBySource(Fixtures.call("call-77")).orElseThrow().id());
    assertEquals(Optional.empty(), store.findBySource(Fixtures.call("call-78")));
  }

  @Test
  void concurrentDeliveriesOfOneContactOpenOneTicket() throws Exception {
    AtomicInteger created = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    Threads.runConcurrently(4, thread -> {
      Ticket ticket = newTicket(MONDAY_9AM).toBuilder().source(Fixtures.call("call-race")).build();
      try {
        store.create(TicketUpdate.of(ticket));
        created.incrementAndGet();
      } catch (DuplicateContactException e) {
        duplicates.incrementAndGet();
      }
    });
    assertEquals(1, created.get());
    assertEquals(3, duplicates.get());
    assertEquals(1, store.count(TicketQuery.all()));
  }

  // ---- compare-and-set ----

  @Test
  void everySaveBumpsTheVersionByExactlyOne() {
    Ticket ticket = created(MONDAY_9AM);
    for (long expected = 2; expected <= 5; expected++) {
      ticket = saved(ticket.toBuilder().priority(Priority.values()[(int) expected % 4]).build());
      assertEquals(expected, ticket.version());
      assertEquals(ticket, store.get(ticket.id()));
    }
  }

  @Test
  void aStaleSaveIsAConflictThatChangesNothing() {
    Ticket read = created(MONDAY_9AM);
    Ticket winner = saved(read.toBuilder().priority(Priority.HIGH).build(), fixtures.comment(read, "first"));
    Ticket loser = read.toBuilder().priority(Priority.LOW).build();
    Notification notification = fixtures.notification(loser, MONDAY_9AM);

    VersionConflictException e = assertThrows(VersionConflictException.class, () -> store.save(
        new TicketUpdate(loser, List.of(fixtures.comment(read, "second")), List.of(notification))));

    assertEquals(1, e.expectedVersion());
    assertEquals(2, e.actualVersion());
    assertEquals(winner, store.get(read.id()));
    assertEquals(2, store.history(read.id()).size());
    assertEquals("first", store.history(read.id()).get(1).note().text());
    assertFalse(store.outbox().find(notification.id()).isPresent(), "no notification of a failed save");
  }

  @Test
  void savingAfterDeleteIsNotFound() {
    Ticket ticket = created(MONDAY_9AM);
    assertTrue(store.delete(ticket.id()));
    assertThrows(NotFoundException.class, () -> saved(ticket.toBuilder().priority(Priority.HIGH).build()));
    assertEquals(Optional.empty(), store.find(ticket.id()));
  }

  @Test
  void savingATicketNeverCreatedIsNotFound() {
    Ticket ticket = newTicket(MONDAY_9AM).withVersion(1);
    assertThrows(NotFoundException.class, () -> saved(ticket));
    assertEquals(Optional.empty(), store.find(ticket.id()));
  }

  @Test
  void historyIsAppendedInOrder() {
    Ticket ticket = created(MONDAY_9AM);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Ticket changed = ticket.toBuilder().updated(MONDAY_9AM.plusSeconds(i)).build();
      TicketEvent a = fixtures.comment(changed, "note " + i + "a");
      TicketEvent b = fixtures.comment(changed, "note " + i + "b");
      ticket = saved(changed, a, b);
      expected.add(a.note().text());
      expected.add(b.note().text());
    }
    List<TicketEvent> history = store.history(ticket.id());
    assertEquals(11, history.size());
    assertTrue(history.get(0).change() instanceof TicketEvent.Opened);
    assertEquals(expected, history.subList(1, 11).stream().map(e -> e.note().text()).toList());
  }

  @Test
  void aSaveCannotTakeTheContactOfAnotherTicket() {
    Ticket first = store.create(TicketUpdate.of(newTicket(MONDAY_9AM).toBuilder().source(Fixtures.call("c-1")).build()));
    Ticket second = created(MONDAY_9AM);

    assertThrows(DuplicateContactException.class,
        () -> saved(second.toBuilder().source(Fixtures.call("c-1")).build()));
    assertEquals(1, store.get(second.id()).version());
    assertEquals(first.id(), store.findBySource(Fixtures.call("c-1")).orElseThrow().id());
  }

  @Test
  void deletingRemovesTheTicketAndItsHistoryAndFreesItsContact() {
    Ticket ticket = store.create(TicketUpdate.of(newTicket(MONDAY_9AM).toBuilder().source(Fixtures.call("c-9")).build()));
    Ticket other = created(MONDAY_9AM);

    assertTrue(store.delete(ticket.id()));
    assertFalse(store.delete(ticket.id()));
    assertEquals(Optional.empty(), store.find(ticket.id()));
    assertEquals(List.of(), store.history(ticket.id()));
    assertEquals(Optional.empty(), store.findBySource(Fixtures.call("c-9")));
    assertEquals(List.of(other), store.query(TicketQuery.all()).tickets());
    store.create(TicketUpdate.of(newTicket(MONDAY_9AM).toBuilder().source(Fixtures.call("c-9")).build()));
  }

  @Test
  void aNotificationIdAlreadyInTheOutboxIsRejectedAndNothingIsWritten() {
    Ticket first = newTicket(MONDAY_9AM);
    Notification notification = fixtures.notification(first, MONDAY_9AM);
    store.create(new TicketUpdate(first, List.of(), List.of(notification)));
    Ticket second = newTicket(MONDAY_9AM);
    Notification reused = new Notification(notification.id(), second.id(), notification.kind(),
        notification.recipient(), notification.locale(), "Another subject", "", MONDAY_9AM);

    assertThrows(HelpDeskException.class,
        () -> store.create(new TicketUpdate(second, List.of(fixtures.opened(second)), List.of(reused))));
    assertEquals(Optional.empty(), store.find(second.id()));
    assertEquals(first.id(), store.outbox().find(notification.id()).orElseThrow().notification().ticket());
  }

  // ---- queries ----

  @Test
  void queriesListOldestFirstThenById() {
    List<Ticket> expected = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      // Entered in pairs at the same instant, created newest first.
      expected.add(created(MONDAY_9AM.plus(Duration.ofMinutes(i / 2))));
    }
    expected.sort(TicketQuery.OLDEST_FIRST);
    assertEquals(expected, store.query(TicketQuery.all()).tickets());
  }

  @Test
  void theOpenQueryLeavesOutClosedCancelledAndMergedTickets() {
    Ticket open = created(MONDAY_9AM);
    Ticket resolved = saved(resolve(created(MONDAY_9AM.plusSeconds(1))));
    Ticket closed = saved(resolve(created(MONDAY_9AM.plusSeconds(2))).toBuilder().status(TicketStatus.CLOSED).build());
    Ticket cancelled = saved(created(MONDAY_9AM.plusSeconds(3)).toBuilder().status(TicketStatus.CANCELLED).build());
    Ticket merged = saved(created(MONDAY_9AM.plusSeconds(4)).toBuilder().status(TicketStatus.MERGED)
        .link(new TicketLink(LinkType.DUPLICATE_OF, open.id())).build());

    assertEquals(List.of(open, resolved), store.query(TicketQuery.open()).tickets());
    assertEquals(List.of(open, resolved, closed, cancelled, merged), store.query(TicketQuery.all()).tickets());
    assertEquals(List.of(closed, cancelled),
        store.query(TicketQuery.all().status(TicketStatus.CLOSED, TicketStatus.CANCELLED)).tickets());
  }

  private Ticket resolve(Ticket ticket) {
    return ticket.toBuilder().status(TicketStatus.RESOLVED)
        .resolution(new Resolution("Restarted the spooler.", Optional.empty(), Actor.system(), ticket.entered(), true))
        .build();
  }

  @Test
  void queriesFilterByTier() {
    Ticket level1 = created(MONDAY_9AM);
    Ticket level2 = saved(created(MONDAY_9AM.plusSeconds(1)).toBuilder().tier(Tier.SPECIALISTS).build());

    assertEquals(List.of(level1), store.query(TicketQuery.open().tier(Tier.FIRST_LINE)).tickets());
    assertEquals(List.of(level2), store.query(TicketQuery.open().tier(Tier.level(2))).tickets());
    assertEquals(List.of(), store.query(TicketQuery.open().tier(Tier.EXPERTS)).tickets());
  }

  @Test
  void queriesFilterByAssignee() {
    TechnicianId maria = TechnicianId.of("maria");
    Ticket hers = saved(created(MONDAY_9AM).toBuilder().assignee(maria).status(TicketStatus.ASSIGNED).build());
    created(MONDAY_9AM.plusSeconds(1));
    saved(created(MONDAY_9AM.plusSeconds(2)).toBuilder().assignee(TechnicianId.of("luis"))
        .status(TicketStatus.IN_PROGRESS).build());

    assertEquals(List.of(hers), store.query(TicketQuery.open().assignee(maria)).tickets());
  }

  @Test
  void queriesFilterByDepartment() {
    DepartmentId purchasing = DepartmentId.of("purchasing");
    Ticket handedOff = saved(created(MONDAY_9AM).toBuilder().department(purchasing)
        .status(TicketStatus.WITH_DEPARTMENT).build());
    created(MONDAY_9AM.plusSeconds(1));

    assertEquals(List.of(handedOff), store.query(TicketQuery.open().department(purchasing)).tickets());
    assertEquals(List.of(), store.query(TicketQuery.open().department(DepartmentId.of("facilities"))).tickets());
  }

  @Test
  void queriesFilterByCustomer() {
    Ticket anas = created(MONDAY_9AM);
    Ticket brunos = store.create(TicketUpdate.of(newTicket(MONDAY_9AM.plusSeconds(1)).toBuilder().customer(BRUNO).build()));

    assertEquals(List.of(anas), store.query(TicketQuery.all().customer(ANA)).tickets());
    assertEquals(List.of(brunos), store.query(TicketQuery.all().customer(BRUNO)).tickets());
  }

  @Test
  void filtersCombine() {
    TechnicianId maria = TechnicianId.of("maria");
    Ticket wanted = saved(created(MONDAY_9AM).toBuilder().tier(Tier.SPECIALISTS).assignee(maria)
        .status(TicketStatus.IN_PROGRESS).build());
    saved(created(MONDAY_9AM.plusSeconds(1)).toBuilder().assignee(maria).status(TicketStatus.IN_PROGRESS).build());
    saved(created(MONDAY_9AM.plusSeconds(2)).toBuilder().tier(Tier.SPECIALISTS).assignee(maria)
        .status(TicketStatus.ASSIGNED).build());

    TicketQuery query = TicketQuery.all().status(TicketStatus.IN_PROGRESS).tier(Tier.SPECIALISTS).assignee(maria);
    assertEquals(List.of(wanted), store.query(query).tickets());
  }

  @Test
  void queriesSeeEveryChange() {
    Ticket ticket = created(MONDAY_9AM);
    Ticket escalated = saved(ticket.toBuilder().tier(Tier.SPECIALISTS).build());

    assertEquals(List.of(), store.query(TicketQuery.open().tier(Tier.FIRST_LINE)).tickets());
    assertEquals(List.of(escalated), store.query(TicketQuery.open().tier(Tier.SPECIALISTS)).tickets());

    Ticket cancelled = saved(escalated.toBuilder().status(TicketStatus.CANCELLED).build());
    assertEquals(List.of(), store.query(TicketQuery.open()).tickets());
    assertEquals(List.of(cancelled), store.query(TicketQuery.all()).tickets());
  }

  @Test
  void pagesWalkEveryMatchOnceInOrder() {
    List<Ticket> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(created(MONDAY_9AM.plus(Duration.ofMinutes(i % 7))));
    }
    all.sort(TicketQuery.OLDEST_FIRST);

    List<Ticket> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Optional<TicketQuery> next = Optional.of(TicketQuery.open().limit(7));
    while (next.isPresent()) {
      TicketPage page = store.query(next.get());
      walked.addAll(page.tickets());
      sizes.add(page.tickets().size());
      next = page.next();
    }
    assertEquals(all, walked);
    assertEquals(List.of(7, 7, 7, 4), sizes);
  }

  @Test
  void openTicketsOfEveryTierArePagedTogetherOldestFirst() {
    Tier[] tiers = {Tier.FIRST_LINE, Tier.SPECIALISTS, Tier.EXPERTS};
    List<Ticket> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Ticket ticket = created(MONDAY_9AM.plus(Duration.ofMinutes(i % 6)));
      all.add(saved(ticket.toBuilder().tier(tiers[i % tiers.length]).build()));
    }
    all.sort(TicketQuery.OLDEST_FIRST);

    List<Ticket> walked = new ArrayList<>();
    Optional<TicketQuery> next = Optional.of(TicketQuery.open().limit(3));
    while (next.isPresent()) {
      TicketPage page = store.query(next.get());
      walked.addAll(page.tickets());
      next = page.next();
    }
    assertEquals(all, walked);
  }

  @Test
  void pagesOfFinishedTicketsWalkEveryMatchOnceInOrder() {
    TechnicianId maria = TechnicianId.of("maria");
    List<Ticket> hers = new ArrayList<>();
    List<Ticket> all = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      Ticket ticket = created(MONDAY_9AM.plus(Duration.ofMinutes(i % 4)));
      Ticket.Builder cancelled = ticket.toBuilder().status(TicketStatus.CANCELLED);
      if (i % 3 == 0) {
        cancelled.assignee(maria);
      }
      Ticket stored = saved(cancelled.build());
      all.add(stored);
      if (i % 3 == 0) {
        hers.add(stored);
      }
    }
    created(MONDAY_9AM); // an open one, never listed below
    all.sort(TicketQuery.OLDEST_FIRST);
    hers.sort(TicketQuery.OLDEST_FIRST);

    assertEquals(all, walk(TicketQuery.all().status(TicketStatus.CANCELLED).limit(4)));
    assertEquals(hers, walk(TicketQuery.all().status(TicketStatus.CANCELLED).assignee(maria).limit(2)));
    assertEquals(all, walk(TicketQuery.all().status(TicketStatus.CANCELLED).customer(ANA).limit(6)));
  }

  private List<Ticket> walk(TicketQuery first) {
    List<Ticket> walked = new ArrayList<>();
    Optional<TicketQuery> next = Optional.of(first);
    while (next.isPresent()) {
      TicketPage page = store.query(next.get());
      walked.addAll(page.tickets());
      next = page.next();
    }
    return walked;
  }

  @Test
  void aFullLastPageHasNoNextPage() {
    for (int i = 0; i < 4; i++) {
      created(MONDAY_9AM.plusSeconds(i));
    }
    TicketPage first = store.query(TicketQuery.all().limit(2));
    TicketPage second = store.query(first.next().orElseThrow());
    assertEquals(2, second.tickets().size());
    assertEquals(Optional.empty(), second.next());
  }

  @Test
  void countIgnoresThePageSize() {
    for (int i = 0; i < 12; i++) {
      created(MONDAY_9AM.plusSeconds(i));
    }
    assertEquals(12, store.count(TicketQuery.open().limit(5)));
    assertEquals(0, store.count(TicketQuery.open().tier(Tier.EXPERTS)));
  }

  @Test
  void aPageSizeOutOfRangeIsRejected() {
    assertThrows(ValidationException.class, () -> TicketQuery.all().limit(0));
    assertThrows(ValidationException.class, () -> TicketQuery.all().limit(TicketQuery.MAX_LIMIT + 1));
  }

  // ---- streams ----

  @Test
  void theStreamsHoldEveryTicketAndEveryEvent() {
    Set<Ticket> expected = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      Ticket ticket = created(MONDAY_9AM.plusSeconds(i));
      expected.add(saved(ticket, fixtures.comment(ticket, "seen " + i)));
    }
    try (Stream<Ticket> tickets = store.stream()) {
      assertEquals(expected, tickets.collect(Collectors.toSet()));
    }
    try (Stream<TicketEvent> events = store.events()) {
      Map<TicketId, List<TicketEvent>> byTicket =
          events.collect(Collectors.groupingBy(TicketEvent::ticket, Collectors.toList()));
      assertEquals(6, byTicket.size());
      byTicket.forEach((id, history) -> assertEquals(store.history(id), history, "events of " + id + " in order"));
    }
  }

  @Test
  void eachWantedTicketIsHandedOverOnceWithItsHistory() {
    Map<TicketId, List<TicketEvent>> expected = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      Ticket ticket = created(MONDAY_9AM.plusSeconds(i));
      Ticket stored = i % 2 == 0 ? saved(ticket, fixtures.comment(ticket, "wanted " + i)) : ticket;
      if (i % 2 == 0) {
        expected.put(stored.id(), store.history(stored.id()));
      }
    }
    Map<TicketId, List<TicketEvent>> handed = new HashMap<>();
    store.forEachHistory(ticket -> ticket.version() == 2, (ticket, history) -> {
      assertEquals(2, ticket.version());
      assertEquals(null, handed.put(ticket.id(), List.copyOf(history)), "handed over twice: " + ticket.id());
    });
    assertEquals(expected, handed);
  }

  // ---- concurrency ----

  @Test
  void concurrentSavesLoseNoSuccessfulUpdate() throws Exception {
    List<TicketId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(created(MONDAY_9AM.plusSeconds(i)).id());
    }
    Map<TicketId, AtomicInteger> successes = new ConcurrentHashMap<>();
    ids.forEach(id -> successes.put(id, new AtomicInteger()));
    int perThread = 150;

    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < perThread; i++) {
        TicketId id = ids.get((thread + i) % ids.size());
        Ticket read = store.get(id);
        Ticket changed = read.toBuilder().reopenCount(read.reopenCount() + 1).build();
        try {
          store.save(TicketUpdate.of(changed, fixtures.comment(changed, "thread " + thread + " step " + i)));
          successes.get(id).incrementAndGet();
        } catch (VersionConflictException lost) {
          // Somebody else saved first; this attempt wrote nothing.
        }
      }
    });

    int total = 0;
    for (TicketId id : ids) {
      int wins = successes.get(id).get();
      total += wins;
      Ticket ticket = store.get(id);
      assertEquals(wins, ticket.reopenCount(), "every successful save of " + id + " is kept");
      assertEquals(1 + wins, ticket.version(), "the version of " + id + " counts every save");
      assertEquals(1 + wins, store.history(id).size(), "the history of " + id + " has every save's event");
    }
    assertTrue(total > 0, "some saves succeeded");
  }
}
