package dev.helpdesk.examples;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Solution;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.routing.RoutingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A desk that keeps its technicians in a vendor's own store, {@link RosterTechnicianStore}, passed in
 * through the builder. The store is proved by the {@code helpdesk-tck} suite in {@code
 * RosterTechnicianStoreTest}; here the desk runs on it: technicians are added, one goes offline, a
 * call is routed to the one who is available, and the roster shows every change as a new version.
 */
public final class CustomStoreExample {
  private CustomStoreExample() {}

  /**
   * Runs the example, printing to standard output.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    RosterTechnicianStore roster = new RosterTechnicianStore();
    HelpDesk desk = HelpDesk.builder()
        .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC))
        .technicianStore(roster)
        .routing(RoutingRules.defaults())
        .build();

    TechnicianId lucia = TechnicianId.of("lucia");
    TechnicianId pablo = TechnicianId.of("pablo");
    desk.addTechnician(Technician.of(lucia, "Lucía", Tier.FIRST_LINE));
    desk.addTechnician(Technician.of(pablo, "Pablo", Tier.FIRST_LINE));
    desk.changeAvailability(Actor.technician(pablo), pablo, Availability.OFFLINE);

    Ticket call = desk.receive(InboundContact.of(Channel.PHONE,
        CustomerDetails.named("Ana Pérez").phone("+34 600 123 456"), "Outlook keeps asking for my password", "",
        Instant.parse("2026-03-02T09:00:00Z")));
    System.out.printf("%s was routed to %s: Pablo is offline in the vendor's roster%n", call.id(),
        call.assignee().map(TechnicianId::value).orElse("nobody"));
    desk.resolve(Actor.technician(lucia), call.id(),
        Solution.of("Removed the stale password from the credential manager.").atFirstContact());

    System.out.println("\nThe roster, as the vendor's store holds it:");
    for (Technician t : roster.all()) {
      System.out.printf("  %-6s %-6s %-14s %-10s version %d%n", t.id(), t.name(), t.tier(), t.availability(),
          t.version());
    }

    Technician stale = roster.get(pablo).withVersion(1);
    try {
      roster.save(stale.withAvailability(Availability.AVAILABLE));
    } catch (VersionConflictException e) {
      System.out.println("\nA stale save is refused, as the contract demands: " + e.getMessage());
    }
  }
}
