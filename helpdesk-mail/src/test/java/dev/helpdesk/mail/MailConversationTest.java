package dev.helpdesk.mail;

import static dev.helpdesk.mail.MailServers.DESK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.mail.MailOutcome.Kind;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A conversation of several mails between a customer and the desk, through a real SMTP and IMAP
 * server, becomes one ticket with its history, and the desk's mails arrive threaded in the customer's
 * own language (issue 9, proof; D-02, D-03, D-16, D-17).
 */
class MailConversationTest {
  private static final String LUIS = "luis@customer.example";

  @RegisterExtension
  static final GreenMailExtension MAIL = MailServers.greenMail();

  private final InMemoryTicketStore store = new InMemoryTicketStore();
  private MailDesk d;

  @BeforeEach
  void startTheDesk() {
    MailServers.createAccounts(MAIL, LUIS, "lucia@desk.example");
    MailNotifier notifier = MailNotifier.builder().server(MailServers.smtp(MAIL)).from(DESK, "Mesa de ayuda")
        .tickets(store).build();
    d = new MailDesk(b -> b.mailbox(MailServers.imap(MAIL, DESK)), notifier, store);
  }

  /** What Luis's mail program sends when he answers one of the desk's mails. */
  private static RawMail replyTo(MimeMessage desksMail, String messageId, String text) throws Exception {
    String references = desksMail.getHeader("References", " ") + " " + desksMail.getMessageID();
    return RawMail.from("Luis Pérez <" + LUIS + ">").header("To", DESK).messageId(messageId)
        .subject("RE: " + desksMail.getSubject()).header("In-Reply-To", desksMail.getMessageID())
        .header("References", references).header("Content-Language", "es-ES")
        .text(text + "\n\nEl lun, 2 mar 2026 a las 10:00, Mesa de ayuda <" + DESK + "> escribió:\n> "
            + String.join("\n> ", desksMail.getContent().toString().strip().split("\n")));
  }

  private List<MimeMessage> luisMailbox() {
    return MailServers.read(MAIL, LUIS, "INBOX");
  }

  @Test
  void aConversationOfSeveralMailsBecomesOneTicketWithItsHistory() throws Exception {
    // 1. Luis writes to the desk from his Spanish mail program.
    MailServers.send(MAIL, RawMail.from("Luis Pérez <" + LUIS + ">").header("To", DESK)
        .messageId("<luis-1@customer.example>").subject("La VPN se corta").header("Content-Language", "es-ES")
        .text("Hola,\n\nla VPN se corta cada diez minutos.\n\nLuis"), DESK);
    PollResult first = d.channel.poll();
    assertEquals(1, first.count(Kind.OPENED), first.toString());
    Ticket ticket = first.outcomes().get(0).ticket().orElseThrow();

    // 2. The desk acknowledges it; Lucía asks for more information.
    d.desk.assign(MailDesk.SAM, ticket.id(), TechnicianId.of("lucia"));
    d.clock.advance(Duration.ofMinutes(20));
    d.desk.requestInformation(MailDesk.LUCIA, ticket.id(), "¿Qué versión del cliente VPN usa?");
    List<MimeMessage> received = luisMailbox();
    assertEquals(2, received.size(), "the acknowledgement and the question");
    MimeMessage question = received.get(1);

    // 3. Luis answers the question from his mail program, quoting it.
    MailServers.send(MAIL, replyTo(question, "<luis-2@customer.example>", "La versión 5.1."), DESK);
    // 4. ...and a little later writes again, this time as a new mail that only names the ticket.
    MailServers.send(MAIL, RawMail.from("Luis Pérez <" + LUIS + ">").header("To", DESK)
        .messageId("<luis-3@other-device.example>").subject("[" + ticket.id() + "] también en casa")
        .text("Pasa también desde casa."), DESK);
    PollResult second = d.channel.poll();
    assertEquals(2, second.count(Kind.CONTINUED), second.toString());

    // 5. Lucía solves it.
    d.desk.resolve(MailDesk.LUCIA, ticket.id(), Solution.of("Actualice el cliente VPN a la versión 5.3."));

    assertEquals(1, d.tickets().size(), "one ticket for the whole conversation");
    Ticket solved = d.ticket(ticket.id());
    assertEquals(TicketStatus.RESOLVED, solved.status());
    assertEquals("La VPN se corta", solved.subject());
    assertEquals(List.of("La versión 5.1.", "Pasa también desde casa."), d.replies(ticket.id()),
        "each answer once, without the quoted question");
    assertEquals(List.of("Opened", "Assigned", "InformationRequested", "CustomerReplied", "CustomerReplied",
        "Resolved"), d.history(ticket.id()).stream().map(e -> e.change().getClass().getSimpleName()).toList());
    assertEquals(0, MailServers.count(MAIL, DESK, "INBOX"), "every mail is filed");
    assertEquals(3, MailServers.count(MAIL, DESK, "Processed"));

    // Luis's mailbox: the desk's three mails, in Spanish, threaded under his own first mail.
    List<MimeMessage> mails = luisMailbox();
    assertEquals(3, mails.size());
    for (MimeMessage mail : mails) {
      assertTrue(mail.getSubject().startsWith("[" + ticket.id() + "] "), mail.getSubject());
      assertEquals("<luis-1@customer.example>", mail.getHeader("In-Reply-To", null));
      assertEquals("<luis-1@customer.example> <helpdesk." + ticket.id() + "@desk.example>",
          mail.getHeader("References", null));
      assertTrue(mail.getMessageID().startsWith("<helpdesk." + ticket.id() + ".N-"), mail.getMessageID());
      assertEquals("es-ES", mail.getHeader("Content-Language", null));
      assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
      assertEquals("Mesa de ayuda <help@desk.example>", mail.getFrom()[0].toString());
    }
    assertTrue(mails.get(0).getSubject().contains("Hemos recibido"), mails.get(0).getSubject());
    assertTrue(mails.get(1).getContent().toString().contains("¿Qué versión del cliente VPN usa?"));
    assertTrue(mails.get(2).getContent().toString().contains("Actualice el cliente VPN a la versión 5.3."));
    assertEquals(3, Arrays.stream(mails.toArray(MimeMessage[]::new)).map(m -> {
      try {
        return m.getMessageID();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).distinct().count(), "each mail its own Message-ID");
  }

  @Test
  void theTechnicianIsToldByMailWhenTheCustomerAnswers() throws Exception {
    MailServers.send(MAIL, RawMail.from(LUIS).header("To", DESK).messageId("<l1@customer.example>")
        .subject("Printer").text("It jams."), DESK);
    Ticket ticket = d.channel.poll().outcomes().get(0).ticket().orElseThrow();
    d.desk.assign(MailDesk.SAM, ticket.id(), TechnicianId.of("lucia"));
    d.desk.requestInformation(MailDesk.LUCIA, ticket.id(), "Which tray?");
    MimeMessage question = luisMailbox().get(1);

    MailServers.send(MAIL, replyTo(question, "<l2@customer.example>", "Tray 2."), DESK);
    d.channel.poll();

    List<MimeMessage> lucias = MailServers.read(MAIL, "lucia@desk.example", "INBOX");
    MimeMessage told = lucias.get(lucias.size() - 1);
    assertTrue(told.getSubject().startsWith("[" + ticket.id() + "] The customer replied"), told.getSubject());
    assertTrue(told.getContent().toString().contains("Tray 2."));
    Ticket now = d.ticket(ticket.id());
    assertEquals(TicketStatus.IN_PROGRESS, now.status(), "no longer waiting on the customer");
    assertEquals(TechnicianId.of("lucia"), now.assignee().orElseThrow());
  }
}
