package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.kb.flow.FlowSession;
import dev.helpdesk.kb.flow.Flowchart;
import dev.helpdesk.kb.flow.Flowcharts;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Tiers;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Visibility;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A yes/no flowchart walked on a ticket (D-11): its path recorded, a dead end escalated. */
class FlowchartOnTicketTest {
  private static final Flowchart PRINTER = Flowcharts.printerDoesNotPrint(Locale.ENGLISH);

  /** Walks the English printer flowchart with the given answers. */
  private static FlowSession walk(boolean... answers) {
    FlowSession session = PRINTER.newSession();
    for (boolean yes : answers) {
      session.answer(yes);
    }
    assertTrue(session.isFinished(), "the answers lead to a leaf");
    return session;
  }

  @Test
  void aWalkThatEndsInASolutionRecordsThePathAsAnInternalNote() {
    Desk d = new Desk();
    Ticket t = d.call("The printer does not print");
    d.desk.startWork(LUCIA, t.id());
    // Switched on, an error light, no jam, no paper: load paper.
    FlowSession session = walk(true, true, false, false);

    Ticket after = d.desk.followFlowchart(LUCIA, t.id(), session.outcome());

    assertEquals(TicketStatus.IN_PROGRESS, after.status(), "the walk alone changes nothing but the history");
    TicketEvent walked = last(d.desk.history(SAM, t.id()));
    assertEquals(new TicketEvent.FlowchartFollowed(PRINTER.id(), "solution"), walked.change());
    assertEquals(Visibility.INTERNAL, walked.note().visibility());
    assertTrue(walked.note().text().contains("Is there paper in the tray? No"), walked.note().text());
    assertTrue(walked.note().text().startsWith("The printer does not print"));
    assertTrue(d.desk.history(d.customerOf(t), t.id()).stream()
        .noneMatch(e -> e.change() instanceof TicketEvent.FlowchartFollowed), "the customer never sees it");
  }

  @Test
  void aDeadEndEscalatesToTheLevelAndSkillItNamesWithTheAnswersAttached() {
    Desk d = new Desk();
    Ticket t = d.call("The printer does not print");
    d.desk.startWork(LUCIA, t.id());
    // Switched on, an error light, no jam, paper, toner fine: an unknown error for level 2 printers.
    FlowSession session = walk(true, true, false, true, false);

    Ticket after = d.desk.followFlowchart(LUCIA, t.id(), session.outcome());

    assertEquals(Tier.SPECIALISTS, after.tier());
    assertEquals(TicketStatus.NEW, after.status());
    assertEquals(Map.of("printers", 1), after.requiredSkills());
    List<TicketEvent> history = d.desk.history(SAM, t.id());
    TicketEvent walked = history.get(history.size() - 2);
    TicketEvent escalated = history.get(history.size() - 1);
    assertEquals(new TicketEvent.FlowchartFollowed(PRINTER.id(), "escalation"), walked.change());
    assertEquals(TicketStatus.IN_PROGRESS, walked.to(), "recorded before the ticket moved");
    assertEquals(new TicketEvent.Escalated(Tier.FIRST_LINE, Tier.SPECIALISTS), escalated.change());
    assertTrue(escalated.note().text().contains("Does the panel report that the toner or the ink has run out? No"),
        "the answers go with the escalation: " + escalated.note().text());
    assertEquals(1, d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.ESCALATED).size());
  }

  @Test
  void aDeadEndThatNeedsAVisitAsksForOnSiteSupport() {
    Desk d = new Desk();
    Ticket t = d.call("The printer does not print");
    // Not switched on, although plugged in: a hardware fault for level 3, on site.
    FlowSession session = walk(false, true);

    Ticket after = d.desk.followFlowchart(LUCIA, t.id(), session.outcome());

    assertEquals(Tier.EXPERTS, after.tier());
    assertEquals(SupportMode.ON_SITE, after.supportMode());
  }

  @Test
  void aDeadEndAtALevelTheDeskDoesNotHaveIsRefusedAndChangesNothing() {
    HelpDesk twoTiers = HelpDesk.builder().tiers(Tiers.of(Tier.FIRST_LINE, Tier.SPECIALISTS))
        .clock(Clock.fixed(Desk.MONDAY_9AM, ZoneOffset.UTC)).build();
    Ticket t = twoTiers.receive(InboundContact.of(Channel.PHONE, Desk.ana(), "The printer does not print", "",
        Desk.MONDAY_9AM));
    List<TicketEvent> before = twoTiers.history(SAM, t.id());

    ValidationException refused = assertThrows(ValidationException.class,
        () -> twoTiers.followFlowchart(SAM, t.id(), walk(false, true).outcome()));

    assertEquals("outcome.escalation.tier", refused.violations().get(0).field());
    assertEquals(before, twoTiers.history(SAM, t.id()));
    assertEquals(Tier.FIRST_LINE, twoTiers.ticket(SAM, t.id()).tier());
  }

  @Test
  void anUnfinishedWalkCannotBeRecorded() {
    FlowSession session = PRINTER.newSession();
    session.answer(true);
    assertThrows(IllegalStateException.class, session::outcome, "only a finished walk has an outcome");
    Desk d = new Desk();
    Ticket t = d.call("The printer does not print");
    assertThrows(ValidationException.class, () -> d.desk.followFlowchart(LUCIA, t.id(), null));
  }

  private static TicketEvent last(List<TicketEvent> history) {
    return history.get(history.size() - 1);
  }
}
