package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.MARIO;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The corners of the process: each test pins down one case that is easy to get wrong. */
class EdgeCasesTest {

  @Test
  void aCustomerWhoWritesAfterTheSolutionIsNeverClosedForSilence() {
    Desk d = new Desk(b -> b.autoCloseAfter(Duration.ofDays(5)));
    Ticket t = d.call("Printer");
    d.desk.startWork(LUCIA, t.id());
    d.desk.resolve(LUCIA, t.id(), Solution.of("Restarted the spooler."));
    d.later(Duration.ofDays(3));
    Ticket back = d.desk.reply(d.customerOf(t), t.id(), "It still jams!");

    assertEquals(TicketStatus.IN_PROGRESS, back.status(), "back to work, not left resolved");
    assertEquals(1, d.notifier.to(Recipient.Kind.TECHNICIAN, NotificationKind.CUSTOMER_REPLIED).size());
    d.later(Duration.ofDays(3));
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).autoClosed());
  }

  @Test
  void theReasonForLettingATicketGoNeverReachesTheCustomer() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.startWork(LUCIA, t.id());
    d.desk.release(LUCIA, t.id(), "Customer was rude, someone else take it");
    assertTrue(d.desk.history(d.customerOf(t), t.id()).stream()
        .noneMatch(e -> e.toString().contains("rude")), "nothing of it is shown");
    assertTrue(d.desk.history(SAM, t.id()).stream().anyMatch(e -> e.note().text().contains("rude")));
  }

  @Test
  void aLongEmailReplyIsKeptWhole() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    String body = "x".repeat(15_000);
    Ticket replied = d.desk.receive(new InboundContact(Channel.EMAIL, "<m9@example.com>", Desk.ana(), "", body, "",
        Optional.empty(), Optional.of(t.id()), d.clock.instant()));
    List<TicketEvent> history = d.desk.history(SAM, replied.id());
    assertEquals(body, history.get(history.size() - 1).note().text());
  }

  @Test
  void aContactStampedInTheFutureIsEnteredNowAndCanBeWorkedOn() {
    Desk d = new Desk();
    Ticket t = d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Printer", "",
        d.clock.instant().plus(Duration.ofHours(2))));
    assertEquals(d.clock.instant(), t.entered());
    assertEquals(TicketStatus.IN_PROGRESS, d.desk.startWork(LUCIA, t.id()).status());
  }

  @Test
  void everyViolationOfACommandIsListedAtOnce() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    ValidationException e = assertThrows(ValidationException.class,
        () -> d.desk.handOff(null, t.id(), null, "  "));
    assertEquals(List.of("actor", "department", "note"), e.violations().stream().map(Violation::field).toList());
    ValidationException missingTier = assertThrows(ValidationException.class,
        () -> d.desk.escalate(LUCIA, t.id(), new Escalation("needs the network team", null)));
    assertEquals("escalation.to", missingTier.violations().get(0).field());
  }

  @Test
  void theFirstLineTakesTheCallOfAProblemFixedAtAHigherTier() {
    Desk d = new Desk();
    Ticket t = d.call("VPN");
    d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Network"));
    d.desk.startWork(MARIO, t.id());
    d.desk.resolve(MARIO, t.id(), Solution.of("Fixed the routes.").confirmedByCustomer());

    Ticket reopened = d.desk.reopen(LUCIA, t.id(), "Ana says the VPN is down again");
    assertEquals(Optional.of(TechnicianId.of("mario")), reopened.assignee());
  }

  @Test
  void aWarrantyReopenGoesToTheSpecialistWhoseSolutionTheFirstLinePassedOn() {
    Desk d = new Desk(b -> b.ownership(Ownership.FIRST_LINE_CLOSES));
    Ticket t = d.call("VPN");
    d.desk.startWork(LUCIA, t.id());
    d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Network"));
    d.desk.startWork(MARIO, t.id());
    d.desk.resolve(MARIO, t.id(), Solution.of("Fixed the routes."));
    d.desk.resolve(LUCIA, t.id(), Solution.of("Fixed the routes.").confirmedByCustomer());

    Ticket reopened = d.desk.reopen(d.customerOf(t), t.id(), "Down again");
    assertEquals(Optional.of(TechnicianId.of("mario")), reopened.assignee());
    assertEquals(Tier.SPECIALISTS, reopened.tier());
  }

  @Test
  void theSameEmailDeliveredAgainAfterClosingReopensTheTicketOnce() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.resolve(LUCIA, t.id(), Solution.of("Cleaned it.").confirmedByCustomer());
    InboundContact mail = new InboundContact(Channel.EMAIL, "<again@example.com>", Desk.ana(), "", "Jams again", "",
        Optional.empty(), Optional.of(t.id()), d.clock.instant());
    d.desk.receive(mail);
    d.desk.resolve(LUCIA, t.id(), Solution.of("Replaced the roller.").confirmedByCustomer());

    Ticket after = d.desk.receive(mail);
    assertEquals(TicketStatus.CLOSED, after.status());
    assertEquals(1, after.reopenCount());
  }

  @Test
  void onlyTicketsOfOneCustomerAreMerged() {
    Desk d = new Desk();
    Ticket anas = d.call("Printer");
    Ticket brunos = d.desk.receive(InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("bruno@example.com"),
        "Printer", "", d.clock.instant()));
    ValidationException e = assertThrows(ValidationException.class, () -> d.desk.merge(SAM, anas.id(), brunos.id()));
    assertTrue(e.getMessage().contains("same customer"), e.getMessage());
    assertEquals(TicketStatus.NEW, d.get(anas.id()).status());
  }

  @Test
  void longNamesAreCutToFitANotificationRatherThanFailTheCommand() {
    Department longName = new Department(DepartmentId.of("ops"), "D".repeat(150), "ops@example.com");
    Desk d = new Desk();
    HelpDesk desk = HelpDesk.builder().clock(d.clock).notifier(d.notifier).departments(longName).build();
    desk.addTechnician(dev.helpdesk.model.Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE));
    Ticket t = desk.receive(InboundContact.of(Channel.PHONE, Desk.ana(), "S".repeat(200), "", d.clock.instant()));
    Ticket away = desk.handOff(LUCIA, t.id(), DepartmentId.of("ops"), "Please have a look");
    assertEquals(TicketStatus.WITH_DEPARTMENT, away.status());
    Notification toOps = d.notifier.to(Recipient.Kind.DEPARTMENT, NotificationKind.HANDED_OFF).get(0);
    assertEquals(300, toOps.subject().length());
    assertTrue(toOps.subject().endsWith("…"));
  }

  @Test
  void aTicketWaitingOnItsCustomerCanChangeHandsAndStillWaits() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.startWork(LUCIA, t.id());
    d.desk.requestInformation(LUCIA, t.id(), "Which floor?");
    Ticket handedOver = d.desk.assign(SAM, t.id(), TechnicianId.of("pablo"));
    assertEquals(TicketStatus.WAITING_ON_CUSTOMER, handedOver.status());
    assertEquals(Optional.of(TechnicianId.of("pablo")), handedOver.assignee());
    Ticket released = d.desk.release(Desk.PABLO, t.id(), "Leaving early");
    assertEquals(TicketStatus.WAITING_ON_CUSTOMER, released.status());
    assertEquals(TicketStatus.NEW, d.desk.reply(d.customerOf(t), t.id(), "Floor 2").status());
  }

  @Test
  void theCustomerIsNotToldTheDesksInternalHandOffNote() {
    Desk d = new Desk(b -> b.templates(NotificationTemplates.defaults().with(NotificationKind.HANDED_OFF,
        Recipient.Kind.CUSTOMER, java.util.Locale.ENGLISH, "[{ticket}] With {department}", "Note: {note}")));
    Ticket t = d.call("Monitor");
    d.desk.handOff(LUCIA, t.id(), Desk.PURCHASING.id(), "Budget code 4711, approve quickly");
    Notification toAna = d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.HANDED_OFF).get(0);
    assertFalse(toAna.body().contains("4711"), toAna.body());
  }
}
