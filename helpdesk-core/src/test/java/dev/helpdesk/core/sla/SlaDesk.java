package dev.helpdesk.core.sla;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A desk with service levels for tests, on a clock the test moves by hand: Lucía and Pablo at the
 * first line, Mario at level 2, Sam supervising; purchasing as another department.
 */
final class SlaDesk {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  static final Actor PABLO = Actor.technician(TechnicianId.of("pablo"));
  static final Actor MARIO = Actor.technician(TechnicianId.of("mario"));
  static final Actor SAM = Actor.supervisor("sam");
  static final Recipient SUPERVISOR = new Recipient(Recipient.Kind.SUPERVISOR, "sam", "Sam", "sam@desk.example");
  static final Department PURCHASING = new Department(DepartmentId.of("purchasing"), "Purchasing",
      "purchasing@example.com");

  /** A clock moved by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      now = start;
    }

    Instant set(Instant to) {
      now = to;
      return now;
    }

    Instant advance(Duration by) {
      return set(now.plus(by));
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

  /** Keeps every notification delivered. */
  static final class Inbox implements Notifier {
    final List<Notification> delivered = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Notification notification) {
      delivered.add(notification);
    }

    List<Notification> to(String recipient, NotificationKind kind) {
      return delivered.stream().filter(n -> n.recipient().id().equals(recipient) && n.kind() == kind).toList();
    }
  }

  final HandClock clock;
  final Inbox inbox = new Inbox();
  final TicketStore store;
  final HelpDesk desk;

  SlaDesk(Instant start, UnaryOperator<HelpDesk.Builder> options) {
    this(start, new InMemoryTicketStore(), options);
  }

  SlaDesk(Instant start, TicketStore store, UnaryOperator<HelpDesk.Builder> options) {
    this.clock = new HandClock(start);
    this.store = store;
    desk = options.apply(HelpDesk.builder().clock(clock).notifier(inbox).ticketStore(store).departments(PURCHASING))
        .build();
    if (desk.technicians().isEmpty()) {
      desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE)
          .withEmail("lucia@desk.example"));
      desk.addTechnician(Technician.of(TechnicianId.of("pablo"), "Pablo", Tier.FIRST_LINE)
          .withEmail("pablo@desk.example"));
      desk.addTechnician(Technician.of(TechnicianId.of("mario"), "Mario", Tier.SPECIALISTS)
          .withEmail("mario@desk.example"));
    }
  }

  /** An instant given as Madrid wall-clock time. */
  static Instant madrid(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
  }

  /** Moves the clock to a Madrid wall-clock time. */
  Instant at(String localDateTime) {
    return clock.set(madrid(localDateTime));
  }

  Instant later(Duration by) {
    return clock.advance(by);
  }

  Ticket email(String subject) {
    return receive(Channel.EMAIL, subject, CustomerDetails.named("Ana Pérez").email("ana@example.com"));
  }

  Ticket call(String subject) {
    return receive(Channel.PHONE, subject, CustomerDetails.named("Ana Pérez").email("ana@example.com"));
  }

  Ticket receive(Channel channel, String subject, CustomerDetails customer) {
    return desk.receive(InboundContact.of(channel, customer, subject, "", clock.instant()));
  }

  Ticket get(TicketId id) {
    return desk.ticket(SAM, id);
  }

  Actor customerOf(Ticket ticket) {
    return Actor.customer(ticket.customer());
  }

  <C extends TicketEvent.Change> List<C> recorded(TicketId id, Class<C> type) {
    return desk.history(SAM, id).stream().map(TicketEvent::change).filter(type::isInstance).map(type::cast).toList();
  }
}
