package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.ELENA;
import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.MARIO;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.store.TicketQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actors and what they may do. */
class AccessTest {

  @Test
  void aCustomerSeesAndActsOnlyOnTheirOwnTickets() {
    Desk d = new Desk();
    Ticket anas = d.call("Printer");
    Ticket brunos = d.desk.receive(InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("bruno@example.com"),
        "VPN", "", d.clock.instant()));
    Actor bruno = d.customerOf(brunos);

    assertThrows(AccessDeniedException.class, () -> d.desk.ticket(bruno, anas.id()));
    assertThrows(AccessDeniedException.class, () -> d.desk.history(bruno, anas.id()));
    assertThrows(AccessDeniedException.class, () -> d.desk.cancel(bruno, anas.id(), "not mine"));
    assertThrows(AccessDeniedException.class, () -> d.desk.workQueue(bruno, TicketQuery.open()));
    assertEquals(List.of(brunos.id()), d.desk.workQueue(bruno, TicketQuery.open().customer(brunos.customer()))
        .tickets().stream().map(Ticket::id).toList());
    assertEquals(anas, d.get(anas.id()), "nothing changed");
  }

  @Test
  void aCustomerCannotDoStaffWork() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    Actor ana = d.customerOf(t);
    assertThrows(AccessDeniedException.class, () -> d.desk.escalate(ana, t.id(), Escalation.toNextTier("faster")));
    assertThrows(AccessDeniedException.class, () -> d.desk.changePriority(ana, t.id(), Priority.CRITICAL));
    assertThrows(AccessDeniedException.class, () -> d.desk.resolve(ana, t.id(), Solution.of("fixed it myself")));
    assertThrows(AccessDeniedException.class, () -> d.desk.comment(ana, t.id(), Note.forCustomer("hi")));
    assertEquals(1, d.desk.history(SAM, t.id()).size());
  }

  @Test
  void aCustomerNeverSeesAnInternalNote() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.comment(LUCIA, t.id(), Note.internal("Third call this week, check the toner contract"));
    d.desk.comment(LUCIA, t.id(), Note.forCustomer("A technician is on the way"));
    d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Hardware fault, needs level 2"));

    List<TicketEvent> seen = d.desk.history(d.customerOf(t), t.id());
    assertTrue(seen.stream().noneMatch(e -> e.note().visibility() == Visibility.INTERNAL && !e.note().isEmpty()));
    assertTrue(seen.stream().noneMatch(e -> e.note().text().contains("toner contract")));
    assertTrue(seen.stream().anyMatch(e -> e.note().text().equals("A technician is on the way")));
    assertEquals(3, seen.size(), "opened, public note, escalation without its reason");
    assertEquals(4, d.desk.history(SAM, t.id()).size());
  }

  @Test
  void aTechnicianActsWithinTheirTier() {
    Desk d = new Desk();
    Ticket t = d.call("Server room is hot");
    assertThrows(AccessDeniedException.class, () -> d.desk.startWork(MARIO, t.id()), "level 2 on a level-1 ticket");
    assertThrows(AccessDeniedException.class, () -> d.desk.escalate(ELENA, t.id(), Escalation.toNextTier("x")));
    d.desk.comment(MARIO, t.id(), Note.internal("I saw this one, happy to help"));

    Ticket escalated = d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Cooling unit"));
    assertThrows(AccessDeniedException.class, () -> d.desk.startWork(LUCIA, escalated.id()));
    assertEquals(TechnicianId.of("mario"), d.desk.startWork(MARIO, t.id()).assignee().orElseThrow());
  }

  @Test
  void aTechnicianDoesNotStartOnAColleaguesTicket() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.assign(SAM, t.id(), TechnicianId.of("lucia"));
    assertThrows(AccessDeniedException.class, () -> d.desk.startWork(Desk.PABLO, t.id()));
    assertEquals(TechnicianId.of("lucia"), d.desk.startWork(LUCIA, t.id()).assignee().orElseThrow());
  }

  @Test
  void someoneWhoIsNotOnTheStaffIsRefused() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    Actor stranger = Actor.technician(TechnicianId.of("mallory"));
    assertThrows(AccessDeniedException.class, () -> d.desk.comment(stranger, t.id(), Note.internal("hello")));
    assertThrows(AccessDeniedException.class, () -> d.desk.ticket(stranger, t.id()));
    assertFalse(d.desk.history(SAM, t.id()).size() > 1);
  }
}
