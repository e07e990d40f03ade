package dev.helpdesk.core.sla;

import static dev.helpdesk.core.sla.SlaDesk.LUCIA;
import static dev.helpdesk.core.sla.SlaDesk.MARIO;
import static dev.helpdesk.core.sla.SlaDesk.SAM;
import static dev.helpdesk.core.sla.SlaDesk.madrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Escalation;
import dev.helpdesk.core.Ownership;
import dev.helpdesk.core.Solution;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desk measures every ticket against its service levels, end to end, on a clock the test moves (issue 6). */
class SlaDeskTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Optional<Tier> NO_TIER = Optional.empty();

  private static SlaDesk desk(SlaPolicy... policies) {
    return new SlaDesk(T0, b -> b.slaPolicies(policies).supervisor(SlaDesk.SUPERVISOR));
  }

  private static SlaPolicy resolutionWithin(Duration resolution) {
    return SlaPolicy.named("standard").targets(SlaTargets.builder().resolution(resolution).build()).build();
  }

  // -----------------------------------------------------------------------------------------------
  // 1. Policies
  // -----------------------------------------------------------------------------------------------

  @Test
  void aNewTicketGetsTheFirstPolicyThatMatches() {
    SlaPolicy acme = SlaPolicy.named("acme").organisations("Acme").targets(SlaTargets.builder()
        .firstResponse(Duration.ofMinutes(30)).build()).build();
    SlaPolicy standard = SlaPolicy.named("standard").targets(SlaTargets.builder()
        .firstResponse(Duration.ofHours(4)).build()).build();
    SlaDesk d = desk(acme, standard);
    Ticket fromAcme = d.receive(Channel.EMAIL, "VPN down", CustomerDetails.named("Luis").email("luis@acme.example")
        .organisation("ACME"));
    Ticket fromAna = d.email("Printer jams");

    assertEquals(Optional.of("acme"), fromAcme.slaPolicy());
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(30))), fromAcme.slaDue());
    assertEquals(Optional.of("standard"), fromAna.slaPolicy());
    assertEquals(Optional.of(T0.plus(Duration.ofHours(4))), fromAna.slaDue());
    TicketEvent applied = d.desk.history(SAM, fromAcme.id()).get(1);
    assertEquals(new TicketEvent.SlaPolicyApplied("acme"), applied.change());
    assertEquals(Actor.system(), applied.actor(), "the desk's bookkeeping, not the customer's doing");
  }

  @Test
  void aDeskWithoutPoliciesKeepsNoSlaAndStillMeasuresTime() {
    SlaDesk d = new SlaDesk(T0, b -> b);
    Ticket t = d.email("Printer jams");
    d.later(Duration.ofDays(1));
    d.desk.advanceTo(d.clock.instant());
    assertEquals(1, d.desk.history(SAM, t.id()).size(), "only the opening");
    assertEquals(Optional.empty(), d.get(t.id()).slaPolicy());
    assertEquals(List.of(), d.get(t.id()).slaResults());
    SlaStatus status = d.desk.sla(SAM, t.id());
    assertEquals(Duration.ofDays(1), status.clock(SlaTarget.RESOLUTION).orElseThrow().elapsed());
    assertEquals(Optional.empty(), status.due());
  }

  @Test
  void aTicketNoPolicyCoversRunsWithoutTargets() {
    SlaDesk d = desk(SlaPolicy.named("critical-only").targets(Priority.CRITICAL,
        SlaTargets.builder().resolution(Duration.ofHours(2)).build()).build());
    Ticket t = d.email("Printer jams");
    assertEquals(Optional.empty(), t.slaPolicy());
    assertEquals(Optional.empty(), t.slaDue());
    d.later(Duration.ofDays(1));
    d.desk.advanceTo(d.clock.instant());
    assertEquals(List.of(), d.recorded(t.id(), TicketEvent.SlaBreached.class));
  }

  @Test
  void customersNeverSeeTheSlaBookkeepingNorAskForIt() {
    SlaDesk d = desk(SlaPolicy.named("standard").targets(SlaTargets.builder().firstResponse(Duration.ofHours(1))
        .build()).build());
    Ticket t = d.email("Printer jams");
    d.desk.advanceTo(d.later(Duration.ofHours(2)));
    assertEquals(1, d.recorded(t.id(), TicketEvent.SlaBreached.class).size());
    assertEquals(List.of(TicketEvent.Opened.class), d.desk.history(d.customerOf(t), t.id()).stream()
        .map(e -> e.change().getClass()).toList());
    assertThrows(AccessDeniedException.class, () -> d.desk.sla(d.customerOf(t), t.id()));
  }

  // -----------------------------------------------------------------------------------------------
  // 2. Business calendars
  // -----------------------------------------------------------------------------------------------

  @Test
  void aTicketThatCrossesAWeekendAHolidayAndADaylightSavingChangeFallsDueInBusinessTime() {
    // Madrid, 9-14 and 15-18 on weekdays; Friday 2026-03-27 a holiday; on Sunday 29 the clocks go forward.
    BusinessCalendar madrid = BusinessCalendar.builder(SlaDesk.MADRID)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(14, 0)).weekdays(LocalTime.of(15, 0), LocalTime.of(18, 0))
        .holiday(LocalDate.of(2026, 3, 27)).build();
    SlaPolicy standard = SlaPolicy.named("standard").targets(SlaTargets.builder().firstResponse(Duration.ofHours(4))
        .resolution(Duration.ofHours(16)).build()).warnAt().build();
    SlaDesk d = new SlaDesk(madrid("2026-03-26T16:00"), b -> b.slaPolicies(standard).businessCalendar(madrid)
        .supervisor(SlaDesk.SUPERVISOR));
    Ticket t = d.email("Cannot print payslips");
    d.desk.assign(SAM, t.id(), TechnicianId.of("lucia"));

    // Thursday 16-18 is two hours; Friday, Saturday and Sunday count nothing; Monday is in summer time.
    assertEquals(Optional.of(Instant.parse("2026-03-30T09:00:00Z")), d.get(t.id()).slaDue(), "Monday 11:00 CEST");
    d.at("2026-03-30T10:30");
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("We are looking at the print server."));
    // 2 h on Thursday, 8 h on Monday, 6 h on Tuesday: 16:00 CEST, which is 14:00 UTC, not 15:00.
    Instant resolutionDue = Instant.parse("2026-03-31T14:00:00Z");
    assertEquals(Optional.of(resolutionDue), d.get(t.id()).slaDue());

    d.desk.advanceTo(d.at("2026-03-31T15:59"));
    assertEquals(List.of(), d.recorded(t.id(), TicketEvent.SlaBreached.class));
    d.desk.advanceTo(d.at("2026-03-31T16:00"));
    assertEquals(List.of(new TicketEvent.SlaBreached(SlaTarget.RESOLUTION, NO_TIER, resolutionDue)),
        d.recorded(t.id(), TicketEvent.SlaBreached.class));
    Ticket stored = d.get(t.id());
    assertEquals(Optional.of(madrid("2026-03-30T10:30")), stored.firstResponse());
    assertEquals(List.of(SlaResult.met(SlaTarget.FIRST_RESPONSE, NO_TIER, Instant.parse("2026-03-30T09:00:00Z"),
        madrid("2026-03-30T10:30")), SlaResult.breached(SlaTarget.RESOLUTION, NO_TIER, resolutionDue)),
        stored.slaResults());
    Notification told = d.inbox.to("lucia", NotificationKind.SLA_BREACHED).get(0);
    assertTrue(told.body().contains("missed its resolution target, due 2026-03-31 16:00 (Europe/Madrid)"),
        told.body());
    assertEquals(1, d.inbox.to("sam", NotificationKind.SLA_BREACHED).size());
  }

  // -----------------------------------------------------------------------------------------------
  // 3. Pauses
  // -----------------------------------------------------------------------------------------------

  @Test
  void waitingOnTheCustomerStopsTheClockAndTheirReplyResumesItWhereItStopped() {
    SlaDesk d = desk(resolutionWithin(Duration.ofHours(8)));
    Ticket t = d.email("Printer jams");
    d.desk.startWork(LUCIA, t.id());
    d.later(Duration.ofHours(2));
    Ticket waiting = d.desk.requestInformation(LUCIA, t.id(), "Which printer?");
    assertEquals(Optional.empty(), waiting.slaDue(), "nothing is due while the desk waits on the customer");
    d.later(Duration.ofHours(5));
    SlaClock paused = d.desk.sla(SAM, t.id()).clock(SlaTarget.RESOLUTION).orElseThrow();
    assertEquals(SlaClock.State.PAUSED, paused.state());
    assertEquals(Duration.ofHours(2), paused.elapsed());

    d.desk.advanceTo(d.later(Duration.ofHours(10)));
    assertEquals(List.of(), d.recorded(t.id(), TicketEvent.SlaBreached.class), "no breach while paused");
    Ticket resumed = d.desk.reply(d.customerOf(t), t.id(), "The one on floor 2");
    assertEquals(Optional.of(d.clock.instant().plus(Duration.ofHours(6))), resumed.slaDue());
    assertEquals(SlaClock.State.RUNNING, d.desk.sla(SAM, t.id()).clock(SlaTarget.RESOLUTION).orElseThrow().state());
  }

  @Test
  void whetherTheClockStopsWhileAnotherDepartmentHasTheTicketIsThePolicysChoice() {
    SlaTargets eightHours = SlaTargets.builder().resolution(Duration.ofHours(8)).build();
    for (boolean pauses : new boolean[] {true, false}) {
      SlaPolicy policy = pauses
          ? SlaPolicy.named("p").targets(eightHours).pausedWhile(TicketStatus.WAITING_ON_CUSTOMER,
              TicketStatus.WITH_DEPARTMENT).build()
          : SlaPolicy.named("p").targets(eightHours).build();
      SlaDesk d = desk(policy);
      Ticket t = d.email("New toner");
      d.later(Duration.ofHours(1));
      d.desk.handOff(LUCIA, t.id(), SlaDesk.PURCHASING.id(), "Order toner");
      d.later(Duration.ofHours(3));
      Ticket back = d.desk.returnFromDepartment(LUCIA, t.id(), "Ordered");
      Instant expected = T0.plus(Duration.ofHours(pauses ? 11 : 8));
      assertEquals(Optional.of(expected), back.slaDue(), pauses ? "paused at purchasing" : "running at purchasing");
    }
  }

  // -----------------------------------------------------------------------------------------------
  // 4. Per-tier clocks
  // -----------------------------------------------------------------------------------------------

  @Test
  void eachTierAnswersForItsOwnPartAndEscalationNeverResetsTheCustomersClock() {
    SlaDesk d = desk(SlaPolicy.named("tiered").targets(SlaTargets.builder().resolution(Duration.ofHours(8))
        .atTier(Tier.FIRST_LINE, Duration.ofMinutes(30)).atTier(Tier.SPECIALISTS, Duration.ofHours(4)).build())
        .warnAt().build());
    Ticket t = d.email("Database timeouts");
    d.desk.startWork(LUCIA, t.id());
    d.later(Duration.ofMinutes(45));
    Ticket escalated = d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Needs a DBA"));
    assertEquals(Optional.of(T0.plus(Duration.ofHours(8))), escalated.slaDue(), "the customer's clock runs on");
    List<TicketEvent> history = d.desk.history(SAM, t.id());
    int breach = indexOf(history, TicketEvent.SlaBreached.class);
    assertEquals(new TicketEvent.SlaBreached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE),
        T0.plus(Duration.ofMinutes(30))), history.get(breach).change());
    assertTrue(breach < indexOf(history, TicketEvent.Escalated.class),
        "the first line's breach is recorded before the step that ended its part");
    assertEquals(TicketStatus.IN_PROGRESS, history.get(breach).to());

    d.later(Duration.ofMinutes(15));
    d.desk.startWork(MARIO, t.id());
    SlaStatus atLevel2 = d.desk.sla(SAM, t.id());
    assertEquals(SlaClock.State.STOPPED, atLevel2.clock(Tier.FIRST_LINE).orElseThrow().state());
    assertEquals(Duration.ofMinutes(45), atLevel2.clock(Tier.FIRST_LINE).orElseThrow().elapsed());
    assertEquals(Duration.ofMinutes(15), atLevel2.clock(Tier.SPECIALISTS).orElseThrow().elapsed());
    assertEquals(Duration.ofHours(1), atLevel2.clock(SlaTarget.RESOLUTION).orElseThrow().elapsed());

    d.later(Duration.ofHours(2));
    Ticket solved = d.desk.resolve(MARIO, t.id(), Solution.of("Rebuilt the index."));
    Instant at = T0.plus(Duration.ofHours(3));
    assertEquals(List.of(SlaResult.met(SlaTarget.RESOLUTION, NO_TIER, T0.plus(Duration.ofHours(8)), at),
        SlaResult.breached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE), T0.plus(Duration.ofMinutes(30))),
        SlaResult.met(SlaTarget.TIER_TIME, Optional.of(Tier.SPECIALISTS),
            T0.plus(Duration.ofMinutes(45)).plus(Duration.ofHours(4)), at)), solved.slaResults());
  }

  @Test
  void aTierThatGetsTheTicketBackForFollowUpAnswersForBothOfItsParts() {
    SlaPolicy tiered = SlaPolicy.named("tiered").targets(SlaTargets.builder()
        .atTier(Tier.FIRST_LINE, Duration.ofMinutes(30)).build()).warnAt().build();
    SlaDesk d = new SlaDesk(T0, b -> b.slaPolicies(tiered).ownership(Ownership.FIRST_LINE_CLOSES));
    Ticket t = d.email("Database timeouts");
    d.desk.startWork(LUCIA, t.id());
    d.later(Duration.ofMinutes(20));
    d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Needs a DBA"));
    d.desk.startWork(MARIO, t.id());
    d.later(Duration.ofHours(2));
    Ticket back = d.desk.resolve(MARIO, t.id(), Solution.of("Rebuilt the index."));
    assertEquals(Tier.FIRST_LINE, back.tier());
    assertEquals(List.of(SlaResult.met(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE), T0.plus(Duration.ofMinutes(30)),
        T0.plus(Duration.ofMinutes(20)))), back.slaResults(), "level 2's time does not count against level 1");
    Instant returned = d.clock.instant();
    d.desk.advanceTo(d.later(Duration.ofMinutes(15)));
    assertEquals(List.of(new TicketEvent.SlaBreached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE),
        returned.plus(Duration.ofMinutes(10)))), d.recorded(t.id(), TicketEvent.SlaBreached.class),
        "twenty minutes before the escalation and ten after the return");
  }

  private static int indexOf(List<TicketEvent> history, Class<? extends TicketEvent.Change> type) {
    for (int i = 0; i < history.size(); i++) {
      if (type.isInstance(history.get(i).change())) {
        return i;
      }
    }
    return -1;
  }

  // -----------------------------------------------------------------------------------------------
  // 5. Changes mid-flight
  // -----------------------------------------------------------------------------------------------

  @Test
  void raisingThePriorityRecomputesTheDueFromTheTimeCountedKeepingThePauses() {
    SlaDesk d = desk(SlaPolicy.named("standard")
        .targets(Priority.MEDIUM, SlaTargets.builder().resolution(Duration.ofHours(8)).build())
        .targets(Priority.HIGH, SlaTargets.builder().resolution(Duration.ofHours(4)).build()).build());
    Ticket t = d.email("Printer jams");
    assertEquals(Optional.of(T0.plus(Duration.ofHours(8))), t.slaDue());
    d.later(Duration.ofHours(1));
    d.desk.requestInformation(LUCIA, t.id(), "Which printer?");
    d.later(Duration.ofHours(2));
    d.desk.reply(d.customerOf(t), t.id(), "Floor 2");
    d.later(Duration.ofHours(1));
    // Two hours counted (one before the question, one after the answer), two hours paused.
    Ticket raised = d.desk.changePriority(SAM, t.id(), Priority.HIGH);
    assertEquals(Optional.of(T0.plus(Duration.ofHours(6))), raised.slaDue());
    assertEquals(1, d.recorded(t.id(), TicketEvent.SlaPolicyApplied.class).size(),
        "the same policy covers both priorities");
    Ticket lowered = d.desk.changePriority(SAM, t.id(), Priority.MEDIUM);
    assertEquals(Optional.of(T0.plus(Duration.ofHours(10))), lowered.slaDue());
  }

  @Test
  void aPriorityThatMakesAnotherPolicyMatchSwitchesPolicyKeepingTheTimeCounted() {
    SlaPolicy major = SlaPolicy.named("major-incident").targets(Priority.CRITICAL, SlaTargets.builder()
        .resolution(Duration.ofHours(2)).build()).calendar(BusinessCalendar.twentyFourSeven()).build();
    SlaPolicy office = SlaPolicy.named("office").targets(SlaTargets.builder().resolution(Duration.ofHours(16))
        .build()).build();
    // The desk works 9 to 17 on weekdays in UTC; the major-incident policy counts around the clock.
    BusinessCalendar nineToFive = BusinessCalendar.builder(java.time.ZoneOffset.UTC)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    SlaDesk d = new SlaDesk(T0, b -> b.slaPolicies(major, office).businessCalendar(nineToFive));
    Ticket t = d.email("Mail server down");
    assertEquals(Optional.of(Instant.parse("2026-03-03T17:00:00Z")), t.slaDue(), "two working days");
    d.clock.set(Instant.parse("2026-03-02T18:00:00Z"));
    Ticket critical = d.desk.changePriority(SAM, t.id(), Priority.CRITICAL);
    assertEquals(Optional.of("major-incident"), critical.slaPolicy());
    assertEquals(List.of(new TicketEvent.SlaPolicyApplied("office"), new TicketEvent.SlaPolicyApplied("major-incident")),
        d.recorded(t.id(), TicketEvent.SlaPolicyApplied.class));
    // Eight office hours were counted by 17:00; the new target of two hours is already used up.
    assertEquals(Optional.of(Instant.parse("2026-03-02T18:00:00Z")), critical.slaDue());
    d.desk.advanceTo(d.clock.instant());
    assertEquals(List.of(new TicketEvent.SlaBreached(SlaTarget.RESOLUTION, NO_TIER,
        Instant.parse("2026-03-02T18:00:00Z"))), d.recorded(t.id(), TicketEvent.SlaBreached.class));
  }

  @Test
  void aPolicyChangeBeforeTheTargetIsUsedUpCountsTheRestInTheNewCalendar() {
    SlaPolicy major = SlaPolicy.named("major-incident").targets(Priority.CRITICAL, SlaTargets.builder()
        .resolution(Duration.ofHours(4)).build()).calendar(BusinessCalendar.twentyFourSeven()).build();
    SlaPolicy office = SlaPolicy.named("office").targets(SlaTargets.builder().resolution(Duration.ofHours(16))
        .build()).build();
    BusinessCalendar nineToFive = BusinessCalendar.builder(java.time.ZoneOffset.UTC)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    SlaDesk d = new SlaDesk(Instant.parse("2026-03-02T15:00:00Z"), b -> b.slaPolicies(major, office)
        .businessCalendar(nineToFive));
    Ticket t = d.email("Mail server down");
    d.clock.set(Instant.parse("2026-03-02T20:00:00Z"));
    // Two office hours counted (15:00-17:00); two hours left, counted around the clock from 20:00.
    assertEquals(Optional.of(Instant.parse("2026-03-02T22:00:00Z")),
        d.desk.changePriority(SAM, t.id(), Priority.CRITICAL).slaDue());
  }

  // -----------------------------------------------------------------------------------------------
  // 6. Warnings, breaches and what the ticket keeps
  // -----------------------------------------------------------------------------------------------

  @Test
  void theOwnerIsWarnedAtAShareOfTheTargetAndABreachAlsoReachesTheSupervisor() {
    SlaDesk d = desk(SlaPolicy.named("standard").targets(SlaTargets.builder().firstResponse(Duration.ofHours(1))
        .build()).build());
    Ticket t = d.email("Printer jams");
    d.desk.assign(SAM, t.id(), TechnicianId.of("lucia"));

    assertEquals(0, recordedSla(d, t), "nothing before 75 %");
    d.desk.advanceTo(d.later(Duration.ofMinutes(44)));
    assertEquals(0, recordedSla(d, t));
    d.desk.advanceTo(d.later(Duration.ofMinutes(1)));
    assertEquals(List.of(new TicketEvent.SlaWarning(SlaTarget.FIRST_RESPONSE, NO_TIER, 75, T0.plus(Duration.ofHours(1)))),
        d.recorded(t.id(), TicketEvent.SlaWarning.class));
    assertEquals(1, d.inbox.to("lucia", NotificationKind.SLA_WARNING).size());
    assertEquals(0, d.inbox.to("sam", NotificationKind.SLA_WARNING).size(), "the owner deals with it");
    assertEquals("[" + t.id() + "] 75% of the first response target used: Printer jams",
        d.inbox.to("lucia", NotificationKind.SLA_WARNING).get(0).subject());

    d.desk.advanceTo(d.clock.instant());
    d.desk.advanceTo(d.later(Duration.ofMinutes(10)));
    assertEquals(1, recordedSla(d, t), "each warning once");
    d.desk.advanceTo(d.later(Duration.ofMinutes(5)));
    assertEquals(List.of(new TicketEvent.SlaBreached(SlaTarget.FIRST_RESPONSE, NO_TIER, T0.plus(Duration.ofHours(1)))),
        d.recorded(t.id(), TicketEvent.SlaBreached.class));
    assertEquals(1, d.inbox.to("lucia", NotificationKind.SLA_BREACHED).size());
    assertEquals(1, d.inbox.to("sam", NotificationKind.SLA_BREACHED).size());
    assertEquals(Recipient.Kind.SUPERVISOR, d.inbox.to("sam", NotificationKind.SLA_BREACHED).get(0).recipient().kind());
    d.desk.advanceTo(d.later(Duration.ofDays(2)));
    assertEquals(2, recordedSla(d, t), "each breach once");

    d.desk.comment(LUCIA, t.id(), Note.forCustomer("Sorry for the wait: a technician is on the way."));
    Ticket answered = d.get(t.id());
    assertEquals(Optional.of(d.clock.instant()), answered.firstResponse());
    assertEquals(List.of(SlaResult.breached(SlaTarget.FIRST_RESPONSE, NO_TIER, T0.plus(Duration.ofHours(1)))),
        answered.slaResults(), "a late response does not undo the breach");
  }

  private static long recordedSla(SlaDesk d, Ticket t) {
    return d.desk.history(SAM, t.id()).stream().filter(e -> e.change() instanceof TicketEvent.SlaWarning
        || e.change() instanceof TicketEvent.SlaBreached).count();
  }

  @Test
  void aWarningOnATicketNobodyOwnsGoesToTheSupervisorInTheDesksLanguage() {
    SlaDesk d = new SlaDesk(T0, b -> b.slaPolicies(SlaPolicy.named("estándar").targets(SlaTargets.builder()
        .resolution(Duration.ofHours(8)).build()).warnAt(50).build()).supervisor(SlaDesk.SUPERVISOR)
        .defaultLocale(Locale.forLanguageTag("es")));
    Ticket t = d.email("La impresora no imprime");
    d.desk.advanceTo(d.later(Duration.ofHours(4)));
    List<Notification> told = d.inbox.to("sam", NotificationKind.SLA_WARNING);
    assertEquals(1, told.size());
    assertEquals("[" + t.id() + "] Sin responsable y consumido el 50% del objetivo de resolución: "
        + "La impresora no imprime", told.get(0).subject());
  }

  @Test
  void aBreachThatFellDueBeforeACommandIsRecordedBeforeTheCommandsOwnStep() {
    SlaDesk d = desk(SlaPolicy.named("standard").targets(SlaTargets.builder().firstResponse(Duration.ofHours(1))
        .nextUpdate(Duration.ofHours(2)).build()).warnAt().build());
    Ticket t = d.email("Printer jams");
    d.later(Duration.ofHours(3));
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("Looking into it."));
    List<TicketEvent> history = d.desk.history(SAM, t.id());
    TicketEvent breach = history.get(history.size() - 2);
    assertEquals(new TicketEvent.SlaBreached(SlaTarget.FIRST_RESPONSE, NO_TIER, T0.plus(Duration.ofHours(1))),
        breach.change());
    assertEquals(d.clock.instant(), breach.at(), "recorded when found; the breach instant is in the event");
    assertEquals(Actor.system(), breach.actor());
    assertTrue(history.get(history.size() - 1).change() instanceof TicketEvent.Commented);
    // The response starts the next-update clock afresh.
    assertEquals(Optional.of(d.clock.instant().plus(Duration.ofHours(2))), d.get(t.id()).slaDue());
  }

  @Test
  void everyUpdateRestartsTheNextUpdateClockAndALateOneIsABreach() {
    SlaDesk d = desk(SlaPolicy.named("standard").targets(SlaTargets.builder().nextUpdate(Duration.ofHours(2))
        .build()).warnAt().build());
    Ticket t = d.email("Printer jams");
    d.desk.startWork(LUCIA, t.id());
    d.later(Duration.ofMinutes(10));
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("Ordering a part."));
    assertEquals(Optional.of(d.clock.instant().plus(Duration.ofHours(2))), d.get(t.id()).slaDue());
    d.later(Duration.ofMinutes(90));
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("The part ships tomorrow."));
    assertEquals(List.of(SlaResult.met(SlaTarget.NEXT_UPDATE, NO_TIER, T0.plus(Duration.ofMinutes(130)),
        d.clock.instant())), d.get(t.id()).slaResults(), "in time so far");
    Instant due = d.clock.instant().plus(Duration.ofHours(2));
    d.desk.advanceTo(d.later(Duration.ofHours(3)));
    assertEquals(List.of(SlaResult.breached(SlaTarget.NEXT_UPDATE, NO_TIER, due)), d.get(t.id()).slaResults());
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("Installed."));
    d.desk.advanceTo(d.later(Duration.ofHours(3)));
    assertEquals(2, d.recorded(t.id(), TicketEvent.SlaBreached.class).size(), "each late interval is a breach");
    assertEquals(List.of(SlaResult.breached(SlaTarget.NEXT_UPDATE, NO_TIER, due)), d.get(t.id()).slaResults(),
        "the result keeps the first");
  }

  @Test
  void theFirstResponseIsTheFirstThingStaffTellTheCustomer() {
    SlaDesk d = new SlaDesk(T0, b -> b.slaPolicies(SlaPolicy.named("standard").targets(SlaTargets.builder()
        .firstResponse(Duration.ofHours(8)).build()).build()).statusUpdateEvery(Duration.ofHours(1)));
    Ticket t = d.email("Printer jams");
    d.desk.startWork(LUCIA, t.id());
    d.desk.comment(LUCIA, t.id(), Note.internal("Probably the fuser"));
    d.desk.advanceTo(d.later(Duration.ofHours(2)));
    assertEquals(1, d.recorded(t.id(), TicketEvent.StatusUpdateSent.class).size());
    assertEquals(Optional.empty(), d.get(t.id()).firstResponse(),
        "starting work on an email, an internal note and the desk's courtesy update are no response");
    d.later(Duration.ofMinutes(30));
    d.desk.requestInformation(LUCIA, t.id(), "Which model?");
    assertEquals(Optional.of(d.clock.instant()), d.get(t.id()).firstResponse());
    assertEquals(List.of(SlaResult.met(SlaTarget.FIRST_RESPONSE, NO_TIER, T0.plus(Duration.ofHours(8)),
        d.clock.instant())), d.get(t.id()).slaResults());
  }

  @Test
  void onALiveChannelStartingWorkIsTheFirstResponse() {
    SlaDesk d = desk(SlaPolicy.named("standard").targets(SlaTargets.builder().firstResponse(Duration.ofMinutes(5))
        .build()).build());
    Ticket call = d.call("Forgot my password");
    d.later(Duration.ofMinutes(2));
    Ticket answered = d.desk.startWork(LUCIA, call.id());
    assertEquals(Optional.of(d.clock.instant()), answered.firstResponse());
    assertTrue(answered.slaResults().get(0).met());
  }

  @Test
  void aReopenedTicketResumesItsResolutionClock() {
    SlaDesk d = desk(resolutionWithin(Duration.ofHours(8)));
    Ticket t = d.email("Printer jams");
    d.desk.startWork(LUCIA, t.id());
    d.later(Duration.ofHours(6));
    Ticket solved = d.desk.resolve(LUCIA, t.id(), Solution.of("Cleaned the rollers.").confirmedByCustomer());
    assertTrue(solved.slaResults().get(0).met());
    assertEquals(Optional.empty(), solved.slaDue());
    d.later(Duration.ofDays(3));
    Ticket reopened = d.desk.reopen(d.customerOf(t), t.id(), "It jams again");
    assertEquals(TicketStatus.REOPENED, reopened.status());
    assertEquals(Optional.of(d.clock.instant().plus(Duration.ofHours(2))), reopened.slaDue(),
        "six hours used before the solution, none while it was solved");
    d.desk.advanceTo(d.later(Duration.ofHours(2)));
    assertFalse(d.get(t.id()).slaResults().get(0).met(), "missed after all");
  }

  // -----------------------------------------------------------------------------------------------
  // 7. Driven by the host's time
  // -----------------------------------------------------------------------------------------------

  @Test
  void advancingLooksOnlyAtTheTicketsWhoseTimeHasCome() {
    CountingStore store = new CountingStore();
    SlaPolicy quiet = SlaPolicy.named("quiet").targets(SlaTargets.builder().resolution(Duration.ofHours(8)).build())
        .warnAt().build();
    SlaDesk d = new SlaDesk(T0, store, b -> b.slaPolicies(quiet));
    for (int i = 0; i < 50; i++) {
      d.later(Duration.ofMinutes(1));
      d.email("Printer " + i);
    }
    store.historyReads.set(0);
    d.desk.advanceTo(d.later(Duration.ofHours(1)));
    assertEquals(0, store.historyReads.get(), "no clock is recomputed when nothing is due");
    d.clock.set(T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(2)));
    d.desk.advanceTo(d.clock.instant());
    int reads = store.historyReads.get();
    assertTrue(reads <= 2 * 3, "a few reads for each of the two due tickets, was " + reads);
    assertEquals(2, store.breached(), "the two tickets entered in the first two minutes");
  }

  @Test
  void aDeskBuiltOnAStoreThatOutlivedTheLastPicksUpTheClocksOfItsOpenTickets() {
    CountingStore store = new CountingStore();
    SlaPolicy standard = resolutionWithin(Duration.ofHours(8));
    SlaDesk before = new SlaDesk(T0, store, b -> b.slaPolicies(standard));
    Ticket t = before.email("Printer jams");
    SlaDesk after = new SlaDesk(T0.plus(Duration.ofHours(1)), store, b -> b.slaPolicies(standard));
    after.desk.advanceTo(T0.plus(Duration.ofHours(9)));
    assertEquals(1, after.recorded(t.id(), TicketEvent.SlaBreached.class).size());
  }
}
