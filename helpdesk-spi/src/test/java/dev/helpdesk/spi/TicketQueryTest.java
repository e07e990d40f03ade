package dev.helpdesk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketQueryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static Ticket ticket(String id, Instant entered) {
    return Ticket.builder().id(TicketId.of(id)).customer(CustomerId.of("C-1")).channel(Channel.WEB)
        .category("access").subject("Locked out").entered(entered).build();
  }

  @Test
  void theOpenQueryMatchesOnlyTicketsThatStillNeedTheDesk() {
    Ticket ticket = ticket("HD-1", NOW);
    assertTrue(TicketQuery.open().matches(ticket));
    assertFalse(TicketQuery.open().matches(ticket.toBuilder().status(TicketStatus.CANCELLED).build()));
    assertTrue(TicketQuery.all().matches(ticket.toBuilder().status(TicketStatus.CANCELLED).build()));
  }

  @Test
  void filtersMustAllMatch() {
    Ticket ticket = ticket("HD-1", NOW).toBuilder().tier(Tier.SPECIALISTS).assignee(TechnicianId.of("t1"))
        .status(TicketStatus.ASSIGNED).build();
    assertTrue(TicketQuery.open().tier(Tier.SPECIALISTS).assignee(TechnicianId.of("t1")).matches(ticket));
    assertFalse(TicketQuery.open().tier(Tier.SPECIALISTS).assignee(TechnicianId.of("t2")).matches(ticket));
    assertFalse(TicketQuery.open().status(TicketStatus.NEW).matches(ticket));
    assertFalse(TicketQuery.open().customer(CustomerId.of("C-2")).matches(ticket));
  }

  @Test
  void aPageOfLimitPlusOneMatchesContinuesAfterItsLastTicket() {
    List<Ticket> matches = List.of(ticket("HD-1", NOW), ticket("HD-2", NOW), ticket("HD-3", NOW.plusSeconds(1)));
    TicketQuery query = TicketQuery.all().limit(2);
    TicketPage page = TicketPage.of(query, matches);

    assertEquals(matches.subList(0, 2), page.tickets());
    TicketQuery next = page.next().orElseThrow();
    assertFalse(next.matches(matches.get(0)));
    assertFalse(next.matches(matches.get(1)));
    assertTrue(next.matches(matches.get(2)));
    assertTrue(next.matches(ticket("HD-20", NOW)), "same instant, later id");
    assertEquals(2, next.limit());
  }

  @Test
  void anUpdateCarriesOnlyItsOwnTicketsEvents() {
    Ticket ticket = ticket("HD-1", NOW);
    TicketEvent foreign = new TicketEvent(TicketId.of("HD-2"), NOW, Actor.system(), TicketStatus.NEW,
        TicketStatus.NEW, Tier.FIRST_LINE, new TicketEvent.Commented(), Note.NONE);
    ValidationException e = assertThrows(ValidationException.class, () -> TicketUpdate.of(ticket, foreign));
    assertEquals("events[0]", e.violations().get(0).field());
  }
}
