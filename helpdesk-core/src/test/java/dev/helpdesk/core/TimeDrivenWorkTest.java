package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Note;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Work that falls due with time runs when the host advances the desk (D-17). */
class TimeDrivenWorkTest {

  @Test
  void aTicketWithoutNewsForTooLongGetsACourtesyUpdateAndItsOwnerAReminder() {
    Desk d = new Desk(b -> b.statusUpdateEvery(Duration.ofDays(2)));
    Ticket owned = d.call("Laptop slow");
    d.desk.startWork(LUCIA, owned.id());
    Ticket unowned = d.call("Monitor flickers");

    d.later(Duration.ofDays(1));
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).statusUpdates());
    d.desk.comment(LUCIA, unowned.id(), Note.forCustomer("A replacement monitor is ordered"));

    d.later(Duration.ofDays(1));
    WorkDone done = d.desk.advanceTo(d.clock.instant());
    assertEquals(1, done.statusUpdates(), "only the ticket whose customer heard nothing for two days");
    assertEquals(1, done.reminders());
    assertEquals(1, d.notifier.to(Recipient.Kind.CUSTOMER, NotificationKind.STATUS_UPDATE).stream()
        .filter(n -> n.ticket().equals(owned.id())).count());
    assertEquals(1, d.notifier.to(Recipient.Kind.TECHNICIAN, NotificationKind.REMINDER).size());
    assertTrue(d.desk.history(SAM, owned.id()).stream().anyMatch(e -> e.change() instanceof TicketEvent.ReminderSent));
    assertEquals(d.clock.instant(), d.get(owned.id()).customerUpdated());

    assertEquals(0, d.desk.advanceTo(d.clock.instant()).statusUpdates(), "done once per silence");
    WorkDone nextDay = d.desk.advanceTo(d.later(Duration.ofDays(1)));
    assertEquals(1, nextDay.statusUpdates(), "the other ticket's public note was a day earlier");
  }

  @Test
  void aTicketWaitingOnTheCustomerOwesThemNoUpdate() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.requestInformation(LUCIA, t.id(), "Which model?");
    d.later(Duration.ofDays(10));
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).statusUpdates());
    assertEquals(TicketStatus.WAITING_ON_CUSTOMER, d.get(t.id()).status());
  }

  @Test
  void aConfirmationBeforeTheQuietPeriodEndsWins() {
    Desk d = new Desk(b -> b.autoCloseAfter(Duration.ofDays(5)));
    Ticket t = d.call("Printer");
    d.desk.resolve(LUCIA, t.id(), Solution.of("Restarted the spooler."));
    d.later(Duration.ofDays(4));
    d.desk.confirm(d.customerOf(t), t.id());
    d.later(Duration.ofDays(2));
    assertEquals(0, d.desk.advanceTo(d.clock.instant()).autoClosed());
    assertEquals(new TicketEvent.Closed(TicketEvent.ClosureReason.CONFIRMED),
        d.desk.history(SAM, t.id()).get(d.desk.history(SAM, t.id()).size() - 1).change());
  }

  @Test
  void advancingIsDrivenOnlyByTheGivenInstant() {
    Desk d = new Desk(b -> b.autoCloseAfter(Duration.ofDays(5)));
    Ticket t = d.call("Printer");
    d.desk.resolve(LUCIA, t.id(), Solution.of("Restarted the spooler."));
    // The desk's clock stays put; the host says what time it is.
    WorkDone done = d.desk.advanceTo(d.clock.instant().plus(Duration.ofDays(5)));
    assertEquals(1, done.autoClosed());
    assertEquals(TicketStatus.CLOSED, d.get(t.id()).status());
    assertEquals(d.clock.instant().plus(Duration.ofDays(5)), d.get(t.id()).updated());
  }
}
