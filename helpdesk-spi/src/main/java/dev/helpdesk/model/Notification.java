package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/**
 * A message to one recipient about one ticket, already rendered in the recipient's language. It is
 * stored together with the ticket change that caused it and delivered after that change is
 * committed, at least once; {@link #id()} lets a notifier drop a repeated delivery.
 *
 * @param id unique; the idempotency key of delivery
 * @param ticket the ticket it is about
 * @param kind why it is sent
 * @param recipient who it is for
 * @param locale the language it is written in
 * @param subject a one-line subject, carrying the ticket reference
 * @param body the message text
 * @param created when the change that caused it happened
 */
public record Notification(
    @NotNull NotificationId id,
    @NotNull TicketId ticket,
    @NotNull NotificationKind kind,
    @NotNull Recipient recipient,
    @NotNull Locale locale,
    @NotBlank @Size(max = 300) String subject,
    @NotNull @Size(max = 20_000) String body,
    @NotNull Instant created) {

  // Rejects missing values and overlong text.
  public Notification {
    Checks checks = Checks.on(Notification.class);
    checks.notNull("id", id);
    checks.notNull("ticket", ticket);
    checks.notNull("kind", kind);
    checks.notNull("recipient", recipient);
    checks.notNull("locale", locale);
    subject = checks.text("subject", subject, 300);
    body = checks.optionalText("body", body, 20_000);
    checks.notNull("created", created);
    checks.done();
  }
}
