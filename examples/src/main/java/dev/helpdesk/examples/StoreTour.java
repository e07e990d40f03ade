package dev.helpdesk.examples;

import dev.helpdesk.core.memory.InMemoryCustomerStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Duration;
import java.time.Instant;

/**
 * A tour of the storage layer the desk stands on: customers registered once however they call
 * (D-03), tickets with their system information (D-04), the work queue oldest first (D-15), and a
 * stale save refused rather than lost.
 */
public final class StoreTour {
  private StoreTour() {}

  /**
   * Runs the tour, printing to standard output.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    Instant nine = Instant.parse("2026-03-02T09:00:00Z");
    InMemoryCustomerStore customers = new InMemoryCustomerStore();
    InMemoryTicketStore tickets = new InMemoryTicketStore();

    Customer ana = customers.register(CustomerDetails.named("Ana Pérez").phone("+34 600 123 456"), nine);
    Customer again = customers.register(CustomerDetails.named("Ana Pérez").phone("+34-600-123-456")
        .email("ana@example.com"), nine.plus(Duration.ofHours(2)));
    System.out.printf("Ana called twice and is one customer: %s = %s, now reachable at %s%n",
        ana.id(), again.id(), again.email());

    String[] problems = {"Outlook asks for the password again and again", "Laptop will not boot",
        "Cannot print to the floor 2 printer"};
    for (int i = 0; i < problems.length; i++) {
      Ticket ticket = Ticket.builder().id(tickets.nextId()).customer(ana.id()).channel(Channel.PHONE)
          .category("workstation").subject(problems[i]).entered(nine.plus(Duration.ofMinutes(40L * (2 - i))))
          .systemInformation(SystemInformation.Computer.of("Windows 11", 16_384)).build();
      tickets.create(TicketUpdate.of(ticket, new TicketEvent(ticket.id(), ticket.entered(), Actor.system(),
          TicketStatus.NEW, TicketStatus.NEW, ticket.tier(), new TicketEvent.Opened(Channel.PHONE,
          ticket.supportMode()), Note.NONE)));
    }

    System.out.println("\nLevel 1's work queue, oldest first (D-15):");
    Instant noon = nine.plus(Duration.ofHours(3));
    for (Ticket t : tickets.query(TicketQuery.open().tier(Tier.FIRST_LINE)).tickets()) {
      System.out.printf("  %-6s %-48s age %s, %s%n", t.id(), t.subject(), t.age(noon).toMinutes() + " min",
          t.systemInformation().map(SystemInformation::summary).orElse(""));
    }

    Ticket read = tickets.query(TicketQuery.open()).tickets().get(0);
    tickets.save(TicketUpdate.of(read.toBuilder().tier(Tier.SPECIALISTS).updated(noon).build()));
    try {
      tickets.save(TicketUpdate.of(read.toBuilder().subject("Edited from a stale copy").build()));
    } catch (VersionConflictException e) {
      System.out.println("\nA stale save is refused, not lost: " + e.getMessage());
    }
    System.out.println("Level 2 now has: " + tickets.query(TicketQuery.open().tier(Tier.SPECIALISTS)).tickets());
  }
}
