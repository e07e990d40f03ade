package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryKnowledgeStore;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.BulletinStatus;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Outage bulletins (D-12): tickets about a known problem are linked, answered, and resolved together. */
class BulletinsTest {
  private final InMemoryKnowledgeStore knowledge = new InMemoryKnowledgeStore();

  private Desk desk() {
    return new Desk(b -> b.knowledgeStore(knowledge));
  }

  private static Bulletin vpnDown(Desk d, String id, Duration validFor) {
    Instant now = d.clock.instant();
    return Bulletin.post(BulletinId.of(id), SAM, "VPN gateway down",
            "The Madrid VPN gateway rejects every connection since 8:40.",
            "We know the VPN is down and are fixing it; please work from the office network meanwhile.",
            now, now.plus(validFor))
        .withAffectedServices(Set.of("vpn")).withKeywords(Set.of("remote access", "acceso remoto"));
  }

  @Test
  void aTicketAboutAKnownProblemIsLinkedAndItsCustomerGivenTheAnswerAtOnce() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));

    Ticket t = d.call("No puedo conectar a la VPN desde casa");

    List<TicketEvent> history = d.desk.history(d.customerOf(t), t.id());
    TicketEvent linked = history.get(history.size() - 1);
    assertEquals(new TicketEvent.BulletinLinked(BulletinId.of("b-vpn")), linked.change());
    assertEquals(Visibility.PUBLIC, linked.note().visibility(), "the customer sees the answer in the history");
    assertEquals(List.of(t.id()), knowledge.linkedTickets(BulletinId.of("b-vpn")));
    List<Notification> told = d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.KNOWN_PROBLEM);
    assertEquals(1, told.size());
    assertTrue(told.get(0).body().contains("please work from the office network"), told.get(0).body());
    assertEquals(List.of(), d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.TICKET_OPENED),
        "one message, not two");
  }

  @Test
  void onlyTicketsThatNameTheProblemAreLinked() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));

    Ticket printer = d.call("The printer does not print");
    Ticket remote = d.call("Acceso remoto caído");

    assertEquals(List.of(remote.id()), knowledge.linkedTickets(BulletinId.of("b-vpn")));
    assertTrue(d.desk.history(SAM, printer.id()).stream().noneMatch(e -> e.change() instanceof TicketEvent.BulletinLinked));
    assertEquals(1, d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.TICKET_OPENED).size());
  }

  @Test
  void aBulletinOutsideItsWindowLinksNothing() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(1)));
    d.later(Duration.ofHours(2));

    Ticket t = d.call("VPN down");

    assertEquals(List.of(), knowledge.linkedTickets(BulletinId.of("b-vpn")));
    assertEquals(List.of(), d.desk.activeBulletins(LUCIA));
    assertEquals(TicketStatus.NEW, t.status());
  }

  @Test
  void fixingTheProblemResolvesEveryOpenLinkedTicketEachWithItsOwnEventAndMessage() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));
    Ticket first = d.call("VPN not connecting");
    Ticket second = d.call("La VPN no conecta");
    Ticket third = d.call("vpn again");
    d.desk.startWork(LUCIA, second.id());
    d.desk.cancel(d.customerOf(third), third.id(), "It works now, never mind");
    d.later(Duration.ofHours(1));

    List<Ticket> resolved = d.desk.fixBulletin(SAM, BulletinId.of("b-vpn"), "The VPN gateway was restarted.");

    assertEquals(List.of(first.id(), second.id()), resolved.stream().map(Ticket::id).toList());
    for (TicketId id : List.of(first.id(), second.id())) {
      Ticket after = d.get(id);
      assertEquals(TicketStatus.RESOLVED, after.status());
      assertEquals("The VPN gateway was restarted.", after.resolution().orElseThrow().solution());
      List<TicketEvent> history = d.desk.history(SAM, id);
      assertTrue(history.get(history.size() - 1).change() instanceof TicketEvent.Resolved);
    }
    assertEquals(TicketStatus.CANCELLED, d.get(third.id()).status(), "a cancelled ticket is left alone");
    assertEquals(2, d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.RESOLVED).size());
    assertEquals(BulletinStatus.FIXED, knowledge.get(BulletinId.of("b-vpn")).status());
    assertEquals(List.of(), d.desk.activeBulletins(SAM));
    Ticket later = d.call("VPN down?");
    assertEquals(3, knowledge.linkedTickets(BulletinId.of("b-vpn")).size(), "a fixed bulletin links no more");
    assertTrue(d.desk.history(SAM, later.id()).stream().noneMatch(e -> e.change() instanceof TicketEvent.BulletinLinked));
  }

  @Test
  void theFixReachesTheCustomerEvenWhereTheFirstLineWouldFollowUp() {
    Desk d = new Desk(b -> b.knowledgeStore(knowledge).ownership(Ownership.FIRST_LINE_CLOSES));
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));
    Ticket t = d.call("VPN broken");
    d.desk.escalate(LUCIA, t.id(), Escalation.toNextTier("Looks like the gateway"));

    d.desk.fixBulletin(SAM, BulletinId.of("b-vpn"), "The VPN gateway was restarted.");

    Ticket after = d.get(t.id());
    assertEquals(TicketStatus.RESOLVED, after.status());
    assertEquals(Tier.SPECIALISTS, after.tier());
  }

  @Test
  void aFixedBulletinCannotBeFixedAgainAndNothingChanges() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));
    Ticket t = d.call("VPN down");
    d.desk.fixBulletin(SAM, BulletinId.of("b-vpn"), "Restarted.");
    List<TicketEvent> before = d.desk.history(SAM, t.id());

    assertThrows(ValidationException.class, () -> d.desk.fixBulletin(SAM, BulletinId.of("b-vpn"), "Again."));
    assertThrows(ValidationException.class, () -> d.desk.fixBulletin(SAM, BulletinId.of("b-vpn"), "  "));
    assertEquals(before, d.desk.history(SAM, t.id()));
  }

  @Test
  void aWithdrawnBulletinLinksNoMoreAndLeavesItsTicketsOpen() {
    Desk d = desk();
    d.desk.postBulletin(SAM, vpnDown(d, "b-vpn", Duration.ofHours(8)));
    Ticket t = d.call("VPN down");

    Bulletin withdrawn = d.desk.withdrawBulletin(SAM, BulletinId.of("b-vpn"));

    assertEquals(BulletinStatus.WITHDRAWN, withdrawn.status());
    assertEquals(TicketStatus.NEW, d.get(t.id()).status());
    d.call("VPN down too");
    assertEquals(List.of(t.id()), knowledge.linkedTickets(BulletinId.of("b-vpn")));
  }

  @Test
  void onlySupervisorsPostAndFixBulletinsAndCustomersDoNotReadThem() {
    Desk d = desk();
    Bulletin bulletin = vpnDown(d, "b-vpn", Duration.ofHours(8));
    assertThrows(AccessDeniedException.class, () -> d.desk.postBulletin(LUCIA, bulletin));
    assertEquals(List.of(), d.desk.activeBulletins(SAM), "a refused post stores nothing");
    d.desk.postBulletin(Actor.system(), bulletin);
    Ticket t = d.call("VPN down");
    assertThrows(AccessDeniedException.class, () -> d.desk.activeBulletins(d.customerOf(t)));
    assertThrows(AccessDeniedException.class, () -> d.desk.fixBulletin(LUCIA, bulletin.id(), "Restarted."));
    assertEquals(BulletinStatus.ACTIVE, knowledge.get(bulletin.id()).status());
    assertEquals(1, d.desk.activeBulletins(LUCIA).size(), "front line sees it");
  }
}
