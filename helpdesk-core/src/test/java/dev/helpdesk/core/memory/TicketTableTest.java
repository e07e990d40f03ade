package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TicketTableTest {
  private final TicketTable table = new TicketTable("HD-");

  private static History entry(String id) {
    return History.of(Ticket.builder().id(TicketId.of(id)).customer(CustomerId.of("c")).channel(Channel.WEB)
        .category("general").subject("s").entered(Instant.EPOCH).build(), List.of());
  }

  private void put(String id) {
    table.put(TicketId.of(id), entry(id));
  }

  @Test
  void issuedIdsAcrossManyChunksAreFoundAndRemoved() {
    for (int i = 0; i < 10_000; i++) {
      put("HD-" + table.issue());
    }
    assertEquals("HD-1", table.get(TicketId.of("HD-1")).ticket.id().value());
    assertEquals("HD-4096", table.get(TicketId.of("HD-4096")).ticket.id().value());
    assertEquals("HD-10000", table.get(TicketId.of("HD-10000")).ticket.id().value());
    assertNull(table.get(TicketId.of("HD-10001")), "not issued yet");
    assertEquals("HD-4097", table.remove(TicketId.of("HD-4097")).ticket.id().value());
    assertNull(table.get(TicketId.of("HD-4097")));
    assertEquals(9_999, table.values().count());
  }

  @Test
  void idsTheStoreDidNotIssueAreKeptApartAndStillFound() {
    table.issue();
    put("HD-1");
    put("HD-01");  // a leading zero: another id than HD-1
    put("HD-5");   // not issued yet when created by the host
    put("HD-x");
    put("ELSEWHERE-1");
    for (int i = 0; i < 9; i++) {
      table.issue();
    }
    History hostFive = entry("HD-5");
    table.put(TicketId.of("HD-5"), hostFive); // a new version stays where the first one went
    assertSame(hostFive, table.get(TicketId.of("HD-5")));
    assertEquals(Set.of("HD-1", "HD-01", "HD-5", "HD-x", "ELSEWHERE-1"),
        table.values().map(e -> e.ticket.id().value()).collect(Collectors.toSet()));
    assertEquals("HD-01", table.remove(TicketId.of("HD-01")).ticket.id().value());
    assertEquals("HD-1", table.get(TicketId.of("HD-1")).ticket.id().value());
    assertEquals("HD-5", table.remove(TicketId.of("HD-5")).ticket.id().value());
    assertNull(table.get(TicketId.of("HD-5")));
  }
}
