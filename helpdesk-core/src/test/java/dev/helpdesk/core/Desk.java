package dev.helpdesk.core;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A desk staffed as the seeds describe it, for tests: Lucía and Pablo at the first line, Mario
 * (networks, databases) at level 2, Elena on site at level 3, Sergio running the servers at level
 * 4, and Sam supervising; purchasing and facilities as other departments.
 */
final class Desk {
  static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");

  static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  static final Actor PABLO = Actor.technician(TechnicianId.of("pablo"));
  static final Actor MARIO = Actor.technician(TechnicianId.of("mario"));
  static final Actor MARTA = Actor.technician(TechnicianId.of("marta"));
  static final Actor ELENA = Actor.technician(TechnicianId.of("elena"));
  static final Actor SERGIO = Actor.technician(TechnicianId.of("sergio"));
  static final Actor SAM = Actor.supervisor("sam");

  static final Department PURCHASING = new Department(dev.helpdesk.model.DepartmentId.of("purchasing"), "Purchasing",
      "purchasing@example.com");
  static final Department FACILITIES = Department.of("facilities", "Facilities");

  final TestClock clock = new TestClock(MONDAY_9AM);
  final dev.helpdesk.core.memory.InMemoryTicketStore store = new dev.helpdesk.core.memory.InMemoryTicketStore();
  final RecordingNotifier notifier = new RecordingNotifier();
  final HelpDesk desk;

  Desk() {
    this(b -> b);
  }

  Desk(UnaryOperator<HelpDesk.Builder> options) {
    desk = options.apply(HelpDesk.builder().clock(clock).notifier(notifier).ticketStore(store)
        .departments(PURCHASING, FACILITIES))
        .build();
    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE).withEmail("lucia@desk.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("pablo"), "Pablo", Tier.FIRST_LINE).withEmail("pablo@desk.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("mario"), "Mario", Tier.SPECIALISTS)
        .withSkill("networks", 4).withSkill("databases", 3).withEmail("mario@desk.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("marta"), "Marta", Tier.SPECIALISTS).withSkill("networks", 2));
    desk.addTechnician(Technician.of(TechnicianId.of("elena"), "Elena", Tier.EXPERTS)
        .withSupportModes(SupportMode.ON_SITE, SupportMode.REMOTE_DESKTOP).withEmail("elena@desk.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("sergio"), "Sergio", Tier.SERVER_ADMINISTRATION));
  }

  Instant later(Duration by) {
    return clock.advance(by);
  }

  /** Ana calls by phone about something. */
  Ticket call(String subject) {
    return desk.receive(InboundContact.of(Channel.PHONE, ana(), subject, "", clock.instant()));
  }

  static CustomerDetails ana() {
    return CustomerDetails.named("Ana Pérez").email("ana@example.com").phone("+34 600 123 456");
  }

  Actor customerOf(Ticket ticket) {
    return Actor.customer(ticket.customer());
  }

  Ticket get(TicketId id) {
    return desk.ticket(SAM, id);
  }

}
