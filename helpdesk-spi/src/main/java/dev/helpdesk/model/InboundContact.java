package dev.helpdesk.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact as a channel delivers it: who, what they said, and when (D-02, D-03, D-04). It either
 * opens a ticket or, when it names one, continues it.
 *
 * @param channel where it came from
 * @param externalId the channel's id of the contact (email Message-ID, call id), empty when the
 *     channel has none; a contact delivered twice with the same id opens one ticket
 * @param customer what the contact told about the person
 * @param subject one line, or empty to derive it from the body
 * @param body what they said
 * @param category the kind of question if the channel knows it (a web form's choice), else empty
 * @param systemInformation what is known about their system, if anything
 * @param ticket the ticket this contact continues (a reply), if any
 * @param receivedAt when it arrived
 */
public record InboundContact(
    @NotNull Channel channel,
    @NotNull @Size(max = 255) String externalId,
    @NotNull @Valid CustomerDetails customer,
    @NotNull @Size(max = Ticket.SUBJECT_MAX) String subject,
    @NotNull @Size(max = Ticket.DESCRIPTION_MAX) String body,
    @NotNull @Size(max = Ticket.CATEGORY_MAX) String category,
    @NotNull Optional<SystemInformation> systemInformation,
    @NotNull Optional<TicketId> ticket,
    @NotNull Instant receivedAt) {

  // Rejects missing values, overlong text, and a contact with neither subject nor body.
  public InboundContact {
    Checks checks = Checks.on(InboundContact.class);
    checks.notNull("channel", channel);
    externalId = checks.optionalText("externalId", externalId, 255);
    checks.notNull("customer", customer);
    subject = checks.optionalText("subject", subject, Ticket.SUBJECT_MAX);
    body = checks.optionalText("body", body, Ticket.DESCRIPTION_MAX);
    checks.check(!subject.isEmpty() || !body.isEmpty(), "body", "must not be blank when the subject is");
    category = checks.optionalText("category", category, Ticket.CATEGORY_MAX);
    checks.notNull("systemInformation", systemInformation);
    checks.notNull("ticket", ticket);
    checks.notNull("receivedAt", receivedAt);
    checks.done();
  }

  /**
   * Returns a contact that opens a new ticket.
   *
   * @param channel where it came from
   * @param customer who it is
   * @param subject one line
   * @param body what they said
   * @param receivedAt when it arrived
   * @return the contact, without external id, category or system information
   */
  public static InboundContact of(
      Channel channel, CustomerDetails customer, String subject, String body, Instant receivedAt) {
    return new InboundContact(channel, "", customer, subject, body, "", Optional.empty(), Optional.empty(), receivedAt);
  }

  /**
   * Returns a copy with the channel's id of the contact.
   *
   * @param externalId the Message-ID, call id or session id
   * @return the copy
   */
  public InboundContact withExternalId(String externalId) {
    return new InboundContact(channel, externalId, customer, subject, body, category, systemInformation, ticket, receivedAt);
  }

  /**
   * Returns a copy with a category.
   *
   * @param category the kind of question
   * @return the copy
   */
  public InboundContact withCategory(String category) {
    return new InboundContact(channel, externalId, customer, subject, body, category, systemInformation, ticket, receivedAt);
  }

  /**
   * Returns a copy with system information.
   *
   * @param systemInformation what is known about the system
   * @return the copy
   */
  public InboundContact withSystemInformation(SystemInformation systemInformation) {
    return new InboundContact(channel, externalId, customer, subject, body, category,
        Optional.of(systemInformation), ticket, receivedAt);
  }

  /**
   * Returns a copy that continues a ticket.
   *
   * @param ticket the ticket replied to
   * @return the copy
   */
  public InboundContact replyTo(TicketId ticket) {
    return new InboundContact(channel, externalId, customer, subject, body, category, systemInformation,
        Optional.of(ticket), receivedAt);
  }

  /**
   * Returns the channel's reference of this contact, if it has one.
   *
   * @return the channel and external id, or empty
   */
  public Optional<ContactReference> reference() {
    return externalId.isEmpty() ? Optional.empty() : Optional.of(new ContactReference(channel, externalId));
  }
}
