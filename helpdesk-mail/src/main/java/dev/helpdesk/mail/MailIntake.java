package dev.helpdesk.mail;

import dev.helpdesk.mail.MailOutcome.Kind;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.ContactReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes one raw mail to the desk: sorts out what is not a contact, reads the rest, keeps its files,
 * finds the ticket it answers and hands it over. Every mail ends in exactly one {@link MailOutcome};
 * nothing a mail contains makes it throw.
 */
final class MailIntake {
  /** More hops than any honest mail makes. */
  private static final int MAX_RECEIVED = 50;
  /** Headers of the same thread looked up one by one, most recent first. */
  private static final int MAX_LOOKUPS = 10;
  private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
  private static final List<String> AUTOREPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Auto-Reply");
  private static final Set<String> MAIL_SYSTEMS = Set.of("mailer-daemon", "postmaster");
  private static final Pattern REPLY_PREFIX = Pattern.compile(
      "^(\\s*(re|aw|sv|vs|antw|rv|res|ynt|odp|fw|fwd|wg|tr|enc|rif)\\s*(\\[\\d+]|\\(\\d+\\))?\\s*[:：])+\\s*",
      Pattern.CASE_INSENSITIVE);

  /** What became of a mail, and whether the poll should stop because the desk itself is failing. */
  record Taken(MailOutcome outcome, boolean deskDown) {}

  private final ContactReceiver receiver;
  private final MailChannel.Settings settings;
  private final SenderLimit senderLimit;
  private final Session parsing;

  MailIntake(ContactReceiver receiver, MailChannel.Settings settings) {
    this.receiver = receiver;
    this.settings = settings;
    this.senderLimit = new SenderLimit(settings.senderLimit());
    Properties properties = new Properties();
    // Customers' mail programs are not strict; the desk reads what they write.
    properties.setProperty("mail.mime.address.strict", "false");
    properties.setProperty("mail.mime.decodefilename", "true");
    // Headers written in raw UTF-8 (RFC 6532), as current mail programs do, rather than encoded words.
    properties.setProperty("mail.mime.allowutf8", "true");
    this.parsing = Session.getInstance(properties);
  }

  /**
   * Takes one mail.
   *
   * @param raw the whole message as it arrived
   * @param receivedAt when it arrived
   * @return its outcome
   */
  Taken take(byte[] raw, Instant receivedAt) {
    MimeMessage message;
    try {
      // A shared stream lets the message and its parts point into the bytes instead of copying them.
      message = new MimeMessage(parsing, new SharedByteArrayInputStream(raw));
    } catch (MessagingException | RuntimeException e) {
      return held("", "", "", "its headers cannot be read: " + MailReader.describe(e));
    }
    MailReader mail = new MailReader(message, settings.maxAttachmentBytes(), settings.maxAttachments());
    String messageId = mail.messageId();
    String subject = mail.subject();
    String fromAsWritten = mail.fromAsWritten().orElse("");
    try {
      return take(mail, raw, messageId, subject, receivedAt);
    } catch (MailToHold hold) {
      return held(messageId, fromAsWritten, subject, hold.getMessage());
    } catch (RuntimeException e) {
      // A part of Jakarta Mail failing on input no one foresaw: the mail waits for a person.
      return held(messageId, fromAsWritten, subject, "it could not be read: " + MailReader.describe(e));
    }
  }

  private Taken take(MailReader mail, byte[] raw, String messageId, String subject, Instant receivedAt)
      throws MailToHold {
    Optional<String> automatic = automatic(mail, messageId);
    if (automatic.isPresent()) {
      return outcome(Kind.IGNORED, messageId, mail.fromAsWritten().orElse(""), subject, null, automatic.get());
    }
    InternetAddress sender = mail.sender();
    String from = sender.getAddress().strip().toLowerCase(Locale.ROOT);
    Optional<String> loop = loop(mail, from);
    if (loop.isPresent()) {
      return outcome(Kind.IGNORED, messageId, from, subject, null, loop.get());
    }
    int hops = mail.headerCount("Received");
    if (hops > MAX_RECEIVED) {
      throw new MailToHold("a mail loop is suspected: it passed " + hops + " mail servers");
    }
    String externalId = externalId(messageId, mail, raw);
    if (senderLimit.exceededBy(from, externalId, receivedAt)) {
      throw new MailToHold("a mail loop is suspected: more than " + settings.senderLimit() + " mails from "
          + from + " within " + SenderLimit.WINDOW.toMinutes() + " minutes");
    }
    Optional<TicketId> answered = ticketAnswered(mail, subject);
    MailReader.Content content = mail.content();
    String text = answered.isPresent() ? QuotedText.withoutQuotedHistory(content.text()) : content.text();
    ContactReference contact = new ContactReference(Channel.EMAIL, externalId);
    List<String> files = new ArrayList<>(content.files().size());
    for (int i = 0; i < content.files().size(); i++) {
      MailReader.File file = content.files().get(i);
      Optional<String> reference;
      try {
        reference = keep(contact, i, file);
      } catch (IOException | UncheckedIOException e) {
        return deferred(messageId, from, subject,
            "the attachment store could not keep '" + file.name() + "' now: " + MailReader.describe(e), true);
      }
      files.add("- " + file.name() + " (" + file.contentType() + ", " + Sizes.describe(file.content().length) + ")"
          + reference.map(r -> ": " + r).orElse(""));
    }
    String cleanSubject = fit(REPLY_PREFIX.matcher(subject).replaceFirst("").strip(), Ticket.SUBJECT_MAX);
    if (cleanSubject.isEmpty() && text.isEmpty() && files.isEmpty()) {
      throw new MailToHold("it has neither a subject nor any text or attachment");
    }
    CustomerDetails customer;
    try {
      customer = new CustomerDetails(null, name(sender, from), from, "", "", "", mail.language());
    } catch (ValidationException e) {
      throw new MailToHold("its sender cannot be registered: " + e.getMessage());
    }
    String body = body(text, files);
    InboundContact inbound;
    try {
      inbound = new InboundContact(Channel.EMAIL, externalId, customer, cleanSubject, body, "", Optional.empty(),
          answered, receivedAt);
    } catch (ValidationException e) {
      throw new MailToHold("it does not make a valid contact: " + e.getMessage());
    }
    return deliver(inbound, messageId, from, subject);
  }

  private Taken deliver(InboundContact contact, String messageId, String from, String subject) {
    try {
      Ticket ticket = receiver.receive(contact);
      // A ticket this mail is the source of was opened by it: a new request, or the follow-up of a
      // ticket closed too long ago; any other it continued.
      Kind kind = ticket.source().equals(contact.reference()) ? Kind.OPENED : Kind.CONTINUED;
      return outcome(kind, messageId, from, subject, ticket, "");
    } catch (AccessDeniedException denied) {
      if (contact.ticket().isEmpty()) {
        return held(messageId, from, subject, "the desk refused it: " + denied.getMessage());
      }
      // Someone else answering a customer's thread (a colleague in copy) is a contact of their own.
      InboundContact own = new InboundContact(contact.channel(), contact.externalId(), contact.customer(),
          contact.subject(), contact.body(), contact.category(), contact.systemInformation(), Optional.empty(),
          contact.receivedAt());
      Taken opened = deliver(own, messageId, from, subject);
      if (opened.outcome().kind() != Kind.OPENED) {
        return opened;
      }
      return outcome(Kind.OPENED, messageId, from, subject, opened.outcome().ticket().orElseThrow(),
          "the sender is not the customer of ticket " + contact.ticket().get() + ", so it opened a ticket of its own");
    } catch (StoreFailureException e) {
      return deferred(messageId, from, subject, "the desk could not store it now: " + e.getMessage(), true);
    } catch (VersionConflictException e) {
      return deferred(messageId, from, subject, "the ticket kept changing: " + e.getMessage(), false);
    } catch (HelpDeskException e) {
      return held(messageId, from, subject, "the desk refused it: " + e.getMessage());
    } catch (RuntimeException e) {
      return held(messageId, from, subject, "the desk failed on it: " + MailReader.describe(e));
    }
  }

  /** Why a mail is no contact (RFC 3834 marks, bulk mail, reports, empty return paths), if it is not. */
  private Optional<String> automatic(MailReader mail, String messageId) {
    String autoSubmitted = mail.header("Auto-Submitted").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
      return Optional.of("it is automatic mail (Auto-Submitted: " + autoSubmitted + ")");
    }
    String precedence = mail.header("Precedence").strip().toLowerCase(Locale.ROOT);
    if (BULK.contains(precedence)) {
      return Optional.of("it is bulk or automatic mail (Precedence: " + precedence + ")");
    }
    for (String header : AUTOREPLY_HEADERS) {
      String value = mail.header(header).toLowerCase(Locale.ROOT);
      if (!value.isEmpty() && !value.equals("no") && !value.equals("false")) {
        return Optional.of("it is an automatic reply (" + header + ")");
      }
    }
    if (mail.contentType().equals("multipart/report")) {
      return Optional.of("it is a delivery or read report");
    }
    if (mail.header("Return-Path").replace(" ", "").equals("<>")) {
      return Optional.of("it has an empty return path, as bounces and automatic replies do");
    }
    if (!messageId.isEmpty() && ThreadIds.isOwn(messageId, settings.domains())) {
      return Optional.of("it is the desk's own mail");
    }
    return Optional.empty();
  }

  /** Why a mail from this sender would make a loop: the desk itself, or a mail system. */
  private Optional<String> loop(MailReader mail, String address) {
    if (settings.deskAddresses().contains(address)) {
      return Optional.of("it was sent from the desk's own address " + address);
    }
    String local = address.substring(0, address.indexOf('@'));
    if (MAIL_SYSTEMS.contains(local)) {
      return Optional.of("it comes from a mail system (" + address + ")");
    }
    String xLoop = mail.header("X-Loop").toLowerCase(Locale.ROOT);
    for (String desk : settings.deskAddresses()) {
      if (xLoop.contains(desk)) {
        return Optional.of("it went through the desk before (X-Loop: " + desk + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * The ticket a mail answers: the desk's own Message-IDs in its thread headers first, then a
   * ticket reference in the subject, then the ticket an earlier mail of the thread opened.
   */
  private Optional<TicketId> ticketAnswered(MailReader mail, String subject) {
    List<String> thread = new ArrayList<>(ThreadIds.idsIn(mail.header("In-Reply-To")));
    List<String> references = ThreadIds.idsIn(mail.header("References"));
    for (int i = references.size() - 1; i >= 0; i--) {
      if (!thread.contains(references.get(i))) {
        thread.add(references.get(i));
      }
    }
    for (String id : thread) {
      Optional<TicketId> ticket = ThreadIds.ticketIn(id, settings.domains());
      if (ticket.isPresent()) {
        return ticket;
      }
    }
    Matcher reference = settings.ticketReference().matcher(subject);
    while (reference.find()) {
      try {
        return Optional.of(TicketId.of(reference.group(1)));
      } catch (ValidationException e) {
        // Not an identifier after all; look further along the subject.
      }
    }
    int lookups = 0;
    for (String id : thread) {
      if (id.length() > 255 || ThreadIds.isOwn(id, settings.domains()) || lookups++ == MAX_LOOKUPS) {
        continue;
      }
      Optional<TicketId> opened = receiver.ticketOpenedBy(new ContactReference(Channel.EMAIL, id));
      if (opened.isPresent()) {
        return opened;
      }
    }
    return Optional.empty();
  }

  private Optional<String> keep(ContactReference contact, int position, MailReader.File file)
      throws IOException, MailToHold {
    AttachmentStore store = settings.attachments();
    if (store == null) {
      return Optional.empty();
    }
    AttachmentStore.Attachment attachment = new AttachmentStore.Attachment(contact, position, file.name(),
        file.contentType(), file.content().length);
    String reference;
    try {
      reference = store.keep(attachment, new ByteArrayInputStream(file.content()));
    } catch (IOException | UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MailToHold("the attachment store refused '" + file.name() + "': " + MailReader.describe(e));
    }
    if (reference == null || reference.isBlank() || reference.length() > AttachmentStore.REFERENCE_MAX
        || reference.strip().lines().count() != 1) {
      throw new MailToHold("the attachment store gave '" + file.name() + "' no usable reference: '"
          + (reference == null ? "null" : MailReader.printable(reference)) + "'");
    }
    return Optional.of(reference.strip());
  }

  /** The text with the list of files after it, cut to what a ticket holds. */
  private static String body(String text, List<String> files) {
    String list = files.isEmpty() ? "" : "Attachments:\n" + String.join("\n", files);
    int room = Ticket.DESCRIPTION_MAX - (list.isEmpty() ? 0 : list.length() + 2);
    if (room < 200) {
      // Absurdly many or long references: the text wins, the list is shortened.
      list = fit(list, Ticket.DESCRIPTION_MAX / 4);
      room = Ticket.DESCRIPTION_MAX - list.length() - 2;
    }
    String kept = text;
    if (text.length() > room) {
      String note = "\n[… shortened: the mail's text has " + text.length() + " characters]";
      kept = text.substring(0, room - note.length()).stripTrailing() + note;
    }
    if (list.isEmpty()) {
      return kept;
    }
    return kept.isEmpty() ? list : kept + "\n\n" + list;
  }

  private static String name(InternetAddress sender, String address) {
    String personal = sender.getPersonal();
    if (personal == null) {
      return "";
    }
    String name = MailReader.printable(personal.replace("\"", "")).strip();
    if (name.equalsIgnoreCase(address) || name.indexOf('@') >= 0) {
      return "";
    }
    return fit(name, 200);
  }

  /** The Message-ID when it can identify the contact, else a digest of what the sender wrote. */
  private static String externalId(String messageId, MailReader mail, byte[] raw) {
    if (!messageId.isEmpty() && messageId.length() <= 255 && messageId.chars().noneMatch(Character::isWhitespace)) {
      return messageId;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // What servers add on the way (Received, Delivered-To) differs between copies; this does not.
      for (String header : List.of("From", "To", "Date", "Subject", "Message-ID")) {
        digest.update(mail.header(header).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      digest.update(raw, bodyStart(raw), raw.length - bodyStart(raw));
      return "sha256-" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static int bodyStart(byte[] raw) {
    for (int i = 0; i + 1 < raw.length; i++) {
      if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
        return Math.min(raw.length, i + (raw[i + 1] == '\n' ? 2 : 3));
      }
    }
    return raw.length;
  }

  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Taken held(String messageId, String from, String subject, String reason) {
    return outcome(Kind.HELD, messageId, from, subject, null, reason);
  }

  private static Taken deferred(String messageId, String from, String subject, String reason, boolean deskDown) {
    return new Taken(new MailOutcome(Kind.DEFERRED, messageId, from, subject, Optional.empty(), reason), deskDown);
  }

  private static Taken outcome(Kind kind, String messageId, String from, String subject, Ticket ticket,
      String reason) {
    return new Taken(new MailOutcome(kind, messageId, from, subject, Optional.ofNullable(ticket), reason), false);
  }
}
