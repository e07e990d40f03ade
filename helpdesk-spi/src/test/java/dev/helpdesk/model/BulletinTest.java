package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bulletins about known problems (D-12): their validity window and how they end. */
class BulletinTest {
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant NOON = NINE.plus(Duration.ofHours(3));
  private static final Instant SIX = NINE.plus(Duration.ofHours(9));

  private static Bulletin outage() {
    return Bulletin.post(BulletinId.of("b-1"), Actor.supervisor("sam"), "Correo caído",
        "El servidor de correo no acepta conexiones.", "Lo sabemos; estará resuelto hacia las 14:00.", NINE, SIX);
  }

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aPostedBulletinIsActiveWithinItsWindowOnly() {
    Bulletin bulletin = outage();
    assertEquals(BulletinStatus.ACTIVE, bulletin.status());
    assertEquals(Optional.empty(), bulletin.closedAt());
    assertFalse(bulletin.isActiveAt(NINE.minusMillis(1)));
    assertTrue(bulletin.isActiveAt(NINE), "the window includes its start");
    assertTrue(bulletin.isActiveAt(SIX.minusMillis(1)));
    assertFalse(bulletin.isActiveAt(SIX), "and excludes its end");
  }

  @Test
  void aFixedBulletinWasActiveUntilItsFixOnly() {
    Bulletin fixed = outage().fix(NOON);
    assertEquals(BulletinStatus.FIXED, fixed.status());
    assertEquals(Optional.of(NOON), fixed.closedAt());
    assertTrue(fixed.isActiveAt(NOON.minusSeconds(1)), "a look back at the morning still sees it");
    assertFalse(fixed.isActiveAt(NOON));
    assertFalse(fixed.isActiveAt(SIX.minusSeconds(1)));
  }

  @Test
  void aBulletinEndsOnlyOnce() {
    Bulletin withdrawn = outage().withdraw(NOON);
    assertEquals(BulletinStatus.WITHDRAWN, withdrawn.status());
    ValidationException e = assertThrows(ValidationException.class, () -> withdrawn.fix(SIX));
    assertEquals(List.of("status"), fields(e));
    assertTrue(e.getMessage().contains("WITHDRAWN"), e.getMessage());
    assertThrows(ValidationException.class, () -> outage().fix(NOON).withdraw(SIX));
    assertThrows(ValidationException.class, () -> outage().fix(null));
  }

  @Test
  void theWindowMustEndAfterItStarts() {
    ValidationException e = assertThrows(ValidationException.class, () -> outage().withValidUntil(NINE));
    assertEquals(List.of("validUntil"), fields(e));
    assertTrue(outage().withValidUntil(SIX.plusSeconds(3600)).isActiveAt(SIX), "extended past its first end");
  }

  @Test
  void closedAtIsPresentExactlyWhenTheBulletinHasEnded() {
    Bulletin b = outage();
    assertThrows(ValidationException.class, () -> new Bulletin(b.id(), b.title(), b.description(), b.answer(),
        b.affectedServices(), b.keywords(), NINE, SIX, BulletinStatus.FIXED, Optional.empty(), b.postedBy(), 0));
    assertThrows(ValidationException.class, () -> new Bulletin(b.id(), b.title(), b.description(), b.answer(),
        b.affectedServices(), b.keywords(), NINE, SIX, BulletinStatus.ACTIVE, Optional.of(NOON), b.postedBy(), 0));
  }

  @Test
  void onlyStaffPostBulletins() {
    ValidationException e = assertThrows(ValidationException.class, () -> Bulletin.post(BulletinId.of("b-2"),
        Actor.customer(CustomerId.of("ana")), "Fake", "Everything is down", "Panic", NINE, SIX));
    assertEquals(List.of("postedBy"), fields(e));
    assertEquals(Actor.system(), Bulletin.post(BulletinId.of("b-3"), Actor.system(), "Disk alert", "Disk full",
        "We are on it", NINE, SIX).postedBy(), "an automatic alert is posted by the desk itself");
  }

  @Test
  void servicesAndKeywordsAreLowerCasedAndCopied() {
    Set<String> services = new HashSet<>(Set.of("Email", " Exchange "));
    Bulletin b = outage().withAffectedServices(services).withKeywords(Set.of("Correo", "OUTLOOK"));
    services.add("vpn");
    assertEquals(Set.of("email", "exchange"), b.affectedServices());
    assertEquals(Set.of("correo", "outlook"), b.keywords());
    assertThrows(UnsupportedOperationException.class, () -> b.keywords().add("x"));
  }

  @Test
  void everythingWrongIsReportedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> new Bulletin(null, "", " ", null,
        Set.of(" "), null, SIX, NINE, null, null, null, -1));
    assertEquals("Bulletin", e.subject());
    assertEquals(List.of("id", "title", "description", "answer", "affectedServices[0]", "keywords", "validUntil",
        "status", "closedAt", "postedBy", "version"), fields(e));
  }

  @Test
  void theAnswerChangesAsTheProblemDevelops() {
    Bulletin b = outage().withAnswer("  Resuelto a las 15:00.  ");
    assertEquals("Resuelto a las 15:00.", b.answer());
    assertEquals(outage().description(), b.description());
  }
}
