package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The smaller model types: identifiers, tiers, customers, technicians, events. */
class ModelTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void identifiersRejectBlankOverlongOrSpacedText() {
    assertThrows(ValidationException.class, () -> TicketId.of(""));
    assertThrows(ValidationException.class, () -> TicketId.of("HD 1"));
    assertThrows(ValidationException.class, () -> TicketId.of("x".repeat(65)));
    assertThrows(ValidationException.class, () -> TicketId.of(null));
    assertEquals("HD-1", TicketId.of("HD-1").toString());
  }

  @Test
  void aTierIsItsLevel() {
    assertEquals(Tier.SPECIALISTS, Tier.level(2));
    assertEquals(Tier.SPECIALISTS.hashCode(), new Tier(2, "Networks and systems").hashCode());
    assertTrue(Tier.FIRST_LINE.compareTo(Tier.EXPERTS) < 0);
    assertThrows(ValidationException.class, () -> Tier.level(0));
    assertThrows(ValidationException.class, () -> Tier.level(Tier.MAX_LEVEL + 1));
  }

  @Test
  void theDefaultDeskHasTheFourLevelsOfTheSeeds() {
    Tiers tiers = Tiers.defaults();
    assertEquals(4, tiers.size());
    assertEquals("Server administration", tiers.level(4).name());
    assertEquals(Optional.of(Tier.SPECIALISTS), tiers.above(Tier.FIRST_LINE));
    assertEquals(Optional.empty(), tiers.above(tiers.last()));
    assertThrows(NotFoundException.class, () -> tiers.level(5));
  }

  @Test
  void tiersMustBeLevelsOneToNWithoutGaps() {
    Tiers three = Tiers.of(new Tier(1, "Help desk"), new Tier(2, "Systems"), new Tier(3, "Vendors"));
    assertEquals(3, three.size());
    assertFalse(three.contains(Tier.SERVER_ADMINISTRATION));
    ValidationException e = assertThrows(ValidationException.class, () -> Tiers.of(Tier.FIRST_LINE, Tier.EXPERTS));
    assertEquals("tiers[1]", e.violations().get(0).field());
  }

  @Test
  void customerDetailsNormaliseEmailAndPhone() {
    CustomerDetails details = CustomerDetails.named("Ana").email(" Ana@Example.COM ").phone("+34 (600) 12-34.56");
    assertEquals("ana@example.com", details.email());
    assertEquals("+34600123456", details.phone());
  }

  @Test
  void customerDetailsRejectWhatIsNotAnEmailOrPhone() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new CustomerDetails(null, "Ana", "ana-at-example", "call me", "", "", Locale.ROOT));
    assertEquals(List.of("email", "phone"), e.violations().stream().map(Violation::field).toList());
  }

  @Test
  void someoneMustBeIdentifiable() {
    assertThrows(ValidationException.class, () -> CustomerDetails.named(" "));
  }

  @Test
  void laterDetailsReplaceWhatTheyStateAndKeepTheRest() {
    CustomerDetails first = CustomerDetails.named("Ana").email("ana@example.com").organisation("Acme")
        .kind(CustomerKind.INTERNAL).locale(Locale.forLanguageTag("es"));
    CustomerDetails merged = first.updatedWith(CustomerDetails.withEmailOnly("ana@example.com").location("Madrid"));
    assertEquals(CustomerKind.INTERNAL, merged.kind());
    assertEquals("Ana", merged.name());
    assertEquals("Acme", merged.organisation());
    assertEquals("Madrid", merged.location());
    assertEquals(Locale.forLanguageTag("es"), merged.locale());
  }

  @Test
  void aCustomerIsAddressedByNameElseByEmailOrPhone() {
    Customer named = Customer.register(CustomerId.of("C-1"), CustomerDetails.named("Ana"), NOW);
    Customer mailed = Customer.register(CustomerId.of("C-2"), CustomerDetails.withEmailOnly("bo@example.com"), NOW);
    assertEquals("Ana", named.displayName());
    assertEquals("bo@example.com", mailed.displayName());
    assertEquals(CustomerKind.EXTERNAL, named.kind());
  }

  @Test
  void technicianSkillsAreLookedUpInAnyCase() {
    Technician t = Technician.of(TechnicianId.of("t1"), "Luis", Tier.SPECIALISTS).withSkill("Networks", 3);
    assertEquals(3, t.skillLevel("NETWORKS"));
    assertEquals(0, t.skillLevel("databases"));
    assertThrows(ValidationException.class, () -> t.withSkill("sql", 0));
  }

  @Test
  void capacityDefaultsToOneLiveContactAndSeveralWrittenOnes() {
    Capacity standard = Capacity.standard();
    assertEquals(1, standard.limit(Channel.PHONE));
    assertEquals(3, standard.limit(Channel.CHAT));
    assertEquals(5, standard.limit(Channel.EMAIL));
    assertEquals(0, new Capacity(Map.of()).limit(Channel.PHONE));
    assertThrows(ValidationException.class, () -> standard.with(Channel.CHAT, -1));
  }

  @Test
  void aCustomerNeverSeesAnInternalNote() {
    TicketEvent escalated = new TicketEvent(TicketId.of("HD-1"), NOW, Actor.technician(TechnicianId.of("t1")),
        TicketStatus.IN_PROGRESS, TicketStatus.NEW, Tier.SPECIALISTS,
        new TicketEvent.Escalated(Tier.FIRST_LINE, Tier.SPECIALISTS), Note.internal("router config suspect"));
    assertEquals(Note.NONE, escalated.asSeenByCustomer().note());
    assertTrue(escalated.isVisibleToCustomer());

    TicketEvent internalComment = new TicketEvent(TicketId.of("HD-1"), NOW, Actor.supervisor("sam"),
        TicketStatus.NEW, TicketStatus.NEW, Tier.FIRST_LINE, new TicketEvent.Commented(), Note.internal("VIP"));
    assertFalse(internalComment.isVisibleToCustomer());

    TicketEvent publicNote = new TicketEvent(TicketId.of("HD-1"), NOW, Actor.supervisor("sam"),
        TicketStatus.NEW, TicketStatus.NEW, Tier.FIRST_LINE, new TicketEvent.Commented(), Note.forCustomer("On it"));
    assertSame(publicNote, publicNote.asSeenByCustomer());
  }

  @Test
  void actorsKnowWhoTheyAre() {
    Actor customer = Actor.customer(CustomerId.of("C-1"));
    assertTrue(customer.is(CustomerId.of("C-1")));
    assertFalse(customer.is(TechnicianId.of("C-1")));
    assertFalse(customer.isStaff());
    assertTrue(Actor.system().isStaff());
    assertEquals("technician t1", Actor.technician(TechnicianId.of("t1")).toString());
  }

  @Test
  void systemInformationSummarisesWhatIsKnown() {
    assertEquals("OS Windows 11, memory 8192 MB", SystemInformation.Computer.of("Windows 11", 8192).summary());
    assertEquals("extension 2041, voicemail 2041",
        new SystemInformation.TelephoneService("2041", "", "", "2041").summary());
    assertEquals("model HP 4050, toner low",
        new SystemInformation.Details(Map.of("toner", "low", "model", "HP 4050")).summary());
    assertThrows(ValidationException.class, () -> SystemInformation.Computer.of("Linux", -1));
  }

  @Test
  void anInboundContactNeedsSomethingToSay() {
    assertThrows(ValidationException.class,
        () -> InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("a@example.com"), " ", "", NOW));
    InboundContact mail = InboundContact.of(Channel.EMAIL, CustomerDetails.withEmailOnly("a@example.com"),
        "VPN down", "", NOW).withExternalId("<m1@example.com>");
    assertEquals(Optional.of(new ContactReference(Channel.EMAIL, "<m1@example.com>")), mail.reference());
  }

  @Test
  void anSlaResultNamesATierExactlyForTimeAtATierAndIsMetOnlyByItsDueInstant() {
    ValidationException tier = assertThrows(ValidationException.class,
        () -> SlaResult.met(SlaTarget.RESOLUTION, Optional.of(Tier.FIRST_LINE), NOW, NOW));
    assertEquals("tier", tier.violations().get(0).field());
    assertThrows(ValidationException.class, () -> SlaResult.breached(SlaTarget.TIER_TIME, Optional.empty(), NOW));
    ValidationException late = assertThrows(ValidationException.class,
        () -> SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), NOW, NOW.plusSeconds(1)));
    assertTrue(late.getMessage().contains("must not be after its due instant"), late.getMessage());
    SlaResult breached = SlaResult.breached(SlaTarget.FIRST_RESPONSE, Optional.empty(), NOW);
    assertFalse(breached.met());
    assertEquals(NOW, breached.at());
    assertTrue(breached.sameTargetAs(SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), NOW, NOW)));
  }

  @Test
  void slaEventsAreStaffBookkeepingTheCustomerDoesNotSee() {
    for (TicketEvent.Change change : List.of(new TicketEvent.SlaPolicyApplied("gold"),
        new TicketEvent.SlaWarning(SlaTarget.RESOLUTION, Optional.empty(), 75, NOW),
        new TicketEvent.SlaBreached(SlaTarget.TIER_TIME, Optional.of(Tier.SPECIALISTS), NOW))) {
      TicketEvent event = new TicketEvent(TicketId.of("HD-1"), NOW, Actor.system(), TicketStatus.NEW, TicketStatus.NEW,
          Tier.FIRST_LINE, change, Note.NONE);
      assertFalse(event.isVisibleToCustomer(), change.toString());
    }
    assertThrows(ValidationException.class, () -> new TicketEvent.SlaWarning(SlaTarget.RESOLUTION, Optional.empty(),
        100, NOW));
    assertThrows(ValidationException.class, () -> new TicketEvent.SlaPolicyApplied("x".repeat(101)));
    assertEquals("", new TicketEvent.SlaPolicyApplied(null).policy());
  }
}
