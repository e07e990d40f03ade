package dev.helpdesk.core;

import dev.helpdesk.core.lifecycle.Lifecycle;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.spi.store.TicketUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One command's change to one ticket, as it is being put together: the events it records and the
 * notifications it sends. {@link #finish} turns it into the {@link TicketUpdate} a store writes
 * atomically; nothing is rendered or stored before the command has decided everything.
 */
final class Step {
  /**
   * An event to record; status and tier default to the ticket's after the change, and who did it to
   * the command's actor.
   */
  private record EventSpec(TicketStatus to, Tier tier, TicketEvent.Change change, Note note, Actor by) {}

  /** A notification to send, rendered once the ticket's final state is known. */
  private record NoticeSpec(NotificationKind kind, Recipient recipient, Locale locale, Map<String, String> values) {}

  final Ticket before;
  final Actor actor;
  final Instant now;
  final Lifecycle.Target target;

  private final NotificationTemplates templates;
  private final Supplier<String> customerName;
  // Most commands record one or two events and send one notification: small arrays, grown if needed.
  private EventSpec[] events = new EventSpec[2];
  private int eventCount;
  private NoticeSpec[] notices = new NoticeSpec[2];
  private int noticeCount;
  private boolean customerInformed;

  Step(Ticket before, Actor actor, Instant now, Lifecycle.Target target, NotificationTemplates templates,
      Supplier<String> customerName) {
    this.before = before;
    this.actor = actor;
    this.now = now;
    this.target = target;
    this.templates = templates;
    this.customerName = customerName;
  }

  /** The status the command's action leads to, given whether the ticket has an assignee afterwards. */
  TicketStatus status(boolean assigned) {
    return target.statusFor(before.status(), assigned);
  }

  /** A builder for the changed ticket, stamped with this step's instant. */
  Ticket.Builder change() {
    return before.toBuilder().updated(now);
  }

  /** Records an event that leaves the ticket in its final status and tier. */
  Step record(TicketEvent.Change change, Note note) {
    return add(new EventSpec(null, null, change, note, null));
  }

  private Step add(EventSpec spec) {
    if (eventCount == events.length) {
      events = Arrays.copyOf(events, eventCount * 2);
    }
    events[eventCount++] = spec;
    return this;
  }

  /** Records an event that leaves the ticket in an intermediate status or tier. */
  Step record(TicketStatus to, Tier tier, TicketEvent.Change change, Note note) {
    return add(new EventSpec(to, tier, change, note, null));
  }

  /**
   * Records an event done by someone other than the command's actor, such as the desk's own SLA
   * bookkeeping within a person's command, leaving the ticket in a given status and tier.
   */
  Step record(Actor by, TicketStatus to, Tier tier, TicketEvent.Change change, Note note) {
    return add(new EventSpec(to, tier, change, note, by));
  }

  /** Whether anything was recorded so far. */
  boolean recorded() {
    return eventCount > 0;
  }

  /** Sends a notification; a customer notification counts as keeping the customer informed (D-17). */
  Step notify(NotificationKind kind, Recipient recipient, Locale locale, Map<String, String> values) {
    if (recipient.kind() == Recipient.Kind.CUSTOMER) {
      customerInformed = true;
    }
    if (noticeCount == notices.length) {
      notices = Arrays.copyOf(notices, noticeCount * 2);
    }
    notices[noticeCount++] = new NoticeSpec(kind, recipient, locale, values);
    return this;
  }

  /** Builds the changed ticket and everything stored with it. */
  TicketUpdate finish(Ticket.Builder change) {
    if (customerInformed) {
      change.customerUpdated(now);
    }
    return finish(change.build());
  }

  /**
   * Everything stored with a ticket that is already as it must be stored: a new ticket, whose
   * customer-visible update is its arrival. Saves building it twice on every intake.
   */
  TicketUpdate finish(Ticket after) {
    if (customerInformed && !after.customerUpdated().equals(now)) {
      return finish(after.toBuilder());
    }
    TicketEvent[] recorded = new TicketEvent[eventCount];
    TicketStatus from = before.status();
    for (int i = 0; i < eventCount; i++) {
      EventSpec spec = events[i];
      TicketStatus to = spec.to() == null ? after.status() : spec.to();
      recorded[i] = new TicketEvent(after.id(), now, spec.by() == null ? actor : spec.by(), from, to,
          spec.tier() == null ? after.tier() : spec.tier(), spec.change(), spec.note());
      from = to;
    }
    Notification[] notifications = new Notification[noticeCount];
    for (int i = 0; i < noticeCount; i++) {
      NoticeSpec notice = notices[i];
      NotificationTemplates.Message message = templates.render(notice.kind(), notice.recipient().kind(),
          notice.locale(), (String key) -> value(key, after, notice));
      notifications[i] = new Notification(notificationId(after, i), after.id(), notice.kind(),
          notice.recipient(), notice.locale(), fit(message.subject(), SUBJECT_MAX), fit(message.body(), BODY_MAX),
          now);
    }
    // List.of makes the one immutable copy; TicketUpdate keeps it as it is.
    return new TicketUpdate(after, List.of(recorded), List.of(notifications));
  }

  private static final int SUBJECT_MAX = 300;
  private static final int BODY_MAX = 20_000;

  /**
   * One id per ticket version and position, so a command retried after a conflict (a new version)
   * makes new ids; ids too long for an identifier are replaced by a name-based UUID of the same text.
   */
  private NotificationId notificationId(Ticket after, int position) {
    String id = "N-" + after.id() + "-" + (before.version() + 1) + "-" + position;
    return NotificationId.of(id.length() <= 64 ? id
        : "N-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
  }

  /** Long subjects and names must not make a command fail: a rendered text is cut to fit. */
  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A placeholder's value: the command's own values first, then what every message may say. */
  private String value(String key, Ticket ticket, NoticeSpec notice) {
    String given = notice.values().get(key);
    if (given != null) {
      return given;
    }
    return switch (key) {
      case "ticket" -> ticket.id().value();
      case "subject" -> ticket.subject();
      case "name" -> notice.recipient().name();
      case "status" -> ticket.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      case "tier" -> ticket.tier().name();
      case "priority" -> ticket.priority().name().toLowerCase(Locale.ROOT);
      case "customer" -> customerName.get();
      default -> null;
    };
  }
}
