package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.LinkType;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketLink;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Text and instants come back from PostgreSQL as they went in, or as the store's documentation says. */
class StoredValuesTest {
  private static final DataSource DATABASE = Postgres.freshSchema("values");
  /** Quotes, backslashes, line breaks, a control character, accents, another script and an emoji. */
  private static final String AWKWARD = "say \"hi\" \\ C:\\temp\n\ttab \u0001 Pérez 日本語 🖨️ {\"json\": [1]}";

  private final JdbcTicketStore store = new JdbcTicketStore(DATABASE);

  @AfterEach
  void emptyTheDatabase() {
    Postgres.truncate(DATABASE);
  }

  private Ticket ticket(Instant entered) {
    return Ticket.builder().id(store.nextId()).customer(CustomerId.of("ana")).channel(Channel.EMAIL)
        .category("printing").subject("Printer").entered(entered).build();
  }

  @Test
  void awkwardTextInEveryJsonValueComesBackAsItWent() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    Ticket ticket = ticket(at).toBuilder()
        .description(AWKWARD)
        .systemInformation(new SystemInformation.Details(Map.of(AWKWARD, AWKWARD, "model", "HP 4050")))
        .link(new TicketLink(LinkType.RELATED_TO, TicketId.of("Ω-1\"\\")))
        .source(new ContactReference(Channel.EMAIL, AWKWARD))
        .requiredSkills(Map.of("réseaux \"ip\"", 3))
        .build();
    TicketEvent assigned = new TicketEvent(ticket.id(), at, Actor.system(), TicketStatus.NEW, TicketStatus.ASSIGNED,
        Tier.FIRST_LINE, new TicketEvent.Assigned(TechnicianId.of("luis"), AWKWARD), Note.internal(AWKWARD));
    TicketEvent replied = new TicketEvent(ticket.id(), at, Actor.customer(CustomerId.of("ana")),
        TicketStatus.ASSIGNED, TicketStatus.ASSIGNED, Tier.FIRST_LINE,
        new TicketEvent.CustomerReplied(Optional.of(new ContactReference(Channel.CHAT, AWKWARD))),
        Note.forCustomer(AWKWARD));
    Notification notification = new Notification(NotificationId.of("N-awkward"), ticket.id(),
        NotificationKind.TICKET_OPENED, new Recipient(Recipient.Kind.CUSTOMER, "ana", "Ana Pérez 🖨️", ""),
        Locale.forLanguageTag("es-MX"), "[" + ticket.id() + "] Recibido", AWKWARD, at);

    store.create(new TicketUpdate(ticket, List.of(assigned, replied), List.of(notification)));

    assertEquals(ticket.withVersion(1), store.get(ticket.id()));
    assertEquals(List.of(assigned, replied), store.history(ticket.id()));
    assertEquals(notification, store.outbox().find(notification.id()).orElseThrow().notification());
    assertEquals(ticket.id(), store.findBySource(new ContactReference(Channel.EMAIL, AWKWARD)).orElseThrow().id());
  }

  @Test
  void instantsAreKeptToTheMicrosecondAsPostgresqlKeepsThem() {
    Instant withNanos = Instant.parse("2026-03-02T09:00:00.123456789Z");
    Ticket ticket = ticket(withNanos);

    assertEquals(ticket.withVersion(1), store.create(TicketUpdate.of(ticket)), "the ticket as given");
    assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), store.get(ticket.id()).entered(),
        "read back: truncated, never rounded up past what was given");
  }

  @Test
  void awkwardTextAndFineInstantsOfTheServiceLevelsAndTheNewEventsComeBackAsDocumented() {
    Instant withNanos = Instant.parse("2026-03-02T09:00:00.123456789Z");
    Instant micros = Instant.parse("2026-03-02T09:00:00.123456Z");
    String policy = AWKWARD;
    Ticket ticket = ticket(withNanos).toBuilder()
        .slaPolicy(policy)
        .firstResponse(withNanos)
        .slaDue(withNanos.plusSeconds(3600))
        .slaResults(List.of(SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), withNanos, withNanos)))
        .build();
    TicketEvent applied = event(ticket, withNanos, new TicketEvent.SlaPolicyApplied(policy));
    TicketEvent walked = event(ticket, withNanos, new TicketEvent.FlowchartFollowed("wi-fi \"5 GHz\" \\ ñ",
        "escalation\n{\"to\": 2}"));
    TicketEvent warned = event(ticket, withNanos,
        new TicketEvent.SlaWarning(SlaTarget.TIER_TIME, Optional.of(new Tier(7, AWKWARD)), 80, withNanos));

    store.create(new TicketUpdate(ticket, List.of(applied, walked, warned), List.of()));

    Ticket read = store.get(ticket.id());
    assertEquals(Optional.of(policy), read.slaPolicy());
    assertEquals(Optional.of(micros), read.firstResponse(), "truncated to the microsecond, like every instant");
    assertEquals(List.of(SlaResult.met(SlaTarget.FIRST_RESPONSE, Optional.empty(), micros, micros)),
        read.slaResults());
    List<TicketEvent> history = store.history(ticket.id());
    assertEquals(applied.change(), history.get(0).change());
    assertEquals(walked.change(), history.get(1).change());
    assertEquals(new TicketEvent.SlaWarning(SlaTarget.TIER_TIME, Optional.of(new Tier(7, AWKWARD)), 80, micros),
        history.get(2).change());
  }

  private static TicketEvent event(Ticket ticket, Instant at, TicketEvent.Change change) {
    return new TicketEvent(ticket.id(), at, Actor.system(), TicketStatus.NEW, TicketStatus.NEW, Tier.FIRST_LINE,
        change, Note.NONE);
  }

  @Test
  void textPostgresqlCannotHoldIsRefusedAsInvalidAndNothingIsStored() {
    Ticket withNul = ticket(Instant.parse("2026-03-02T09:00:00Z")).toBuilder().description("before\u0000after").build();

    ValidationException refused = assertThrows(ValidationException.class,
        () -> store.create(TicketUpdate.of(withNul)));

    assertEquals("value", refused.violations().get(0).field());
    assertEquals(Optional.empty(), store.find(withNul.id()));
  }
}
