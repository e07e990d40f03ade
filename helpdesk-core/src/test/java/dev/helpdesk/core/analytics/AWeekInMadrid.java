package dev.helpdesk.core.analytics;

import dev.helpdesk.core.Escalation;
import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One week of a desk in Madrid (UTC+1 in early March), driven through the desk's own commands, whose
 * every figure the tests know by hand:
 *
 * <ul>
 *   <li>T1 Mon 09:10, call-1 (waited 30 s), printing: Lucía solves it at first contact at 09:14; rated 5.
 *   <li>T2 Mon 09:20, call-2 (waited 10 s), password: Lucía starts at once, solves it at first contact
 *       at 09:23; rated 4.
 *   <li>T3 Mon 10:00, email, network: Pablo works on it 10:05–10:35 and escalates it; Mario works on it
 *       10:40–11:40 and solves it with public article KB-7; the customer confirms at 12:00 and rates it
 *       2, then Thursday 3.
 *   <li>T4 Tue 09:05, call-3 (waited 60 s), printing: Pablo works 09:06–09:30 and solves it; the
 *       customer reopens it Wed 10:00; Pablo works 10:10–10:30 and solves it again.
 *   <li>T5 Wed 15:00, web, password: still new at the end.
 *   <li>T6 entered 15 January and T7 entered 20 February, hardware, never touched since.
 *   <li>Queue, Tue from 11:00: call-4 abandoned after 40 s, call-5 after 3 s (a short abandon), call-6
 *       after 15 s; call-7 answered after 30 s and left no ticket.
 * </ul>
 */
final class AWeekInMadrid {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Instant MONDAY = local("2026-03-02T00:00");
  static final Instant NEXT_MONDAY = local("2026-03-09T00:00");

  static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  static final Actor PABLO = Actor.technician(TechnicianId.of("pablo"));
  static final Actor MARIO = Actor.technician(TechnicianId.of("mario"));

  final MovableClock clock = new MovableClock(local("2026-01-15T10:00"), MADRID);
  final InMemoryTicketStore store = new InMemoryTicketStore();
  final HelpDesk desk;
  Ticket t1;
  Ticket t2;
  Ticket t3;
  Ticket t4;
  Ticket t5;
  Ticket t6;
  Ticket t7;

  AWeekInMadrid() {
    this(b -> b);
  }

  AWeekInMadrid(UnaryOperator<HelpDesk.Builder> options) {
    desk = options.apply(HelpDesk.builder().clock(clock).ticketStore(store).notifier(n -> { })).build();
    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE));
    desk.addTechnician(Technician.of(TechnicianId.of("pablo"), "Pablo", Tier.FIRST_LINE));
    desk.addTechnician(Technician.of(TechnicianId.of("mario"), "Mario", Tier.SPECIALISTS));
    desk.addTechnician(Technician.of(TechnicianId.of("marta"), "Marta", Tier.SPECIALISTS));
  }

  static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(MADRID).toInstant();
  }

  static ContactReference call(String id) {
    return new ContactReference(Channel.PHONE, id);
  }

  /** Sets the clock to a local time of the week. */
  Instant at(String dateTime) {
    Instant instant = local(dateTime);
    clock.set(instant);
    return instant;
  }

  Ticket contact(Channel channel, String externalId, String who, String category, String subject) {
    InboundContact contact = InboundContact.of(channel, CustomerDetails.named(who).email(who.toLowerCase() + "@example.com"),
        subject, "", clock.instant()).withCategory(category);
    return desk.receive(externalId.isEmpty() ? contact : contact.withExternalId(externalId));
  }

  void answered(String callId, String answeredAt, int waitedSeconds) {
    desk.report(QueueEvent.offered(call(callId), local(answeredAt).minusSeconds(waitedSeconds)));
    desk.report(QueueEvent.answered(call(callId), local(answeredAt), Duration.ofSeconds(waitedSeconds)));
  }

  void abandoned(String callId, String offeredAt, int waitedSeconds) {
    desk.report(QueueEvent.offered(call(callId), local(offeredAt)));
    desk.report(QueueEvent.abandoned(call(callId), local(offeredAt).plusSeconds(waitedSeconds),
        Duration.ofSeconds(waitedSeconds)));
  }

  Actor customer(Ticket ticket) {
    return Actor.customer(ticket.customer());
  }

  /** Plays the whole week. */
  AWeekInMadrid play() {
    at("2026-01-15T10:00");
    t6 = contact(Channel.EMAIL, "", "Hugo", "hardware", "Monitor flickers");
    at("2026-02-20T10:00");
    t7 = contact(Channel.EMAIL, "", "Irene", "hardware", "Keyboard missing keys");

    answered("call-1", "2026-03-02T09:10", 30);
    at("2026-03-02T09:10");
    t1 = contact(Channel.PHONE, "call-1", "Ana", "printing", "Printer jams on floor 2");
    at("2026-03-02T09:14");
    desk.resolve(LUCIA, t1.id(), Solution.of("Removed the jammed sheet").atFirstContact());
    desk.rate(customer(t1), t1.id(), 5, "Quick");

    answered("call-2", "2026-03-02T09:20", 10);
    at("2026-03-02T09:20");
    t2 = contact(Channel.PHONE, "call-2", "Bruno", "password", "Forgot my password");
    desk.startWork(LUCIA, t2.id());
    at("2026-03-02T09:23");
    desk.resolve(LUCIA, t2.id(), Solution.of("Reset it").atFirstContact());
    desk.rate(customer(t2), t2.id(), 4, "");

    at("2026-03-02T10:00");
    t3 = contact(Channel.EMAIL, "", "Carla", "network", "VPN drops every hour");
    at("2026-03-02T10:05");
    desk.startWork(PABLO, t3.id());
    at("2026-03-02T10:35");
    desk.escalate(PABLO, t3.id(), Escalation.toNextTier("Needs the network team"));
    at("2026-03-02T10:40");
    desk.startWork(MARIO, t3.id());
    at("2026-03-02T11:40");
    desk.resolve(MARIO, t3.id(), Solution.of("Updated the VPN client").usingArticle(ArticleId.of("KB-7")));
    at("2026-03-02T12:00");
    desk.confirm(customer(t3), t3.id());
    at("2026-03-02T12:05");
    desk.rate(customer(t3), t3.id(), 2, "Took all morning");

    answered("call-3", "2026-03-03T09:05", 60);
    at("2026-03-03T09:05");
    t4 = contact(Channel.PHONE, "call-3", "Diego", "printing", "Printer out of toner");
    at("2026-03-03T09:06");
    desk.startWork(PABLO, t4.id());
    at("2026-03-03T09:30");
    desk.resolve(PABLO, t4.id(), Solution.of("Replaced the toner"));

    abandoned("call-4", "2026-03-03T11:00:00", 40);
    abandoned("call-5", "2026-03-03T11:00:10", 3);
    abandoned("call-6", "2026-03-03T11:00:20", 15);
    answered("call-7", "2026-03-03T11:01:00", 30);

    at("2026-03-04T10:00");
    desk.reopen(customer(t4), t4.id(), "It jams again");
    at("2026-03-04T10:10");
    desk.startWork(PABLO, t4.id());
    at("2026-03-04T10:30");
    desk.resolve(PABLO, t4.id(), Solution.of("Cleaned the rollers"));

    at("2026-03-04T15:00");
    t5 = contact(Channel.WEB, "", "Elena", "password", "Reset my password please");

    at("2026-03-05T09:00");
    desk.rate(customer(t3), t3.id(), 3, "Works now");
    at("2026-03-10T09:00");
    return this;
  }

  /** The check of the tests' agreement: solved within an hour of entry. */
  static SlaCheck.Outcome solvedWithinAnHour(Ticket ticket, List<TicketEvent> history) {
    for (TicketEvent event : history) {
      if (event.change() instanceof TicketEvent.Resolved) {
        return Duration.between(ticket.entered(), event.at()).compareTo(Duration.ofHours(1)) <= 0
            ? SlaCheck.Outcome.MET : SlaCheck.Outcome.MISSED;
      }
    }
    return SlaCheck.Outcome.NOT_TRACKED;
  }

  TicketStore tickets() {
    return store;
  }
}
