package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notifications are recorded with the change, delivered after it, and never lost (D-17, D-18). */
class NotificationsTest {

  @Test
  void customersAreWrittenToInTheirOwnLanguage() {
    Desk d = new Desk();
    Ticket spanish = d.desk.receive(InboundContact.of(Channel.EMAIL,
        CustomerDetails.named("Ana").email("ana@example.com").locale(Locale.forLanguageTag("es-AR")),
        "La impresora no imprime", "", d.clock.instant()));
    Ticket english = d.desk.receive(InboundContact.of(Channel.EMAIL,
        CustomerDetails.named("John").email("john@example.com").locale(Locale.UK), "Printer", "", d.clock.instant()));
    Ticket unstated = d.desk.receive(InboundContact.of(Channel.EMAIL,
        CustomerDetails.withEmailOnly("kim@example.com"), "Printer", "", d.clock.instant()));

    List<Notification> sent = d.notifier.delivered;
    assertEquals("[" + spanish.id() + "] Hemos recibido su solicitud: La impresora no imprime", sent.get(0).subject());
    assertTrue(sent.get(0).body().startsWith("Hola Ana:"), sent.get(0).body());
    assertEquals("[" + english.id() + "] We have your request: Printer", sent.get(1).subject());
    assertEquals(Locale.ENGLISH, sent.get(2).locale(), "the desk's default when none was stated");
    assertEquals(unstated.id(), sent.get(2).ticket());
  }

  @Test
  void aDeskCanDefaultToSpanishAndOverrideATemplate() {
    Desk d = new Desk(b -> b.defaultLocale(Locale.forLanguageTag("es")).templates(NotificationTemplates.defaults()
        .with(NotificationKind.TICKET_OPENED, Recipient.Kind.CUSTOMER, Locale.forLanguageTag("es"),
            "Ticket {ticket} recibido", "Gracias, {name}.")));
    d.desk.receive(InboundContact.of(Channel.EMAIL, CustomerDetails.named("Luz").email("luz@example.com"),
        "Wifi", "", d.clock.instant()));
    Notification sent = d.notifier.delivered.get(0);
    assertEquals("Ticket HD-1 recibido", sent.subject());
    assertEquals("Gracias, Luz.", sent.body());
  }

  @Test
  void everyTemplateExistsInEnglishAndSpanish() {
    NotificationTemplates templates = NotificationTemplates.defaults();
    Map<NotificationKind, Set<Recipient.Kind>> used = Map.ofEntries(
        Map.entry(NotificationKind.TICKET_OPENED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.TICKET_ASSIGNED, EnumSet.of(Recipient.Kind.TECHNICIAN)),
        Map.entry(NotificationKind.INFORMATION_REQUESTED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.CUSTOMER_REPLIED, EnumSet.of(Recipient.Kind.TECHNICIAN)),
        Map.entry(NotificationKind.ESCALATED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.HANDED_OFF, EnumSet.of(Recipient.Kind.CUSTOMER, Recipient.Kind.DEPARTMENT)),
        Map.entry(NotificationKind.FOLLOW_UP, EnumSet.of(Recipient.Kind.TECHNICIAN)),
        Map.entry(NotificationKind.RESOLVED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.CLOSED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.CANCELLED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.MERGED, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.REOPENED, EnumSet.of(Recipient.Kind.TECHNICIAN)),
        Map.entry(NotificationKind.STATUS_UPDATE, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.REMINDER, EnumSet.of(Recipient.Kind.TECHNICIAN)),
        Map.entry(NotificationKind.KNOWN_PROBLEM, EnumSet.of(Recipient.Kind.CUSTOMER)),
        Map.entry(NotificationKind.SLA_WARNING, EnumSet.of(Recipient.Kind.TECHNICIAN, Recipient.Kind.SUPERVISOR)),
        Map.entry(NotificationKind.SLA_BREACHED, EnumSet.of(Recipient.Kind.TECHNICIAN, Recipient.Kind.SUPERVISOR)));
    assertEquals(EnumSet.allOf(NotificationKind.class), EnumSet.copyOf(used.keySet()));
    used.forEach((kind, recipients) -> recipients.forEach(recipient -> {
      for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
        assertTrue(templates.has(kind, recipient, language), kind + "." + recipient + " in " + language);
      }
    }));
  }

  @Test
  void aFailingNotifierNeitherUndoesTheChangeNorLosesTheNotification() {
    Desk d = new Desk(b -> b.deliveryRetries(new DeliveryRetries(4, Duration.ofMinutes(1), Duration.ofMinutes(10))));
    d.notifier.refusals.set(3);

    Ticket ticket = d.call("Printer");
    assertEquals(TicketStatus.NEW, d.get(ticket.id()).status(), "the ticket is stored");
    assertEquals(List.of(), d.notifier.delivered);
    OutboxEntry pending = d.desk.notifications(DeliveryState.PENDING, 10).get(0);
    assertEquals(1, pending.attempts());
    assertEquals(d.clock.instant().plus(Duration.ofMinutes(1)), pending.nextAttemptAt());
    assertTrue(pending.lastError().contains("SMTP 451"), pending.lastError());

    assertEquals(0, d.desk.advanceTo(d.clock.instant().plusSeconds(59)).delivered(), "not before the back-off");
    WorkDone second = d.desk.advanceTo(d.later(Duration.ofMinutes(1)));
    assertEquals(1, second.retried());
    assertEquals(d.clock.instant().plus(Duration.ofMinutes(2)),
        d.desk.notifications(DeliveryState.PENDING, 10).get(0).nextAttemptAt(), "the delay doubles");
    d.desk.advanceTo(d.later(Duration.ofMinutes(2)));
    WorkDone fourth = d.desk.advanceTo(d.later(Duration.ofMinutes(4)));

    assertEquals(1, fourth.delivered());
    assertEquals(1, d.notifier.delivered.size());
    assertEquals(List.of(), d.desk.notifications(DeliveryState.PENDING, 10));
    assertEquals(4, d.desk.notifications(DeliveryState.DELIVERED, 10).get(0).attempts() + 1);
  }

  @Test
  void aNotificationGivenUpOnStaysVisibleAsFailed() {
    Desk d = new Desk(b -> b.deliveryRetries(new DeliveryRetries(2, Duration.ofMinutes(1), Duration.ofMinutes(1))));
    d.notifier.refusals.set(100);
    d.call("Printer");
    WorkDone done = d.desk.advanceTo(d.later(Duration.ofMinutes(1)));
    assertEquals(1, done.failed());
    OutboxEntry failed = d.desk.notifications(DeliveryState.FAILED, 10).get(0);
    assertEquals(2, failed.attempts());
    assertEquals(NotificationKind.TICKET_OPENED, failed.notification().kind());
    assertEquals(0, d.desk.advanceTo(d.later(Duration.ofDays(1))).delivered(), "not retried after giving up");
  }

  @Test
  void notificationsCanWaitForTheNextAdvance() {
    Desk d = new Desk(b -> b.notificationDelivery(NotificationDelivery.ON_ADVANCE));
    Ticket t = d.call("Printer");
    d.desk.assign(SAM, t.id(), dev.helpdesk.model.TechnicianId.of("lucia"));
    assertEquals(List.of(), d.notifier.delivered);
    assertEquals(2, d.desk.notifications(DeliveryState.PENDING, 10).size());
    assertEquals(2, d.desk.advanceTo(d.clock.instant()).delivered());
    assertEquals(List.of(NotificationKind.TICKET_OPENED, NotificationKind.TICKET_ASSIGNED),
        d.notifier.delivered.stream().map(Notification::kind).toList());
  }

  @Test
  void theTechnicianHearsOfAnAssignmentAndTheCustomerOfEveryStepThatConcernsThem() {
    Desk d = new Desk();
    Ticket t = d.call("Printer");
    d.desk.assign(SAM, t.id(), dev.helpdesk.model.TechnicianId.of("lucia"));
    d.desk.startWork(LUCIA, t.id());
    d.desk.requestInformation(LUCIA, t.id(), "Which floor?");
    d.desk.reply(d.customerOf(t), t.id(), "Floor 2");
    d.desk.resolve(LUCIA, t.id(), Solution.of("Cleared the queue."));
    d.desk.confirm(d.customerOf(t), t.id());
    assertEquals(List.of(NotificationKind.TICKET_OPENED, NotificationKind.INFORMATION_REQUESTED,
        NotificationKind.RESOLVED, NotificationKind.CLOSED), d.notifier.kindsTo(t.customer().value()));
    assertEquals(List.of(NotificationKind.TICKET_ASSIGNED, NotificationKind.CUSTOMER_REPLIED),
        d.notifier.kindsTo("lucia"));
  }
}
