package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.MARIO;
import static dev.helpdesk.core.Desk.PURCHASING;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.core.lifecycle.Lifecycle;
import dev.helpdesk.core.lifecycle.TicketAction;
import dev.helpdesk.core.sla.SlaPolicy;
import dev.helpdesk.core.sla.SlaTargets;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.IllegalTransitionException;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Walks every (status, action) pair of the state machine through the desk's commands: each pair
 * either does what {@link Lifecycle} says or throws an {@link IllegalTransitionException} naming
 * the status and the action, and then nothing changed.
 */
class LifecycleTest {

  /** Makes, in a fresh desk, a level-2 ticket in each status. */
  private static final Map<TicketStatus, Function<Desk, Ticket>> FIXTURES = Map.of(
      TicketStatus.NEW, LifecycleTest::atLevel2,
      TicketStatus.ASSIGNED, d -> d.desk.assign(SAM, atLevel2(d).id(), TechnicianId.of("mario")),
      TicketStatus.IN_PROGRESS, d -> d.desk.startWork(MARIO, atLevel2(d).id()),
      TicketStatus.WAITING_ON_CUSTOMER, d -> d.desk.requestInformation(SAM,
          d.desk.startWork(MARIO, atLevel2(d).id()).id(), "Which printer?"),
      TicketStatus.WITH_DEPARTMENT, d -> d.desk.handOff(SAM, atLevel2(d).id(), PURCHASING.id(), "Order toner"),
      TicketStatus.RESOLVED, LifecycleTest::resolvedAtLevel2,
      TicketStatus.CLOSED, LifecycleTest::closedAtLevel2,
      TicketStatus.REOPENED, d -> {
        Ticket closed = closedAtLevel2(d);
        return d.desk.reopen(d.customerOf(closed), closed.id(), "It jams again");
      },
      TicketStatus.CANCELLED, d -> d.desk.cancel(SAM, atLevel2(d).id(), "Customer withdrew it"),
      TicketStatus.MERGED, d -> d.desk.merge(SAM, atLevel2(d).id(), d.call("Same printer").id()));

  private static Ticket atLevel2(Desk d) {
    return d.desk.escalate(SAM, d.call("Printer on floor 2 jams").id(), Escalation.toNextTier("Needs a specialist"));
  }

  private static Ticket closedAtLevel2(Desk d) {
    Ticket working = d.desk.startWork(MARIO, atLevel2(d).id());
    return d.desk.resolve(MARIO, working.id(), Solution.of("Replaced the fuser.").confirmedByCustomer());
  }

  private static Ticket resolvedAtLevel2(Desk d) {
    Ticket working = d.desk.startWork(MARIO, atLevel2(d).id());
    // Under FIRST_LINE_CLOSES a level-2 solution never rests at level 2; written through the store.
    Ticket resolved = working.toBuilder().status(TicketStatus.RESOLVED).updated(d.clock.instant())
        .resolution(new Resolution("Replaced the fuser.", Optional.empty(), MARIO, d.clock.instant(), false)).build();
    return d.store.save(TicketUpdate.of(resolved));
  }

  /** How each action is asked of the desk. */
  private static final Map<TicketAction, BiFunction<Desk, Ticket, Ticket>> COMMANDS = Map.ofEntries(
      Map.entry(TicketAction.ASSIGN, (d, t) -> d.desk.assign(SAM, t.id(), TechnicianId.of("marta"))),
      Map.entry(TicketAction.START_WORK, (d, t) -> d.desk.startWork(
          t.assignee().isPresent() ? Actor.technician(t.assignee().get()) : MARIO, t.id())),
      Map.entry(TicketAction.RELEASE, (d, t) -> d.desk.release(SAM, t.id(), "Shift over")),
      Map.entry(TicketAction.REQUEST_INFORMATION, (d, t) -> d.desk.requestInformation(SAM, t.id(), "Model?")),
      Map.entry(TicketAction.CUSTOMER_REPLY, (d, t) -> d.desk.reply(d.customerOf(t), t.id(), "It is an HP 4050")),
      Map.entry(TicketAction.ESCALATE, (d, t) -> d.desk.escalate(SAM, t.id(), Escalation.toNextTier("Hardware"))),
      Map.entry(TicketAction.HAND_OFF, (d, t) -> d.desk.handOff(SAM, t.id(), PURCHASING.id(), "Order a fuser")),
      Map.entry(TicketAction.RETURN_FROM_DEPARTMENT, (d, t) -> d.desk.returnFromDepartment(SAM, t.id(), "Ordered")),
      Map.entry(TicketAction.RESOLVE, (d, t) -> d.desk.resolve(SAM, t.id(), Solution.of("Cleaned the rollers."))),
      Map.entry(TicketAction.RETURN_FOR_FOLLOW_UP,
          (d, t) -> d.desk.resolve(SAM, t.id(), Solution.of("Cleaned the rollers."))),
      Map.entry(TicketAction.CONFIRM, (d, t) -> d.desk.confirm(d.customerOf(t), t.id())),
      Map.entry(TicketAction.CLOSE, (d, t) -> d.desk.close(SAM, t.id(), "Called Ana, all good")),
      Map.entry(TicketAction.REOPEN, (d, t) -> d.desk.reopen(d.customerOf(t), t.id(), "Jams again")),
      Map.entry(TicketAction.CANCEL, (d, t) -> d.desk.cancel(SAM, t.id(), "Duplicate call")),
      Map.entry(TicketAction.MERGE, (d, t) -> d.desk.merge(SAM, t.id(), d.call("Printer again").id())),
      Map.entry(TicketAction.COMMENT, (d, t) -> d.desk.comment(SAM, t.id(), Note.internal("VIP customer"))),
      Map.entry(TicketAction.CHANGE_PRIORITY, (d, t) -> d.desk.changePriority(SAM, t.id(), Priority.HIGH)),
      Map.entry(TicketAction.RATE, (d, t) -> d.desk.rate(d.customerOf(t), t.id(), 5, "Quick and friendly")));

  @Test
  void everyCommandedActionInEveryStatusWorksOrIsRefusedWithoutAChange() {
    int allowed = 0;
    int refused = 0;
    for (Ownership ownership : Ownership.values()) {
      for (TicketStatus status : TicketStatus.values()) {
        for (TicketAction action : COMMANDS.keySet()) {
          // resolve() means RETURN_FOR_FOLLOW_UP when the first line closes, RESOLVE otherwise.
          if (action == (ownership == Ownership.FIRST_LINE_CLOSES ? TicketAction.RESOLVE
              : TicketAction.RETURN_FOR_FOLLOW_UP)) {
            continue;
          }
          if (walk(ownership, status, action)) {
            allowed++;
          } else {
            refused++;
          }
        }
      }
    }
    assertTrue(allowed > 60 && refused > 60, "allowed " + allowed + ", refused " + refused);
  }

  /** Tries one pair on a fresh desk; returns whether the table allows it. */
  private boolean walk(Ownership ownership, TicketStatus status, TicketAction action) {
    Desk d = new Desk(b -> b.ownership(ownership));
    Ticket before = FIXTURES.get(status).apply(d);
    assertEquals(status, before.status(), "fixture for " + status);
    assertEquals(Tier.SPECIALISTS, before.tier(), "fixture for " + status);
    int history = d.desk.history(SAM, before.id()).size();
    long notifications = notificationsAbout(d, before);
    String pair = ownership + ": " + action + " in " + status;

    if (Lifecycle.allows(status, action)) {
      Ticket after;
      try {
        after = COMMANDS.get(action).apply(d, before);
      } catch (RuntimeException e) {
        throw new AssertionError(pair + " is allowed but failed: " + e, e);
      }
      if (action == TicketAction.REOPEN || after.id().equals(before.id())) {
        TicketStatus expected = Lifecycle.target(before, action).statusFor(before.status(), after.assignee().isPresent());
        assertEquals(expected, after.status(), pair);
        assertEquals(before.version() + 1, after.version(), pair + " stored one new version");
        assertTrue(d.desk.history(SAM, before.id()).size() > history, pair + " is recorded");
      }
      return true;
    }
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> COMMANDS.get(action).apply(d, before), pair);
    assertEquals(status, e.status(), pair);
    // A refused resolve() is named as the caller asked for it, whichever row of the table refused it.
    String named = action == TicketAction.RETURN_FOR_FOLLOW_UP ? TicketAction.RESOLVE.label() : action.label();
    assertEquals(named, e.action(), pair);
    assertTrue(e.getMessage().contains(status.name()) && e.getMessage().contains(named), e.getMessage());
    assertEquals(before, d.get(before.id()), pair + " changed nothing");
    assertEquals(history, d.desk.history(SAM, before.id()).size(), pair + " recorded nothing");
    assertEquals(notifications, notificationsAbout(d, before), pair + " notified nobody");
    return false;
  }

  private static long notificationsAbout(Desk d, Ticket ticket) {
    return d.notifier.delivered.stream().filter(n -> n.ticket().equals(ticket.id())).count();
  }

  @Test
  void theDeskKeepsCustomersInformedInExactlyTheStatusesTheTableAllows() {
    for (TicketStatus status : TicketStatus.values()) {
      Desk d = new Desk();
      Ticket ticket = FIXTURES.get(status).apply(d);
      d.clock.advance(Duration.ofDays(3));
      d.desk.advanceTo(d.clock.instant());
      boolean updated = d.desk.history(SAM, ticket.id()).stream()
          .anyMatch(e -> e.change() instanceof TicketEvent.StatusUpdateSent);
      assertEquals(Lifecycle.allows(status, TicketAction.KEEP_INFORMED), updated, status.name());
    }
  }

  @Test
  void theDeskRecordsSlaBreachesInExactlyTheStatusesTheTableAllows() {
    // A resolution target of an hour, with no pauses, so only the table decides (issue 6).
    SlaPolicy strict = SlaPolicy.named("strict").targets(SlaTargets.builder().resolution(Duration.ofHours(1)).build())
        .pausedWhile().build();
    for (TicketStatus status : TicketStatus.values()) {
      Desk d = new Desk(b -> b.slaPolicies(strict));
      Ticket ticket = FIXTURES.get(status).apply(d);
      d.clock.advance(Duration.ofDays(3));
      d.desk.advanceTo(d.clock.instant());
      boolean breached = d.desk.history(SAM, ticket.id()).stream()
          .anyMatch(e -> e.change() instanceof TicketEvent.SlaBreached);
      assertEquals(Lifecycle.allows(status, TicketAction.TRACK_SLA), breached, status.name());
    }
  }

  @Test
  void finalStatusesAllowLittleOrNothing() {
    assertEquals(Set.of(), Lifecycle.allowedIn(TicketStatus.MERGED));
    assertEquals(EnumSet.of(TicketAction.COMMENT), EnumSet.copyOf(Lifecycle.allowedIn(TicketStatus.CANCELLED)));
    assertEquals(EnumSet.of(TicketAction.REOPEN, TicketAction.COMMENT, TicketAction.RATE),
        EnumSet.copyOf(Lifecycle.allowedIn(TicketStatus.CLOSED)));
    assertFalse(Lifecycle.allows(TicketStatus.CLOSED, TicketAction.RESOLVE));
  }

  @Test
  void theTableReadsAsText() {
    String table = Lifecycle.describe();
    String waiting = table.lines().filter(l -> l.startsWith("WAITING_ON_CUSTOMER:")).findFirst().orElseThrow();
    assertTrue(waiting.contains(" customer reply -> resume;"), waiting);
    assertTrue(waiting.contains(" resolve -> RESOLVED;"), waiting);
    assertEquals(TicketStatus.values().length, table.lines().count());
  }

  @Test
  void everyActionIsCoveredByTheWalk() {
    Set<TicketAction> walked = EnumSet.copyOf(COMMANDS.keySet());
    walked.add(TicketAction.KEEP_INFORMED);
    walked.add(TicketAction.TRACK_SLA);
    assertEquals(EnumSet.allOf(TicketAction.class), walked);
    if (!walked.containsAll(List.of(TicketAction.values()))) {
      fail("unwalked actions");
    }
  }

}
