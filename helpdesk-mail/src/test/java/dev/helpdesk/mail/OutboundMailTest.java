package dev.helpdesk.mail;

import static dev.helpdesk.mail.MailServers.DESK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.OutboxEntry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The desk's notifications go out as threaded mail in the customer's language (issue 9, point 2; D-17). */
class OutboundMailTest {
  private static final String ANA = "ana@customer.example";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @RegisterExtension
  static final GreenMailExtension MAIL = MailServers.greenMail();

  @BeforeEach
  void createAccounts() {
    MailServers.createAccounts(MAIL, ANA);
  }

  private static MailNotifier.Builder notifier() {
    return MailNotifier.builder().server(MailServers.smtp(MAIL)).from(DESK, "Help Desk");
  }

  private static Notification notification(String id, String subject, Locale locale) {
    return new Notification(NotificationId.of(id), TicketId.of("HD-7"), NotificationKind.STATUS_UPDATE,
        new Recipient(Recipient.Kind.CUSTOMER, "C-1", "Ana Ruiz", ANA), locale, subject,
        "Hello Ana,\n\nwe are still on it. Café, naïve, 5 €.", NOW);
  }

  private static List<MimeMessage> anasMailbox() {
    return MailServers.read(MAIL, ANA, "INBOX");
  }

  @Test
  void aNotificationArrivesWithTheTicketReferenceTheThreadAndItsLanguage() throws Exception {
    notifier().build().deliver(notification("N-HD-7-3-0", "[HD-7] Status of your request: Wi-Fi",
        Locale.forLanguageTag("fr")));

    MimeMessage mail = anasMailbox().get(0);
    assertEquals("[HD-7] Status of your request: Wi-Fi", mail.getSubject());
    assertEquals("<helpdesk.HD-7.N-HD-7-3-0@desk.example>", mail.getMessageID());
    assertEquals("<helpdesk.HD-7@desk.example>", mail.getHeader("In-Reply-To", null));
    assertEquals("<helpdesk.HD-7@desk.example>", mail.getHeader("References", null));
    assertEquals("fr", mail.getHeader("Content-Language", null));
    assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
    assertEquals("All", mail.getHeader("X-Auto-Response-Suppress", null));
    assertEquals("Ana Ruiz <ana@customer.example>", mail.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
    assertEquals("Help Desk <help@desk.example>", mail.getFrom()[0].toString());
    assertTrue(mail.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"), mail.getContentType());
    assertEquals("Hello Ana,\n\nwe are still on it. Café, naïve, 5 €.", mail.getContent().toString().strip()
        .replace("\r\n", "\n"));
  }

  @Test
  void aRetriedDeliveryGoesOutWithTheSameMessageId() throws Exception {
    MailNotifier notifier = notifier().build();
    Notification once = notification("N-HD-7-4-0", "[HD-7] Still on it", Locale.ENGLISH);

    notifier.deliver(once);
    notifier.deliver(once);

    List<MimeMessage> mails = anasMailbox();
    assertEquals(2, mails.size(), "delivery is at least once");
    assertEquals(mails.get(0).getMessageID(), mails.get(1).getMessageID(),
        "so the customer's mail program can drop the copy");
  }

  @Test
  void theTicketReferenceIsPutInFrontWhenATemplateLeftItOut() throws Exception {
    notifier().build().deliver(notification("N-HD-7-5-0", "Your printer is fixed", Locale.ENGLISH));

    assertEquals("[HD-7] Your printer is fixed", anasMailbox().get(0).getSubject());
  }

  @Test
  void repliesGoWhereTheChannelReadsWhenMailIsSentFromAnotherAddress() throws Exception {
    MailNotifier.builder().server(MailServers.smtp(MAIL)).from("noreply@desk.example", "Help Desk")
        .replyTo(DESK).build().deliver(notification("N-HD-7-6-0", "[HD-7] x", Locale.ENGLISH));

    MimeMessage mail = anasMailbox().get(0);
    assertEquals(DESK, mail.getReplyTo()[0].toString());
    assertEquals("<helpdesk.HD-7.N-HD-7-6-0@desk.example>", mail.getMessageID());
  }

  @Test
  void aTicketOpenedByMailThreadsTheDesksMailUnderTheCustomersFirstMessage() throws Exception {
    InMemoryTicketStore store = new InMemoryTicketStore();
    MailDesk d = new MailDesk(b -> b, notifier().tickets(store).build(), store);

    Ticket ticket = d.desk.receive(InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly(ANA), "Wi-Fi",
        "No signal", NOW).withExternalId("CAF-1234@mail.customer.example"));
    Ticket byPhone = d.desk.receive(InboundContact.of(Channel.PHONE, CustomerDetails.withEmailOnly(ANA), "Phone",
        "Dead line", NOW).withExternalId("call-77"));

    List<MimeMessage> mails = anasMailbox();
    assertEquals(2, mails.size());
    assertEquals("<CAF-1234@mail.customer.example>", mails.get(0).getHeader("In-Reply-To", null));
    assertEquals("<CAF-1234@mail.customer.example> <helpdesk." + ticket.id() + "@desk.example>",
        mails.get(0).getHeader("References", null));
    assertEquals("<helpdesk." + byPhone.id() + "@desk.example>", mails.get(1).getHeader("In-Reply-To", null),
        "a call id is no Message-ID");
  }

  @Test
  void aRecipientWithoutEmailGoesToTheOtherNotifier() throws Exception {
    RecordingNotifier sms = new RecordingNotifier();
    Notification byPhone = new Notification(NotificationId.of("N-HD-8-1-0"), TicketId.of("HD-8"),
        NotificationKind.TICKET_OPENED, new Recipient(Recipient.Kind.CUSTOMER, "C-2", "Luis", "+34600123456"),
        Locale.ENGLISH, "[HD-8] We have your request", "Hello", NOW);

    notifier().otherwise(sms).build().deliver(byPhone);

    assertEquals(List.of(byPhone), sms.delivered);
    AddressException refused = assertThrows(AddressException.class, () -> notifier().build().deliver(byPhone));
    assertEquals("no email address for customer C-2 ('+34600123456')", refused.getMessage());
  }

  @Test
  void anUnreachableServerFailsTheDeliverySoTheDeskKeepsItAndRetries() {
    MailNotifier unreachable = MailNotifier.builder()
        .server(MailServer.smtp("127.0.0.1", MailServers.closedPort()).withTimeout(java.time.Duration.ofSeconds(2)))
        .from(DESK, "Help Desk").build();
    MailDesk d = new MailDesk(b -> b, unreachable, null);

    assertThrows(MessagingException.class, () -> unreachable.deliver(notification("N-HD-7-7-0", "[HD-7] x",
        Locale.ENGLISH)));
    d.desk.receive(InboundContact.of(Channel.WEB, CustomerDetails.withEmailOnly(ANA), "Form", "text", NOW));

    List<OutboxEntry> pending = d.desk.notifications(DeliveryState.PENDING, 10);
    assertEquals(1, pending.size(), "the acknowledgement waits for its next attempt");
    assertEquals(1, pending.get(0).attempts());
    assertTrue(pending.get(0).lastError().startsWith("MailConnectException"), pending.get(0).lastError());
  }

  @Test
  void badSettingsAreRefusedWithTheirReasons() {
    assertThrows(ValidationException.class, () -> MailNotifier.builder().from("not an address", "Desk"));
    assertThrows(ValidationException.class, () -> MailNotifier.builder().server(MailServer.imap("x", 143)));
    assertThrows(IllegalStateException.class, () -> MailNotifier.builder().from(DESK, "Desk").build(),
        "a server is required");
    assertThrows(IllegalStateException.class, () -> notifier().from(DESK, "again"));
    String shown = MailNotifier.builder().server(MailServers.smtp(MAIL).withLogin("help", "s3cret")).from(DESK, "Desk")
        .build().toString();
    assertTrue(shown.contains("smtp://help@127.0.0.1") && !shown.contains("s3cret"), shown);
  }
}
