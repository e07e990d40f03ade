package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.MARIO;
import static dev.helpdesk.core.Desk.PURCHASING;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.LinkType;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketLink;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per path through the help desk that the seed documents describe. */
class ProcessPathsTest {

  private static List<Class<?>> steps(Desk d, Ticket ticket) {
    return d.desk.history(SAM, ticket.id()).stream().<Class<?>>map(e -> e.change().getClass()).toList();
  }

  @Test
  void aWalkInQuestionIsAnsweredAndClosedAtLevelOne() {
    Desk d = new Desk();
    // D-03: even a walk-in with a general question is registered and gets a ticket.
    Ticket ticket = d.desk.receive(InboundContact.of(Channel.WALK_IN, CustomerDetails.named("Visitor at reception"),
        "How do I connect to the guest Wi-Fi?", "", d.clock.instant()));
    assertEquals(SupportMode.ON_SITE, ticket.supportMode());
    assertEquals("general", ticket.category());
    assertEquals(Tier.FIRST_LINE, ticket.tier());

    d.desk.startWork(LUCIA, ticket.id());
    Ticket closed = d.desk.resolve(LUCIA, ticket.id(),
        Solution.of("Network 'Guest', password on the reception card.").usingArticle(ArticleId.of("KB-7"))
            .atFirstContact());

    assertEquals(TicketStatus.CLOSED, closed.status());
    assertTrue(closed.resolution().orElseThrow().firstContact(), "counted as resolved at first contact");
    assertEquals(Optional.of(ArticleId.of("KB-7")), closed.resolution().orElseThrow().article());
    assertEquals(List.of(TicketEvent.Opened.class, TicketEvent.Assigned.class, TicketEvent.WorkStarted.class,
        TicketEvent.Resolved.class, TicketEvent.Closed.class), steps(d, closed));
    TicketEvent last = d.desk.history(SAM, ticket.id()).get(4);
    assertEquals(new TicketEvent.Closed(TicketEvent.ClosureReason.FIRST_CONTACT), last.change());
    assertEquals(List.of(), d.notifier.delivered, "a walk-in who left no address gets no mail");
  }

  @Test
  void aPhoneCallAboutAComputerIsEscalatedToLevelTwoWhichOwnsAndClosesIt() {
    Desk d = new Desk(b -> b.ownership(Ownership.SOLVING_TIER_CLOSES));
    SystemInformation pc = new SystemInformation.Computer("Windows 11 23H2", 8_192, "PC-ANA", "AT-1042");
    Ticket ticket = d.desk.receive(InboundContact.of(Channel.PHONE, Desk.ana(), "Laptop freezes when docking",
        "Freezes about once an hour, only when docked.", d.clock.instant()).withSystemInformation(pc));
    assertEquals(Optional.of(pc), ticket.systemInformation(), "D-04: OS and memory recorded");

    d.later(Duration.ofMinutes(5));
    d.desk.startWork(LUCIA, ticket.id());
    d.later(Duration.ofMinutes(10));
    Ticket escalated = d.desk.escalate(LUCIA, ticket.id(), Escalation.toNextTier("Dock firmware suspected"));
    assertEquals(Tier.SPECIALISTS, escalated.tier());
    assertEquals(TicketStatus.NEW, escalated.status());
    assertEquals(ticket.entered(), escalated.entered(), "escalation keeps the date entered");
    assertEquals(List.of(ticket.id()), d.desk.workQueue(MARIO, TicketQuery.open().tier(Tier.SPECIALISTS)).tickets()
        .stream().map(Ticket::id).toList(), "waiting in level 2's queue");

    d.later(Duration.ofHours(2));
    d.desk.startWork(MARIO, ticket.id());
    Ticket resolved = d.desk.resolve(MARIO, ticket.id(), Solution.of("Updated the dock firmware to 1.0.27."));
    assertEquals(TicketStatus.RESOLVED, resolved.status());
    assertEquals(Tier.SPECIALISTS, resolved.tier(), "level 2 owns it");

    d.later(Duration.ofHours(1));
    Ticket closed = d.desk.confirm(d.customerOf(ticket), ticket.id());
    assertEquals(TicketStatus.CLOSED, closed.status());

    assertEquals(List.of(NotificationKind.TICKET_OPENED, NotificationKind.ESCALATED, NotificationKind.RESOLVED,
        NotificationKind.CLOSED), d.notifier.kindsTo(ticket.customer().value()));
    Notification resolvedMail = d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.RESOLVED).get(0);
    assertTrue(resolvedMail.subject().startsWith("[" + ticket.id() + "]"), resolvedMail.subject());
    assertTrue(resolvedMail.body().contains("dock firmware to 1.0.27"), resolvedMail.body());

    List<TicketEvent> seenByAna = d.desk.history(d.customerOf(ticket), ticket.id());
    TicketEvent escalation = seenByAna.stream().filter(e -> e.change() instanceof TicketEvent.Escalated)
        .findFirst().orElseThrow();
    assertTrue(escalation.note().isEmpty(), "the internal reason is not shown to the customer");
    assertEquals("Dock firmware suspected", d.desk.history(SAM, ticket.id()).stream()
        .filter(e -> e.change() instanceof TicketEvent.Escalated).findFirst().orElseThrow().note().text());
  }

  @Test
  void anEmailProblemWaitsForTheCustomersAnswerThenClosesWhenTheyStaySilent() {
    Desk d = new Desk(b -> b.autoCloseAfter(Duration.ofDays(3)));
    InboundContact mail = InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("bruno@example.com"),
        "Cannot open the shared drive", "Access denied since this morning.", d.clock.instant())
        .withExternalId("<m1@example.com>");
    Ticket ticket = d.desk.receive(mail);
    assertEquals(ticket, d.desk.receive(mail), "the same email twice is one ticket");

    d.desk.startWork(LUCIA, ticket.id());
    Ticket waiting = d.desk.requestInformation(LUCIA, ticket.id(), "Which drive letter, and which folder?");
    assertEquals(TicketStatus.WAITING_ON_CUSTOMER, waiting.status());
    Notification question = d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.INFORMATION_REQUESTED).get(0);
    assertTrue(question.body().contains("Which drive letter"), question.body());

    d.later(Duration.ofHours(3));
    InboundContact answer = InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("bruno@example.com"),
        "Re: Cannot open the shared drive", "S:, the Finance folder.", d.clock.instant())
        .withExternalId("<m2@example.com>").replyTo(ticket.id());
    Ticket resumed = d.desk.receive(answer);
    assertEquals(TicketStatus.IN_PROGRESS, resumed.status(), "the reply resumes the ticket");
    assertEquals(resumed, d.desk.receive(answer), "the same reply twice changes nothing");
    assertEquals(1, d.notifier.to(Recipient.Kind.TECHNICIAN, NotificationKind.CUSTOMER_REPLIED).size());

    d.desk.resolve(LUCIA, ticket.id(), Solution.of("Added you to the Finance-Read group."));
    d.later(Duration.ofDays(2));
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).autoClosed());
    d.later(Duration.ofDays(1));
    WorkDone done = d.desk.advanceTo(d.clock.instant());
    assertEquals(1, done.autoClosed());
    Ticket closed = d.get(ticket.id());
    assertEquals(TicketStatus.CLOSED, closed.status());
    assertEquals(new TicketEvent.Closed(TicketEvent.ClosureReason.NO_RESPONSE),
        d.desk.history(SAM, ticket.id()).get(d.desk.history(SAM, ticket.id()).size() - 1).change());
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).autoClosed(), "closed once");
  }

  @Test
  void aTicketHandedOffToAnotherDepartmentIsTrackedThereAndComesBack() {
    Desk d = new Desk();
    Ticket ticket = d.call("Need a second monitor");
    d.desk.startWork(LUCIA, ticket.id());
    d.later(Duration.ofMinutes(20));
    Ticket away = d.desk.handOff(LUCIA, ticket.id(), PURCHASING.id(), "Approve and order a 27\" monitor");

    assertEquals(TicketStatus.WITH_DEPARTMENT, away.status());
    assertEquals(Optional.of(PURCHASING.id()), away.department());
    assertEquals(List.of(away), d.desk.workQueue(SAM, TicketQuery.open().department(PURCHASING.id())).tickets());
    Notification toPurchasing = d.notifier.to(Recipient.Kind.DEPARTMENT, NotificationKind.HANDED_OFF).get(0);
    assertEquals("purchasing@example.com", toPurchasing.recipient().address());
    assertTrue(toPurchasing.body().contains("27\" monitor"), toPurchasing.body());
    assertEquals(1, d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.HANDED_OFF).size(), "D-16: Ana knows");

    d.later(Duration.ofDays(1));
    Ticket back = d.desk.returnFromDepartment(LUCIA, ticket.id(), "Ordered, arrives Thursday");
    assertEquals(TicketStatus.IN_PROGRESS, back.status());
    assertEquals(Optional.empty(), back.department());
    assertEquals(List.of(), d.desk.workQueue(SAM, TicketQuery.open().department(PURCHASING.id())).tickets());

    d.desk.resolve(LUCIA, ticket.id(), Solution.of("Monitor installed at your desk.").confirmedByCustomer());
    assertEquals(List.of(TicketEvent.Opened.class, TicketEvent.Assigned.class, TicketEvent.WorkStarted.class,
        TicketEvent.HandedOff.class, TicketEvent.ReturnedFromDepartment.class, TicketEvent.Resolved.class,
        TicketEvent.Closed.class), steps(d, ticket));
  }

  @Test
  void aLevelTwoSolutionReturnsToTheFirstLineWhichFollowsUpAndCloses() {
    Desk d = new Desk(b -> b.ownership(Ownership.FIRST_LINE_CLOSES));
    Ticket ticket = d.call("VPN drops every 10 minutes");
    d.desk.startWork(LUCIA, ticket.id());
    d.desk.escalate(LUCIA, ticket.id(), Escalation.toNextTier("Not a client setting"));
    d.desk.startWork(MARIO, ticket.id());
    d.later(Duration.ofHours(4));

    Ticket returned = d.desk.resolve(MARIO, ticket.id(), Solution.of("Raised the VPN idle timeout to 60 min."));
    assertEquals(Tier.FIRST_LINE, returned.tier(), "back at the first line");
    assertEquals(Optional.of(TechnicianId.of("lucia")), returned.assignee(), "with the technician who had it");
    assertEquals(TicketStatus.ASSIGNED, returned.status());
    assertEquals("Raised the VPN idle timeout to 60 min.", returned.resolution().orElseThrow().solution());
    assertEquals(1, d.notifier.to(Recipient.Kind.TECHNICIAN, NotificationKind.FOLLOW_UP).size());
    assertFalse(d.notifier.kindsTo(ticket.customer().value()).contains(NotificationKind.RESOLVED),
        "level 2 does not contact the customer");

    d.later(Duration.ofMinutes(30));
    Ticket closed = d.desk.resolve(LUCIA, ticket.id(),
        Solution.of(returned.resolution().orElseThrow().solution()).confirmedByCustomer());
    assertEquals(TicketStatus.CLOSED, closed.status());
    assertEquals(LUCIA, closed.resolution().orElseThrow().resolvedBy());
    assertTrue(d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.CLOSED).get(0).body()
        .contains("idle timeout"));
  }

  @Test
  void aProblemThatComesBackUnderWarrantyReopensWithWhoeverFixedIt() {
    Desk d = new Desk(b -> b.warranty(Duration.ofDays(30)));
    Ticket ticket = d.call("Outlook keeps asking for the password");
    d.desk.escalate(LUCIA, ticket.id(), Escalation.toNextTier("Profile issue"));
    d.desk.startWork(MARIO, ticket.id());
    d.desk.resolve(MARIO, ticket.id(), Solution.of("Rebuilt the Outlook profile.").confirmedByCustomer());

    d.later(Duration.ofDays(10));
    Ticket reopened = d.desk.reopen(d.customerOf(ticket), ticket.id(), "It asks again since Monday");
    assertEquals(ticket.id(), reopened.id());
    assertEquals(TicketStatus.REOPENED, reopened.status());
    assertEquals(Optional.of(TechnicianId.of("mario")), reopened.assignee(), "back to whoever did the work");
    assertEquals(Tier.SPECIALISTS, reopened.tier());
    assertEquals(1, reopened.reopenCount());
    assertEquals(1, d.notifier.to(Recipient.Kind.TECHNICIAN, NotificationKind.REOPENED).size());

    d.desk.startWork(MARIO, ticket.id());
    d.desk.resolve(MARIO, ticket.id(), Solution.of("Removed a stale credential.").confirmedByCustomer());

    d.later(Duration.ofDays(45));
    Ticket followUp = d.desk.reopen(d.customerOf(ticket), ticket.id(), "Asking again");
    assertFalse(followUp.id().equals(ticket.id()), "after the warranty a new ticket opens");
    assertEquals(List.of(new TicketLink(LinkType.FOLLOW_UP_OF, ticket.id())), followUp.links());
    assertEquals(Tier.FIRST_LINE, followUp.tier());
    Ticket old = d.get(ticket.id());
    assertEquals(TicketStatus.CLOSED, old.status());
    assertEquals(1, old.reopenCount(), "a follow-up after the warranty is not a reopen");
    assertTrue(old.links().contains(new TicketLink(LinkType.RELATED_TO, followUp.id())));
    assertEquals(Visibility.PUBLIC, d.desk.history(SAM, old.id()).get(d.desk.history(SAM, old.id()).size() - 1)
        .note().visibility());
  }

  @Test
  void auxiliaryHelpCarriesNoWarranty() {
    Desk d = new Desk();
    Ticket ticket = d.desk.receive(InboundContact.of(Channel.CHAT, Desk.ana(), "Excel macro", "", d.clock.instant()));
    d.store.save(dev.helpdesk.spi.store.TicketUpdate.of(ticket.toBuilder().supportMode(SupportMode.AUXILIARY).build()));
    d.desk.resolve(LUCIA, ticket.id(), Solution.of("A colleague fixed the macro.").confirmedByCustomer());
    d.later(Duration.ofDays(1));
    Ticket next = d.desk.reopen(Actor.customer(ticket.customer()), ticket.id(), "Broken again");
    assertFalse(next.id().equals(ticket.id()), "D-01: auxiliary help is not guaranteed, so no reopen");
  }
}
