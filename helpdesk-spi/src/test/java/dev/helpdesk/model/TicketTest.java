package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static Ticket.Builder aPhoneCall() {
    return Ticket.builder().id(TicketId.of("HD-1")).customer(CustomerId.of("C-1")).channel(Channel.PHONE)
        .category("printing").subject("Printer jams").entered(NOW);
  }

  @Test
  void aNewTicketStartsNewAtFirstLineWithTheChannelsSupportMode() {
    Ticket ticket = aPhoneCall().build();
    assertEquals(TicketStatus.NEW, ticket.status());
    assertEquals(Tier.FIRST_LINE, ticket.tier());
    assertEquals(Priority.MEDIUM, ticket.priority());
    assertEquals(SupportMode.PHONE, ticket.supportMode());
    assertEquals(NOW, ticket.updated());
    assertEquals(0, ticket.version());
  }

  @Test
  void everyProblemWithATicketIsReportedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> Ticket.builder().id(TicketId.of("HD-1")).subject("  ").category("x".repeat(101)).build());

    assertEquals("Ticket", e.subject());
    List<String> fields = e.violations().stream().map(Violation::field).toList();
    assertEquals(List.of("customer", "channel", "supportMode", "category", "subject", "entered", "updated",
        "customerUpdated"), fields);
    assertTrue(e.getMessage().contains("subject must not be blank"), e.getMessage());
    assertTrue(e.getMessage().contains("category must be at most 100 characters, was 101"), e.getMessage());
  }

  @Test
  void anAssignedTicketNeedsAnAssignee() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> aPhoneCall().status(TicketStatus.ASSIGNED).build());
    assertEquals("assignee", e.violations().get(0).field());
  }

  @Test
  void aDepartmentIsSetExactlyWhileTheTicketIsWithIt() {
    assertThrows(ValidationException.class, () -> aPhoneCall().status(TicketStatus.WITH_DEPARTMENT).build());
    assertThrows(ValidationException.class, () -> aPhoneCall().department(DepartmentId.of("purchasing")).build());
    Ticket ok = aPhoneCall().status(TicketStatus.WITH_DEPARTMENT).department(DepartmentId.of("purchasing")).build();
    assertEquals(Optional.of(DepartmentId.of("purchasing")), ok.department());
  }

  @Test
  void aResolvedOrClosedTicketCarriesItsResolution() {
    assertThrows(ValidationException.class, () -> aPhoneCall().status(TicketStatus.RESOLVED).build());
    assertThrows(ValidationException.class, () -> aPhoneCall().status(TicketStatus.CLOSED).build());
  }

  @Test
  void aMergedTicketLinksToTheTicketItDuplicates() {
    assertThrows(ValidationException.class, () -> aPhoneCall().status(TicketStatus.MERGED).build());
    Ticket merged = aPhoneCall().status(TicketStatus.MERGED)
        .link(new TicketLink(LinkType.DUPLICATE_OF, TicketId.of("HD-0"))).build();
    assertEquals(TicketStatus.MERGED, merged.status());
  }

  @Test
  void aTicketCannotLinkToItself() {
    assertThrows(ValidationException.class,
        () -> aPhoneCall().link(new TicketLink(LinkType.RELATED_TO, TicketId.of("HD-1"))).build());
  }

  @Test
  void aTicketCannotBeUpdatedBeforeItWasEntered() {
    assertThrows(ValidationException.class, () -> aPhoneCall().updated(NOW.minusSeconds(1)).build());
  }

  @Test
  void skillNamesAreCaseInsensitiveAndLevelsAreOneToFive() {
    Ticket ticket = aPhoneCall().requiredSkills(Map.of(" Networks ", 3)).build();
    assertEquals(Map.of("networks", 3), ticket.requiredSkills());
    assertThrows(ValidationException.class, () -> aPhoneCall().preferredSkills(Map.of("sql", 6)).build());
  }

  @Test
  void theAgeIsTheTimeSinceEntryAndNeverNegative() {
    Ticket ticket = aPhoneCall().build();
    assertEquals(Duration.ofHours(30), ticket.age(NOW.plus(Duration.ofHours(30))));
    assertEquals(Duration.ZERO, ticket.age(NOW.minusSeconds(5)));
  }

  @Test
  void toBuilderRoundTripsAndWithVersionChangesOnlyTheVersion() {
    Ticket ticket = aPhoneCall().systemInformation(SystemInformation.Computer.of("macOS 15", 16384))
        .source(new ContactReference(Channel.PHONE, "call-1")).build();
    assertEquals(ticket, ticket.toBuilder().build());
    Ticket stored = ticket.withVersion(4);
    assertEquals(4, stored.version());
    assertEquals(ticket, stored.withVersion(0));
    assertSame(stored, stored.withVersion(4));
    assertNotSame(ticket, stored);
  }

  @Test
  void aTicketKeepsItsServiceLevelStateForAnalytics() {
    SlaResult firstResponse = SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), NOW.plusSeconds(3_600),
        NOW.plusSeconds(600));
    SlaResult level1 = SlaResult.breached(SlaTarget.TIER_TIME, Optional.of(Tier.FIRST_LINE), NOW.plusSeconds(1_800));
    Ticket ticket = aPhoneCall().slaPolicy(" gold ").firstResponse(NOW.plusSeconds(600)).slaDue(NOW.plusSeconds(7_200))
        .slaResults(List.of(firstResponse, level1)).build();
    assertEquals(Optional.of("gold"), ticket.slaPolicy());
    assertEquals(Optional.of(NOW.plusSeconds(600)), ticket.firstResponse());
    assertEquals(Optional.of(NOW.plusSeconds(7_200)), ticket.slaDue());
    assertEquals(List.of(firstResponse, level1), ticket.slaResults());
    assertEquals(ticket, ticket.toBuilder().build());
    assertEquals(ticket, ticket.withVersion(3).withVersion(0), "kept across versions");
    assertNotEquals(ticket, ticket.toBuilder().slaDue(null).build(), "part of the ticket's value");
    assertEquals(Optional.empty(), aPhoneCall().slaPolicy("").build().slaPolicy());
  }

  @Test
  void serviceLevelStateMustBeConsistent() {
    SlaResult met = SlaResult.met(SlaTarget.RESOLUTION, Optional.empty(), NOW.plusSeconds(60), NOW.plusSeconds(30));
    ValidationException e = assertThrows(ValidationException.class, () -> aPhoneCall()
        .firstResponse(NOW.minusSeconds(1)).slaResults(List.of(met, met)).build());
    assertEquals(List.of("firstResponse", "slaResults"), e.violations().stream().map(Violation::field).toList());
    assertTrue(e.getMessage().contains("one result per target and tier, RESOLUTION is repeated"), e.getMessage());
  }
}
