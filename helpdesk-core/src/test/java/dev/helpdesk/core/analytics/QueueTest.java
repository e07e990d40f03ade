package dev.helpdesk.core.analytics;

import static dev.helpdesk.core.analytics.AWeekInMadrid.call;
import static dev.helpdesk.core.analytics.AWeekInMadrid.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue service level (D-21) at the edges: periods, repeats, contacts still waiting, replies. */
class QueueTest {
  private static final Instant TEN = local("2026-03-02T10:00");
  private static final Instant ELEVEN = local("2026-03-02T11:00");

  private final AWeekInMadrid desk = new AWeekInMadrid();

  private QueueReport queue() {
    return desk.desk.analytics().report(ReportOptions.period(TEN, ELEVEN).build()).queue();
  }

  @Test
  void aContactBelongsToThePeriodItWasOfferedIn() {
    // Offered at 09:59:50, answered at 10:00:10: the period from 10:00 leaves it out.
    desk.desk.report(QueueEvent.answered(call("early"), TEN.plusSeconds(10), Duration.ofSeconds(20)));
    desk.desk.report(QueueEvent.answered(call("inside"), TEN.plusSeconds(40), Duration.ofSeconds(20)));
    assertEquals(1, queue().total().offered());
  }

  @Test
  void aContactStillWaitingWhenThePeriodEndsIsOfferedAndInTheQueueButInNoRate() {
    desk.desk.report(QueueEvent.offered(call("late"), ELEVEN.minusSeconds(120)));
    QueueReport queue = queue();
    assertEquals(1, queue.total().offered());
    assertEquals(1, queue.total().waiting());
    assertEquals(new Ratio(0, 0), queue.total().abandonmentRate());
    QueueReport.Interval last = queue.intervals().get(1);
    assertEquals(1, last.maxLength());
    assertEquals(120.0 / 1800, last.meanLength(), 1e-12);
  }

  @Test
  void aQueueCarriedIntoTheNextIntervalCountsThereToo() {
    desk.desk.report(QueueEvent.abandoned(call("long"), local("2026-03-02T10:40"), Duration.ofMinutes(15)));
    List<QueueReport.Interval> intervals = queue().intervals();
    assertEquals(1, intervals.get(0).maxLength());
    assertEquals(5.0 / 30, intervals.get(0).meanLength(), 1e-12);
    assertEquals(1, intervals.get(1).maxLength());
    assertEquals(10.0 / 30, intervals.get(1).meanLength(), 1e-12);
  }

  @Test
  void anEventReportedTwiceCountsOnceAndAnAnswerWinsOverAnAbandon() {
    desk.desk.report(QueueEvent.answered(call("c"), TEN.plusSeconds(30), Duration.ofSeconds(5)));
    desk.desk.report(QueueEvent.answered(call("c"), TEN.plusSeconds(30), Duration.ofSeconds(5)));
    desk.desk.report(QueueEvent.abandoned(call("c"), TEN.plusSeconds(40), Duration.ofSeconds(15)));
    QueueReport.Stats total = queue().total();
    assertEquals(1, total.offered());
    assertEquals(1, total.answered());
    assertEquals(0, total.abandoned());
  }

  @Test
  void anAnsweredCallThatRepliesToATicketContinuesIt() {
    desk.at("2026-03-02T09:00");
    Ticket open = desk.contact(Channel.EMAIL, "", "Ana", "printing", "Printer jams");
    desk.desk.report(QueueEvent.answered(call("reply-1"), TEN.plusSeconds(60), Duration.ofSeconds(12)));
    desk.at("2026-03-02T10:01");
    desk.desk.receive(InboundContact.of(Channel.PHONE, CustomerDetails.named("Ana").email("ana@example.com"),
        "", "It jams again", TEN.plusSeconds(60)).withExternalId("reply-1").replyTo(open.id()));
    QueueReport.Stats total = queue().total();
    assertEquals(1, total.continuedTicket());
    assertEquals(0, total.openedTicket());
    assertEquals(0, total.answeredWithoutTicket());
  }

  @Test
  void eachChannelHasItsOwnFigures() {
    desk.desk.report(QueueEvent.answered(call("p"), TEN.plusSeconds(30), Duration.ofSeconds(10)));
    desk.desk.report(QueueEvent.answered(new dev.helpdesk.model.ContactReference(Channel.CHAT, "chat-1"),
        TEN.plusSeconds(90), Duration.ofSeconds(50)));
    QueueReport queue = queue();
    assertEquals(new Ratio(1, 1), queue.channels().get(Channel.PHONE).serviceLevel());
    assertEquals(new Ratio(0, 1), queue.channels().get(Channel.CHAT).serviceLevel());
    assertEquals(new Ratio(1, 2), queue.total().serviceLevel());
  }

  @Test
  void aQueueEventIsCheckedWhenItIsMade() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> QueueEvent.answered(call("x"), TEN, Duration.ofSeconds(-1)));
    assertEquals("waited", e.violations().get(0).field());
    assertThrows(ValidationException.class, () -> new QueueEvent(call("x"), QueueEvent.Kind.OFFERED, TEN,
        Duration.ofSeconds(3)));
    assertThrows(ValidationException.class, () -> desk.desk.report(null));
  }
}
