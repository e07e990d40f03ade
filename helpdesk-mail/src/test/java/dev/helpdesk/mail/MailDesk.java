package dev.helpdesk.mail;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.core.memory.InMemoryCustomerStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real desk fed by a mail channel, for tests: Lucía works at the first line, Sam supervises. */
final class MailDesk {
  static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
  static final Actor LUCIA = Actor.technician(TechnicianId.of("lucia"));
  static final Actor SAM = Actor.supervisor("sam");

  final TestClock clock = new TestClock(MONDAY_9AM);
  final InMemoryTicketStore store = new InMemoryTicketStore();
  final InMemoryCustomerStore customers = new InMemoryCustomerStore();
  final RecordingNotifier recorded = new RecordingNotifier();
  final MailChannel channel;
  final HelpDesk desk;

  MailDesk() {
    this(b -> b);
  }

  MailDesk(UnaryOperator<MailChannel.Builder> channelOptions) {
    this(channelOptions, null, null);
  }

  /** A desk with its own notifier (null: recorded) and ticket store (null: in memory, {@link #store}). */
  MailDesk(UnaryOperator<MailChannel.Builder> channelOptions, Notifier notifier, TicketStore tickets) {
    this(channelOptions, notifier, tickets, "help@desk.example");
  }

  /** A desk whose mail arrives at the first address and which sends from any of them. */
  MailDesk(UnaryOperator<MailChannel.Builder> channelOptions, Notifier notifier, TicketStore tickets,
      String deskAddress, String... aliases) {
    channel = channelOptions.apply(MailChannel.builder().deskAddress(deskAddress, aliases).clock(clock)).build();
    desk = HelpDesk.builder().clock(clock).ticketStore(tickets != null ? tickets : store).customerStore(customers)
        .notifier(notifier != null ? notifier : recorded).channelAdapters(channel).build();
    desk.addTechnician(Technician.of(TechnicianId.of("lucia"), "Lucía", Tier.FIRST_LINE)
        .withEmail("lucia@desk.example"));
  }

  MailOutcome accept(RawMail mail) {
    try {
      return channel.accept(mail.stream(), clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Ticket> tickets() {
    return desk.workQueue(SAM, TicketQuery.all()).tickets();
  }

  Ticket ticket(TicketId id) {
    return desk.ticket(SAM, id);
  }

  List<TicketEvent> history(TicketId id) {
    return desk.history(SAM, id);
  }

  /** What the customer said on a ticket after opening it, in order. */
  List<String> replies(TicketId id) {
    return history(id).stream().filter(e -> e.change() instanceof TicketEvent.CustomerReplied)
        .map(e -> e.note().text()).toList();
  }

  Customer customer(Ticket ticket) {
    return customers.find(ticket.customer()).orElseThrow();
  }
}
