package dev.helpdesk.examples;

import dev.helpdesk.core.Escalation;
import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Ownership;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.WorkDone;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A day at a help desk, following the seed documents: walk-ins, calls and emails arrive by the
 * hour; the first line answers what it can at once (D-05), asks for what it lacks (D-13), escalates
 * the rest (D-06…D-08) and hands one ticket to purchasing and back (D-16); a level-2 solution goes
 * back to the first line for follow-up (D-14); customers are kept informed (D-17); and a problem
 * fixed last week comes back under warranty (D-19). The desk's clock is simulated, so the day runs
 * in a blink; every ticket's journey is printed at the end.
 */
public final class HelpDeskDay {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  /** A clock the day moves forward. */
  static final class DayClock extends Clock {
    private Instant now;

    DayClock(Instant start) {
      now = start;
    }

    Instant at(int hour, int minute) {
      Instant day = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      now = day.plus(Duration.ofHours(hour).plusMinutes(minute));
      return now;
    }

    void nextDay() {
      now = now.plus(Duration.ofDays(1));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private HelpDeskDay() {}

  public static void main(String[] args) {
    DayClock clock = new DayClock(Instant.parse("2026-03-02T00:00:00Z"));
    List<Notification> mail = new ArrayList<>();
    Notifier outbox = mail::add;
    Department purchasing = new Department(DepartmentId.of("purchasing"), "Purchasing", "purchasing@acme.example");
    HelpDesk desk = HelpDesk.builder()
        .clock(clock)
        .ownership(Ownership.FIRST_LINE_CLOSES)
        .departments(purchasing)
        .notifier(outbox)
        .statusUpdateEvery(Duration.ofHours(6))
        .build();

    Actor lucia = Actor.technician(TechnicianId.of("lucia"));
    Actor pablo = Actor.technician(TechnicianId.of("pablo"));
    Actor mario = Actor.technician(TechnicianId.of("mario"));
    Actor elena = Actor.technician(TechnicianId.of("elena"));
    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE).withEmail("lucia@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("pablo"), "Pablo", Tier.FIRST_LINE).withEmail("pablo@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("mario"), "Mario", Tier.SPECIALISTS).withSkill("networks", 4)
        .withEmail("mario@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("elena"), "Elena", Tier.EXPERTS)
        .withSupportModes(SupportMode.ON_SITE, SupportMode.REMOTE_DESKTOP).withEmail("elena@acme.example"));

    CustomerDetails ana = CustomerDetails.named("Ana Pérez").email("ana@acme.example").phone("+34 600 123 456")
        .locale(Locale.forLanguageTag("es"));
    CustomerDetails bruno = CustomerDetails.named("Bruno Díaz").email("bruno@acme.example");
    CustomerDetails carla = CustomerDetails.named("Carla Gómez").phone("+34 611 222 333");

    // Last Monday Mario fixed Carla's VPN; the warranty still runs.
    Ticket vpn = desk.receive(InboundContact.of(Channel.PHONE, carla, "VPN drops every ten minutes", "",
        clock.at(10, 0)));
    desk.escalate(lucia, vpn.id(), Escalation.toNextTier("Needs the VPN concentrator logs"));
    desk.startWork(mario, vpn.id());
    desk.resolve(mario, vpn.id(), Solution.of("Raised the VPN idle timeout to 60 minutes.").confirmedByCustomer());
    for (int i = 0; i < 7; i++) {
      clock.nextDay();
    }

    System.out.println("=== Monday at the help desk ===\n");

    // 08:05 A walk-in with a general question, answered and closed at once.
    Ticket wifi = desk.receive(InboundContact.of(Channel.WALK_IN, CustomerDetails.named("Visitor at reception"),
        "How do I join the guest Wi-Fi?", "", clock.at(8, 5)));
    desk.resolve(lucia, wifi.id(), Solution.of("Network 'Acme-Guest', code on the reception card.").atFirstContact());

    // 08:40 Ana calls: her laptop freezes when docked. OS and memory go on the ticket.
    Ticket freeze = desk.receive(InboundContact.of(Channel.PHONE, ana, "El portátil se congela al acoplarlo",
        "Se congela una vez por hora, solo en la base.", clock.at(8, 40))
        .withSystemInformation(new SystemInformation.Computer("Windows 11 23H2", 16_384, "PC-ANA", "AT-1042")));
    desk.startWork(lucia, freeze.id());
    desk.escalate(lucia, freeze.id(), Escalation.toNextTier("Dock firmware suspected"));

    // 09:15 Bruno emails about the shared drive; Pablo needs to know which folder.
    Ticket drive = desk.receive(InboundContact.of(Channel.EMAIL, bruno, "Cannot open the shared drive",
        "Access denied since this morning.", clock.at(9, 15)).withExternalId("<m1@acme.example>"));
    desk.startWork(pablo, drive.id());
    desk.requestInformation(pablo, drive.id(), "Which drive letter, and which folder?");

    // 10:30 Bruno answers by email; the same email arrives twice and changes nothing the second time.
    InboundContact answer = InboundContact.of(Channel.EMAIL, bruno, "Re: Cannot open the shared drive",
        "S:, the Finance folder.", clock.at(10, 30)).withExternalId("<m2@acme.example>").replyTo(drive.id());
    desk.receive(answer);
    desk.receive(answer);
    desk.resolve(pablo, drive.id(), Solution.of("Added you to Finance-Read.").confirmedByCustomer());

    // 11:00 Carla calls: the VPN drops again. Under warranty it goes straight back to Mario.
    clock.at(11, 0);
    desk.reopen(Actor.customer(vpn.customer()), vpn.id(), "Drops again since this morning");

    // 11:20 Mario finds the dock firmware; the first line follows up with Ana (D-14).
    clock.at(11, 20);
    desk.startWork(mario, freeze.id());
    desk.resolve(mario, freeze.id(), Solution.of("Updated the dock firmware to 1.0.27."));

    // 12:00 Bruno needs a second monitor: purchasing must approve it.
    Ticket monitor = desk.receive(InboundContact.of(Channel.WEB, bruno, "Second monitor", "For the new reports.",
        clock.at(12, 0)).withCategory("hardware"));
    desk.startWork(pablo, monitor.id());
    desk.handOff(pablo, monitor.id(), purchasing.id(), "Approve and order a 27\" monitor");

    // 14:00 Lucía calls Ana back with level 2's solution; Ana confirms on the phone.
    clock.at(14, 0);
    desk.resolve(lucia, freeze.id(), Solution.of("Updated the dock firmware to 1.0.27.").confirmedByCustomer());

    // 15:00 The server room is too hot: level 3, on site.
    Ticket heat = desk.receive(InboundContact.of(Channel.PHONE, carla, "Server room is very hot", "", clock.at(15, 0)));
    desk.escalate(lucia, heat.id(), Escalation.to(Tier.EXPERTS, "Cooling unit, needs someone on site"));
    desk.startWork(elena, heat.id());

    // 16:30 Purchasing has ordered the monitor.
    clock.at(16, 30);
    desk.returnFromDepartment(pablo, monitor.id(), "Ordered, arrives Thursday");
    desk.resolve(pablo, monitor.id(), Solution.of("Monitor ordered; we will install it on Thursday."));

    // 18:00 The desk catches up: courtesy updates for open tickets without news, mail delivery.
    WorkDone evening = desk.advanceTo(clock.at(18, 0));

    System.out.println("Every ticket's journey (D-16):\n");
    for (TicketId id : List.of(vpn.id(), wifi.id(), freeze.id(), drive.id(), monitor.id(), heat.id())) {
      Ticket t = desk.ticket(Actor.supervisor("sam"), id);
      System.out.printf("%s  %-42s %-11s %s%n", t.id(), t.subject(), t.status(), t.tier());
      for (TicketEvent e : desk.history(Actor.supervisor("sam"), id)) {
        System.out.printf("    %s  %-19s -> %-19s %-22s %s%s%n", TIME.format(e.at()), e.from(), e.to(),
            e.change().getClass().getSimpleName(), e.actor(), e.note().isEmpty() ? "" : "  \"" + e.note().text() + "\"");
      }
    }
    System.out.println("\nStill open, oldest first (D-15):");
    System.out.print(desk.workQueue(Actor.supervisor("sam"), TicketQuery.open()));
    System.out.printf("%nEvening advance: %d courtesy updates, %d reminders, %d notifications delivered%n",
        evening.statusUpdates(), evening.reminders(), evening.delivered());
    System.out.printf("Notifications sent: %d; the first in Spanish: \"%s\"%n", mail.size(),
        mail.stream().filter(n -> n.locale().getLanguage().equals("es")).findFirst().map(Notification::subject)
            .orElse("none"));
  }
}
