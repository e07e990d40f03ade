package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One inbound contact as its channel knows it: an email's Message-ID, a call id, a chat session id.
 * A contact opens at most one ticket, however often it is delivered.
 *
 * @param channel where the contact came from
 * @param externalId the channel's own identifier of the contact
 */
public record ContactReference(@NotNull Channel channel, @NotBlank @Size(max = 255) String externalId) {
  // Rejects a missing channel and a blank or overlong id.
  public ContactReference {
    Checks checks = Checks.on(ContactReference.class);
    checks.notNull("channel", channel);
    externalId = checks.text("externalId", externalId, 255);
    checks.done();
  }

  @Override
  public String toString() {
    return channel + ":" + externalId;
  }
}
