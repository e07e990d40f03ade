package dev.helpdesk.mail;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketStore;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends the desk's notifications as mail (D-17): in the language the desk rendered them in, with
 * the ticket's reference in the subject, and threaded, so a customer's mail program shows the
 * whole case as one conversation and a reply finds its ticket again through {@link MailChannel}.
 *
 * <pre>{@code
 * MailNotifier notifier = MailNotifier.builder()
 *     .server(MailServer.smtp("smtp.desk.example", 587).requiringStartTls().withLogin("help", secret))
 *     .from("help@desk.example", "Help Desk")
 *     .build();
 * HelpDesk desk = HelpDesk.builder().notifier(notifier).channelAdapters(mail).build();
 * }</pre>
 *
 * <p>Each mail has:
 *
 * <ul>
 *   <li>a Message-ID made from the notification's id, so a delivery the desk retries goes out with
 *       the same Message-ID and mail programs and servers that have it already drop the copy;
 *   <li>In-Reply-To and References naming the ticket's thread, and the customer's own first mail
 *       when the ticket came by email and a {@link Builder#tickets ticket store} is given to look it
 *       up;
 *   <li>{@code Auto-Submitted: auto-generated} (RFC 3834) and
 *       {@code X-Auto-Response-Suppress}, so that auto-responders do not answer it and start a
 *       loop; {@code Content-Language} from the notification's locale; UTF-8 throughout.
 * </ul>
 *
 * <p>A recipient reached by phone rather than email goes to the {@link Builder#otherwise other
 * notifier} when one is given; without one, delivering to them fails (and is retried, then marked
 * failed, where the desk's outbox shows it). Thread-safe.
 */
public final class MailNotifier implements Notifier {
  private final Session session;
  private final MailServer server;
  private final InternetAddress from;
  private final InternetAddress replyTo;
  private final String domain;
  private final TicketStore tickets;
  private final Notifier otherwise;
  private final Clock clock;
  private final int priority;

  private MailNotifier(Builder b) {
    this.server = b.server;
    this.session = Session.getInstance(server.sessionProperties());
    this.from = b.from;
    this.replyTo = b.replyTo;
    this.domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
    this.tickets = b.tickets;
    this.otherwise = b.otherwise;
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.priority = b.priority != null ? b.priority : 0;
  }

  /**
   * Starts configuring a notifier. The server and the sender are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends one notification as mail; returns once the server accepted it.
   *
   * @param notification the notification, rendered in the recipient's language
   * @throws MessagingException if the server refused it or could not be reached, or the recipient
   *     has no email address and there is no other notifier
   * @throws Exception what the other notifier throws, for recipients reached by phone
   */
  @Override
  public void deliver(Notification notification) throws Exception {
    String address = notification.recipient().address();
    if (!isEmail(address)) {
      if (otherwise != null) {
        otherwise.deliver(notification);
        return;
      }
      throw new AddressException("no email address for " + notification.recipient().kind().name()
          .toLowerCase(Locale.ROOT) + " " + notification.recipient().id() + " ('" + address + "')");
    }
    MimeMessage mail = compose(notification, address);
    try (Transport transport = session.getTransport(server.protocol())) {
      transport.connect(server.host(), server.port(), server.hasLogin() ? server.user() : null,
          server.hasLogin() ? server.password() : null);
      transport.sendMessage(mail, mail.getAllRecipients());
    }
  }

  /** The mail of one notification, ready to send. */
  MimeMessage compose(Notification notification, String address) throws MessagingException {
    MimeMessage mail = new ThreadedMessage(session,
        ThreadIds.ofNotification(notification.ticket(), notification.id(), domain));
    mail.setFrom(from);
    if (replyTo != null) {
      mail.setReplyTo(new InternetAddress[] {replyTo});
    }
    mail.setRecipient(Message.RecipientType.TO, recipient(address, notification.recipient().name()));
    mail.setSubject(subject(notification), StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(clock.instant()));
    String thread = ThreadIds.ofTicket(notification.ticket(), domain);
    Optional<String> first = customersFirstMail(notification);
    mail.setHeader("In-Reply-To", first.orElse(thread));
    mail.setHeader("References", first.map(f -> f + " " + thread).orElse(thread));
    mail.setHeader("Auto-Submitted", "auto-generated");
    mail.setHeader("X-Auto-Response-Suppress", "All");
    if (!notification.locale().getLanguage().isEmpty()) {
      mail.setHeader("Content-Language", notification.locale().toLanguageTag());
    }
    mail.setText(notification.body(), StandardCharsets.UTF_8.name());
    mail.saveChanges();
    return mail;
  }

  /** The subject as rendered, with the ticket's reference in front when the template left it out. */
  private static String subject(Notification notification) {
    String reference = "[" + notification.ticket().value() + "]";
    String subject = notification.subject();
    return subject.contains(reference) ? subject : reference + " " + subject;
  }

  /** The Message-ID of the mail that opened the ticket, when it came by email and can be looked up. */
  private Optional<String> customersFirstMail(Notification notification) {
    if (tickets == null) {
      return Optional.empty();
    }
    return tickets.find(notification.ticket()).flatMap(Ticket::source)
        .filter(source -> source.channel() == Channel.EMAIL)
        .map(ContactReference::externalId)
        .filter(id -> id.indexOf('@') > 0 && !id.startsWith("sha256-") && id.chars().noneMatch(c -> c <= ' '))
        .map(id -> "<" + id + ">");
  }

  private static InternetAddress recipient(String address, String name) throws AddressException {
    try {
      return new InternetAddress(address, name.isEmpty() ? null : name, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every Java runtime has UTF-8", e);
    }
  }

  private static boolean isEmail(String address) {
    int at = address.indexOf('@');
    return at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
        && address.chars().noneMatch(Character::isWhitespace);
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public String toString() {
    return "MailNotifier{" + from.getAddress() + " via " + server + "}";
  }

  /** A message whose Message-ID is the one given, not one Jakarta Mail makes up when it is saved. */
  private static final class ThreadedMessage extends MimeMessage {
    private final String messageId;

    ThreadedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /**
   * Configures a {@link MailNotifier}. Every option may be set once; setting one twice throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private MailServer server;
    private InternetAddress from;
    private InternetAddress replyTo;
    private TicketStore tickets;
    private Notifier otherwise;
    private Clock clock;
    private Integer priority;

    private Builder() {}

    private static <T> T once(String option, T current, T value) {
      if (current != null) {
        throw new IllegalStateException(option + " was already set");
      }
      if (value == null) {
        throw new ValidationException("MailNotifier", List.of(new Violation(option, "must not be null")));
      }
      return value;
    }

    /**
     * Sets the SMTP server mail is sent through.
     *
     * @param server an {@code smtp} or {@code smtps} server
     * @return this builder
     */
    public Builder server(MailServer server) {
      if (server != null && server.reads()) {
        throw new ValidationException("MailNotifier", List.of(new Violation("server",
            "must be an SMTP server, was " + server.protocol())));
      }
      this.server = once("server", this.server, server);
      return this;
    }

    /**
     * Sets who the mail comes from; its domain is the domain of the desk's Message-IDs. Give the
     * channel the same address (or this one as an alias) so that it recognises the desk's mail.
     *
     * @param address the desk's address
     * @param displayName the name shown, such as "Help Desk"
     * @return this builder
     */
    public Builder from(String address, String displayName) {
      this.from = once("from", this.from, address("from", address, displayName));
      return this;
    }

    /**
     * Sets where replies go, when not to the sender address (mail sent from a no-reply address).
     *
     * @param address the address the channel reads
     * @return this builder
     */
    public Builder replyTo(String address) {
      this.replyTo = once("replyTo", this.replyTo, address("replyTo", address, ""));
      return this;
    }

    /**
     * Lets the notifier thread its mail under the customer's own first message: the store the
     * desk keeps its tickets in, read to find the Message-ID of the mail that opened a ticket.
     *
     * @param store the desk's ticket store
     * @return this builder
     */
    public Builder tickets(TicketStore store) {
      this.tickets = once("tickets", this.tickets, store);
      return this;
    }

    /**
     * Sets the notifier for recipients without an email address (a customer who only gave a
     * phone number): an SMS gateway, for instance.
     *
     * @param notifier the other notifier
     * @return this builder
     */
    public Builder otherwise(Notifier notifier) {
      this.otherwise = once("otherwise", this.otherwise, notifier);
      return this;
    }

    /**
     * Sets the clock that dates the mail.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = once("clock", this.clock, clock);
      return this;
    }

    /**
     * Sets the priority among discovered notifiers, 0 by default.
     *
     * @param priority higher wins
     * @return this builder
     */
    public Builder priority(int priority) {
      this.priority = once("priority", this.priority, priority);
      return this;
    }

    private static InternetAddress address(String option, String address, String displayName) {
      List<Violation> violations = new ArrayList<>(1);
      String normalized = address == null ? "" : address.strip();
      if (!isEmail(normalized)) {
        violations.add(new Violation(option, "is not an email address: '" + address + "'"));
      } else {
        try {
          InternetAddress parsed = new InternetAddress(normalized, true);
          if (displayName != null && !displayName.isBlank()) {
            parsed.setPersonal(displayName.strip(), StandardCharsets.UTF_8.name());
          }
          return parsed;
        } catch (AddressException | UnsupportedEncodingException e) {
          violations.add(new Violation(option, "is not an email address: '" + address + "'"));
        }
      }
      throw new ValidationException("MailNotifier", violations);
    }

    /**
     * Builds the notifier.
     *
     * @return the notifier
     * @throws IllegalStateException if the server or the sender is missing
     */
    public MailNotifier build() {
      if (server == null || from == null) {
        throw new IllegalStateException("the notifier needs " + (server == null ? "a server: server(...)"
            : "a sender: from(...)"));
      }
      return new MailNotifier(this);
    }
  }
}
