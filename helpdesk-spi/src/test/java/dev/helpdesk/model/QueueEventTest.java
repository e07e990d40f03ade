package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A queue event (D-21) is whole when made: a contact, a kind, an instant and a wait that fits the kind. */
class QueueEventTest {
  private static final ContactReference CALL = new ContactReference(Channel.PHONE, "call-1");
  private static final Instant AT = Instant.parse("2026-03-02T09:10:00Z");

  @Test
  void anAnsweredContactWasOfferedItsWaitEarlier() {
    QueueEvent answered = QueueEvent.answered(CALL, AT, Duration.ofSeconds(30));
    assertEquals(AT.minusSeconds(30), answered.offeredAt());
    assertEquals(AT, QueueEvent.offered(CALL, AT).offeredAt());
  }

  @Test
  void everyMissingOrImpossibleValueIsNamed() {
    ValidationException e = assertThrows(ValidationException.class, () -> new QueueEvent(null, null, null, null));
    assertEquals(List.of("contact", "kind", "at", "waited"), e.violations().stream().map(Violation::field).toList());
    assertThrows(ValidationException.class, () -> QueueEvent.abandoned(CALL, AT, Duration.ofSeconds(-1)));
    assertThrows(ValidationException.class, () -> new QueueEvent(CALL, QueueEvent.Kind.OFFERED, AT, Duration.ofSeconds(1)));
  }

  @Test
  void aRatingIsOneToFive() {
    assertEquals(5, new TicketEvent.Rated(5).score());
    ValidationException e = assertThrows(ValidationException.class, () -> new TicketEvent.Rated(0));
    assertEquals("score", e.violations().get(0).field());
  }
}
