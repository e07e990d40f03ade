package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.MARIO;
import static dev.helpdesk.core.Desk.PABLO;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.routing.RoutingRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desk with routing (issue 4): intake, escalation and availability changes go through the router. */
class RoutingTest {
  private final Desk d = new Desk(b -> b.routing(RoutingRules.defaults()));

  private Ticket call(String who, String subject) {
    return d.desk.receive(InboundContact.of(Channel.PHONE, CustomerDetails.named(who).email(who + "@example.com"),
        subject, "", d.clock.instant()));
  }

  private static Optional<String> assignee(Ticket t) {
    return t.assignee().map(TechnicianId::value);
  }

  private String reasonOfLastAssignment(Ticket t) {
    List<TicketEvent> history = d.desk.history(SAM, t.id());
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).change() instanceof TicketEvent.Assigned assigned) {
        return assigned.reason();
      }
    }
    return "";
  }

  @Test
  void aNewCallGoesStraightToAFreeFirstLineTechnicianWithTheReasonRecorded() {
    Ticket first = call("ana", "Printer jammed");
    assertEquals(TicketStatus.ASSIGNED, first.status());
    assertEquals(Optional.of("lucia"), assignee(first));
    assertTrue(reasonOfLastAssignment(first).startsWith("assigned to lucia at L1 First line by the routing policy"),
        reasonOfLastAssignment(first));
    assertEquals(Optional.of("pablo"), assignee(call("bea", "No network")), "lucía is on a call");
    Ticket third = call("carlos", "Screen flickers");
    assertEquals(TicketStatus.NEW, third.status(), "both on calls: it waits");

    d.clock.advance(Duration.ofMinutes(5));
    d.desk.resolve(LUCIA, first.id(), Solution.of("Cleared the paper path."));
    assertEquals(Optional.of("lucia"), assignee(d.desk.ticket(SAM, third.id())),
        "lucía, freed by resolving, takes the waiting call");
    assertTrue(reasonOfLastAssignment(third).contains("first waiting ticket they could take"));
  }

  @Test
  void escalationGoesToAFreeTechnicianOfTheNextTierAndFreesTheFirstLine() {
    Ticket t = call("ana", "VPN drops");
    assertEquals(Optional.of("pablo"), assignee(call("bea", "Password")));
    Ticket waiting = call("carlos", "Mouse");
    assertEquals(TicketStatus.NEW, waiting.status());
    Ticket escalated = d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Needs network analysis"));
    assertEquals(Tier.SPECIALISTS, escalated.tier());
    assertEquals(TicketStatus.ASSIGNED, escalated.status());
    assertTrue(assignee(escalated).isPresent(), "a level-2 technician takes it at once");
    assertEquals(Optional.of("lucia"), assignee(d.desk.ticket(SAM, waiting.id())),
        "the freed first-line technician takes the next call");
  }

  @Test
  void goingOfflineGivesBackUnstartedTicketsAndComingBackTakesWork() {
    Ticket started = call("ana", "Laptop slow");
    d.desk.startWork(LUCIA, started.id());
    Ticket unstarted = call("bea", "Printer");
    assertEquals(Optional.of("pablo"), assignee(unstarted));
    Ticket queued = call("carlos", "Monitor");

    d.desk.changeAvailability(PABLO, TechnicianId.of("pablo"), Availability.OFFLINE);
    Ticket back = d.desk.ticket(SAM, unstarted.id());
    assertEquals(TicketStatus.NEW, back.status(), "pablo had not started it: it is back in the queue");
    assertEquals(started.entered(), d.desk.ticket(SAM, started.id()).entered());
    assertEquals(Optional.of("lucia"), assignee(d.desk.ticket(SAM, started.id())), "started work stays");

    d.desk.changeAvailability(SAM, TechnicianId.of("pablo"), Availability.AVAILABLE);
    assertEquals(Optional.of("pablo"), assignee(d.desk.ticket(SAM, unstarted.id())),
        "back online, pablo takes the oldest waiting call: the one he gave back");
    assertEquals(TicketStatus.NEW, d.desk.ticket(SAM, queued.id()).status());
    assertThrows(AccessDeniedException.class,
        () -> d.desk.changeAvailability(MARIO, TechnicianId.of("pablo"), Availability.AWAY));
  }

  @Test
  void rulesThatDoNotFitTheDeskAreRefusedAtBuild() {
    assertThrows(IllegalArgumentException.class, () -> HelpDesk.builder().routing(RoutingRules.builder()
        .offers(Duration.ofSeconds(30), 3).build()).build());
    assertThrows(IllegalArgumentException.class, () -> HelpDesk.builder()
        .tiers(dev.helpdesk.model.Tiers.of(Tier.FIRST_LINE, Tier.SPECIALISTS))
        .routing(RoutingRules.defaults()).build());
  }

  @Test
  void aTechnicianWhoStartsAWaitingTicketKeepsIt() {
    Ticket first = call("ana", "Printer");
    call("bea", "Network");
    Ticket waiting = call("carlos", "Monitor");
    d.desk.startWork(PABLO, waiting.id()); // pablo takes the waiting call himself, on top of his own
    d.desk.resolve(LUCIA, first.id(), Solution.of("Done."));
    Ticket after = d.desk.ticket(SAM, waiting.id());
    assertEquals(Optional.of("pablo"), assignee(after), "lucía, freed, does not take pablo's ticket from him");
    assertEquals(TicketStatus.IN_PROGRESS, after.status());
  }

  @Test
  void aTicketThatComesBackWithoutAnOwnerIsRoutedAndAnOwnerGivenByHandCounts() {
    Ticket t = call("ana", "VPN");
    d.desk.requestInformation(LUCIA, t.id(), "Which VPN client?");
    d.desk.release(LUCIA, t.id(), "Going home");
    Ticket busy = call("bea", "Printer");
    String first = assignee(busy).orElseThrow();
    String other = first.equals("lucia") ? "pablo" : "lucia";
    Ticket replied = d.desk.reply(dev.helpdesk.model.Actor.customer(t.customer()), t.id(), "Cisco AnyConnect");
    assertEquals(Optional.of(other), assignee(replied), "the reply brings it back to work, and the router places it");

    Ticket another = call("carlos", "Mouse");
    assertEquals(TicketStatus.NEW, another.status(), "both on calls");
    d.desk.assign(SAM, busy.id(), TechnicianId.of(first)); // already theirs: nothing changes
    assertEquals(TicketStatus.NEW, d.desk.ticket(SAM, another.id()).status(),
        "giving a technician the call they already have does not free them");
  }

  @Test
  void aDeskOnAStoreThatOutlivedItRoutesTheOpenTickets() {
    Desk plain = new Desk();
    Ticket waiting = plain.call("Printer");
    assertEquals(TicketStatus.NEW, waiting.status());
    HelpDesk restarted = HelpDesk.builder().clock(plain.clock).ticketStore(plain.store)
        .technicianStore(technicianStoreOf(plain)).customerStore(new dev.helpdesk.core.memory.InMemoryCustomerStore())
        .routing(RoutingRules.defaults()).build();
    assertEquals(TicketStatus.ASSIGNED, restarted.ticket(SAM, waiting.id()).status());
  }

  private static dev.helpdesk.spi.store.TechnicianStore technicianStoreOf(Desk desk) {
    dev.helpdesk.core.memory.InMemoryTechnicianStore store = new dev.helpdesk.core.memory.InMemoryTechnicianStore();
    for (dev.helpdesk.model.Technician t : desk.desk.technicians()) {
      store.create(t.withVersion(0));
    }
    return store;
  }

  @Test
  void overflowRulesAreRefusedByTheDesk() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HelpDesk.builder()
        .routing(RoutingRules.builder().overflow(Tier.FIRST_LINE, Duration.ofMinutes(10), Tier.SPECIALISTS).build())
        .build());
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  @Test
  void aReleasedCallGoesToAnotherTechnician() {
    Ticket t = call("ana", "Printer");
    String first = assignee(t).orElseThrow();
    Ticket released = d.desk.release(Actor.technician(TechnicianId.of(first)), t.id(), "End of my shift");
    assertEquals(Optional.of(first.equals("lucia") ? "pablo" : "lucia"), assignee(released));
    assertTrue(reasonOfLastAssignment(released).contains("after its technician gave it back"),
        reasonOfLastAssignment(released));
  }
}
