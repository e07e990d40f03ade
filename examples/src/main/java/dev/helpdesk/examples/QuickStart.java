package dev.helpdesk.examples;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A desk in five lines: a customer calls, a ticket is opened, level 1 resolves it at first contact. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example, printing the closed ticket and its history to standard output.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    HelpDesk desk = HelpDesk.builder().build();
    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE));
    Ticket ticket = desk.receive(InboundContact.of(Channel.PHONE,
        CustomerDetails.named("Ana Pérez").phone("+34 600 123 456"), "Forgot my password", "", Instant.now()));
    Ticket closed = desk.resolve(Actor.technician(TechnicianId.of("lucia")), ticket.id(),
        Solution.of("Reset the password and had Ana choose a new one.").atFirstContact());

    System.out.println(closed);
    desk.history(Actor.supervisor("sam"), ticket.id()).forEach(event ->
        System.out.println("  " + event.at().truncatedTo(ChronoUnit.SECONDS) + "  " + event.from() + " -> " + event.to() + "  "
            + event.change().getClass().getSimpleName() + " by " + event.actor()));
  }
}
