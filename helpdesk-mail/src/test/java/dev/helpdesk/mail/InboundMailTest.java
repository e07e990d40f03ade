package dev.helpdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.mail.MailOutcome.Kind;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.spi.channel.AttachmentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mail the host hands to the channel opens and continues tickets (issue 9, point 1; D-02, D-03). */
class InboundMailTest {

  private static RawMail luis(String messageId, String subject) {
    return RawMail.from("Luis Pérez <Luis.Perez@Customer.example>").messageId(messageId).subject(subject);
  }

  @Test
  void aNewMailOpensATicketForItsSenderWhoIsRegistered() {
    MailDesk d = new MailDesk();

    MailOutcome outcome = d.accept(luis("<first@customer.example>", "Printer on floor 2 jams")
        .text("Hello,\n\nthe printer jams on every page.\n\nLuis"));

    assertEquals(Kind.OPENED, outcome.kind());
    Ticket ticket = outcome.ticket().orElseThrow();
    assertEquals(Channel.EMAIL, ticket.channel());
    assertEquals("Printer on floor 2 jams", ticket.subject());
    assertEquals("Hello,\n\nthe printer jams on every page.\n\nLuis", ticket.description());
    assertEquals(Optional.of(new ContactReference(Channel.EMAIL, "first@customer.example")), ticket.source());
    Customer luis = d.customer(ticket);
    assertEquals("Luis Pérez", luis.displayName());
    assertEquals("luis.perez@customer.example", luis.email());
    assertEquals("first@customer.example", outcome.messageId());
    assertEquals("luis.perez@customer.example", outcome.from());
    assertEquals(List.of(NotificationKind.TICKET_OPENED), d.recorded.delivered.stream().map(n -> n.kind()).toList(),
        "the customer is told the ticket's number");
  }

  @Test
  void theSameMailTwiceOpensOneTicketAndChangesNothing() {
    MailDesk d = new MailDesk();
    RawMail mail = luis("<first@customer.example>", "VPN drops").text("Every ten minutes.");

    MailOutcome first = d.accept(mail);
    MailOutcome again = d.accept(mail);

    assertEquals(Kind.OPENED, again.kind());
    assertEquals(first.ticket(), again.ticket());
    assertEquals(1, d.tickets().size());
    assertEquals(1, d.recorded.delivered.size(), "one acknowledgement only");
  }

  @Test
  void aMailWithoutMessageIdIsRecognisedWhenItComesAgain() {
    MailDesk d = new MailDesk();
    RawMail mail = RawMail.from("luis@customer.example").subject("No Message-ID").text("My old mailer sets none.");

    MailOutcome first = d.accept(mail);
    MailOutcome again = d.accept(mail.header("Received", "from relay2.example by mx.desk.example"));

    assertEquals(first.ticket(), again.ticket());
    assertEquals(1, d.tickets().size());
    assertTrue(first.ticket().orElseThrow().source().orElseThrow().externalId().startsWith("sha256-"));
  }

  @Test
  void aReplyToTheDesksMailContinuesItsTicketThroughItsThreadHeaders() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "VPN drops").text("Every ten minutes.")).ticket()
        .orElseThrow();
    d.desk.requestInformation(MailDesk.LUCIA, ticket.id(), "Which VPN client version do you use?");
    String desksMail = "<helpdesk." + ticket.id() + ".N-" + ticket.id() + "-2-0@desk.example>";

    MailOutcome reply = d.accept(luis("<second@customer.example>", "Re: a subject the customer edited")
        .header("In-Reply-To", desksMail).header("References", "<first@customer.example> " + desksMail)
        .text("Version 5.1.\n\nOn Mon, 2 Mar 2026 at 10:00, Help Desk <help@desk.example> wrote:\n"
            + "> Which VPN client version do you use?\n"));

    assertEquals(Kind.CONTINUED, reply.kind());
    assertEquals(ticket.id(), reply.ticket().orElseThrow().id());
    assertEquals(List.of("Version 5.1."), d.replies(ticket.id()), "the quoted question is left out");
    assertEquals(TicketStatus.NEW, d.ticket(ticket.id()).status(), "the answer puts it back to work");
    assertEquals(1, d.tickets().size());
  }

  @Test
  void aReplyWithOnlyTheTicketReferenceInItsSubjectContinuesTheTicket() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "Scanner").text("Does not scan to mail.")).ticket()
        .orElseThrow();

    MailOutcome reply = d.accept(luis("<other@customer.example>", "RE: [EXTERNAL] [" + ticket.id() + "] We have your"
        + " request: Scanner").text("It is the scanner on floor 3."));

    assertEquals(Kind.CONTINUED, reply.kind());
    assertEquals(List.of("It is the scanner on floor 3."), d.replies(ticket.id()));
  }

  @Test
  void aMailAnsweringTheCustomersOwnFirstMailContinuesItsTicket() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "Laptop will not boot").text("Black screen."))
        .ticket().orElseThrow();

    MailOutcome more = d.accept(luis("<third@customer.example>", "Re: Laptop will not boot")
        .header("In-Reply-To", "<second@customer.example>")
        .header("References", "<first@customer.example> <second@customer.example>")
        .text("I forgot: it beeps three times."));

    assertEquals(Kind.CONTINUED, more.kind());
    assertEquals(List.of("I forgot: it beeps three times."), d.replies(ticket.id()));
  }

  @Test
  void aReplyFromSomeoneElseOnTheThreadOpensATicketOfTheirOwn() {
    MailDesk d = new MailDesk();
    Ticket luisTicket = d.accept(luis("<first@customer.example>", "Shared drive full").text("Cannot save."))
        .ticket().orElseThrow();

    MailOutcome colleague = d.accept(RawMail.from("Ana <ana@customer.example>").messageId("<ana-1@customer.example>")
        .subject("Re: [" + luisTicket.id() + "] Shared drive full").text("Same here!"));

    assertEquals(Kind.OPENED, colleague.kind());
    Ticket anaTicket = colleague.ticket().orElseThrow();
    assertFalse(anaTicket.id().equals(luisTicket.id()));
    assertEquals("ana@customer.example", d.customer(anaTicket).email());
    assertTrue(colleague.reason().contains("not the customer of ticket " + luisTicket.id()), colleague.reason());
    assertEquals(List.of(), d.replies(luisTicket.id()), "Luis's ticket is untouched");
    assertEquals(anaTicket, d.accept(RawMail.from("Ana <ana@customer.example>").messageId("<ana-1@customer.example>")
        .subject("Re: [" + luisTicket.id() + "] Shared drive full").text("Same here!")).ticket().orElseThrow(),
        "and the same mail again finds her ticket");
  }

  @Test
  void aReplyToAClosedTicketReopensItUnderWarranty() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "Wi-Fi").text("No signal in room 4.")).ticket()
        .orElseThrow();
    d.desk.assign(MailDesk.SAM, ticket.id(), dev.helpdesk.model.TechnicianId.of("lucia"));
    d.desk.resolve(MailDesk.LUCIA, ticket.id(), dev.helpdesk.core.Solution.of("Replaced the access point."));
    d.desk.confirm(dev.helpdesk.model.Actor.customer(ticket.customer()), ticket.id());
    d.clock.advance(Duration.ofDays(3));

    MailOutcome back = d.accept(luis("<back@customer.example>", "Re: [" + ticket.id() + "] Closed: Wi-Fi")
        .text("No signal again."));

    assertEquals(Kind.CONTINUED, back.kind());
    assertEquals(TicketStatus.REOPENED, back.ticket().orElseThrow().status());
    assertEquals(ticket.id(), back.ticket().orElseThrow().id());
  }

  @Test
  void anHtmlOnlyMailBecomesReadableText() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<html@customer.example>", "Outlook crashes")
        .html("<html><head><style>p{margin:0}</style></head><body><p>Outlook crashes when I open"
            + " <b>attachments</b>.</p><ul><li>Windows&nbsp;11</li><li>Office 365</li></ul>"
            + "<p>See <a href=\"https://status.example/incident/42\">the status page</a>.</p></body></html>"))
        .ticket().orElseThrow();

    assertEquals("Outlook crashes when I open attachments.\n\n- Windows 11\n- Office 365\n\n"
        + "See the status page (https://status.example/incident/42).", ticket.description());
  }

  @Test
  void htmlRepliesFromCommonMailProgramsKeepOnlyWhatTheCustomerWrote() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "Teams").text("No sound in calls.")).ticket()
        .orElseThrow();
    String ref = "Re: [" + ticket.id() + "] We have your request: Teams";

    d.accept(luis("<outlook@customer.example>", ref).html("<div><p>Headset unplugged and back: fixed.</p></div>"
        + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p><b>From:</b> Help Desk &lt;help@desk.example"
        + "&gt;<br><b>Sent:</b> Monday, 2 March 2026 09:00<br><b>Subject:</b> " + ref + "</p></div>"
        + "<p>Hello Luis, we have registered your request.</p>"));
    d.accept(luis("<gmail@customer.example>", ref).html("<div dir=\"ltr\">It came back today.</div><br>"
        + "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 2 Mar 2026 at 10:00, Help Desk"
        + " &lt;help@desk.example&gt; wrote:<br></div><blockquote class=\"gmail_quote\"><div>Hello Luis,<br>"
        + "we have registered your request.</div></blockquote></div>"));

    assertEquals(List.of("Headset unplugged and back: fixed.", "It came back today."), d.replies(ticket.id()));
  }

  @Test
  void thePlainTextOfAMailSentBothWaysIsPreferred() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<both@customer.example>", "Keyboard").text("Keys stick.")
        .alsoAsHtml("<p>Keys <i>stick</i>.</p>")).ticket().orElseThrow();

    assertEquals("Keys stick.", ticket.description());
  }

  @Test
  void textInOtherCharsetsAndEncodedSubjectsAreDecoded() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(RawMail.from("=?ISO-8859-1?Q?Jos=E9_Mu=F1oz?= <jose@customer.example>")
        .messageId("<latin@customer.example>").header("Subject", "=?UTF-8?B?Q29udHJhc2XDsWEgY2FkdWNhZGE=?=")
        .body("text/plain; charset=ISO-8859-1", "quoted-printable", "Mi contrase=F1a caduc=F3 ayer.")).ticket()
        .orElseThrow();

    assertEquals("Contraseña caducada", ticket.subject());
    assertEquals("Mi contraseña caducó ayer.", ticket.description());
    assertEquals("José Muñoz", d.customer(ticket).displayName());
  }

  @Test
  void anUnknownCharsetIsReadAsUtf8RatherThanLosingTheText() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<charset@customer.example>", "Odd charset")
        .body("text/plain; charset=x-made-up", "8bit", "Still readable.")).ticket().orElseThrow();

    assertEquals("Still readable.", ticket.description());
  }

  @Test
  void theLanguageTheSendersMailProgramStatesIsTheCustomersLanguage() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<es@customer.example>", "Impresora").header("Content-Language", "es-ES")
        .text("No imprime.")).ticket().orElseThrow();

    assertEquals("es", d.customer(ticket).locale().getLanguage());
    assertTrue(d.recorded.delivered.get(0).subject().startsWith("[" + ticket.id() + "] Hemos recibido"),
        d.recorded.delivered.get(0).subject());
    assertEquals(Locale.forLanguageTag("es-ES"), d.recorded.delivered.get(0).locale());
  }

  @Test
  void attachmentsAreKeptThroughThePortAndTheTicketListsTheirReferences() {
    List<AttachmentStore.Attachment> kept = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    AttachmentStore store = (attachment, content) -> {
      kept.add(attachment);
      contents.add(content.readAllBytes());
      return "blob://tickets/" + attachment.contact().externalId() + "/" + attachment.position();
    };
    MailDesk d = new MailDesk(b -> b.attachments(store));
    byte[] screenshot = "PNG-bytes-of-a-screenshot".getBytes(StandardCharsets.UTF_8);

    Ticket ticket = d.accept(luis("<files@customer.example>", "Error dialog").text("See the screenshot.")
        .attach("../../etc/screen shot.png", "image/png", screenshot)
        .attach("log.txt", "text/plain", "line 1\nline 2".getBytes(StandardCharsets.UTF_8))).ticket().orElseThrow();

    assertEquals(2, kept.size());
    assertEquals(new AttachmentStore.Attachment(new ContactReference(Channel.EMAIL, "files@customer.example"), 0,
        "screen shot.png", "image/png", screenshot.length), kept.get(0));
    assertEquals("log.txt", kept.get(1).fileName());
    assertEquals("PNG-bytes-of-a-screenshot", new String(contents.get(0), StandardCharsets.UTF_8));
    assertEquals("See the screenshot.\n\nAttachments:\n"
        + "- screen shot.png (image/png, 25 bytes): blob://tickets/files@customer.example/0\n"
        + "- log.txt (text/plain, 13 bytes): blob://tickets/files@customer.example/1", ticket.description());
  }

  @Test
  void withoutAnAttachmentStoreTheFilesAreStillListedByName() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<nostore@customer.example>", "").attach("invoice.pdf", "application/pdf",
        new byte[2048])).ticket().orElseThrow();

    assertEquals("Attachments:\n- invoice.pdf (application/pdf, 2 KB)", ticket.description());
    assertEquals("Attachments:", ticket.subject(), "a mail without subject is named by its first line");
  }

  @Test
  void anAttachmentStoreThatCannotKeepAFileNowDefersTheMailAndItIsTakenLater() {
    boolean[] down = {true};
    AttachmentStore store = (attachment, content) -> {
      if (down[0]) {
        throw new IOException("blob storage unavailable");
      }
      return "blob://" + attachment.position();
    };
    MailDesk d = new MailDesk(b -> b.attachments(store));
    RawMail mail = luis("<later@customer.example>", "Log").text("Attached.").attach("a.log", "text/plain",
        new byte[] {'x'});

    MailOutcome deferred = d.accept(mail);
    down[0] = false;
    MailOutcome taken = d.accept(mail);

    assertEquals(Kind.DEFERRED, deferred.kind());
    assertTrue(deferred.reason().contains("blob storage unavailable"), deferred.reason());
    assertEquals(Kind.OPENED, taken.kind());
    assertEquals(1, d.tickets().size());
  }

  @Test
  void aVeryLongMailIsShortenedToWhatATicketHoldsAndSaysSo() {
    MailDesk d = new MailDesk();
    String log = "0123456789".repeat(2_500);

    Ticket ticket = d.accept(luis("<long@customer.example>", "Full log").text(log)).ticket().orElseThrow();

    assertEquals(Ticket.DESCRIPTION_MAX, ticket.description().length(), "as much as fits");
    assertTrue(ticket.description().endsWith("[… shortened: the mail's text has 25000 characters]"));
  }

  @Test
  void aSubjectLongerThanATicketsIsShortened() {
    MailDesk d = new MailDesk();

    Ticket ticket = d.accept(luis("<subject@customer.example>", "Re: Fwd: " + "word ".repeat(60)).text("x"))
        .ticket().orElseThrow();

    assertEquals(Ticket.SUBJECT_MAX, ticket.subject().length());
    assertTrue(ticket.subject().startsWith("word word"), "reply and forward marks are dropped");
  }

  @Test
  void everyStepOfTheTicketRecordsTheMailThatCausedIt() {
    MailDesk d = new MailDesk();
    Ticket ticket = d.accept(luis("<first@customer.example>", "Monitor flickers").text("Since Friday.")).ticket()
        .orElseThrow();
    d.accept(luis("<second@customer.example>", "Re: [" + ticket.id() + "] Monitor flickers").text("Still."));

    TicketEvent reply = d.history(ticket.id()).get(1);
    assertEquals(new TicketEvent.CustomerReplied(Optional.of(new ContactReference(Channel.EMAIL,
        "second@customer.example"))), reply.change());
  }
}
