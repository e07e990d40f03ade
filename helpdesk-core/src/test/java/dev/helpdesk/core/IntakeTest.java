package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intake from every channel (D-02, D-03, D-04). */
class IntakeTest {

  @Test
  void everyChannelOpensATicketWithItsSupportMode() {
    Desk d = new Desk();
    Map<Channel, SupportMode> expected = new EnumMap<>(Map.of(
        Channel.WALK_IN, SupportMode.ON_SITE, Channel.PHONE, SupportMode.PHONE, Channel.EMAIL, SupportMode.ONLINE,
        Channel.CHAT, SupportMode.ONLINE, Channel.INSTANT_MESSAGE, SupportMode.ONLINE, Channel.WEB, SupportMode.ONLINE,
        Channel.VIDEO_CALL, SupportMode.VIDEO, Channel.REMOTE_SESSION, SupportMode.REMOTE_DESKTOP));
    expected.forEach((channel, mode) -> {
      Ticket t = d.desk.receive(InboundContact.of(channel, Desk.ana(), "Help via " + channel, "", d.clock.instant()));
      assertEquals(channel, t.channel());
      assertEquals(mode, t.supportMode(), channel.name());
      assertEquals(TicketStatus.NEW, t.status());
      assertEquals(d.clock.instant(), t.entered());
    });
    assertEquals(8, d.desk.workQueue(SAM, TicketQuery.open()).entries().size());
  }

  @Test
  void aCustomerIsRecognisedByEmailOrPhoneAndTheirDetailsUpdated() {
    Desk d = new Desk();
    Ticket first = d.desk.receive(InboundContact.of(Channel.PHONE, CustomerDetails.named("Ana").phone("600 123 456"),
        "Printer", "", d.clock.instant()));
    Ticket second = d.desk.receive(InboundContact.of(Channel.EMAIL,
        CustomerDetails.named("Ana Pérez").phone("600-123-456").email("ana@example.com")
            .locale(Locale.forLanguageTag("es")), "Scanner", "", d.later(Duration.ofHours(1))));

    assertEquals(first.customer(), second.customer());
    assertEquals(2, d.desk.workQueue(SAM, TicketQuery.open().customer(first.customer())).entries().size());
    assertTrue(d.notifier.delivered.get(d.notifier.delivered.size() - 1).subject().startsWith("[" + second.id()
        + "] Hemos recibido"), "the updated language is used at once");
  }

  @Test
  void theSameContactDeliveredTwiceIsOneTicket() {
    Desk d = new Desk();
    InboundContact call = InboundContact.of(Channel.PHONE, Desk.ana(), "No dial tone", "", d.clock.instant())
        .withExternalId("call-2026-03-02-0001")
        .withSystemInformation(new SystemInformation.TelephoneService("2041", "trunk 1", "Yealink T54W", ""));

    Ticket once = d.desk.receive(call);
    Ticket twice = d.desk.receive(call);

    assertEquals(once, twice);
    assertEquals(1, d.desk.workQueue(SAM, TicketQuery.all()).entries().size());
    assertEquals(1, d.notifier.delivered.size(), "one acknowledgement");
    assertEquals(Optional.of(call.reference().orElseThrow()), once.source());
  }

  @Test
  void aChannelLearnsWhichTicketAnEarlierContactOpened() {
    Desk d = new Desk();
    InboundContact mail = InboundContact.of(Channel.EMAIL, Desk.ana(), "VPN drops", "", d.clock.instant())
        .withExternalId("first-message@mail.example");
    Ticket opened = d.desk.receive(mail);

    assertEquals(Optional.of(opened.id()), d.desk.ticketOpenedBy(mail.reference().orElseThrow()));
    assertEquals(Optional.empty(), d.desk.ticketOpenedBy(
        new ContactReference(Channel.EMAIL, "never-seen@mail.example")));
    assertEquals(Optional.empty(), d.desk.ticketOpenedBy(
        new ContactReference(Channel.CHAT, "first-message@mail.example")), "the channel is part of the reference");
  }

  @Test
  void aSubjectIsTakenFromTheBodyAndACategoryFromTheChannel() {
    Desk d = new Desk();
    Ticket t = d.desk.receive(InboundContact.of(Channel.WEB, Desk.ana(), "",
        "My badge does not open door 3\nSince yesterday.", d.clock.instant()).withCategory("facilities"));
    assertEquals("My badge does not open door 3", t.subject());
    assertEquals("facilities", t.category());
    assertEquals("My badge does not open door 3\nSince yesterday.", t.description());
  }

  @Test
  void aReplyToAClosedTicketReopensItAndAReplyToAMergedOneContinuesItsTarget() {
    Desk d = new Desk();
    Ticket kept = d.call("Printer jams");
    Ticket duplicate = d.call("Printer still jams");
    d.desk.merge(SAM, duplicate.id(), kept.id());

    Ticket continued = d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Re: Printer still jams",
        "It is the one by the window", d.clock.instant()).replyTo(duplicate.id()));
    assertEquals(kept.id(), continued.id());

    d.desk.resolve(LUCIA, kept.id(), Solution.of("Replaced the roller.").confirmedByCustomer());
    d.later(Duration.ofDays(2));
    Ticket reopened = d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Re: Printer jams",
        "Jams again", d.clock.instant()).withExternalId("<r1@example.com>").replyTo(kept.id()));
    assertEquals(TicketStatus.REOPENED, reopened.status());
    assertEquals(reopened, d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Re: Printer jams",
        "Jams again", d.clock.instant()).withExternalId("<r1@example.com>").replyTo(kept.id())), "once");
    assertTrue(d.desk.history(SAM, kept.id()).stream().anyMatch(e -> e.change() instanceof TicketEvent.Reopened));
  }

  @Test
  void aReplyNamingAnUnknownTicketOpensANewOne() {
    Desk d = new Desk();
    Ticket t = d.desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Re: old thing", "Hello?",
        d.clock.instant()).replyTo(TicketId.of("HD-999")));
    assertNotEquals(TicketId.of("HD-999"), t.id());
    assertEquals(TicketStatus.NEW, t.status());
  }

  @Test
  void nobodyRepliesOnAnotherCustomersTicket() {
    Desk d = new Desk();
    Ticket anas = d.call("Printer");
    InboundContact intruder = InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("eve@example.com"),
        "Re: Printer", "Close it", d.clock.instant()).replyTo(anas.id());
    assertThrows(AccessDeniedException.class, () -> d.desk.receive(intruder));
    assertEquals(1, d.desk.history(SAM, anas.id()).size());
  }

  @Test
  void anInvalidContactIsRejectedBeforeAnythingIsRegistered() {
    Desk d = new Desk();
    assertThrows(ValidationException.class, () -> d.desk.receive(null));
    assertEquals(0, d.desk.workQueue(SAM, TicketQuery.all()).entries().size());
  }
}
