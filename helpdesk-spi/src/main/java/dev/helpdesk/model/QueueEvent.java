package dev.helpdesk.model;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;

/**
 * What a channel's queue did with one contact waiting for a live person (D-21): it was offered to
 * the desk, answered after a wait, or abandoned by a customer who gave up (a missed call). Channel
 * adapters report these through {@link dev.helpdesk.model.ContactReference the contact's
 * reference}, so the desk can join them with the ticket the contact opened.
 *
 * @param contact the contact, by its channel and the channel's id of it (a call id)
 * @param kind what happened
 * @param at when it happened
 * @param waited how long the contact had waited in the queue by then; zero when it was offered
 */
public record QueueEvent(@NotNull ContactReference contact, @NotNull Kind kind, @NotNull Instant at,
    @NotNull Duration waited) {

  /** What happened to a contact in a queue. */
  public enum Kind {
    /** The contact entered the queue. */
    OFFERED,
    /** A person answered it, after it had waited. */
    ANSWERED,
    /** The customer gave up before anyone answered: a missed call. */
    ABANDONED
  }

  // Rejects missing values, a negative wait, and a wait on an offer.
  public QueueEvent {
    Checks checks = Checks.on(QueueEvent.class);
    checks.notNull("contact", contact);
    checks.notNull("kind", kind);
    checks.notNull("at", at);
    if (checks.notNull("waited", waited) != null) {
      checks.check(!waited.isNegative(), "waited", "must not be negative, was " + waited);
      checks.check(kind != Kind.OFFERED || waited.isZero(), "waited", "must be zero when a contact is offered, was "
          + waited);
    }
    checks.done();
  }

  /**
   * Returns the event of a contact entering the queue.
   *
   * @param contact the contact
   * @param at when it entered
   * @return the event
   */
  public static QueueEvent offered(ContactReference contact, Instant at) {
    return new QueueEvent(contact, Kind.OFFERED, at, Duration.ZERO);
  }

  /**
   * Returns the event of a contact answered by a person.
   *
   * @param contact the contact
   * @param at when it was answered
   * @param waited how long it waited in the queue
   * @return the event
   */
  public static QueueEvent answered(ContactReference contact, Instant at, Duration waited) {
    return new QueueEvent(contact, Kind.ANSWERED, at, waited);
  }

  /**
   * Returns the event of a customer giving up before anyone answered.
   *
   * @param contact the contact
   * @param at when they hung up or left
   * @param waited how long they waited
   * @return the event
   */
  public static QueueEvent abandoned(ContactReference contact, Instant at, Duration waited) {
    return new QueueEvent(contact, Kind.ABANDONED, at, waited);
  }

  /**
   * Returns when the contact entered the queue.
   *
   * @return {@code at} minus the wait
   */
  public Instant offeredAt() {
    return at.minus(waited);
  }
}
