package dev.helpdesk.mail;

import static dev.helpdesk.mail.MailServers.DESK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.mail.MailOutcome.Kind;
import dev.helpdesk.model.Ticket;
import jakarta.mail.Flags;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mailbox full of what real mailboxes hold (broken mail, auto-replies, bounces, the desk's own
 * mail, duplicates) is polled through a real IMAP server with nothing lost and no loop started
 * (issue 9, point 3 and proof).
 */
class PoisonedMailboxTest {
  private static final String LUIS = "luis@customer.example";
  private static final String AWAY = "away@customer.example";

  @RegisterExtension
  static final GreenMailExtension MAIL = MailServers.greenMail();

  private final InMemoryTicketStore store = new InMemoryTicketStore();

  @BeforeEach
  void createAccounts() {
    MailServers.createAccounts(MAIL, LUIS, AWAY, "mailer-daemon@mx.customer.example");
  }

  private MailDesk desk(java.util.function.UnaryOperator<MailChannel.Builder> options) {
    MailNotifier notifier = MailNotifier.builder().server(MailServers.smtp(MAIL)).from(DESK, "Help Desk")
        .tickets(store).build();
    return new MailDesk(b -> options.apply(b.mailbox(MailServers.imap(MAIL, DESK))), notifier, store);
  }

  private static RawMail fromLuis(String id, String subject, String text) {
    return RawMail.from("Luis <" + LUIS + ">").messageId("<" + id + "@customer.example>").subject(subject).text(text);
  }

  @Test
  void aPoisonedMailboxIsHandledWithNothingLostAndNoLoop() throws Exception {
    MailDesk d = desk(b -> b.maxAttachmentSize(16 * 1024).maxMessageSize(256 * 1024));
    RawMail request = fromLuis("request", "Cannot print", "The printer on floor 2 says offline.");
    RawMail outOfOffice = RawMail.from("Away <" + AWAY + ">").messageId("<ooo@customer.example>")
        .subject("Automatic reply: [HD-1] We have your request").header("Auto-Submitted", "auto-replied")
        .text("I am out of the office until Monday.");
    RawMail bounce = RawMail.from("MAILER-DAEMON@mx.customer.example").messageId("<dsn@mx.customer.example>")
        .subject("Undelivered Mail Returned to Sender")
        .body("multipart/report; report-type=delivery-status; boundary=\"r\"", "7bit",
            "--r\nContent-Type: text/plain\n\nUser unknown\n--r\nContent-Type: message/delivery-status\n\n"
                + "Status: 5.1.1\n--r--");
    RawMail ownMail = RawMail.from("Help Desk <" + DESK + ">").messageId("<helpdesk.HD-9.N-HD-9-1-0@desk.example>")
        .subject("[HD-9] Solved").text("Sent by the desk, copied back by a rule.");
    RawMail newsletter = RawMail.from("news@vendor.example").messageId("<news@vendor.example>").subject("Offers")
        .header("Precedence", "bulk").text("Buy now");
    RawMail noSender = RawMail.anonymous().messageId("<nobody@x.example>").subject("?").text("Who sent this?");
    RawMail brokenMime = fromLuis("broken", "Broken", "").body("multipart/mixed; boundary=\"never\"", "7bit",
        "the parts never start");
    RawMail hugeAttachment = fromLuis("huge-file", "Logs", "See attached.").attach("dump.bin",
        "application/octet-stream", new byte[64 * 1024]);
    RawMail hugeMail = fromLuis("huge-mail", "Everything", "x".repeat(300 * 1024));
    RawMail badBase64 = fromLuis("bad-b64", "Scan", "Attached.").attachEncoded("scan.pdf", "application/pdf",
        "base64", "@@@@ this is not base64 ====");
    RawMail reply = fromLuis("reply", "Re: [HD-1] We have your request: Cannot print",
        "It is the HP on floor 2.\n\nOn Mon, Help Desk <help@desk.example> wrote:\n> We have your request");
    MailServers.append(MAIL, DESK, request, outOfOffice, request, bounce, ownMail, newsletter, noSender, brokenMime,
        hugeAttachment, hugeMail, badBase64, reply);

    PollResult result = d.channel.poll();

    assertEquals(List.of(), result.mailboxProblem().stream().toList());
    assertEquals(12, result.outcomes().size(), "every mail has an outcome");
    assertEquals(2, result.count(Kind.OPENED), "the request, and the same request again");
    assertEquals(1, result.count(Kind.CONTINUED), result.toString());
    assertEquals(4, result.count(Kind.IGNORED), result.only(Kind.IGNORED).toString());
    assertEquals(5, result.count(Kind.HELD), result.only(Kind.HELD).toString());
    assertEquals(0, result.count(Kind.DEFERRED));

    assertEquals(1, d.tickets().size(), "the duplicate opened nothing");
    Ticket ticket = d.tickets().get(0);
    assertEquals("HD-1", ticket.id().value());
    assertEquals(List.of("It is the HP on floor 2."), d.replies(ticket.id()));

    // Nothing lost: every mail is in exactly one folder.
    assertEquals(java.util.Map.of("INBOX", 0, "Processed", 3, "Ignored", 4, "Held", 5), MailServers.counts(MAIL, DESK));
    assertEquals(Set.of("Automatic reply: [HD-1] We have your request", "Undelivered Mail Returned to Sender",
        "[HD-9] Solved", "Offers"), MailServers.subjects(MAIL, DESK, "Ignored"));
    assertEquals(Set.of("?", "Broken", "Logs", "Everything", "Scan"), MailServers.subjects(MAIL, DESK, "Held"));

    // No loop: only Luis got mail from the desk, once, for his one ticket.
    List<String> sentByTheDesk = new java.util.ArrayList<>();
    for (MimeMessage mail : MAIL.getReceivedMessages()) {
      String to = ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
      if (!to.equals(DESK)) {
        sentByTheDesk.add(to + " " + mail.getSubject());
      }
    }
    assertEquals(List.of(LUIS + " [HD-1] We have your request: Cannot print"), sentByTheDesk);

    // Every held mail says why.
    List<String> reasons = result.only(Kind.HELD).stream().map(MailOutcome::reason).toList();
    assertTrue(reasons.contains("it has no From address, so there is nobody to register or answer"), reasons.toString());
    assertTrue(reasons.contains("its attachment 'dump.bin' is larger than the 16 KB the desk takes"), reasons.toString());
    assertTrue(reasons.contains("it is larger than the 256 KB the desk takes in"), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("its MIME structure cannot be read")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("its attachment 'scan.pdf' cannot be decoded")),
        reasons.toString());

    PollResult again = d.channel.poll();
    assertEquals(List.of(), again.outcomes(), "nothing is taken twice");
  }

  @Test
  void aMailIsFiledOnlyAfterItsTicketIsStoredAndTheSameMailSeenAgainOpensOneTicket() throws Exception {
    AtomicBoolean storeDown = new AtomicBoolean(true);
    MailNotifier notifier = MailNotifier.builder().server(MailServers.smtp(MAIL)).from(DESK, "Help Desk").build();
    MailDesk d = new MailDesk(b -> b.mailbox(MailServers.imap(MAIL, DESK)), notifier,
        AutomaticAndBrokenMailTest.failingOnCreate(store, storeDown));
    MailServers.append(MAIL, DESK, fromLuis("first", "Screen", "It flickers."),
        fromLuis("second", "Mouse", "It is dead."));

    PollResult whileDown = d.channel.poll();

    assertEquals(1, whileDown.outcomes().size(), "the poll stops at the first mail the desk cannot store");
    assertEquals(Kind.DEFERRED, whileDown.outcomes().get(0).kind());
    assertTrue(whileDown.moreWaiting());
    assertEquals(2, MailServers.count(MAIL, DESK, "INBOX"), "both mails stay where they were");
    assertTrue(MailServers.allUnseen(MAIL, DESK), "unread, as a person left them");
    assertEquals(0, d.tickets().size());

    storeDown.set(false);
    PollResult backUp = d.channel.poll();

    assertEquals(2, backUp.count(Kind.OPENED));
    assertEquals(0, MailServers.count(MAIL, DESK, "INBOX"));
    assertEquals(2, d.tickets().size());

    // A poll that stored the ticket but died before filing the mail: the mail is seen again.
    MailServers.append(MAIL, DESK, fromLuis("first", "Screen", "It flickers."));
    PollResult seenAgain = d.channel.poll();

    assertEquals(Kind.OPENED, seenAgain.outcomes().get(0).kind());
    assertEquals(backUp.outcomes().get(0).ticket().orElseThrow().id(),
        seenAgain.outcomes().get(0).ticket().orElseThrow().id());
    assertEquals(2, d.tickets().size(), "still two tickets");
    assertEquals(2, MailServers.count(MAIL, LUIS, "INBOX"), "and one acknowledgement each");
  }

  @Test
  void aPollTakesABatchAndSaysWhenMoreMailWaits() {
    MailDesk d = desk(b -> b.batchSize(2));
    MailServers.append(MAIL, DESK, fromLuis("a", "A", "a"), fromLuis("b", "B", "b"), fromLuis("c", "C", "c"));

    PollResult first = d.channel.poll();
    PollResult second = d.channel.poll();

    assertEquals(2, first.outcomes().size());
    assertTrue(first.moreWaiting());
    assertEquals(1, second.outcomes().size());
    assertTrue(!second.moreWaiting());
    assertEquals(3, d.tickets().size());
  }

  @Test
  void mailMarkedDeletedByAnInterruptedPollIsNotTakenAgain() {
    MailDesk d = desk(b -> b);
    MailServers.append(MAIL, DESK, fromLuis("filed", "Filed", "Already filed before the connection broke."));
    MailServers.flagInbox(MAIL, DESK, Flags.Flag.DELETED);

    PollResult result = d.channel.poll();

    assertEquals(List.of(), result.outcomes());
    assertEquals(0, d.tickets().size());
    assertEquals(0, MailServers.count(MAIL, DESK, "INBOX"), "and the inbox is cleaned");
  }

  @Test
  void anUnreachableMailboxIsReportedNotThrown() {
    MailChannel channel = MailChannel.builder().deskAddress(DESK)
        .mailbox(MailServer.imap("127.0.0.1", MailServers.closedPort()).withLogin(DESK, "secret")).build();
    channel.start(contact -> {
      throw new AssertionError("no mail can arrive");
    });

    PollResult result = channel.poll();

    assertEquals(List.of(), result.outcomes());
    assertTrue(result.mailboxProblem().orElseThrow().startsWith("the mailbox imap://help@desk.example@127.0.0.1:"),
        result.mailboxProblem().orElseThrow());
  }

  @Test
  void aWrongPasswordIsReportedNotThrown() {
    MailChannel channel = MailChannel.builder().deskAddress(DESK)
        .mailbox(MailServer.imap("127.0.0.1", MAIL.getImap().getPort()).withLogin(DESK, "wrong")).build();
    channel.start(contact -> {
      throw new AssertionError("no mail can arrive");
    });
    MailServers.append(MAIL, DESK, fromLuis("waiting", "Waiting", "for a working login"));

    PollResult result = channel.poll();

    assertTrue(result.mailboxProblem().orElseThrow().contains("AuthenticationFailedException"),
        result.mailboxProblem().orElseThrow());
    assertEquals(1, MailServers.count(MAIL, DESK, "INBOX"));
  }

  @Test
  void theFoldersMayBeNamedByTheHost() {
    MailDesk d = desk(b -> b.folders("INBOX", "Desk/Done", "Desk/Skipped", "Desk/Look-at"));
    MailServers.append(MAIL, DESK, fromLuis("x", "X", "x"), RawMail.anonymous().messageId("<y@x.example>")
        .subject("Y").text("y"));

    d.channel.poll();

    assertEquals(1, MailServers.count(MAIL, DESK, "Desk/Done"));
    assertEquals(1, MailServers.count(MAIL, DESK, "Desk/Look-at"));
  }
}
