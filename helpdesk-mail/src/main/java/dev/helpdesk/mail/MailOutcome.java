package dev.helpdesk.mail;

import dev.helpdesk.model.Ticket;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one inbound mail: it reached the desk (a ticket opened or continued), it was not
 * a contact at all (an auto-reply, a bounce, the desk's own mail), it cannot be taken in and waits
 * for a person, or the desk could not take it now and it will be offered again.
 *
 * @param kind what became of it
 * @param messageId the mail's Message-ID without angle brackets, empty when it had none
 * @param from the sender's address as written, empty when there was none
 * @param subject the subject, empty when there was none
 * @param ticket the ticket it opened or continued, for {@link Kind#OPENED} and {@link Kind#CONTINUED}
 * @param reason why it was ignored, held or deferred; for a mail that reached the desk, empty unless
 *     something about it is worth knowing (a reply from someone other than the ticket's customer,
 *     which opened a ticket of its own)
 */
public record MailOutcome(Kind kind, String messageId, String from, String subject, Optional<Ticket> ticket,
    String reason) {

  /** What became of a mail. */
  public enum Kind {
    /** It named no ticket and opened one (or, delivered again, found the one it opened before). */
    OPENED,
    /** It answered a ticket, which it continued (or the follow-up the desk opened for it). */
    CONTINUED,
    /** It is no contact (an auto-reply, a bounce, a loop): no ticket, no answer. Marked processed. */
    IGNORED,
    /** It cannot be taken in (malformed, no sender, attachments too large): kept for inspection. */
    HELD,
    /** The desk could not store it now; it stays where it was and is offered again. */
    DEFERRED
  }

  // Rejects missing values; a ticket only with OPENED and CONTINUED.
  public MailOutcome {
    Objects.requireNonNull(kind, "kind");
    messageId = Objects.requireNonNullElse(messageId, "");
    from = Objects.requireNonNullElse(from, "");
    subject = Objects.requireNonNullElse(subject, "");
    Objects.requireNonNull(ticket, "ticket");
    reason = Objects.requireNonNullElse(reason, "");
    if (ticket.isPresent() != (kind == Kind.OPENED || kind == Kind.CONTINUED)) {
      throw new IllegalArgumentException("a ticket goes with OPENED and CONTINUED only, kind " + kind);
    }
  }

  /**
   * Tells whether the mail reached the desk.
   *
   * @return true when it opened or continued a ticket
   */
  public boolean delivered() {
    return ticket.isPresent();
  }

  @Override
  public String toString() {
    return kind + " <" + messageId + "> from " + from + " '" + subject + "'"
        + ticket.map(t -> " -> " + t.id()).orElse("") + (reason.isEmpty() ? "" : ": " + reason);
  }
}
