package dev.helpdesk.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.CustomerKind;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Service levels as values, and the clocks a history gives, without a desk: policies chosen in
 * order, targets validated, and the pause and change-of-priority arithmetic checked on random
 * calendars (issue 6, points 1, 3 and 5).
 */
class ServiceLevelsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final TicketId ID = TicketId.of("HD-1");
  private static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  private static final Actor ANA = Actor.customer(CustomerId.of("C-1"));

  private static Ticket ticket(Channel channel, String category, Priority priority, Instant entered) {
    return Ticket.builder().id(ID).customer(CustomerId.of("C-1")).channel(channel).category(category)
        .subject("Printer jams").priority(priority).entered(entered).build();
  }

  private static Customer customer(CustomerKind kind, String organisation) {
    return Customer.register(CustomerId.of("C-1"),
        CustomerDetails.named("Ana").email("ana@example.com").organisation(organisation).kind(kind), T0);
  }

  private static TicketEvent event(Instant at, Actor actor, TicketStatus from, TicketStatus to, TicketEvent.Change change) {
    return new TicketEvent(ID, at, actor, from, to, Tier.FIRST_LINE, change, Note.NONE);
  }

  private static List<TicketEvent> opened(Instant at, String policy) {
    List<TicketEvent> history = new ArrayList<>();
    history.add(event(at, ANA, TicketStatus.NEW, TicketStatus.NEW, new TicketEvent.Opened(Channel.EMAIL,
        SupportMode.ONLINE)));
    history.add(event(at, Actor.system(), TicketStatus.NEW, TicketStatus.NEW, new TicketEvent.SlaPolicyApplied(policy)));
    return history;
  }

  // -----------------------------------------------------------------------------------------------
  // Policies
  // -----------------------------------------------------------------------------------------------

  private static final SlaTargets FAST = SlaTargets.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8));
  private static final SlaTargets SLOW = SlaTargets.of(Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(5));

  @Test
  void theFirstPolicyThatMatchesApplies() {
    SlaPolicy acmeCritical = SlaPolicy.named("acme-critical").organisations("ACME").targets(Priority.CRITICAL, FAST)
        .build();
    SlaPolicy phone = SlaPolicy.named("phone").channels(Channel.PHONE, Channel.WALK_IN).targets(FAST).build();
    SlaPolicy staff = SlaPolicy.named("staff").customers(CustomerKind.INTERNAL).categories("Printing", "email")
        .targets(SLOW).build();
    SlaPolicy standard = SlaPolicy.named("standard").targets(SLOW).build();
    ServiceLevels levels = ServiceLevels.of(BusinessCalendar.twentyFourSeven(), List.of(acmeCritical, phone, staff,
        standard));

    Customer acme = customer(CustomerKind.EXTERNAL, "Acme");
    Customer employee = customer(CustomerKind.INTERNAL, "");
    assertEquals("acme-critical", levels.policyFor(ticket(Channel.EMAIL, "printing", Priority.CRITICAL, T0), acme)
        .orElseThrow().name(), "organisations match whatever their case");
    assertEquals("phone", levels.policyFor(ticket(Channel.PHONE, "printing", Priority.HIGH, T0), acme)
        .orElseThrow().name(), "acme's policy covers only critical tickets");
    assertEquals("staff", levels.policyFor(ticket(Channel.EMAIL, "PRINTING", Priority.LOW, T0), employee)
        .orElseThrow().name());
    assertEquals("standard", levels.policyFor(ticket(Channel.EMAIL, "network", Priority.LOW, T0), employee)
        .orElseThrow().name(), "a category staff's policy does not cover");
    assertEquals(Optional.empty(), ServiceLevels.of(BusinessCalendar.twentyFourSeven(), List.of(acmeCritical))
        .policyFor(ticket(Channel.EMAIL, "printing", Priority.HIGH, T0), acme));
  }

  @Test
  void aPolicyIsAValueBuiltInCode() {
    SlaPolicy one = SlaPolicy.named("gold").organisations("Acme").targets(Priority.HIGH, FAST).warnAt(90, 50).build();
    SlaPolicy same = SlaPolicy.named("gold").organisations("acme").targets(Priority.HIGH, FAST).warnAt(50, 90).build();
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertEquals(List.of(50, 90), one.warnAt());
    assertEquals(SlaPolicy.DEFAULT_PAUSES, one.pausedWhile());
    assertEquals(Optional.of(Duration.ofHours(1)), one.targets(Priority.HIGH).orElseThrow().firstResponse());
    assertEquals(Optional.empty(), one.targets(Priority.LOW));
    assertTrue(one.toString().contains("gold") && one.toString().contains("acme"), one.toString());
  }

  @Test
  void badPoliciesAreRefusedWithEveryReason() {
    ValidationException e = assertThrows(ValidationException.class, () -> SlaPolicy.named(" ")
        .pausedWhile(TicketStatus.RESOLVED).warnAt(0, 75, 75).categories("").build());
    List<String> problems = e.violations().stream().map(Violation::toString).toList();
    assertEquals(List.of("name must not be blank", "pausedWhile may hold only [WAITING_ON_CUSTOMER, WITH_DEPARTMENT],"
        + " not RESOLVED", "warnAt must be between 1 and 99 percent, was 0", "warnAt holds 75 % twice",
        "categories must not hold a blank name", "targets must be set for at least one priority"), problems);

    ValidationException twice = assertThrows(ValidationException.class, () -> SlaPolicy.named("p")
        .targets(Priority.LOW, FAST).targets(Priority.LOW, SLOW).build());
    assertTrue(twice.getMessage().contains("targets[LOW] is already set"), twice.getMessage());

    ValidationException targets = assertThrows(ValidationException.class, () -> SlaTargets.builder()
        .firstResponse(Duration.ZERO).resolution(Duration.ofHours(-1)).build());
    assertEquals(2, targets.violations().size(), targets.getMessage());
    assertThrows(ValidationException.class, () -> SlaTargets.builder().build());

    SlaPolicy gold = SlaPolicy.named("gold").targets(FAST).build();
    ValidationException names = assertThrows(ValidationException.class,
        () -> ServiceLevels.of(BusinessCalendar.twentyFourSeven(), List.of(gold, gold)));
    assertEquals("policies[1] repeats the name 'gold'", names.violations().get(0).toString());
  }

  @Test
  void tierTargetsAreKeptPerLevel() {
    SlaTargets targets = SlaTargets.builder().resolution(Duration.ofHours(8)).atTier(Tier.FIRST_LINE,
        Duration.ofMinutes(30)).atTier(new Tier(2, "Networks"), Duration.ofHours(4)).build();
    assertEquals(Optional.of(Duration.ofHours(4)), targets.atTier(Tier.SPECIALISTS), "a tier is its level");
    assertEquals(Optional.empty(), targets.atTier(Tier.EXPERTS));
    assertEquals(Optional.empty(), targets.firstResponse());
  }

  // -----------------------------------------------------------------------------------------------
  // Clocks from a history
  // -----------------------------------------------------------------------------------------------

  @Test
  void theSameHistoryAlwaysGivesTheSameClocks() {
    ServiceLevels levels = ServiceLevels.of(BusinessCalendarTest.OFFICE,
        List.of(SlaPolicy.named("standard").targets(FAST).build()));
    Ticket ticket = ticket(Channel.EMAIL, "printing", Priority.MEDIUM, BusinessCalendarTest.madrid("2026-03-06T17:30"));
    List<TicketEvent> history = opened(ticket.entered(), "standard");
    SlaStatus now = levels.status(ticket, history, ticket.entered());
    SlaStatus later = levels.status(ticket, history, BusinessCalendarTest.madrid("2026-03-09T09:10"));
    // Friday 17:30: half an hour on Friday, half an hour on Monday morning.
    assertEquals(Optional.of(BusinessCalendarTest.madrid("2026-03-09T09:30")), now.due());
    assertEquals(now.due(), later.due());
    assertEquals(Duration.ofMinutes(40), later.clock(SlaTarget.FIRST_RESPONSE).orElseThrow().elapsed());
    assertEquals(Optional.of(Duration.ofMinutes(20)), later.clock(SlaTarget.FIRST_RESPONSE).orElseThrow().remaining());
    assertEquals(List.of(), later.overdue(), "75 % of an hour is reached at 09:15");
    assertEquals(Optional.of(BusinessCalendarTest.madrid("2026-03-09T09:15")), later.nextCheck());
  }

  @Test
  void aWarningAndABreachThatBothFellDueRecordOnlyTheBreach() {
    ServiceLevels levels = ServiceLevels.of(BusinessCalendar.twentyFourSeven(),
        List.of(SlaPolicy.named("standard").targets(FAST).warnAt(50, 75).build()));
    Ticket ticket = ticket(Channel.EMAIL, "printing", Priority.MEDIUM, T0);
    List<TicketEvent> history = opened(T0, "standard");
    assertEquals(List.of(new TicketEvent.SlaWarning(SlaTarget.FIRST_RESPONSE, Optional.empty(), 50,
        T0.plus(Duration.ofHours(1)))), levels.status(ticket, history, T0.plus(Duration.ofMinutes(40))).overdue());
    SlaStatus late = levels.status(ticket, history, T0.plus(Duration.ofHours(2)));
    assertEquals(List.of(new TicketEvent.SlaBreached(SlaTarget.FIRST_RESPONSE, Optional.empty(),
        T0.plus(Duration.ofHours(1)))), late.overdue());
    assertEquals(List.of(SlaResult.breached(SlaTarget.FIRST_RESPONSE, Optional.empty(), T0.plus(Duration.ofHours(1)))),
        late.results());
    assertTrue(late.clock(SlaTarget.FIRST_RESPONSE).orElseThrow().breached());
  }

  @Test
  void pausingForXBusinessMinutesMovesTheDueInstantByExactlyXBusinessMinutes() {
    Random random = new Random(6);
    for (int round = 0; round < 300; round++) {
      BusinessCalendar calendar = RandomCalendars.draw(random).calendar();
      Duration target = Duration.ofMinutes(30 + random.nextInt(5 * 24 * 60));
      ServiceLevels levels = ServiceLevels.of(BusinessCalendar.twentyFourSeven(), List.of(SlaPolicy.named("p")
          .targets(SlaTargets.builder().resolution(target).build()).calendar(calendar).build()));
      Instant opened = RandomCalendars.instant(random, calendar.zone());
      Ticket ticket = ticket(Channel.EMAIL, "printing", Priority.MEDIUM, opened);
      List<TicketEvent> history = opened(opened, "p");
      Instant due = levels.status(ticket, history, opened).due().orElseThrow();
      String where = "round " + round + ": " + calendar + ", " + target + " from " + opened;
      assertEquals(target, calendar.between(opened, due), where);

      // One to three pauses, each starting while the clock still runs and before it falls due.
      Duration paused = Duration.ZERO;
      Instant resumed = opened;
      for (int pause = 1 + random.nextInt(3); pause > 0; pause--) {
        Instant dueNow = levels.status(ticket, history, resumed).due().orElseThrow();
        long window = Duration.between(resumed, dueNow).toSeconds();
        if (window < 2) {
          break;
        }
        Instant stop = resumed.plusSeconds(1 + (long) (random.nextDouble() * (window - 1)));
        Instant resume = stop.plusSeconds(60 + random.nextInt(10 * 86_400));
        history.add(event(stop, LUCIA, TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER,
            new TicketEvent.InformationRequested()));
        history.add(event(resume, ANA, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.NEW,
            new TicketEvent.CustomerReplied(Optional.empty())));
        paused = paused.plus(calendar.between(stop, resume));
        resumed = resume;
      }
      SlaStatus status = levels.status(ticket, history, resumed);
      Instant moved = status.due().orElseThrow();
      assertEquals(paused, calendar.between(due, moved), where + ": paused " + paused);
      assertEquals(calendar.plus(due, paused), moved, where);
      assertEquals(calendar.between(opened, resumed).minus(paused),
          status.clock(SlaTarget.RESOLUTION).orElseThrow().elapsed(), where + ": resumes where it stopped");
    }
  }

  @Test
  void aChangeOfPriorityKeepsTheCountedTimeAndThePauses() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      BusinessCalendar calendar = RandomCalendars.draw(random).calendar();
      SlaTargets slow = SlaTargets.builder().resolution(Duration.ofMinutes(600 + random.nextInt(3_000))).build();
      SlaTargets fast = SlaTargets.builder().resolution(Duration.ofMinutes(60 + random.nextInt(3_000))).build();
      ServiceLevels levels = ServiceLevels.of(calendar, List.of(SlaPolicy.named("p").targets(Priority.MEDIUM, slow)
          .targets(Priority.HIGH, fast).build()));
      Instant opened = RandomCalendars.instant(random, calendar.zone());
      Ticket ticket = ticket(Channel.EMAIL, "printing", Priority.HIGH, opened);
      List<TicketEvent> history = opened(opened, "p");
      Instant stop = opened.plusSeconds(random.nextInt(5 * 86_400));
      Instant resume = stop.plusSeconds(random.nextInt(5 * 86_400));
      Instant change = resume.plusSeconds(random.nextInt(5 * 86_400));
      history.add(event(stop, LUCIA, TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER,
          new TicketEvent.InformationRequested()));
      history.add(event(resume, ANA, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.NEW,
          new TicketEvent.CustomerReplied(Optional.empty())));
      history.add(event(change, LUCIA, TicketStatus.NEW, TicketStatus.NEW,
          new TicketEvent.PriorityChanged(Priority.MEDIUM, Priority.HIGH)));
      String where = "round " + round + ": " + calendar + " from " + opened;

      Duration counted = calendar.between(opened, stop).plus(calendar.between(resume, change));
      Duration target = fast.resolution().orElseThrow();
      Instant due = levels.status(ticket, history, change).due().orElseThrow();
      if (counted.compareTo(slow.resolution().orElseThrow()) >= 0) {
        assertFalse(due.isAfter(change), where + ": it fell due under the old target, by the change");
      } else if (counted.compareTo(target) < 0) {
        assertEquals(calendar.plus(change, target.minus(counted)), due, where);
        assertEquals(target, calendar.between(opened, due).minus(calendar.between(stop, resume)), where);
      } else {
        assertEquals(change, due, where + ": already past the new target, it is due at the change");
      }
    }
  }

  @Test
  void aPolicyTheDeskNoLongerKnowsCountsAsNone() {
    ServiceLevels levels = ServiceLevels.of(BusinessCalendar.twentyFourSeven(),
        List.of(SlaPolicy.named("standard").targets(FAST).build()));
    Ticket ticket = ticket(Channel.EMAIL, "printing", Priority.MEDIUM, T0);
    SlaStatus status = levels.status(ticket, opened(T0, "retired"), T0.plus(Duration.ofDays(3)));
    assertEquals(Optional.empty(), status.policy());
    assertEquals(Optional.empty(), status.due());
    assertEquals(List.of(), status.overdue());
    assertEquals(Duration.ofDays(3), status.clock(SlaTarget.RESOLUTION).orElseThrow().elapsed(),
        "the clocks still count, without targets");
    assertFalse(status.clock(SlaTarget.RESOLUTION).orElseThrow().allowed().isPresent());
  }
}
