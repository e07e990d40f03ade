package dev.helpdesk.mail;

import static dev.helpdesk.mail.MailServers.DESK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.mail.MailOutcome.Kind;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The desk reads and sends its mail over TLS, as real mail servers require. */
class TlsMailTest {
  private static final String LUIS = "luis@customer.example";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_IMAPS));

  /** The test server's certificate is its own; a real desk trusts its servers' certificates as issued. */
  private static MailServer trusting(MailServer server) {
    return server.withProperty("mail." + server.protocol() + ".ssl.trust", "*")
        .withProperty("mail." + server.protocol() + ".ssl.checkserveridentity", "false");
  }

  @Test
  void aMailReadOverImapsIsAnsweredOverSmtps() throws Exception {
    MailServers.createAccounts(MAIL, LUIS);
    InMemoryTicketStore store = new InMemoryTicketStore();
    MailNotifier notifier = MailNotifier.builder()
        .server(trusting(MailServer.smtps("127.0.0.1", MAIL.getSmtps().getPort()).withLogin(DESK, "secret")))
        .from(DESK, "Help Desk").tickets(store).build();
    MailDesk d = new MailDesk(b -> b.mailbox(trusting(MailServer.imaps("127.0.0.1", MAIL.getImaps().getPort())
        .withLogin(DESK, "secret"))), notifier, store);
    MAIL.getUserManager().getUser(DESK).deliver(GreenMailUtil.newMimeMessage(new String(
        RawMail.from(LUIS).messageId("<tls@customer.example>").subject("Over TLS").text("Secure hello.").bytes(),
        java.nio.charset.StandardCharsets.UTF_8)));

    PollResult result = d.channel.poll();

    assertEquals(1, result.count(Kind.OPENED), result.toString());
    MimeMessage answer = MAIL.getReceivedMessagesForDomain("customer.example")[0];
    assertEquals("[HD-1] We have your request: Over TLS", answer.getSubject());
    assertEquals("<tls@customer.example>", answer.getHeader("In-Reply-To", null));
  }
}
