package dev.helpdesk.model;

import jakarta.validation.constraints.NotNull;

/**
 * A link from one ticket to another.
 *
 * @param type how the tickets relate
 * @param target the other ticket
 */
public record TicketLink(@NotNull LinkType type, @NotNull TicketId target) {
  // Rejects null components.
  public TicketLink {
    Checks checks = Checks.on(TicketLink.class);
    checks.notNull("type", type);
    checks.notNull("target", target);
    checks.done();
  }
}
