package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bad input is refused before anything changes; concurrent commands lose nothing. */
class CommandsTest {

  @Test
  void aCommandListsEveryViolationAndChangesNothing() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    ValidationException e = assertThrows(ValidationException.class,
        () -> d.desk.resolve(LUCIA, t.id(), new Solution(" ", null, false, false)));
    assertEquals("resolve", e.subject());
    assertEquals(Set.of("solution.article", "solution.text"),
        e.violations().stream().map(Violation::field).collect(Collectors.toSet()));
    assertEquals(t, d.get(t.id()));
    assertEquals(1, d.desk.history(SAM, t.id()).size());
  }

  @Test
  void escalationNeedsAReasonAndAHigherConfiguredTier() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    assertThrows(ValidationException.class, () -> d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("")));
    assertThrows(ValidationException.class,
        () -> d.desk.escalate(LUCIA, t.id(), Escalation.to(Tier.FIRST_LINE, "sideways")));
    assertThrows(ValidationException.class,
        () -> d.desk.escalate(LUCIA, t.id(), Escalation.to(Tier.level(7), "too far")));
    Ticket atTop = d.desk.escalate(LUCIA, t.id(), Escalation.to(Tier.SERVER_ADMINISTRATION, "Server down"));
    assertEquals(Tier.SERVER_ADMINISTRATION, atTop.tier());
    assertEquals("Server administration", atTop.tier().name());
    assertThrows(ValidationException.class,
        () -> d.desk.escalate(Desk.SERGIO, t.id(), Escalation.toNextTier("nowhere to go")));
  }

  @Test
  void unknownThingsAreNotFound() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    assertThrows(NotFoundException.class, () -> d.desk.startWork(LUCIA, TicketId.of("HD-404")));
    assertThrows(NotFoundException.class, () -> d.desk.assign(SAM, t.id(), TechnicianId.of("ghost")));
    assertThrows(NotFoundException.class, () -> d.desk.handOff(SAM, t.id(), DepartmentId.of("legal"), "Review"));
  }

  @Test
  void aTechnicianIsAssignedOnlyAtTheTicketsTier() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    ValidationException e = assertThrows(ValidationException.class,
        () -> d.desk.assign(SAM, t.id(), TechnicianId.of("mario")));
    assertTrue(e.getMessage().contains("mario works at L2"), e.getMessage());
  }

  @Test
  void firstContactCannotBeClaimedForAnEscalatedTicket() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.requestInformation(LUCIA, t.id(), "Model?");
    d.desk.reply(d.customerOf(t), t.id(), "HP");
    assertThrows(ValidationException.class,
        () -> d.desk.resolve(LUCIA, t.id(), Solution.of("Fixed").atFirstContact()));
    assertEquals(Optional.empty(), d.get(t.id()).resolution());
  }

  @Test
  void aNoOpCommandStoresNothing() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    Ticket same = d.desk.changePriority(SAM, t.id(), Priority.MEDIUM);
    assertEquals(t.version(), same.version());
    assertEquals(1, d.desk.history(SAM, t.id()).size());
  }

  @Test
  void concurrentCommandsOnOneTicketLoseNoUpdate() throws Exception {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    int threads = 4;
    int commentsEach = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          start.await();
          for (int c = 0; c < commentsEach; c++) {
            d.desk.comment(SAM, t.id(), dev.helpdesk.model.Note.internal("thread " + thread + " note " + c));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    List<TicketEvent> history = d.desk.history(SAM, t.id());
    assertEquals(1 + threads * commentsEach, history.size(), "every comment is recorded");
    assertEquals(1 + threads * commentsEach, d.get(t.id()).version());
  }

  @Test
  void twoTechniciansResolvingAtOnceResolveOnce() throws Exception {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    Set<String> outcomes = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = List.of(LUCIA, Desk.PABLO).stream().map(tech -> pool.submit(() -> {
        start.await();
        try {
          d.desk.resolve(tech, t.id(), Solution.of("Fixed by " + tech.id()).usingArticle(ArticleId.of("KB-1")));
          outcomes.add("resolved");
        } catch (dev.helpdesk.model.IllegalTransitionException already) {
          outcomes.add("refused");
        }
        return null;
      })).collect(Collectors.toList());
      start.countDown();
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Set.of("resolved", "refused"), outcomes);
    assertEquals(1, d.desk.history(SAM, t.id()).stream().filter(e -> e.change() instanceof TicketEvent.Resolved).count());
  }

}
