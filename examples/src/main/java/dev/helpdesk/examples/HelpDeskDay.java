package dev.helpdesk.examples;

import dev.helpdesk.core.Escalation;
import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.Ownership;
import dev.helpdesk.core.Solution;
import dev.helpdesk.core.Suggestions;
import dev.helpdesk.core.WorkDone;
import dev.helpdesk.core.analytics.DeskReport;
import dev.helpdesk.core.analytics.HourOfWeek;
import dev.helpdesk.core.analytics.QueueForecast;
import dev.helpdesk.core.analytics.ServiceTarget;
import dev.helpdesk.core.analytics.Staffing;
import dev.helpdesk.core.analytics.StaffingPlan;
import dev.helpdesk.core.analytics.StaffingRequirement;
import dev.helpdesk.core.sla.BusinessCalendar;
import dev.helpdesk.core.sla.SlaPolicy;
import dev.helpdesk.core.sla.SlaTargets;
import dev.helpdesk.kb.ArticleMatch;
import dev.helpdesk.kb.flow.FlowSession;
import dev.helpdesk.kb.flow.Flowchart;
import dev.helpdesk.kb.flow.Flowcharts;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A day at a help desk, following the seed documents, on a simulated clock so that it runs in a
 * blink and prints the same every time. Walk-ins, calls, emails and chats arrive through Monday 9
 * March 2026 in Madrid. The first line answers what it can at once (D-05) with the knowledge base's
 * search and a yes/no flowchart (D-11), whose dead end escalates; an outage bulletin answers the
 * morning's VPN calls and its fix resolves them all (D-12); a question goes back to the customer and
 * the rest goes up to levels 2 and 3 (D-13, D-06, D-07); a ticket is handed to purchasing and back
 * (D-16); a level-2 solution returns to the first line for follow-up (D-14); a problem fixed last
 * week comes back under warranty (D-19); and service levels run on a business calendar, the desk
 * catching up every hour (issue 6). The phone system reports its queue, two callers giving up, and
 * customers rate the help they got. At the end, every ticket's journey is printed, then the day's
 * KPI, traffic, queue service-level, technician and trend reports (D-20…D-24) with a staffing plan
 * for the phones, and the charts (SVG) and tables (CSV) are written to a folder.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -DskipTests -Pexample}; the folder is the
 * first argument, else {@code target/helpdesk-day} in the working directory.
 */
public final class HelpDeskDay {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
      .withZone(MADRID);
  private static final DateTimeFormatter CALL_ID = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT).withZone(MADRID);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
      Locale.ENGLISH).withZone(MADRID);

  private static final Actor SAM = Actor.supervisor("sam");
  private static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  private static final Actor PABLO = Actor.technician(TechnicianId.of("pablo"));
  private static final Actor MARIO = Actor.technician(TechnicianId.of("mario"));
  private static final Actor IRENE = Actor.technician(TechnicianId.of("irene"));
  private static final Actor ELENA = Actor.technician(TechnicianId.of("elena"));

  /** The simulated clock: moved by the story, read by the desk. */
  static final class DayClock extends Clock {
    private Instant now;

    DayClock(Instant start) {
      now = start;
    }

    /** Moves to a Madrid wall-clock time on a given day. */
    Instant set(LocalDate day, int hour, int minute) {
      now = day.atTime(hour, minute).atZone(MADRID).toInstant();
      return now;
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
      throw new UnsupportedOperationException("the day runs on one clock");
    }
  }

  private final PrintStream out;
  private final DayClock clock = new DayClock(MONDAY.minusWeeks(1).atTime(8, 0).atZone(MADRID).toInstant());
  private final List<Notification> sent = new ArrayList<>();
  private final HelpDesk desk;
  private final List<TicketId> featured = new ArrayList<>();
  private int courtesyUpdates;
  private int reminders;

  HelpDeskDay(PrintStream out) {
    this.out = out;
    Notifier outbox = sent::add;
    Department purchasing = new Department(DepartmentId.of("purchasing"), "Purchasing", "purchasing@acme.example");
    // Working hours in Madrid; the clocks of a ticket that waits on its customer or on another
    // department stop meanwhile.
    BusinessCalendar calendar = BusinessCalendar.builder(MADRID).weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0))
        .holiday(LocalDate.of(2026, 4, 3)).build();
    SlaPolicy standard = SlaPolicy.named("standard")
        .targets(Priority.HIGH, SlaTargets.of(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(4)))
        .targets(Priority.MEDIUM, SlaTargets.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8)))
        .pausedWhile(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WITH_DEPARTMENT)
        .build();
    desk = HelpDesk.builder()
        .clock(clock)
        .ownership(Ownership.FIRST_LINE_CLOSES)
        .departments(purchasing)
        .notifier(outbox)
        .statusUpdateEvery(Duration.ofHours(6))
        .slaPolicies(standard)
        .businessCalendar(calendar)
        .supervisor(new Recipient(Recipient.Kind.SUPERVISOR, "sam", "Sam", "sam@acme.example"))
        .build();

    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE)
        .withEmail("lucia@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("pablo"), "Pablo", Tier.FIRST_LINE)
        .withEmail("pablo@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("mario"), "Mario", Tier.SPECIALISTS).withSkill("networks", 4)
        .withEmail("mario@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("irene"), "Irene", Tier.SPECIALISTS).withSkill("printers", 4)
        .withEmail("irene@acme.example"));
    desk.addTechnician(Technician.of(TechnicianId.of("elena"), "Elena", Tier.EXPERTS)
        .withSupportModes(SupportMode.ON_SITE, SupportMode.REMOTE_DESKTOP).withEmail("elena@acme.example"));
  }

  /**
   * Runs the day, prints it to standard output, and writes the end-of-day charts and tables to a
   * folder.
   *
   * @param args the folder for the charts and tables, if given; else {@code target/helpdesk-day}
   */
  public static void main(String[] args) {
    new HelpDeskDay(System.out).run(args.length > 0 ? Path.of(args[0]) : Path.of("target", "helpdesk-day"));
  }

  void run(Path folder) {
    lastWeek();
    today();
    endOfDay();
    reports(folder);
  }

  /** What the desk knew before Monday: its articles, and a fix still under warranty. */
  private void lastWeek() {
    LocalDate lastMonday = MONDAY.minusWeeks(1);
    clock.set(lastMonday, 9, 0);
    Locale en = Locale.ENGLISH;
    Locale es = Locale.forLanguageTag("es");
    publish(Article.draft(ArticleId.of("kb-guest-wifi"), en, "Joining the guest Wi-Fi",
        "A visitor cannot connect a laptop or phone to the wireless network.",
        List.of("Choose the network 'Acme-Guest'.", "Enter the code printed on the reception card."), clock.instant())
        .withKeywords(List.of("wifi", "visitor", "guest")).withCategory("network").withAudience(Visibility.PUBLIC));
    publish(Article.draft(ArticleId.of("kb-outlook-password"), en, "Outlook keeps asking for the password",
        "Outlook shows the password prompt again and again, even after typing the right password.",
        List.of("Open the Credential Manager and remove the entries for Outlook and Office.",
            "Restart Outlook and sign in once."), clock.instant())
        .withKeywords(List.of("outlook", "password prompt")).withCategory("email").withAudience(Visibility.PUBLIC));
    publish(Article.draft(ArticleId.of("kb-cambiar-contrasena"), es, "Cambiar la contraseña del correo",
        "El usuario quiere cambiar su contraseña o la ha olvidado.",
        List.of("Abra el portal de autoservicio.", "Elija 'Cambiar contraseña' y siga los pasos."), clock.instant())
        .withCategory("email").withAudience(Visibility.PUBLIC));
    publish(Article.draft(ArticleId.of("kb-print-queue-stuck"), en, "Documents stuck in the print queue",
        "Jobs wait in the queue with the status Error and nothing prints.",
        List.of("Cancel every document in the queue.", "Restart the Print Spooler service, then print again."),
        clock.instant()).withKeywords(List.of("printer", "spooler")).withCategory("printing"));
    publish(Article.draft(ArticleId.of("kb-dock-firmware"), en, "Laptop freezes when docked",
        "The laptop freezes about once an hour, only on the docking station.",
        List.of("Update the docking station's firmware from the vendor's tool.", "Undock and dock again."),
        clock.instant()).withKeywords(List.of("dock", "freeze")).withCategory("hardware"));

    // Carla's calendar stopped syncing; Mario fixed it, and the warranty still runs on Monday.
    Ticket calendar = desk.receive(InboundContact.of(Channel.PHONE, carla(), "Outlook calendar stopped syncing", "",
        clock.set(lastMonday, 10, 0)));
    featured.add(calendar.id());
    desk.escalate(LUCIA, calendar.id(), Escalation.toNextTier("Mailbox sync, needs the Exchange logs"));
    desk.startWork(MARIO, calendar.id());
    desk.resolve(MARIO, calendar.id(),
        Solution.of("Rebuilt the calendar folder's sync state on the server.").confirmedByCustomer());
  }

  private void publish(Article draft) {
    desk.writeArticle(LUCIA, draft);
    desk.publishArticle(LUCIA, draft.id());
  }

  private static CustomerDetails ana() {
    return CustomerDetails.named("Ana Pérez").email("ana@acme.example").phone("+34 600 123 456")
        .locale(Locale.forLanguageTag("es"));
  }

  private static CustomerDetails bruno() {
    return CustomerDetails.named("Bruno Díaz").email("bruno@acme.example");
  }

  private static CustomerDetails carla() {
    return CustomerDetails.named("Carla Gómez").phone("+34 611 222 333");
  }

  /** Moves the clock to a time of the day, letting the desk catch up on every hour passed meanwhile. */
  private Instant at(int hour, int minute) {
    Instant target = MONDAY.atTime(hour, minute).atZone(MADRID).toInstant();
    if (target.isBefore(clock.instant())) {
      throw new IllegalStateException("the story went back in time, to " + TIME.format(target));
    }
    Instant next = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    while (next.isBefore(target)) {
      catchUp(next);
      next = next.plus(Duration.ofHours(1));
    }
    clock.now = target;
    return target;
  }

  private WorkDone catchUp(Instant now) {
    clock.now = now;
    WorkDone done = desk.advanceTo(now);
    courtesyUpdates += done.statusUpdates();
    reminders += done.reminders();
    return done;
  }

  private void say(String what) {
    out.printf("%s  %s%n", TIME.format(clock.instant()), what);
  }

  private Ticket receive(InboundContact contact) {
    Ticket ticket = desk.receive(contact);
    featured.add(ticket.id());
    return ticket;
  }

  private void today() {
    out.println("=== Monday 9 March 2026 at the Acme help desk (Madrid) ===");
    out.println();

    // A walk-in with a general question: Lucía finds the answer in the knowledge base (D-11).
    Ticket wifi = receive(InboundContact.of(Channel.WALK_IN, CustomerDetails.named("Visitor at reception"),
        "How do I join the guest Wi-Fi?", "", at(8, 5)));
    ArticleMatch guest = desk.searchArticles(LUCIA, "guest wifi").get(0);
    desk.resolve(LUCIA, wifi.id(), Solution.of(String.join(" ", guest.article().solutionSteps()))
        .usingArticle(guest.article().id()).atFirstContact());
    say(wifi.id() + " walk-in: \"" + wifi.subject() + "\" -> Lucía finds \"" + guest.article().title()
        + "\", solved at first contact");

    // Carla helps herself on the self-service portal: public articles only, and no ticket follows (D-23).
    at(8, 20);
    List<ArticleMatch> selfHelp = desk.searchArticles(Actor.customer(desk.ticket(SAM, featured.get(0)).customer()),
        "olvidé mi contrasena");
    say("Carla searches the portal for \"olvidé mi contrasena\" (no tilde) and finds " + titles(selfHelp, 1)
        + "; no ticket");

    // Ana calls: her laptop freezes when docked. OS and memory go on the ticket (D-04).
    Ticket freeze = call(InboundContact.of(Channel.PHONE, ana(), "El portátil se congela al acoplarlo",
        "Se congela una vez por hora, solo en la base.", at(8, 40))
        .withSystemInformation(new SystemInformation.Computer("Windows 11 23H2", 16_384, "PC-ANA", "AT-1042")), 12);
    desk.startWork(LUCIA, freeze.id());
    desk.escalate(LUCIA, freeze.id(), Escalation.toNextTier("Dock firmware suspected"));
    say(freeze.id() + " call from Ana: laptop freezes when docked -> escalated to level 2");

    // An outage: the VPN gateway's certificate expired. Sam posts a bulletin for the front line (D-12).
    Bulletin vpnDown = desk.postBulletin(SAM, Bulletin.post(BulletinId.of("vpn-outage"), SAM, "VPN is down",
        "The VPN gateway refuses every connection since 08:45: its certificate expired.",
        "We know about it and are renewing the certificate; the VPN should be back before noon.",
        at(8, 55), clock.instant().plus(Duration.ofHours(10)))
        .withAffectedServices(Set.of("vpn")).withKeywords(Set.of("vpn", "remote access")));
    say("Sam posts the bulletin \"" + vpnDown.title() + "\": the front line sees it, new tickets about it are linked");

    // The outage fills the phone queue: one caller gives up before anyone answers (D-21).
    missedCall(at(9, 2), 95);
    say("a caller hangs up after 95 s in the queue: a missed call, no ticket");
    Ticket vpn1 = call(InboundContact.of(Channel.PHONE, CustomerDetails.named("Elisa Martín").phone("+34 622 1"),
        "Cannot connect to the VPN from home", "", at(9, 5)), 50);
    Ticket vpn2 = receive(InboundContact.of(Channel.EMAIL, CustomerDetails.named("Fernando Gil")
        .email("fernando@acme.example"), "VPN error 809", "The VPN client says error 809.", at(9, 12)));
    Ticket vpn3 = receive(InboundContact.of(Channel.CHAT, CustomerDetails.named("Gloria Sanz")
        .email("gloria@acme.example"), "la vpn no conecta", "", at(9, 30)));
    say(vpn1.id() + ", " + vpn2.id() + ", " + vpn3.id() + " (phone, email, chat) about the VPN -> linked to the "
        + "bulletin, each customer told its answer at once");

    // Bruno emails about the shared drive; Pablo needs to know which folder (D-13).
    Ticket drive = receive(InboundContact.of(Channel.EMAIL, bruno(), "Cannot open the shared drive",
        "Access denied since this morning.", at(9, 35)).withExternalId("<m1@acme.example>"));
    desk.startWork(PABLO, drive.id());
    desk.requestInformation(PABLO, drive.id(), "Which drive letter, and which folder?");
    say(drive.id() + " email from Bruno: shared drive -> Pablo asks which folder; the SLA clock stops meanwhile");

    // A printer that does not print: Lucía walks the flowchart with the customer (D-11).
    Flowchart printer = Flowcharts.printerDoesNotPrint(Locale.ENGLISH);
    Ticket print1 = call(InboundContact.of(Channel.PHONE, CustomerDetails.named("Hugo León").phone("+34 633 4"),
        "The printer does not print", "My documents never come out.", at(9, 45)).withCategory("printing"), 8);
    desk.startWork(LUCIA, print1.id());
    // Switched on; no error light; the document is in the queue, marked "Error".
    FlowSession walk = printer.newSession().answer(true).answer(false).answer(true).answer(true);
    desk.followFlowchart(LUCIA, print1.id(), walk.outcome());
    var solved = walk.outcome().solution().orElseThrow();
    desk.resolve(LUCIA, print1.id(), Solution.of(solved.text()).usingArticle(solved.article().orElseThrow())
        .confirmedByCustomer());
    say(print1.id() + " call from Hugo: printer -> flowchart, 4 answers, solution \"" + solved.article().orElseThrow()
        + "\", confirmed");

    // Bruno answers by email; the same email arrives twice and changes nothing the second time.
    InboundContact answer = InboundContact.of(Channel.EMAIL, bruno(), "Re: Cannot open the shared drive",
        "S:, the Finance folder.", at(10, 30)).withExternalId("<m2@acme.example>").replyTo(drive.id());
    desk.receive(answer);
    desk.receive(answer);
    desk.resolve(PABLO, drive.id(), Solution.of("Added you to Finance-Read.").confirmedByCustomer());
    say(drive.id() + " Bruno answers (the same email twice, taken once) -> Pablo grants access, confirmed");

    // A call Pablo has not seen before: the desk suggests an article, and his typed search has a typo.
    Ticket outlook = call(InboundContact.of(Channel.PHONE, CustomerDetails.named("Inés Vidal").phone("+34 644 5"),
        "Outlook asks for my password all the time", "", at(10, 40)).withCategory("email"), 15);
    desk.startWork(PABLO, outlook.id());
    Suggestions suggested = desk.suggest(PABLO, outlook.id());
    List<ArticleMatch> typed = desk.searchArticles(PABLO, "outlok pasword");
    ArticleMatch best = typed.get(0);
    desk.resolve(PABLO, outlook.id(), Solution.of(String.join(" ", best.article().solutionSteps()))
        .usingArticle(best.article().id()).atFirstContact());
    say(outlook.id() + " call from Inés: the desk suggests " + titles(suggested.articles(), 1)
        + "; Pablo's search \"outlok pasword\" finds it too -> solved at first contact");

    // Carla calls: the calendar stopped syncing again. Under warranty it goes back to Mario (D-19).
    at(11, 0);
    desk.reopen(Actor.customer(desk.ticket(SAM, featured.get(0)).customer()), featured.get(0),
        "Stopped syncing again since this morning");
    say(featured.get(0) + " Carla: the calendar stopped syncing again -> reopened under warranty, back to Mario");

    // Mario finds the dock firmware; the first line follows up with Ana (D-14).
    at(11, 20);
    desk.startWork(MARIO, freeze.id());
    desk.resolve(MARIO, freeze.id(), Solution.of("Updated the dock firmware to 1.0.27.")
        .usingArticle(ArticleId.of("kb-dock-firmware")));
    say(freeze.id() + " Mario updates the dock firmware -> back to Lucía for follow-up with Ana");

    // Another printer, and this time the flowchart reaches a dead end: it escalates to level 2 printers.
    Ticket print2 = call(InboundContact.of(Channel.PHONE, CustomerDetails.named("Julia Moreno").phone("+34 655 6"),
        "Printer on floor 2 shows an error", "", at(11, 30)).withCategory("printing"), 25);
    desk.startWork(LUCIA, print2.id());
    // Switched on; an error light; no jam; paper in the tray; toner fine: an error nobody here knows.
    FlowSession deadEnd = printer.newSession().answer(true).answer(true).answer(false).answer(true).answer(false);
    Ticket escalated = desk.followFlowchart(LUCIA, print2.id(), deadEnd.outcome());
    say(print2.id() + " call from Julia: printer -> flowchart dead end -> escalated to " + escalated.tier()
        + " needing " + escalated.requiredSkills().keySet() + ", answers attached");
    desk.startWork(IRENE, print2.id());

    // The VPN is back: fixing the bulletin resolves every ticket linked to it (D-12).
    at(11, 50);
    List<Ticket> fixed = desk.fixBulletin(SAM, vpnDown.id(), "Renewed the VPN gateway's certificate: connect again.");
    say("Sam marks the VPN fixed -> " + fixed.size() + " linked tickets resolved, each customer told");

    // Bruno needs a second monitor: purchasing must approve it (D-13, D-16).
    Ticket monitor = receive(InboundContact.of(Channel.WEB, bruno(), "Second monitor", "For the new reports.",
        at(12, 0)).withCategory("hardware"));
    desk.startWork(PABLO, monitor.id());
    desk.handOff(PABLO, monitor.id(), DepartmentId.of("purchasing"), "Approve and order a 27\" monitor");
    say(monitor.id() + " Bruno asks for a second monitor -> handed off to purchasing");

    // Lunchtime, one person on the phones: another caller gives up.
    missedCall(at(12, 40), 40);
    say("a caller hangs up after 40 s in the queue: a missed call, no ticket");

    // Irene finds the printer's fault; Lucía calls Julia and Ana back (D-14).
    at(13, 10);
    desk.resolve(IRENE, print2.id(), Solution.of("Fuser error 50.4: replaced the fuser unit."));
    at(14, 0);
    desk.resolve(LUCIA, freeze.id(), Solution.of("Updated the dock firmware to 1.0.27.").confirmedByCustomer());
    desk.resolve(LUCIA, print2.id(), Solution.of("Replaced the fuser unit; the printer works again.")
        .confirmedByCustomer());
    say(freeze.id() + ", " + print2.id() + " Lucía calls Ana and Julia back with level 2's solutions: confirmed");

    // The server room is too hot: high priority, level 3, on site (D-07). Carla waited longer than the
    // phones' 20-second target.
    Ticket heat = call(InboundContact.of(Channel.PHONE, carla(), "Server room is very hot", "", at(15, 0)), 35);
    desk.changePriority(LUCIA, heat.id(), Priority.HIGH);
    desk.escalate(LUCIA, heat.id(), Escalation.to(Tier.EXPERTS, "Cooling unit, needs someone on site"));
    desk.startWork(ELENA, heat.id());
    say(heat.id() + " Carla: the server room is very hot -> high priority, level 3, Elena on site");

    // Purchasing has ordered the monitor.
    at(16, 30);
    desk.returnFromDepartment(PABLO, monitor.id(), "Ordered, arrives Thursday");
    desk.resolve(PABLO, monitor.id(), Solution.of("Monitor ordered; we will install it on Thursday."));
    say(monitor.id() + " purchasing has ordered the monitor -> back, resolved: install on Thursday");

    // Customers rate the help they got (D-24).
    at(17, 0);
    rate(freeze, 5, "¡Por fin funciona, gracias!");
    rate(drive, 4, "");
    rate(print1, 5, "Quick and clear.");
    rate(vpn1, 2, "Half a morning without the VPN.");
    say("Ana, Bruno, Hugo and Elisa rate the help they got: 5, 4, 5 and 2");

    // The desk closes: it catches up on the last hours (SLA, courtesy updates, mail).
    at(18, 0);
    catchUp(clock.instant());
    say("the desk closes");
  }

  /**
   * A call the phone system queued: it reports when the call came in and when someone answered,
   * then the call opens a ticket under its call id, so the queue figures join the ticket.
   */
  private Ticket call(InboundContact contact, int waitedSeconds) {
    ContactReference callId = new ContactReference(Channel.PHONE, "call-" + CALL_ID.format(contact.receivedAt()));
    Duration waited = Duration.ofSeconds(waitedSeconds);
    desk.report(QueueEvent.offered(callId, contact.receivedAt().minus(waited)));
    desk.report(QueueEvent.answered(callId, contact.receivedAt(), waited));
    return receive(contact.withExternalId(callId.externalId()));
  }

  /** A caller who gave up in the phone queue: the queue reports it, and no ticket is ever opened. */
  private void missedCall(Instant offered, int waitedSeconds) {
    ContactReference callId = new ContactReference(Channel.PHONE, "call-" + CALL_ID.format(offered));
    Duration waited = Duration.ofSeconds(waitedSeconds);
    desk.report(QueueEvent.offered(callId, offered));
    desk.report(QueueEvent.abandoned(callId, offered.plus(waited), waited));
  }

  private void rate(Ticket ticket, int score, String comment) {
    desk.rate(Actor.customer(ticket.customer()), ticket.id(), score, comment);
  }

  private static String titles(List<ArticleMatch> matches, int most) {
    List<String> titles = new ArrayList<>();
    for (ArticleMatch m : matches.subList(0, Math.min(most, matches.size()))) {
      titles.add("\"" + m.article().title() + "\"");
    }
    return titles.isEmpty() ? "nothing" : String.join(", ", titles);
  }

  private void endOfDay() {
    out.println();
    out.println("Every ticket's journey (D-16):");
    for (TicketId id : featured) {
      printJourney(id);
    }

    out.println();
    out.println("Still open, oldest first (D-15):");
    out.print(desk.workQueue(SAM, TicketQuery.open()));

    out.println();
    out.printf("Self-service searches by customers: %d, deflected (no ticket within the hour): %d%n",
        desk.deflection().searches(), desk.deflection().deflected());
    out.printf("Time-driven work through the day: %d courtesy updates, %d reminders%n", courtesyUpdates, reminders);
    out.printf("Notifications sent: %d; the first in Spanish: \"%s\"%n", sent.size(),
        sent.stream().filter(n -> n.locale().getLanguage().equals("es")).findFirst().map(Notification::subject)
            .orElse("none"));
  }

  /**
   * The end-of-day reports (D-20…D-24), a staffing plan for the phones from the day's measured
   * calls, and every chart and table written to a folder.
   */
  private void reports(Path folder) {
    Instant from = MONDAY.atStartOfDay(MADRID).toInstant();
    Instant to = MONDAY.plusDays(1).atStartOfDay(MADRID).toInstant();
    // The day's clock keeps UTC, as a server's would; the desk's hours are Madrid's.
    DeskReport report = desk.analytics().report(desk.reportOptions(from, to).zone(MADRID).build());
    out.println();
    out.println("=== End of the day: the reports of Monday 00:00 to 24:00 in Madrid (D-20…D-24) ===");
    out.println();
    out.print(report.kpis());
    out.println();
    // The report is one day's: the other six days' rows of its hour-of-week grid are empty.
    out.print(report.traffic().toString().replaceAll("(?m)^(Tue|Wed|Thu|Fri|Sat|Sun)[ .]*\\R", ""));
    out.println();
    out.print(report.queue());
    out.println();
    out.print(report.technicians());
    out.println();
    out.print(report.trends());

    // Six minutes a call and 30 % of paid time away from the phones are the desk's own assumptions.
    ServiceTarget target = ServiceTarget.answeredWithin(0.8, Duration.ofSeconds(20));
    StaffingPlan plan = Staffing.to(target).shrinkage(0.3)
        .plan(report.traffic(), Set.of(Channel.PHONE), Duration.ofMinutes(6), Optional.empty());
    out.println();
    printStaffing(plan, target);

    Map<String, String> files = new LinkedHashMap<>(report.charts());
    files.put("staffing.svg", plan.toSvg());
    files.put("kpis.csv", report.kpis().toCsv());
    files.put("traffic.csv", report.traffic().toCsv());
    files.put("queue.csv", report.queue().toCsv());
    files.put("queue-stats.csv", report.queue().toStatsCsv());
    files.put("technicians.csv", report.technicians().toCsv());
    files.put("trends.csv", report.trends().toCsv());
    files.put("staffing.csv", plan.toCsv());
    Path written = write(folder, files);
    out.println();
    out.println("Charts and tables written to " + written + ":");
    out.println("  " + String.join(", ", files.keySet()));
  }

  /** The plan for the hours the desk was open, as a supervisor reads it; the files hold the whole week. */
  private void printStaffing(StaffingPlan plan, ServiceTarget target) {
    out.printf("Staffing the phones to %s (Erlang C, 6 min a call, shrinkage %.0f %%), from %s's calls:%n", target,
        100 * plan.staffing().shrinkage(), MONDAY.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    out.println("  hour   calls  erlangs  agents  schedule  forecast");
    for (int hour = 8; hour < 18; hour++) {
      StaffingRequirement need = plan.requirement(new HourOfWeek(MONDAY.getDayOfWeek(), hour));
      QueueForecast forecast = need.forecast();
      out.println(String.format(Locale.ROOT, "  %02d:00  %5.0f  %7.2f  %6d  %8d  %s", hour,
          need.workload().arrivals(), forecast.erlangs(), need.agents(), need.scheduled(),
          need.agents() == 0 ? "no calls" : String.format(Locale.ROOT, "%.1f %% within %d s, ASA %.1f s",
              100 * forecast.serviceLevel(), forecast.answerWithin().toSeconds(),
              forecast.averageSpeedOfAnswerSeconds())).stripTrailing());
    }
    out.printf("Agent-hours a week on the schedule: %d, peak %d agents%n", plan.scheduledAgentHours(),
        plan.peakScheduled());
  }

  /** Writes each file into the folder, creating it, and returns the folder's absolute path. */
  private static Path write(Path folder, Map<String, String> files) {
    try {
      Path dir = Files.createDirectories(folder).toAbsolutePath().normalize();
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports to " + folder.toAbsolutePath(), e);
    }
  }

  private void printJourney(TicketId id) {
    Ticket t = desk.ticket(SAM, id);
    out.printf("%n%s  %s  [%s, %s%s]%n", t.id(), t.subject(), t.status(), t.tier(),
        t.slaPolicy().map(p -> ", SLA " + p + " " + slaSummary(t)).orElse(""));
    for (TicketEvent e : desk.history(SAM, id)) {
      if (e.change() instanceof TicketEvent.SlaPolicyApplied) {
        continue; // shown on the ticket's line
      }
      String when = e.at().isBefore(MONDAY.atStartOfDay(MADRID).toInstant()) ? DAY_AND_TIME.format(e.at())
          : TIME.format(e.at());
      String note = e.note().isEmpty() ? "" : "\"" + firstLine(e.note().text()) + "\"";
      out.println(String.format("  %-15s %-38s %-18s %s", when, describe(e.change()), e.actor(), note)
          .stripTrailing());
    }
  }

  private static String slaSummary(Ticket t) {
    long met = t.slaResults().stream().filter(SlaResult::met).count();
    return met + "/" + t.slaResults().size() + " targets met";
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() <= 60 ? line : line.substring(0, 59) + "…";
  }

  /** A change in a few words, as a help desk would say it. */
  static String describe(TicketEvent.Change change) {
    if (change instanceof TicketEvent.Opened c) {
      return "opened (" + c.channel().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
    } else if (change instanceof TicketEvent.Assigned c) {
      return "assigned to " + c.technician();
    } else if (change instanceof TicketEvent.WorkStarted) {
      return "work started";
    } else if (change instanceof TicketEvent.InformationRequested) {
      return "asked the customer";
    } else if (change instanceof TicketEvent.CustomerReplied) {
      return "customer replied";
    } else if (change instanceof TicketEvent.Escalated c) {
      return "escalated to " + c.toTier();
    } else if (change instanceof TicketEvent.ReturnedForFollowUp c) {
      return "back to " + c.toTier() + " for follow-up";
    } else if (change instanceof TicketEvent.HandedOff c) {
      return "handed off to " + c.department();
    } else if (change instanceof TicketEvent.ReturnedFromDepartment c) {
      return "back from " + c.department();
    } else if (change instanceof TicketEvent.Resolved c) {
      return "resolved" + c.resolution().article().map(a -> " with " + a).orElse("");
    } else if (change instanceof TicketEvent.Closed c) {
      return "closed (" + c.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    } else if (change instanceof TicketEvent.Reopened c) {
      return c.underWarranty() ? "reopened under warranty" : "reopened";
    } else if (change instanceof TicketEvent.BulletinLinked c) {
      return "linked to bulletin " + c.bulletin();
    } else if (change instanceof TicketEvent.FlowchartFollowed c) {
      return "flowchart walked: " + c.outcome();
    } else if (change instanceof TicketEvent.SlaWarning c) {
      return "SLA warning: " + name(c.target()) + " at " + c.percent() + "%";
    } else if (change instanceof TicketEvent.SlaBreached c) {
      return "SLA breached: " + name(c.target());
    } else if (change instanceof TicketEvent.StatusUpdateSent) {
      return "courtesy update to the customer";
    } else if (change instanceof TicketEvent.ReminderSent) {
      return "reminder to the owner";
    } else if (change instanceof TicketEvent.PriorityChanged c) {
      return "priority " + c.fromPriority() + " -> " + c.toPriority();
    } else if (change instanceof TicketEvent.Rated c) {
      return "rated " + c.score() + "/" + TicketEvent.Rated.HIGHEST + " by the customer";
    }
    return change.getClass().getSimpleName();
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
