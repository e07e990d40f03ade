package dev.helpdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.mail.MailOutcome.Kind;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Automatic mail never opens a ticket or triggers an answer; broken mail is held with a clear
 * reason; nothing a mail contains makes the channel throw (issue 9, point 3).
 */
class AutomaticAndBrokenMailTest {

  private static RawMail normal(String id) {
    return RawMail.from("Luis <luis@customer.example>").messageId("<" + id + "@customer.example>")
        .subject("Help").text("Something is wrong.");
  }

  /** Takes a mail that must change nothing: no ticket, no customer, no notification. */
  private static MailOutcome takeNothingFrom(RawMail mail, Kind expected) {
    return takeNothingFrom(mail, expected, b -> b);
  }

  private static MailOutcome takeNothingFrom(RawMail mail, Kind expected, UnaryOperator<MailChannel.Builder> options) {
    MailDesk d = new MailDesk(options);
    MailOutcome outcome = d.accept(mail);
    assertEquals(expected, outcome.kind(), outcome.toString());
    assertEquals(0, d.tickets().size(), "no ticket");
    assertEquals(0, d.recorded.delivered.size(), "no answer");
    assertTrue(d.customers.findByEmail("luis@customer.example").isEmpty(), "nobody registered");
    assertTrue(!outcome.reason().isBlank(), "a reason is given");
    return outcome;
  }

  @Test
  void autoRepliesAreIgnored() {
    MailOutcome outcome = takeNothingFrom(normal("ooo").header("Auto-Submitted", "auto-replied; owner-email=x"),
        Kind.IGNORED);
    assertEquals("it is automatic mail (Auto-Submitted: auto-replied)", outcome.reason());
    takeNothingFrom(normal("ooo").header("X-Autoreply", "yes"), Kind.IGNORED);
    takeNothingFrom(normal("ooo").header("X-Autorespond", "Out of office"), Kind.IGNORED);
  }

  @Test
  void mailMarkedAsWrittenByAPersonIsTaken() {
    MailDesk d = new MailDesk();
    assertEquals(Kind.OPENED, d.accept(normal("human").header("Auto-Submitted", "no")).kind());
    assertEquals(Kind.OPENED, d.accept(normal("human2").header("Precedence", "first-class")).kind());
  }

  @Test
  void bulkListAndJunkMailIsIgnored() {
    for (String precedence : new String[] {"bulk", "junk", "list", "auto_reply", "Bulk"}) {
      takeNothingFrom(normal("bulk").header("Precedence", precedence), Kind.IGNORED);
    }
  }

  @Test
  void bouncesAndDeliveryReportsAreIgnored() {
    RawMail bounce = RawMail.from("Mail Delivery System <MAILER-DAEMON@mx.customer.example>")
        .messageId("<bounce-1@mx.customer.example>").subject("Undelivered Mail Returned to Sender")
        .body("multipart/report; report-type=delivery-status; boundary=\"b\"", "7bit",
            "--b\nContent-Type: text/plain\n\nI'm sorry to have to inform you...\n--b\n"
                + "Content-Type: message/delivery-status\n\nAction: failed\n--b--");
    MailOutcome outcome = takeNothingFrom(bounce, Kind.IGNORED);
    assertEquals("it is a delivery or read report", outcome.reason());
    takeNothingFrom(RawMail.from("postmaster@customer.example").messageId("<pm@customer.example>").subject("x")
        .text("Your mail could not be delivered"), Kind.IGNORED);
    takeNothingFrom(normal("null-sender").header("Return-Path", "<>"), Kind.IGNORED);
  }

  @Test
  void theDesksOwnMailNeverComesBackAsAContact() {
    MailOutcome fromDesk = takeNothingFrom(RawMail.from("Help Desk <HELP@desk.example>").messageId("<x@desk.example>")
        .subject("[HD-1] We have your request").text("Hello"), Kind.IGNORED);
    assertEquals("it was sent from the desk's own address help@desk.example", fromDesk.reason());
    MailDesk aliased = new MailDesk(b -> b, null, null, "help@desk.example", "noreply@desk.example");
    assertEquals(Kind.IGNORED, aliased.accept(RawMail.from("Help Desk <noreply@desk.example>")
        .messageId("<n@desk.example>").subject("x").text("y")).kind(), "nor from its aliases");
    takeNothingFrom(RawMail.from("Luis <luis@customer.example>").messageId("<helpdesk.HD-1.N-HD-1-1-0@desk.example>")
        .subject("[HD-1] We have your request").text("forwarded back by a mail rule"), Kind.IGNORED);
    takeNothingFrom(normal("looped").header("X-Loop", "help@desk.example"), Kind.IGNORED);
  }

  @Test
  void mailThatPassedTooManyServersIsHeldAsALoop() {
    RawMail mail = normal("hops");
    for (int i = 0; i < 51; i++) {
      mail.header("Received", "from relay" + i + ".example by relay" + (i + 1) + ".example");
    }
    MailOutcome outcome = takeNothingFrom(mail, Kind.HELD);
    assertEquals("a mail loop is suspected: it passed 51 mail servers", outcome.reason());
  }

  @Test
  void aSenderWritingFasterThanAPersonIsHeldAfterTheLimitUntilTheHourHasPassed() {
    MailDesk d = new MailDesk(b -> b.senderLimit(3));
    for (int i = 1; i <= 3; i++) {
      assertEquals(Kind.OPENED, d.accept(normal("burst-" + i)).kind());
      d.clock.advance(Duration.ofMinutes(1));
    }

    MailOutcome fourth = d.accept(normal("burst-4"));
    MailOutcome firstAgain = d.accept(normal("burst-1"));
    d.clock.advance(Duration.ofHours(1));
    MailOutcome later = d.accept(normal("burst-5"));

    assertEquals(Kind.HELD, fourth.kind());
    assertEquals("a mail loop is suspected: more than 3 mails from luis@customer.example within 60 minutes",
        fourth.reason());
    assertEquals(Kind.OPENED, firstAgain.kind(), "a mail offered again is not counted twice");
    assertEquals(Kind.OPENED, later.kind());
    assertEquals(4, d.tickets().size());
  }

  @Test
  void aMailWithoutFromIsHeld() {
    MailOutcome outcome = takeNothingFrom(RawMail.anonymous().messageId("<anon@x.example>").subject("Who am I")
        .text("no sender"), Kind.HELD);
    assertEquals("it has no From address, so there is nobody to register or answer", outcome.reason());
    assertEquals("anon@x.example", outcome.messageId());
    assertEquals("Who am I", outcome.subject());
  }

  @Test
  void aFromThatIsNoAddressIsHeld() {
    MailOutcome outcome = takeNothingFrom(RawMail.from("just a name").messageId("<n@x.example>").subject("x")
        .text("y"), Kind.HELD);
    assertTrue(outcome.reason().startsWith("its From header"), outcome.reason());
    takeNothingFrom(RawMail.from("<@@>").messageId("<n@x.example>").subject("x").text("y"), Kind.HELD);
    takeNothingFrom(RawMail.from("luis@localhost").messageId("<n@x.example>").subject("x").text("y"), Kind.HELD);
  }

  @Test
  void aMultipartWithoutItsBoundaryIsHeld() {
    MailOutcome outcome = takeNothingFrom(normal("broken").body("multipart/mixed; boundary=\"missing\"", "7bit",
        "no boundary ever starts here"), Kind.HELD);
    assertTrue(outcome.reason().startsWith("its MIME structure cannot be read:"), outcome.reason());
  }

  @Test
  void aPartInAnUnknownTransferEncodingIsHeld() {
    takeNothingFrom(normal("enc").body("text/plain", "x-uuencode-ish", "begin 644 data"), Kind.HELD);
  }

  @Test
  void anAttachmentThatCannotBeDecodedIsHeld() {
    MailOutcome outcome = takeNothingFrom(normal("b64").attachEncoded("report.pdf", "application/pdf", "base64",
        "%%%% not base64 at all ====\n!!!!"), Kind.HELD);
    assertTrue(outcome.reason().startsWith("its attachment 'report.pdf' cannot be decoded"), outcome.reason());
  }

  @Test
  void anAttachmentLargerThanTheLimitIsHeld() {
    MailOutcome outcome = takeNothingFrom(normal("big").attach("disk.iso", "application/octet-stream",
        new byte[40 * 1024]), Kind.HELD, b -> b.maxAttachmentSize(32 * 1024));
    assertEquals("its attachment 'disk.iso' is larger than the 32 KB the desk takes", outcome.reason());
  }

  @Test
  void tooManyAttachmentsAreHeld() {
    RawMail mail = normal("many");
    for (int i = 0; i < 4; i++) {
      mail.attach("f" + i + ".txt", "text/plain", new byte[] {'x'});
    }
    MailOutcome outcome = takeNothingFrom(mail, Kind.HELD, b -> b.maxAttachments(3));
    assertEquals("it has more than 3 attachments", outcome.reason());
  }

  @Test
  void aMailLargerThanTheLimitIsHeldUnread() throws Exception {
    MailDesk d = new MailDesk(b -> b.maxMessageSize(4 * 1024));
    MailOutcome outcome = d.channel.accept(normal("huge").text("x".repeat(8 * 1024)).stream(), d.clock.instant());
    assertEquals(Kind.HELD, outcome.kind());
    assertEquals("it is larger than the 4 KB the desk takes in", outcome.reason());
    assertEquals(0, d.tickets().size());
  }

  @Test
  void encryptedMailIsHeld() {
    takeNothingFrom(normal("pgp").body("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=e",
        "7bit", "--e\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--e\n"
            + "Content-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\n--e--"), Kind.HELD);
  }

  @Test
  void aMailWithNothingInItIsHeld() {
    MailOutcome outcome = takeNothingFrom(RawMail.from("luis@customer.example").messageId("<empty@x.example>")
        .text("   "), Kind.HELD);
    assertEquals("it has neither a subject nor any text or attachment", outcome.reason());
  }

  @Test
  void partsNestedBeyondReasonAreHeld() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      body.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
          .append("\"\n\n");
    }
    body.append("--b25\nContent-Type: text/plain\n\ndeep\n");
    MailOutcome outcome = takeNothingFrom(normal("deep").body("multipart/mixed; boundary=\"b0\"", "7bit",
        body.toString()), Kind.HELD);
    assertEquals("its MIME parts are nested more than 20 deep", outcome.reason());
  }

  @Test
  void bytesThatAreNoMailAtAllAreHeld() throws Exception {
    MailDesk d = new MailDesk();
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    MailOutcome outcome = d.channel.accept(new ByteArrayInputStream(garbage), d.clock.instant());
    assertEquals(Kind.HELD, outcome.kind());
    assertEquals(0, d.tickets().size());
  }

  @Test
  void whenTheDeskCannotStoreAMailItIsDeferredAndTakenOnceTheStoreIsBack() {
    AtomicBoolean failing = new AtomicBoolean(true);
    MailDesk d = new MailDesk(b -> b, null, failingOnCreate(new InMemoryTicketStore(), failing));
    RawMail mail = normal("store-down");

    MailOutcome deferred = d.accept(mail);
    failing.set(false);
    MailOutcome taken = d.accept(mail);

    assertEquals(Kind.DEFERRED, deferred.kind());
    assertTrue(deferred.reason().startsWith("the desk could not store it now"), deferred.reason());
    assertEquals(Kind.OPENED, taken.kind());
    assertEquals(1, d.tickets().size());
    assertEquals(1, d.recorded.delivered.size());
  }

  @Test
  void theChannelRefusesWorkBeforeItIsStartedAndAfterItIsClosed() {
    MailChannel unstarted = MailChannel.builder().deskAddress("help@desk.example").build();
    assertThrows(IllegalStateException.class, () -> unstarted.accept(normal("a").stream(), MailDesk.MONDAY_9AM));
    assertThrows(IllegalStateException.class, unstarted::poll);

    MailDesk d = new MailDesk();
    assertThrows(IllegalStateException.class, d.channel::poll, "no mailbox to poll");
    assertThrows(IllegalStateException.class, () -> d.channel.start(contact -> null), "one desk only");
    d.desk.close();
    assertThrows(IllegalStateException.class, () -> d.accept(normal("late")));
  }

  @Test
  void badSettingsAreRefusedWithTheirReasons() {
    ValidationException address = assertThrows(ValidationException.class,
        () -> MailChannel.builder().deskAddress("help desk", "ok@desk.example", "a@b@c"));
    assertEquals(2, address.violations().size());
    assertThrows(ValidationException.class, () -> MailChannel.builder().maxAttachments(-1));
    assertThrows(ValidationException.class, () -> MailChannel.builder().folders("INBOX", "Done", "Done", "Held"));
    assertThrows(ValidationException.class, () -> MailChannel.builder().mailbox(MailServer.smtp("x", 25)));
    assertThrows(ValidationException.class, () -> MailChannel.builder().ticketReference(
        java.util.regex.Pattern.compile("HD-\\d+")));
    assertThrows(IllegalStateException.class, () -> MailChannel.builder().senderLimit(5).senderLimit(6));
    assertThrows(IllegalStateException.class, () -> MailChannel.builder().build(), "the desk's address is required");
    ValidationException server = assertThrows(ValidationException.class, () -> MailServer.imap("", 0));
    assertEquals(2, server.violations().size(), "the host and the port");
    assertThrows(ValidationException.class, () -> MailServer.imap("x", 143).withProperty("ssl.trust", "*"));
    assertThrows(ValidationException.class, () -> MailServer.imap("x", 143).withProperty("mail.imap.ssl.trust", null));
    assertEquals("*", MailServer.imaps("x", 993).withProperty("mail.imaps.ssl.trust", "*").sessionProperties()
        .getProperty("mail.imaps.ssl.trust"));
    assertEquals("imap://help@imap.example:143", MailServer.imap("imap.example", 143).withLogin("help", "s3cret")
        .toString(), "the password is never shown");
  }

  @Test
  void theTextOfABrokenMailStillNamesItInTheOutcome() {
    MailDesk d = new MailDesk();
    MailOutcome outcome = d.accept(RawMail.from("=?UTF-8?B?broken?= <luis@customer.example>")
        .messageId("<named@x.example>").header("Subject", "=?UTF-8?Q?Caf=C3=A9?=")
        .body("multipart/mixed; boundary=\"nope\"", "7bit", "junk"));
    assertEquals(Kind.HELD, outcome.kind());
    assertEquals("named@x.example", outcome.messageId());
    assertEquals("Café", outcome.subject());
    assertTrue(outcome.from().contains("luis@customer.example"), outcome.from());
    assertTrue(outcome.toString().contains("HELD <named@x.example>"), outcome.toString());
  }

  /** A ticket store that fails to create tickets while told to, as a database that went away does. */
  static TicketStore failingOnCreate(TicketStore store, AtomicBoolean failing) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("create") && args != null && args.length == 1 && args[0] instanceof TicketUpdate
          && failing.get()) {
        throw new StoreFailureException("connection to the database lost", new java.io.IOException("reset"));
      }
      try {
        return method.invoke(store, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class},
        handler);
  }
}
