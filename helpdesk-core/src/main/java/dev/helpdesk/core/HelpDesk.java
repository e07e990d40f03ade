package dev.helpdesk.core;

import dev.helpdesk.core.analytics.Analytics;
import dev.helpdesk.core.lifecycle.Lifecycle;
import dev.helpdesk.core.lifecycle.TicketAction;
import dev.helpdesk.core.memory.InMemoryCustomerStore;
import dev.helpdesk.core.analytics.DeskReport;
import dev.helpdesk.core.analytics.ReportOptions;
import dev.helpdesk.core.analytics.SlaCheck;
import dev.helpdesk.core.memory.InMemoryKnowledgeStore;
import dev.helpdesk.core.memory.InMemoryQueueEventStore;
import dev.helpdesk.core.memory.InMemoryTechnicianStore;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.sla.BusinessCalendar;
import dev.helpdesk.core.sla.ServiceLevels;
import dev.helpdesk.core.sla.SlaAgenda;
import dev.helpdesk.core.sla.SlaPolicy;
import dev.helpdesk.core.sla.SlaStatus;
import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.kb.ArticleMatch;
import dev.helpdesk.kb.KnowledgeBase;
import dev.helpdesk.kb.flow.FlowSession;
import dev.helpdesk.kb.flow.Flowchart;
import dev.helpdesk.kb.flow.Outcome;
import dev.helpdesk.kb.search.SearchQuery;
import dev.helpdesk.kb.search.Synonyms;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.Availability;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.Department;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.HelpDeskException;
import dev.helpdesk.model.IllegalTransitionException;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.LinkType;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketLink;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Tiers;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.routing.Decision;
import dev.helpdesk.routing.Router;
import dev.helpdesk.routing.RoutingRules;
import dev.helpdesk.routing.WaitingTicket;
import dev.helpdesk.spi.channel.ChannelAdapter;
import dev.helpdesk.spi.channel.ContactReceiver;
import dev.helpdesk.spi.event.TicketEventListener;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.CustomerStore;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.KnowledgeStore;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.QueueEventStore;
import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IT help desk: the one front door to tickets, their lifecycle, triage, escalation, ownership,
 * warranty, notifications and the time-driven work that keeps customers informed.
 *
 * <p>Build one with {@link #builder()}; with nothing configured it keeps everything in memory, logs
 * its notifications, uses the system clock and the four tiers of the seeds:
 *
 * <pre>{@code
 * HelpDesk desk = HelpDesk.builder().build();
 * desk.addTechnician(Technician.of(TechnicianId.of("ana"), "Ana", Tier.FIRST_LINE));
 * Ticket ticket = desk.receive(InboundContact.of(Channel.PHONE,
 *     CustomerDetails.named("Luis").phone("+34 600 123 456"), "Printer jams", "", Instant.now()));
 * desk.resolve(Actor.technician(TechnicianId.of("ana")), ticket.id(),
 *     Solution.of("Removed the jammed sheet.").atFirstContact());
 * }</pre>
 *
 * <p>The contract of every command:
 *
 * <ul>
 *   <li>It names who acts ({@link Actor}). Customers act only on their own tickets and see no
 *       internal notes; technicians act within their tier; refusals throw {@link
 *       AccessDeniedException}.
 *   <li>It is checked completely before anything changes: invalid input throws {@link
 *       ValidationException} listing every violation, an action the ticket's status does not allow
 *       throws {@link IllegalTransitionException} (see {@link Lifecycle}), and in either case nothing
 *       is written.
 *   <li>Its change, the {@link TicketEvent}s that record it (D-16) and the notifications it causes
 *       are stored together, atomically. Notifications are delivered afterwards, at least once; a
 *       failing notifier never undoes a change.
 *   <li>Concurrent commands on one ticket never lose an update: a command that meets a newer version
 *       re-reads the ticket and is checked and applied again.
 * </ul>
 *
 * <p>Nothing runs behind the host's back: time-driven work (closing quiet resolved tickets, courtesy
 * updates, SLA warnings and breaches, notification retries) happens when the host calls {@link
 * #advanceTo(Instant)}, from any scheduler. Instances are thread-safe and independent of each other.
 */
public final class HelpDesk implements ContactReceiver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HelpDesk.class);
  private static final int MAX_ATTEMPTS = 100;
  private static final int PAGE = 500;
  private static final String GENERAL = "general";
  /** The statuses in which the customer is owed news while they wait, as the state machine says. */
  private static final Set<TicketStatus> OWED_NEWS = statusesAllowing(TicketAction.KEEP_INFORMED);

  private static Set<TicketStatus> statusesAllowing(TicketAction action) {
    Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
    for (TicketStatus status : TicketStatus.values()) {
      if (Lifecycle.allows(status, action)) {
        statuses.add(status);
      }
    }
    return statuses;
  }

  private final Clock clock;
  private final Tiers tiers;
  private final Ownership ownership;
  private final TicketStore tickets;
  private final CustomerStore customers;
  private final TechnicianStore technicians;
  /** What the channels' queues did with contacts waiting for a person (D-21). */
  private final QueueEventStore queueEvents;
  private final Map<DepartmentId, Department> departments;
  private final Duration warranty;
  private final Duration autoCloseAfter;
  private final Duration statusUpdateEvery;
  private final Locale defaultLocale;
  private final NotificationTemplates templates;
  private final Deliveries deliveries;
  private final List<TicketEventListener> listeners;
  private final List<ChannelAdapter> channelAdapters;
  private final Access access;
  /** Decides who works on what (issue 4), or {@code null} when tickets are assigned by hand. */
  private final Router router;
  private final KnowledgeStore knowledge;
  private final ActiveBulletins bulletins;
  private final KnowledgeBase knowledgeBase;
  /** The store's article change count the search index was last loaded at (see {@link #advanceTo}). */
  private volatile long knowledgeIndexedAt;
  private final SelfService selfService;
  /** The working hours reports measure time to resolve in; 24×7 unless the builder named one. */
  private final BusinessCalendar calendar;
  /** The service levels tickets are measured against (issue 6), or {@code null} when the desk keeps no SLA. */
  private final ServiceLevels serviceLevels;
  /** When each ticket next has SLA work due, so advancing looks at those tickets only; with service levels. */
  private final SlaAgenda slaAgenda;
  /** Who hears of SLA breaches, and of warnings on tickets nobody owns; may be {@code null}. */
  private final Recipient supervisor;

  private HelpDesk(Builder b) {
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.tiers = b.tiers != null ? b.tiers : Tiers.defaults();
    this.ownership = b.ownership != null ? b.ownership : Ownership.SOLVING_TIER_CLOSES;
    this.tickets = b.ticketStore != null ? b.ticketStore : new InMemoryTicketStore();
    this.customers = b.customerStore != null ? b.customerStore : new InMemoryCustomerStore();
    this.technicians = b.technicianStore != null ? b.technicianStore : new InMemoryTechnicianStore();
    this.queueEvents = b.queueEventStore != null ? b.queueEventStore : new InMemoryQueueEventStore();
    Map<DepartmentId, Department> byId = new LinkedHashMap<>();
    for (Department department : b.departments != null ? b.departments : List.<Department>of()) {
      byId.put(department.id(), department);
    }
    this.departments = Map.copyOf(byId);
    this.warranty = b.warranty != null ? b.warranty : Duration.ofDays(30);
    this.autoCloseAfter = b.autoCloseAfter != null ? b.autoCloseAfter : Duration.ofDays(5);
    this.statusUpdateEvery = b.statusUpdateEvery != null ? b.statusUpdateEvery : Duration.ofDays(2);
    this.defaultLocale = b.defaultLocale != null ? b.defaultLocale : Locale.ENGLISH;
    this.templates = b.templates != null ? b.templates : NotificationTemplates.defaults();
    Notifier notifier = b.notifier != null ? b.notifier : discoverNotifier();
    this.deliveries = new Deliveries(tickets.outbox(), notifier,
        b.deliveryRetries != null ? b.deliveryRetries : DeliveryRetries.DEFAULT,
        b.notificationDelivery != null ? b.notificationDelivery : NotificationDelivery.IMMEDIATE);
    this.listeners = b.listeners != null ? b.listeners : List.of();
    this.channelAdapters = b.channelAdapters != null ? b.channelAdapters : List.of();
    this.access = new Access(technicians);
    this.knowledge = b.knowledgeStore != null ? b.knowledgeStore : new InMemoryKnowledgeStore();
    this.bulletins = new ActiveBulletins(knowledge);
    // Read before the index loads: a change that lands meanwhile moves the count past it.
    this.knowledgeIndexedAt = knowledge.articleChanges();
    this.knowledgeBase = KnowledgeBase.builder(knowledge)
        .synonyms(b.synonyms != null ? b.synonyms : Synonyms.itDefaults())
        .learningWeight(b.learningWeight != null ? b.learningWeight : 0.25)
        .build();
    this.selfService = new SelfService(b.deflectionWindow != null ? b.deflectionWindow : Duration.ofHours(1));
    this.router = b.routing == null ? null : Router.indexed(b.routing);
    this.calendar = b.businessCalendar != null ? b.businessCalendar : BusinessCalendar.twentyFourSeven();
    this.serviceLevels = b.slaPolicies == null ? null : ServiceLevels.of(
        b.businessCalendar != null ? b.businessCalendar : BusinessCalendar.twentyFourSeven(), b.slaPolicies);
    this.slaAgenda = serviceLevels == null ? null : new SlaAgenda();
    this.supervisor = b.supervisor;
    if (slaAgenda != null) {
      // A desk on a store that outlived it picks up the clocks of the open tickets it finds.
      Instant now = clock.instant();
      forEachTicket(TicketQuery.open(), ticket -> {
        scheduleSla(ticket.id(), now);
        return true;
      });
    }
    if (b.routing != null) {
      if (!b.routing.tiers().equals(tiers)) {
        throw new IllegalArgumentException("the routing rules' tiers " + b.routing.tiers()
            + " must be the desk's " + tiers);
      }
      if (b.routing.offerTimeout().isPresent()) {
        throw new IllegalArgumentException("the desk assigns routed tickets outright: use routing rules without"
            + " offers");
      }
      for (Tier tier : tiers.asList()) {
        if (b.routing.overflow(tier).isPresent()) {
          throw new IllegalArgumentException("the desk does not move tickets between tiers on the router's"
              + " behalf: use routing rules without overflow (" + tier + ")");
        }
      }
      Instant now = clock.instant();
      for (Technician technician : technicians.all()) {
        router.updateTechnician(technician, now);
      }
      // A desk on a store that outlived it: open tickets are routed, assignments counted.
      forEachTicket(TicketQuery.open(), ticket -> {
        carryOut(sync(router, ticket), 0);
        return true;
      });
    }
  }

  private static Notifier discoverNotifier() {
    Notifier best = new LoggingNotifier();
    for (Notifier candidate : ServiceLoader.load(Notifier.class)) {
      if (candidate.priority() > best.priority()) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Starts configuring a desk. Every option is optional and may be set once.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // Staff
  // ---------------------------------------------------------------------------------------------

  /**
   * Adds a technician to the desk's staff.
   *
   * @param technician a technician at version 0, at one of the desk's tiers
   * @return the stored technician
   * @throws ValidationException if the technician's tier is not configured
   */
  public Technician addTechnician(Technician technician) {
    CommandValidator.required("addTechnician", "technician", technician);
    if (!tiers.contains(technician.tier())) {
      throw new ValidationException("Technician", List.of(new Violation("tier",
          "must be one of the desk's tiers " + tiers + ", was " + technician.tier())));
    }
    Technician stored = technicians.create(technician);
    if (router != null) {
      carryOut(router.updateTechnician(stored, clock.instant()));
    }
    return stored;
  }

  /**
   * A technician becomes available, busy, away, in wrap-up or offline (issue 4). With routing, one
   * who becomes available takes waiting tickets they can work on, and one who goes offline gives
   * back the tickets they had not started, which keep their age and are routed again.
   *
   * @param actor the technician themself, a supervisor or the system
   * @param technician the technician
   * @param availability their new state
   * @return the technician, stored
   * @throws AccessDeniedException if a technician changes someone else's state, or a customer acts
   */
  public Technician changeAvailability(Actor actor, TechnicianId technician, Availability availability) {
    CommandValidator check = CommandValidator.check("changeAvailability");
    check.required("actor", actor);
    check.required("technician", technician);
    check.required("availability", availability);
    check.done();
    if (actor.role() == Actor.Role.CUSTOMER
        || (actor.role() == Actor.Role.TECHNICIAN && !actor.id().equals(technician.value()))) {
      throw new AccessDeniedException(actor, "change the availability of " + technician);
    }
    for (int attempt = 1; ; attempt++) {
      Technician current = technicians.get(technician);
      if (current.availability() == availability) {
        return current;
      }
      try {
        if (router == null) {
          return technicians.save(current.withAvailability(availability));
        }
        // Saved and told to the router under the router's lock, so concurrent changes reach both
        // in the same order; the router's decisions are carried out after.
        Technician saved;
        List<Decision> decisions;
        synchronized (router) {
          saved = technicians.save(current.withAvailability(availability));
          decisions = router.updateTechnician(saved, clock.instant());
        }
        carryOut(decisions);
        return saved;
      } catch (VersionConflictException conflict) {
        if (attempt == MAX_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  /**
   * Returns the desk's technicians, ordered by id.
   *
   * @return the technicians
   */
  public List<Technician> technicians() {
    return technicians.all();
  }

  /**
   * Returns the desk's tiers.
   *
   * @return the tiers configured, level 1 to N
   */
  public Tiers tiers() {
    return tiers;
  }

  // ---------------------------------------------------------------------------------------------
  // Intake
  // ---------------------------------------------------------------------------------------------

  /**
   * Takes a contact from any channel (D-02…D-04). The customer is registered, or recognised by
   * email or phone and their details updated (D-03). A new contact opens a ticket at the first
   * line, entered at the contact's arrival, with its channel, the channel's support mode, its
   * category (or {@code general}) and the system information given; the customer is told its
   * number. A contact that names a ticket continues it: an open ticket records the reply, a closed
   * one is reopened (D-19), a merged one continues in the ticket it was merged into.
   *
   * <p>The same contact delivered twice (same channel and external id) yields the same ticket and
   * changes nothing the second time.
   *
   * @param contact the contact
   * @return the ticket the contact opened or continued
   * @throws ValidationException if the contact is invalid
   * @throws AccessDeniedException if it replies to another customer's ticket
   */
  @Override
  public Ticket receive(InboundContact contact) {
    // The contact validated itself when it was built; only its absence is left to check.
    CommandValidator.required("receive", "contact", contact);
    // A channel's clock may run ahead of the desk's; a ticket is never entered in the future.
    Instant now = clock.instant();
    Instant arrived = contact.receivedAt().isAfter(now) ? now : contact.receivedAt();
    if (contact.ticket().isPresent()) {
      Optional<Ticket> existing = tickets.find(contact.ticket().get());
      if (existing.isPresent() && existing.get().status() != TicketStatus.CANCELLED) {
        return continueTicket(existing.get(), contact, arrived);
      }
    }
    Optional<ContactReference> reference = contact.reference();
    if (reference.isPresent()) {
      Optional<Ticket> opened = tickets.findBySource(reference.get());
      if (opened.isPresent()) {
        return opened.get();
      }
    }
    Customer customer = customers.register(contact.customer(), arrived);
    Ticket ticket = Ticket.builder()
        .id(tickets.nextId())
        .customer(customer.id())
        .channel(contact.channel())
        .category(contact.category().isEmpty() ? GENERAL : contact.category())
        .subject(contact.subject().isEmpty() ? firstLine(contact.body()) : contact.subject())
        .description(contact.body())
        .systemInformation(contact.systemInformation().orElse(null))
        .tier(tiers.first())
        .entered(arrived)
        .source(reference.orElse(null))
        .build();
    Optional<Bulletin> known = bulletins.about(ticket.subject() + "\n" + ticket.description(), arrived);
    // Linked before the ticket is stored, so a stored ticket never misses its link (D-12).
    known.ifPresent(bulletin -> knowledge.link(bulletin.id(), ticket.id()));
    selfService.ticketOpened(customer.id(), arrived);
    return open(ticket, Actor.customer(customer.id()), Note.NONE, customer, known);
  }

  /**
   * Tells which ticket an earlier contact opened (a channel's own thread: an email answering the
   * customer's first message). Meant for channel adapters, which decide with it which ticket a
   * contact continues; {@link #receive} still checks that the customer may continue it.
   *
   * @param contact the earlier contact's channel and external id
   * @return the ticket it opened, or empty
   */
  @Override
  public Optional<TicketId> ticketOpenedBy(ContactReference contact) {
    CommandValidator.required("ticketOpenedBy", "contact", contact);
    return tickets.findBySource(contact).map(Ticket::id);
  }

  private static String firstLine(String body) {
    String line = body.strip().lines().findFirst().orElse("").strip();
    return line.length() <= Ticket.SUBJECT_MAX ? line : line.substring(0, Ticket.SUBJECT_MAX - 1) + "…";
  }

  private Ticket open(Ticket ticket, Actor actor, Note note, Customer customer, Optional<Bulletin> known) {
    Step step = new Step(ticket, actor, ticket.entered(), Lifecycle.Target.STAY, templates,
        customer::displayName);
    step.record(new TicketEvent.Opened(ticket.channel(), ticket.supportMode()), note);
    if (serviceLevels != null) {
      serviceLevels.policyFor(ticket, customer).ifPresent(policy -> step.record(Actor.system(), ticket.status(),
          ticket.tier(), new TicketEvent.SlaPolicyApplied(policy.name()), Note.NONE));
    }
    if (known.isPresent()) {
      // One message: the ticket is opened, and this is the known problem's answer.
      Bulletin bulletin = known.get();
      step.record(new TicketEvent.BulletinLinked(bulletin.id()), Note.forCustomer(bulletin.answer()));
      notifyCustomer(step, customer, NotificationKind.KNOWN_PROBLEM,
          Map.of("problem", bulletin.title(), "answer", bulletin.answer()));
    } else {
      notifyCustomer(step, customer, NotificationKind.TICKET_OPENED, Map.of());
    }
    TicketUpdate update = step.finish(ticket);
    SlaStatus sla = serviceLevels == null ? null : serviceLevels.status(ticket, update.events(), ticket.entered());
    if (sla != null) {
      update = measured(update, sla);
    }
    try {
      Ticket created = tickets.create(update);
      if (sla != null) {
        slaAgenda.schedule(created.id(), created.version(), sla.nextCheck());
      }
      afterCommit(created, update);
      return routed(created, r -> List.of(r.route(waiting(created), created.entered())));
    } catch (DuplicateContactException e) {
      // Delivered twice at once: the other delivery opened it.
      return tickets.get(e.existingTicket());
    }
  }

  private Ticket continueTicket(Ticket ticket, InboundContact contact, Instant arrived) {
    Customer customer = customers.register(contact.customer(), arrived);
    Actor actor = Actor.customer(customer.id());
    if (ticket.status() == TicketStatus.MERGED) {
      Optional<TicketId> into = ticket.links().stream().filter(l -> l.type() == LinkType.DUPLICATE_OF)
          .map(TicketLink::target).findFirst();
      if (into.isPresent()) {
        return continueTicket(tickets.get(into.get()), contact.replyTo(into.get()), arrived);
      }
    }
    if (contact.reference().isPresent() && alreadyRecorded(ticket.id(), contact.reference().get())) {
      access.checkCanRead(actor, ticket);
      return ticket; // the same contact delivered again
    }
    String message = contact.body().isEmpty() ? contact.subject() : contact.body();
    if (ticket.status() == TicketStatus.CLOSED) {
      return reopen(actor, ticket.id(), message, contact.reference());
    }
    return reply(actor, ticket.id(), message, contact.reference());
  }

  /**
   * Records what a channel's queue did with a contact waiting for a person: offered, answered after
   * a wait, or abandoned (D-21). The same event reported twice is recorded once. The reports of
   * {@link #analytics()} read them, joined with the tickets the contacts opened.
   *
   * @param event what happened in the queue
   * @throws ValidationException if the event is missing
   */
  @Override
  public void report(QueueEvent event) {
    queueEvents.record(CommandValidator.required("report", "event", event));
  }

  // ---------------------------------------------------------------------------------------------
  // Working on a ticket
  // ---------------------------------------------------------------------------------------------

  /** Starts checking a command that names an actor and a ticket. */
  private static CommandValidator command(String name, Actor actor, TicketId ticket) {
    CommandValidator check = CommandValidator.check(name);
    check.required("actor", actor);
    check.required("ticket", ticket);
    return check;
  }

  /**
   * Gives a ticket to a technician of its tier, who is notified. A ticket waiting on its customer
   * or held by another department stays so, with its new owner.
   *
   * @param actor who assigns: a technician of the tier, a supervisor, the system
   * @param ticket the ticket
   * @param technician the technician to give it to
   * @return the ticket, {@code ASSIGNED} unless it is waiting
   * @throws NotFoundException if the ticket or the technician does not exist
   * @throws ValidationException if the technician works at another tier
   */
  public Ticket assign(Actor actor, TicketId ticket, TechnicianId technician) {
    CommandValidator check = command("assign", actor, ticket);
    check.required("technician", technician);
    check.done();
    Technician assignee = technicians.get(technician);
    // A ticket given by hand counts against its technician's capacity.
    return synced(act(actor, ticket, TicketAction.ASSIGN, (before, step) -> assignTo(before, step, assignee, "")));
  }

  /** The change of an assignment; {@code reason} is the router's explanation, empty for a person's choice. */
  private Ticket.Builder assignTo(Ticket before, Step step, Technician assignee, String reason) {
    TechnicianId technician = assignee.id();
    if (!assignee.tier().equals(before.tier())) {
      throw new ValidationException("assign", List.of(new Violation("technician",
          technician + " works at " + assignee.tier() + ", ticket " + before.id() + " is at " + before.tier())));
    }
    TicketStatus next = step.status(true);
    if (before.assignee().filter(technician::equals).isPresent() && before.status() == next) {
      return null;
    }
    // Who assigned it is the event's actor; the reason is the router's explanation, if it chose.
    step.record(new TicketEvent.Assigned(technician, reason), Note.NONE);
    notifyTechnician(step, assignee, NotificationKind.TICKET_ASSIGNED, Map.of("note", reason));
    return step.change().assignee(technician).status(next);
  }

  /**
   * The assignee starts working on a ticket. A technician starting on an unassigned ticket of
   * their tier takes it.
   *
   * @param actor the technician (or a supervisor, for a ticket that has an assignee)
   * @param ticket the ticket
   * @return the ticket, {@code IN_PROGRESS}
   * @throws AccessDeniedException if a technician starts on someone else's ticket
   * @throws ValidationException if nobody is assigned and the actor is not a technician
   */
  public Ticket startWork(Actor actor, TicketId ticket) {
    command("startWork", actor, ticket).done();
    return synced(startWorkChange(actor, ticket));
  }

  private Ticket startWorkChange(Actor actor, TicketId ticket) {
    return act(actor, ticket, TicketAction.START_WORK, (before, step) -> {
      Ticket.Builder change = step.change();
      if (before.assignee().isEmpty()) {
        if (actor.role() != Actor.Role.TECHNICIAN) {
          throw new ValidationException("startWork", List.of(new Violation("ticket",
              before.id() + " has no assignee; assign it first")));
        }
        TechnicianId self = TechnicianId.of(actor.id());
        step.record(TicketStatus.ASSIGNED, before.tier(), new TicketEvent.Assigned(self, "took it"), Note.NONE);
        change.assignee(self);
      } else if (actor.role() == Actor.Role.TECHNICIAN && !actor.is(before.assignee().get())) {
        throw new AccessDeniedException(actor, "start work on ticket " + before.id() + " assigned to "
            + before.assignee().get());
      }
      step.record(new TicketEvent.WorkStarted(), Note.NONE);
      return change.status(step.status(true));
    });
  }

  /**
   * The assignee lets a ticket go back to its tier's queue (or, while it waits on its customer,
   * lets it wait without an owner).
   *
   * @param actor the assignee, a technician of the tier, or a supervisor
   * @param ticket the ticket
   * @param reason why, kept as an internal note
   * @return the ticket, unassigned
   * @throws ValidationException if nobody is assigned or the reason is blank
   */
  public Ticket release(Actor actor, TicketId ticket, String reason) {
    CommandValidator check = command("release", actor, ticket);
    String why = check.text("reason", reason, 2_000);
    check.done();
    Ticket released = act(actor, ticket, TicketAction.RELEASE, (before, step) -> {
      if (before.assignee().isEmpty()) {
        throw new ValidationException("release", List.of(new Violation("ticket", before.id() + " has no assignee")));
      }
      step.record(new TicketEvent.Unassigned(before.assignee().get(), ""), Note.internal(why));
      return step.change().assignee(null).status(step.status(false));
    });
    // Given back to the queue: it goes to anyone but the technician who let it go.
    boolean backToQueue = released.status() == TicketStatus.NEW || released.status() == TicketStatus.REOPENED;
    return backToQueue ? routed(released, r -> r.technicianOf(ticket).isPresent()
        ? r.release(ticket, clock.instant()) : sync(r, released)) : synced(released);
  }

  /**
   * Asks the customer for more information (D-13); the ticket waits until they answer.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param question what the desk needs to know; sent to the customer
   * @return the ticket, {@code WAITING_ON_CUSTOMER}
   */
  public Ticket requestInformation(Actor actor, TicketId ticket, String question) {
    CommandValidator check = command("requestInformation", actor, ticket);
    String text = check.text("question", question, Note.MAX_LENGTH);
    check.done();
    return synced(act(actor, ticket, TicketAction.REQUEST_INFORMATION, (before, step) -> {
      step.record(new TicketEvent.InformationRequested(), Note.forCustomer(text));
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.INFORMATION_REQUESTED,
          Map.of("note", text));
      return step.change().status(step.status(before.assignee().isPresent()));
    }));
  }

  /**
   * Records what the customer says about their ticket. A ticket waiting on the customer goes back
   * to work; so does a resolved one, since a customer who writes after the solution is not done
   * (and the ticket must not close for want of an answer). Its assignee is told.
   *
   * @param actor the customer, or a technician noting what the customer said by phone
   * @param ticket the ticket
   * @param message what the customer said
   * @return the ticket
   */
  public Ticket reply(Actor actor, TicketId ticket, String message) {
    CommandValidator check = command("reply", actor, ticket);
    String text = check.text("message", message, Ticket.DESCRIPTION_MAX);
    check.done();
    return reply(actor, ticket, text, Optional.empty());
  }

  private Ticket reply(Actor actor, TicketId ticket, String message, Optional<ContactReference> contact) {
    return synced(act(actor, ticket, TicketAction.CUSTOMER_REPLY, (before, step) -> {
      if (contact.isPresent() && alreadyRecorded(before.id(), contact.get())) {
        return null;
      }
      step.record(new TicketEvent.CustomerReplied(contact), Note.forCustomer(message));
      TicketStatus next = step.status(before.assignee().isPresent());
      if (next != before.status() && before.assignee().isPresent()) {
        technicians.find(before.assignee().get()).ifPresent(owner -> notifyTechnician(step, owner,
            NotificationKind.CUSTOMER_REPLIED, Map.of("note", message)));
      }
      return step.change().status(next);
    }));
  }

  private boolean alreadyRecorded(TicketId ticket, ContactReference contact) {
    for (TicketEvent event : tickets.history(ticket)) {
      if (event.change() instanceof TicketEvent.CustomerReplied replied
          && replied.contact().filter(contact::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends a ticket up to a higher tier (D-13), keeping its date entered; the reason stays internal
   * and the customer is told who works on it now. The ticket waits, unassigned, in the new tier's
   * queue.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param escalation why, and to which tier (the next one by default)
   * @return the ticket, {@code NEW} at the higher tier
   * @throws ValidationException if there is no such higher tier
   */
  public Ticket escalate(Actor actor, TicketId ticket, Escalation escalation) {
    CommandValidator check = command("escalate", actor, ticket);
    check.valid("escalation", escalation);
    check.done();
    Tier[] from = new Tier[1];
    Ticket escalated = act(actor, ticket, TicketAction.ESCALATE, (before, step) -> {
      from[0] = before.tier();
      return escalateIn(before, step, "escalate", "escalation.to", escalation.to(), escalation.reason());
    });
    return routed(escalated, r -> r.escalate(waiting(escalated).atTier(from[0]),
        Optional.of(escalated.tier()), clock.instant()));
  }

  /** Sends the ticket up within a step: to the named tier (mapped to the desk's), or the next one. */
  private Ticket.Builder escalateIn(Ticket before, Step step, String command, String field, Optional<Tier> named,
      String reason) {
    Tier to = named.map(t -> tiers.contains(t) ? tiers.level(t.level()) : t)
        .orElseGet(() -> tiers.above(before.tier()).orElse(null));
    if (to == null || !tiers.contains(to) || to.level() <= before.tier().level()) {
      throw new ValidationException(command, List.of(new Violation(field,
          "must be a configured tier above " + before.tier() + ", was " + (to == null ? "none" : to))));
    }
    step.record(new TicketEvent.Escalated(before.tier(), to), Note.internal(reason));
    notifyCustomer(step, customers.get(before.customer()), NotificationKind.ESCALATED, Map.of("tier", to.name()));
    return step.change().tier(to).assignee(null).status(step.status(false));
  }

  /**
   * Stores a new knowledge-base article (D-11); a published one is found by searches at once.
   *
   * @param actor a member of staff
   * @param article the article, at version 0
   * @return the stored article
   * @throws AccessDeniedException if the actor is a customer
   * @throws VersionConflictException if an article with its id exists already
   */
  public Article writeArticle(Actor actor, Article article) {
    CommandValidator check = CommandValidator.check("writeArticle");
    check.required("actor", actor);
    check.required("article", article);
    check.done();
    checkStaff(actor, "write article " + article.id());
    return knowledgeBase.write(article);
  }

  /**
   * Stores a changed article, if nobody changed it since it was read; searches follow the change.
   *
   * @param actor a member of staff
   * @param article the article as changed, at the version it was read at
   * @return the stored article
   * @throws AccessDeniedException if the actor is a customer
   * @throws VersionConflictException if it was changed meanwhile; nothing is written
   * @throws NotFoundException if it was never stored
   */
  public Article reviseArticle(Actor actor, Article article) {
    CommandValidator check = CommandValidator.check("reviseArticle");
    check.required("actor", actor);
    check.required("article", article);
    check.done();
    checkStaff(actor, "revise article " + article.id());
    return knowledgeBase.save(article);
  }

  /**
   * Publishes an article: from now on staff find it, and customers too if it is public.
   *
   * @param actor a member of staff
   * @param article the article
   * @return the published article
   * @throws AccessDeniedException if the actor is a customer
   * @throws ValidationException if it cannot be published from its status
   */
  public Article publishArticle(Actor actor, ArticleId article) {
    CommandValidator check = CommandValidator.check("publishArticle");
    check.required("actor", actor);
    check.required("article", article);
    check.done();
    checkStaff(actor, "publish article " + article);
    return knowledgeBase.publish(article, clock.instant());
  }

  /**
   * Archives an article: it is no longer found.
   *
   * @param actor a member of staff
   * @param article the article
   * @return the archived article
   * @throws AccessDeniedException if the actor is a customer
   * @throws ValidationException if it cannot be archived from its status
   */
  public Article archiveArticle(Actor actor, ArticleId article) {
    CommandValidator check = CommandValidator.check("archiveArticle");
    check.required("actor", actor);
    check.required("article", article);
    check.done();
    checkStaff(actor, "archive article " + article);
    return knowledgeBase.archive(article, clock.instant());
  }

  /**
   * Searches the knowledge base's published articles (D-11). Staff find every article; a customer
   * finds only the public ones, and their searches count as self-service: a session of searches
   * after which they open no ticket within the {@linkplain Builder#deflectionWindow deflection
   * window} is counted as deflected.
   *
   * @param actor who searches
   * @param text what they typed; the last word also matches as a prefix
   * @return the best ten articles, best first, each with an extract with the matched words marked
   * @throws ValidationException if the text is blank or longer than 1,000 characters
   */
  public List<ArticleMatch> searchArticles(Actor actor, String text) {
    CommandValidator check = CommandValidator.check("searchArticles");
    check.required("actor", actor);
    String query = check.text("text", text, 1_000);
    check.done();
    SearchQuery search = SearchQuery.of(query).asYouType();
    if (actor.role() == Actor.Role.CUSTOMER) {
      selfService.searched(CustomerId.of(actor.id()), clock.instant());
      search = search.audience(Visibility.PUBLIC);
    }
    return knowledgeBase.search(search);
  }

  /**
   * Suggests what may answer a ticket (D-11, D-12): the active bulletins about its problem first,
   * then the articles that best match its subject and description, those that resolved tickets of
   * its category lifted.
   *
   * @param actor a member of staff who may read the ticket
   * @param ticket the ticket
   * @return the suggestions
   * @throws AccessDeniedException if the actor is a customer
   * @throws NotFoundException if there is no such ticket
   */
  public Suggestions suggest(Actor actor, TicketId ticket) {
    command("suggest", actor, ticket).done();
    checkStaff(actor, "see suggestions for " + ticket);
    Ticket t = tickets.get(ticket);
    access.checkCanRead(actor, t);
    String text = t.subject() + "\n" + t.description();
    List<Bulletin> about = new ArrayList<>();
    for (Bulletin bulletin : bulletins.at(clock.instant())) {
      if (dev.helpdesk.kb.bulletin.BulletinMatcher.matches(text, bulletin)) {
        about.add(bulletin);
      }
    }
    return new Suggestions(about, knowledgeBase.suggest(text, t.category(), Visibility.INTERNAL, 5));
  }

  /**
   * Returns how self-service did so far (D-23): customers' searches, their sessions, and the
   * sessions that ended without a ticket. A session ends when the desk's time, advanced by {@link
   * #advanceTo}, passes the deflection window after its last search.
   *
   * @return the counts
   */
  public Deflection deflection() {
    return selfService.counts();
  }

  /**
   * Reloads the knowledge base's search index from the knowledge store, for a desk whose store
   * other desks change (several nodes on one database). {@link #advanceTo} does it by itself
   * whenever the store's articles changed; this reloads at once.
   */
  public void refreshKnowledge() {
    long changes = knowledge.articleChanges();
    knowledgeBase.refresh();
    knowledgeIndexedAt = changes;
    bulletins.changed();
  }

  /**
   * Reloads the search index if the store's articles changed since it was loaded: on another node,
   * or through this desk, whose own writes its index already holds, at the cost of one reload. A
   * store that cannot tell is logged and tried again at the next call.
   */
  private void followKnowledgeChanges() {
    try {
      long changes = knowledge.articleChanges();
      if (changes != knowledgeIndexedAt) {
        knowledgeBase.refresh();
        knowledgeIndexedAt = changes;
      }
    } catch (HelpDeskException e) {
      LOG.warn("Could not follow the knowledge base's changes: {}", e.getMessage());
    }
  }

  private static void checkStaff(Actor actor, String what) {
    if (actor.role() == Actor.Role.CUSTOMER) {
      throw new AccessDeniedException(actor, what);
    }
  }

  /**
   * Posts an outage bulletin (D-12): from its start, front line sees it, and each new ticket that
   * names one of its keywords or affected services is linked to it and its customer given its
   * answer at once.
   *
   * @param actor a supervisor, or the system for an automatic alert
   * @param bulletin the bulletin, at version 0
   * @return the stored bulletin
   * @throws AccessDeniedException if the actor is a customer or a technician
   * @throws VersionConflictException if a bulletin with its id exists already
   */
  public Bulletin postBulletin(Actor actor, Bulletin bulletin) {
    CommandValidator check = CommandValidator.check("postBulletin");
    check.required("actor", actor);
    check.required("bulletin", bulletin);
    check.done();
    checkSupervises(actor, "post bulletin " + bulletin.id());
    Bulletin posted = knowledge.create(bulletin);
    bulletins.changed();
    return posted;
  }

  /**
   * Returns the bulletins front line sees now (D-12), the most recent first.
   *
   * @param actor a member of staff
   * @return the active bulletins
   * @throws AccessDeniedException if the actor is a customer
   */
  public List<Bulletin> activeBulletins(Actor actor) {
    CommandValidator.required("activeBulletins", "actor", actor);
    if (actor.role() == Actor.Role.CUSTOMER) {
      throw new AccessDeniedException(actor, "read the bulletins");
    }
    return bulletins.at(clock.instant());
  }

  /**
   * Marks a bulletin's problem fixed (D-12) and resolves every ticket linked to it that is still
   * open, each with its own history event and a message to its customer saying what was fixed.
   * Linked tickets already resolved, closed or cancelled are left as they are. The solution goes
   * straight to the customer whatever the desk's {@link Ownership}: the problem is gone for all.
   *
   * @param actor a supervisor, or the system
   * @param bulletin an active bulletin
   * @param fix what was done, told to every linked customer
   * @return the tickets this resolved, in the order they were linked
   * @throws AccessDeniedException if the actor is a customer or a technician
   * @throws ValidationException if the text is blank or too long, or the bulletin is no longer active
   * @throws NotFoundException if there is no such bulletin
   */
  public List<Ticket> fixBulletin(Actor actor, BulletinId bulletin, String fix) {
    CommandValidator check = CommandValidator.check("fixBulletin");
    check.required("actor", actor);
    check.required("bulletin", bulletin);
    String text = check.text("fix", fix, Resolution.SOLUTION_MAX);
    check.done();
    checkSupervises(actor, "fix bulletin " + bulletin);
    endBulletin(bulletin, b -> b.fix(clock.instant()));
    List<Ticket> resolved = new ArrayList<>();
    for (TicketId linked : knowledge.linkedTickets(bulletin)) {
      Optional<Ticket> ticket = tickets.find(linked); // a link may outlive a ticket that was never stored
      if (ticket.isPresent() && Lifecycle.allows(ticket.get().status(), TicketAction.RESOLVE)) {
        try {
          resolved.add(resolveFixed(actor, linked, text));
        } catch (IllegalTransitionException movedOn) {
          // Resolved or closed by someone else meanwhile: nothing left to do for it.
        }
      }
    }
    return resolved;
  }

  /**
   * Withdraws a bulletin posted by mistake (D-12): front line no longer sees it and no new ticket is
   * linked to it; tickets already linked stay open.
   *
   * @param actor a supervisor, or the system
   * @param bulletin an active bulletin
   * @return the withdrawn bulletin
   * @throws AccessDeniedException if the actor is a customer or a technician
   * @throws ValidationException if the bulletin is no longer active
   */
  public Bulletin withdrawBulletin(Actor actor, BulletinId bulletin) {
    CommandValidator check = CommandValidator.check("withdrawBulletin");
    check.required("actor", actor);
    check.required("bulletin", bulletin);
    check.done();
    checkSupervises(actor, "withdraw bulletin " + bulletin);
    return endBulletin(bulletin, b -> b.withdraw(clock.instant()));
  }

  private Bulletin endBulletin(BulletinId id, java.util.function.UnaryOperator<Bulletin> end) {
    for (int attempt = 1; ; attempt++) {
      try {
        Bulletin ended = knowledge.save(end.apply(knowledge.get(id)));
        bulletins.changed();
        return ended;
      } catch (VersionConflictException conflict) {
        if (attempt == MAX_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  private static void checkSupervises(Actor actor, String what) {
    if (actor.role() != Actor.Role.SUPERVISOR && actor.role() != Actor.Role.SYSTEM) {
      throw new AccessDeniedException(actor, what);
    }
  }

  /** Resolves a ticket whose known problem was fixed, telling its customer. */
  private Ticket resolveFixed(Actor actor, TicketId ticket, String fix) {
    return synced(act(actor, ticket, TicketAction.RESOLVE, (before, step) -> {
      Resolution resolution = new Resolution(fix, Optional.empty(), actor, step.now, false);
      step.record(new TicketEvent.Resolved(resolution), Note.forCustomer(fix));
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.RESOLVED, Map.of("solution", fix));
      return step.change().resolution(resolution).status(step.status(before.assignee().isPresent()));
    }));
  }

  /**
   * Records a troubleshooting flowchart walked on a ticket (D-11): the path taken, question by
   * question, is kept as an internal note. A walk that ends in a solution only records the path;
   * the technician then resolves the ticket, naming the solution's article if it has one. A walk
   * that ends in an escalation, a dead end, also sends the ticket up to the level it names, with the
   * answers attached, needing its skill, and a visit if it says so: both in one change.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param outcome where the walk ended, from {@link FlowSession#outcome()}
   * @return the ticket, unchanged but for its history, or {@code NEW} at the higher tier
   * @throws ValidationException if an escalation names a level that is not a configured tier above
   *     the ticket's
   */
  public Ticket followFlowchart(Actor actor, TicketId ticket, Outcome outcome) {
    CommandValidator check = command("followFlowchart", actor, ticket);
    check.required("outcome", outcome);
    check.done();
    Flowchart flowchart = outcome.flowchart();
    Note path = Note.internal(fit(flowchart.title() + "\n" + outcome.transcript(), Note.MAX_LENGTH));
    Optional<dev.helpdesk.kb.flow.Escalation> deadEnd = outcome.escalation();
    if (deadEnd.isEmpty()) {
      return act(actor, ticket, TicketAction.COMMENT, (before, step) -> {
        step.record(new TicketEvent.FlowchartFollowed(flowchart.id(), "solution"), path);
        return step.change();
      });
    }
    dev.helpdesk.kb.flow.Escalation leaf = deadEnd.get();
    String reason = fit("Flowchart \"" + flowchart.title() + "\" ended at a dead end"
        + (leaf.reason().isEmpty() ? "" : ": " + leaf.reason()) + "\n" + outcome.transcript(), Note.MAX_LENGTH);
    Tier[] from = new Tier[1];
    Ticket escalated = act(actor, ticket, TicketAction.ESCALATE, (before, step) -> {
      from[0] = before.tier();
      step.record(before.status(), before.tier(), new TicketEvent.FlowchartFollowed(flowchart.id(), "escalation"),
          path);
      Map<String, Integer> skills = new java.util.HashMap<>(before.requiredSkills());
      skills.merge(leaf.skill(), 1, Math::max);
      Ticket.Builder change = escalateIn(before, step, "followFlowchart", "outcome.escalation.tier",
          Optional.of(leaf.tier()), reason).requiredSkills(skills);
      return leaf.onSite() ? change.supportMode(SupportMode.ON_SITE) : change;
    });
    return routed(escalated, r -> r.escalate(WaitingTicket.of(escalated).atTier(from[0]),
        Optional.of(escalated.tier()), clock.instant()));
  }

  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * Hands a ticket off to another department (D-13), which is notified; the desk keeps tracking it
   * there (D-16) and the customer is told, without the desk's internal note.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param department a department registered with the desk
   * @param note what the department should do; sent to it, internal to the desk
   * @return the ticket, {@code WITH_DEPARTMENT}
   * @throws NotFoundException if the department is not registered
   */
  public Ticket handOff(Actor actor, TicketId ticket, DepartmentId department, String note) {
    CommandValidator check = command("handOff", actor, ticket);
    check.required("department", department);
    String text = check.text("note", note, Note.MAX_LENGTH);
    check.done();
    Department target = departments.get(department);
    if (target == null) {
      throw new NotFoundException("department", department);
    }
    return synced(act(actor, ticket, TicketAction.HAND_OFF, (before, step) -> {
      step.record(new TicketEvent.HandedOff(department), Note.internal(text));
      if (!target.email().isEmpty()) {
        step.notify(NotificationKind.HANDED_OFF, Recipient.of(target), defaultLocale,
            Map.of("department", target.name(), "note", text));
      }
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.HANDED_OFF,
          Map.of("department", target.name()));
      return step.change().department(department).status(step.status(before.assignee().isPresent()));
    }));
  }

  /**
   * Takes a ticket back from the department it was handed off to; it goes back to work.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param outcome what the department did, kept as an internal note
   * @return the ticket, {@code IN_PROGRESS} with an assignee or {@code NEW}
   */
  public Ticket returnFromDepartment(Actor actor, TicketId ticket, String outcome) {
    CommandValidator check = command("returnFromDepartment", actor, ticket);
    String text = check.text("outcome", outcome, Note.MAX_LENGTH);
    check.done();
    return synced(act(actor, ticket, TicketAction.RETURN_FROM_DEPARTMENT, (before, step) -> {
      step.record(new TicketEvent.ReturnedFromDepartment(before.department().orElseThrow()), Note.internal(text));
      return step.change().department(null).status(step.status(before.assignee().isPresent()));
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Resolution and closing
  // ---------------------------------------------------------------------------------------------

  /**
   * Gives the solution (D-17). The desk's {@link Ownership} decides who tells the customer: when
   * the first line closes and a higher tier solved it, the ticket returns to the first line (to the
   * technician who had it there, if any) for follow-up (D-14); otherwise the customer is sent the
   * solution now and the ticket is {@code RESOLVED}, awaiting their confirmation. A solution the
   * customer confirmed on the spot closes the ticket at once (the resolve and the confirm of the
   * state machine, stored as one update); one given at first contact counts as resolved at first
   * contact.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param solution the solution
   * @return the ticket, {@code RESOLVED}, {@code CLOSED}, or back at the first line
   * @throws ValidationException if the solution is invalid, or claims first contact for a ticket
   *     that was escalated, handed off, waited on the customer or reopened
   */
  public Ticket resolve(Actor actor, TicketId ticket, Solution solution) {
    CommandValidator check = command("resolve", actor, ticket);
    check.valid("solution", solution);
    check.done();
    // Refusals name the action the caller asked for, even where the desk would return the ticket.
    Function<Ticket, TicketAction> action = before -> Lifecycle.allows(before.status(), TicketAction.RESOLVE)
        && returnsForFollowUp(before, solution) ? TicketAction.RETURN_FOR_FOLLOW_UP : TicketAction.RESOLVE;
    Ticket resolved = synced(act(actor, ticket, TicketAction.RESOLVE, action, (before, step) -> {
      Resolution resolution = new Resolution(solution.text(), solution.article(), actor, step.now,
          solution.firstContact());
      if (returnsForFollowUp(before, solution)) {
        return returnForFollowUp(before, step, resolution);
      }
      if (solution.firstContact()) {
        checkFirstContact(before);
      }
      Ticket.Builder change = step.change().resolution(resolution);
      if (solution.confirmed()) {
        step.record(TicketStatus.RESOLVED, before.tier(), new TicketEvent.Resolved(resolution), Note.NONE);
        TicketStatus closed = Lifecycle.target(before.id(), TicketStatus.RESOLVED, TicketAction.CONFIRM)
            .statusFor(TicketStatus.RESOLVED, before.assignee().isPresent());
        step.record(new TicketEvent.Closed(solution.firstContact() ? TicketEvent.ClosureReason.FIRST_CONTACT
            : TicketEvent.ClosureReason.CONFIRMED), Note.NONE);
        notifyCustomer(step, customers.get(before.customer()), NotificationKind.CLOSED,
            Map.of("solution", resolution.solution()));
        return change.status(closed);
      }
      step.record(new TicketEvent.Resolved(resolution), Note.forCustomer(resolution.solution()));
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.RESOLVED,
          Map.of("solution", resolution.solution()));
      return change.status(step.status(before.assignee().isPresent()));
    }));
    solution.article().ifPresent(article -> knowledgeBase.resolvedWith(article, resolved.category()));
    return resolved;
  }

  private boolean returnsForFollowUp(Ticket ticket, Solution solution) {
    return ownership == Ownership.FIRST_LINE_CLOSES && !solution.confirmed()
        && ticket.tier().level() > tiers.first().level();
  }

  private Ticket.Builder returnForFollowUp(Ticket before, Step step, Resolution resolution) {
    Tier firstLine = tiers.first();
    Optional<Technician> followUp = lastAssigneeAt(before.id(), firstLine);
    step.record(new TicketEvent.ReturnedForFollowUp(before.tier(), firstLine), Note.internal(resolution.solution()));
    followUp.ifPresent(owner -> notifyTechnician(step, owner, NotificationKind.FOLLOW_UP,
        Map.of("solution", resolution.solution(), "tier", before.tier().name())));
    return step.change().tier(firstLine).resolution(resolution)
        .assignee(followUp.map(Technician::id).orElse(null)).status(step.status(followUp.isPresent()));
  }

  /** The technician who last had the ticket at a tier and still works there. */
  private Optional<Technician> lastAssigneeAt(TicketId ticket, Tier tier) {
    List<TicketEvent> history = tickets.history(ticket);
    for (int i = history.size() - 1; i >= 0; i--) {
      TicketEvent event = history.get(i);
      if (event.tier().equals(tier) && event.change() instanceof TicketEvent.Assigned assigned) {
        Optional<Technician> technician = technicians.find(assigned.technician());
        if (technician.isPresent() && technician.get().tier().equals(tier)) {
          return technician;
        }
      }
    }
    return Optional.empty();
  }

  private void checkFirstContact(Ticket ticket) {
    if (!ticket.tier().equals(tiers.first())) {
      throw new ValidationException("resolve", List.of(new Violation("solution.firstContact",
          "ticket " + ticket.id() + " is at " + ticket.tier() + ", not at the first line")));
    }
    for (TicketEvent event : tickets.history(ticket.id())) {
      TicketEvent.Change change = event.change();
      if (change instanceof TicketEvent.Escalated || change instanceof TicketEvent.HandedOff
          || change instanceof TicketEvent.InformationRequested || change instanceof TicketEvent.Reopened
          || change instanceof TicketEvent.ReturnedForFollowUp) {
        throw new ValidationException("resolve", List.of(new Violation("solution.firstContact",
            "ticket " + ticket.id() + " went beyond its first contact: " + change.getClass().getSimpleName())));
      }
    }
  }

  /**
   * The customer confirms the solution works; the case closes (D-18) and the technician is free.
   *
   * @param actor the customer, or a technician taking their call
   * @param ticket a resolved ticket
   * @return the ticket, {@code CLOSED}
   */
  public Ticket confirm(Actor actor, TicketId ticket) {
    command("confirm", actor, ticket).done();
    return close(actor, ticket, TicketAction.CONFIRM, TicketEvent.ClosureReason.CONFIRMED, Note.NONE);
  }

  /**
   * Closes a resolved ticket after following up with the customer (D-14, D-18).
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket a resolved ticket
   * @param note what the follow-up found; kept as a public note
   * @return the ticket, {@code CLOSED}
   */
  public Ticket close(Actor actor, TicketId ticket, String note) {
    CommandValidator check = command("close", actor, ticket);
    String text = check.text("note", note, Note.MAX_LENGTH);
    check.done();
    return close(actor, ticket, TicketAction.CLOSE, TicketEvent.ClosureReason.FOLLOWED_UP, Note.forCustomer(text));
  }

  private Ticket close(Actor actor, TicketId ticket, TicketAction action, TicketEvent.ClosureReason reason, Note note) {
    return synced(act(actor, ticket, action, (before, step) -> {
      step.record(new TicketEvent.Closed(reason), note);
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.CLOSED,
          Map.of("solution", before.resolution().map(Resolution::solution).orElse("")));
      return step.change().status(step.status(before.assignee().isPresent()));
    }));
  }

  /**
   * The problem came back (D-19). Within the warranty period after the solution, the ticket
   * reopens and goes back to the technician who found the solution, who is notified, and the
   * reopen is counted. After the warranty (or for help that was never guaranteed, D-01), a new
   * ticket opens, linked to the old one, which stays as it was.
   *
   * @param actor the customer, or any technician taking their call
   * @param ticket a resolved or closed ticket
   * @param reason what is wrong again
   * @return the ticket that continues the case: the reopened one, or the new follow-up ticket
   */
  public Ticket reopen(Actor actor, TicketId ticket, String reason) {
    CommandValidator check = command("reopen", actor, ticket);
    String text = check.text("reason", reason, Ticket.DESCRIPTION_MAX);
    check.done();
    return reopen(actor, ticket, text, Optional.empty());
  }

  private Ticket reopen(Actor actor, TicketId id, String reason, Optional<ContactReference> contact) {
    Ticket reopened = act(actor, id, TicketAction.REOPEN, (before, step) -> {
      if (!isUnderWarranty(before, step.now)) {
        return null; // the case continues in a follow-up ticket, below
      }
      Optional<Technician> solver = solver(before);
      Tier tier = solver.map(Technician::tier).filter(tiers::contains).orElse(before.tier());
      step.record(new TicketEvent.Reopened(true), Note.forCustomer(reason));
      if (contact.isPresent()) {
        step.record(new TicketEvent.CustomerReplied(contact), Note.forCustomer(reason));
      }
      solver.ifPresent(owner -> notifyTechnician(step, owner, NotificationKind.REOPENED, Map.of("note", reason)));
      return step.change().tier(tier).assignee(solver.map(Technician::id).orElse(null))
          .department(null).reopenCount(before.reopenCount() + 1)
          .status(step.status(solver.isPresent()));
    });
    if (reopened.status() == TicketStatus.REOPENED) {
      return synced(reopened);
    }
    return openFollowUp(actor, reopened, reason, contact);
  }

  /**
   * Who found the solution the customer got: the technician who resolved it, or, when the first
   * line passed on a higher tier's solution (D-14), the technician of that tier.
   */
  private Optional<Technician> solver(Ticket ticket) {
    List<TicketEvent> history = tickets.history(ticket.id());
    for (int i = history.size() - 1; i >= 0; i--) {
      TicketEvent.Change change = history.get(i).change();
      if (change instanceof TicketEvent.Reopened) {
        break;
      }
      if (change instanceof TicketEvent.ReturnedForFollowUp) {
        return technicianBehind(history.get(i).actor());
      }
    }
    return ticket.resolution().flatMap(r -> technicianBehind(r.resolvedBy()));
  }

  private Optional<Technician> technicianBehind(Actor actor) {
    return actor.role() == Actor.Role.TECHNICIAN ? technicians.find(TechnicianId.of(actor.id())) : Optional.empty();
  }

  private Ticket openFollowUp(Actor actor, Ticket old, String reason, Optional<ContactReference> contact) {
    Customer customer = customers.get(old.customer());
    String subject = "Follow-up of " + old.id() + ": " + old.subject();
    Ticket followUp = Ticket.builder()
        .id(tickets.nextId())
        .customer(old.customer())
        .channel(contact.map(ContactReference::channel).orElse(old.channel()))
        .category(old.category())
        .subject(subject.length() <= Ticket.SUBJECT_MAX ? subject : subject.substring(0, Ticket.SUBJECT_MAX))
        .description(reason)
        .systemInformation(old.systemInformation().orElse(null))
        .priority(old.priority())
        .tier(tiers.first())
        .entered(clock.instant())
        .link(new TicketLink(LinkType.FOLLOW_UP_OF, old.id()))
        .source(contact.orElse(null))
        .build();
    Ticket opened = open(followUp, actor, Note.forCustomer(reason), customer, Optional.empty());
    act(Actor.system(), old.id(), TicketAction.COMMENT, (before, step) -> {
      if (before.links().contains(new TicketLink(LinkType.RELATED_TO, opened.id()))) {
        return null;
      }
      step.record(new TicketEvent.Commented(), Note.forCustomer("Continued in ticket " + opened.id()));
      return step.change().link(new TicketLink(LinkType.RELATED_TO, opened.id()));
    });
    return opened;
  }

  private boolean isUnderWarranty(Ticket ticket, Instant now) {
    return ticket.supportMode().isGuaranteed() && ticket.resolution()
        .map(r -> !now.isAfter(r.resolvedAt().plus(warranty))).orElse(false);
  }

  /**
   * Withdraws a ticket without a solution; the customer is told unless they withdrew it themselves.
   *
   * @param actor the customer, a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param reason why; kept as a public note
   * @return the ticket, {@code CANCELLED}
   */
  public Ticket cancel(Actor actor, TicketId ticket, String reason) {
    CommandValidator check = command("cancel", actor, ticket);
    String text = check.text("reason", reason, 2_000);
    check.done();
    return synced(act(actor, ticket, TicketAction.CANCEL, (before, step) -> {
      step.record(new TicketEvent.Cancelled(), Note.forCustomer(text));
      if (actor.role() != Actor.Role.CUSTOMER) {
        notifyCustomer(step, customers.get(before.customer()), NotificationKind.CANCELLED, Map.of("note", text));
      }
      return step.change().department(null).status(step.status(before.assignee().isPresent()));
    }));
  }

  /**
   * Merges a duplicate into another open ticket of the same customer, which continues the case; the
   * customer is told.
   *
   * @param actor a technician of the duplicate's tier, or a supervisor
   * @param duplicate the ticket to merge
   * @param into the open ticket that continues the case
   * @return the duplicate, {@code MERGED}
   * @throws ValidationException if both are the same ticket, or the target is not open or belongs to
   *     another customer
   */
  public Ticket merge(Actor actor, TicketId duplicate, TicketId into) {
    CommandValidator check = command("merge", actor, duplicate);
    check.required("into", into);
    check.done();
    return synced(act(actor, duplicate, TicketAction.MERGE, (before, step) -> {
      Optional<Ticket> target = tickets.find(into);
      String problem = into.equals(duplicate) ? "must be another ticket"
          : target.isEmpty() ? "must exist"
          : !target.get().customer().equals(before.customer()) ? "must belong to the same customer"
          : !target.get().status().isOpen() ? "must be open, " + into + " is " + target.get().status()
          : null;
      if (problem != null) {
        throw new ValidationException("merge", List.of(new Violation("into", problem)));
      }
      step.record(new TicketEvent.Merged(into), Note.NONE);
      notifyCustomer(step, customers.get(before.customer()), NotificationKind.MERGED, Map.of("other", into.value()));
      return step.change().link(new TicketLink(LinkType.DUPLICATE_OF, into)).status(step.status(false));
    }));
  }

  /**
   * Adds a note to a ticket. A public note from staff is also sent to the customer as a status
   * update; an internal one is for staff only. Customers speak through {@link #reply}.
   *
   * @param actor any technician, a supervisor or the system
   * @param ticket the ticket
   * @param note the note and who may read it
   * @return the ticket
   */
  public Ticket comment(Actor actor, TicketId ticket, Note note) {
    CommandValidator check = command("comment", actor, ticket);
    if (check.required("note", note) != null) {
      check.text("note.text", note.text(), Note.MAX_LENGTH);
    }
    check.done();
    return act(actor, ticket, TicketAction.COMMENT, (before, step) -> {
      step.record(new TicketEvent.Commented(), note);
      if (note.visibility() == Visibility.PUBLIC) {
        notifyCustomer(step, customers.get(before.customer()), NotificationKind.STATUS_UPDATE,
            Map.of("note", note.text()));
      }
      return step.change();
    });
  }

  /**
   * Changes a ticket's priority.
   *
   * @param actor a technician of the ticket's tier, or a supervisor
   * @param ticket the ticket
   * @param priority the new priority
   * @return the ticket
   */
  public Ticket changePriority(Actor actor, TicketId ticket, Priority priority) {
    CommandValidator check = command("changePriority", actor, ticket);
    check.required("priority", priority);
    check.done();
    return synced(act(actor, ticket, TicketAction.CHANGE_PRIORITY, (before, step) -> {
      if (before.priority() == priority) {
        return null;
      }
      step.record(new TicketEvent.PriorityChanged(before.priority(), priority), Note.NONE);
      if (serviceLevels != null) {
        // The first policy that matches may differ at the new priority; the clocks keep their time.
        String policy = serviceLevels.policyFor(before.toBuilder().priority(priority).build(),
            customers.get(before.customer())).map(SlaPolicy::name).orElse("");
        if (!policy.equals(before.slaPolicy().orElse(""))) {
          step.record(Actor.system(), before.status(), before.tier(), new TicketEvent.SlaPolicyApplied(policy),
              Note.NONE);
        }
      }
      return step.change().priority(priority);
    }));
  }

  /**
   * The customer rates the help they got, once a solution was given (D-24): a score from 1 (very
   * dissatisfied) to 5 (very satisfied) and, if they like, a comment. Rating again replaces the
   * earlier rating in the reports; both stay in the history.
   *
   * @param actor the ticket's customer; nobody rates on their behalf
   * @param ticket a resolved or closed ticket
   * @param score 1 to 5
   * @param comment what the customer says about the help, may be empty or {@code null}
   * @return the ticket
   * @throws ValidationException if the score is out of range or the comment too long
   * @throws AccessDeniedException if the actor is not the ticket's customer
   * @throws IllegalTransitionException if no solution was given yet
   */
  public Ticket rate(Actor actor, TicketId ticket, int score, String comment) {
    CommandValidator check = command("rate", actor, ticket);
    check.range("score", score, TicketEvent.Rated.LOWEST, TicketEvent.Rated.HIGHEST);
    String text = check.optionalText("comment", comment, 2_000);
    check.done();
    if (actor.role() != Actor.Role.CUSTOMER) {
      throw new AccessDeniedException(actor, "rate ticket " + ticket + ": only its customer rates the help they got");
    }
    return act(actor, ticket, TicketAction.RATE, (before, step) -> {
      step.record(new TicketEvent.Rated(score), Note.forCustomer(text));
      return step.change();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns a ticket.
   *
   * @param actor who asks; a customer may read only their own tickets
   * @param ticket the ticket
   * @return the ticket as stored
   * @throws NotFoundException if there is no such ticket
   * @throws AccessDeniedException if a customer asks for another customer's ticket
   */
  public Ticket ticket(Actor actor, TicketId ticket) {
    Ticket found = tickets.get(CommandValidator.required("ticket", "ticket", ticket));
    access.checkCanRead(CommandValidator.required("ticket", "actor", actor), found);
    return found;
  }

  /**
   * Returns every step of a ticket's journey, in order (D-16). A customer sees every step but
   * internal comments, and no internal notes.
   *
   * @param actor who asks; a customer may read only their own tickets
   * @param ticket the ticket
   * @return the history
   */
  public List<TicketEvent> history(Actor actor, TicketId ticket) {
    ticket(actor, ticket);
    List<TicketEvent> history = tickets.history(ticket);
    if (actor.isStaff()) {
      return history;
    }
    return history.stream().filter(TicketEvent::isVisibleToCustomer).map(TicketEvent::asSeenByCustomer).toList();
  }

  /**
   * Returns a page of tickets, oldest first, with their ages: the work queues of D-15 (for example
   * {@code TicketQuery.open().tier(Tier.SPECIALISTS)}, or {@code .assignee(...)}, or {@code
   * .department(...)}).
   *
   * @param actor who asks; a customer may list only their own tickets
   * @param query the filters and page
   * @return the page, with each ticket's age now
   * @throws AccessDeniedException if a customer's query is not limited to their own tickets
   */
  public WorkQueue workQueue(Actor actor, TicketQuery query) {
    CommandValidator.required("workQueue", "query", query);
    if (!CommandValidator.required("workQueue", "actor", actor).isStaff()
        && !query.customer().map(actor::is).orElse(false)) {
      throw new AccessDeniedException(actor, "list tickets other than their own");
    }
    if (actor.role() == Actor.Role.TECHNICIAN) {
      access.technician(actor);
    }
    Instant now = clock.instant();
    TicketPage page = tickets.query(query);
    List<WorkQueue.Entry> entries = new ArrayList<>(page.tickets().size());
    for (Ticket t : page.tickets()) {
      entries.add(new WorkQueue.Entry(t, t.age(now)));
    }
    return new WorkQueue(now, entries, page.next());
  }

  /**
   * Returns the desk's reports (D-20…D-24): traffic, queue service level, technicians, question
   * trends and KPIs, read from the stored history in one pass, in the time zone of the desk's clock;
   * and staffing from measured traffic.
   *
   * @return the analytics of this desk's stores
   */
  public Analytics analytics() {
    return Analytics.of(tickets, technicians, queueEvents, clock.getZone());
  }

  /**
   * Starts the options of a report over a period with what this desk knows filled in: SLA
   * attainment from each ticket's recorded service-level results (a ticket with a policy met its
   * agreement when it missed no target), time to resolve in the desk's {@linkplain
   * Builder#businessCalendar business calendar}, and self-service from the knowledge base (which
   * articles customers can read, and the self-service sessions that ended without a ticket). Pass
   * the built options to {@code analytics().report(options)}.
   *
   * @param from the first instant of the period
   * @param to the first instant after it
   * @return the options, ready to build or to adjust
   */
  public ReportOptions.Builder reportOptions(Instant from, Instant to) {
    return ReportOptions.period(from, to)
        .sla((ticket, history) -> ticket.slaPolicy().isEmpty() ? SlaCheck.Outcome.NOT_TRACKED
            : ticket.slaResults().stream().allMatch(SlaResult::met) ? SlaCheck.Outcome.MET : SlaCheck.Outcome.MISSED)
        .businessTime(calendar::between)
        .selfService(new dev.helpdesk.core.analytics.SelfService() {
          @Override
          public boolean isPublic(ArticleId article) {
            return knowledge.find(article).map(a -> a.isPublished() && a.audience() == Visibility.PUBLIC)
                .orElse(false);
          }

          @Override
          public Map<String, Long> deflections(Instant start, Instant end) {
            long deflected = selfService.deflectedBetween(start, end);
            return deflected == 0 ? Map.of() : Map.of(SelfService.CATEGORY, deflected);
          }
        });
  }

  /**
   * Returns every report of a period (D-20…D-24), with the {@linkplain #reportOptions options this
   * desk fills in}.
   *
   * @param from the first instant of the period
   * @param to the first instant after it
   * @return the reports
   */
  public DeskReport report(Instant from, Instant to) {
    return analytics().report(reportOptions(from, to).build());
  }

  /**
   * Returns notifications in one delivery state: pending ones waiting for (another) attempt, failed
   * ones given up on, delivered ones.
   *
   * @param state the state
   * @param limit the most entries to return
   * @return the entries, in the order they reached the state
   */
  public List<OutboxEntry> notifications(DeliveryState state, int limit) {
    return tickets.outbox().list(CommandValidator.required("notifications", "state", state), limit);
  }

  // ---------------------------------------------------------------------------------------------
  // Time-driven work
  // ---------------------------------------------------------------------------------------------

  /**
   * Does the work that falls due by {@code now}: closes resolved tickets whose customer stayed
   * silent for the quiet period, sends courtesy updates to customers of open tickets with no news
   * for longer than the update interval and reminds their owners (D-17), records the SLA warnings
   * and breaches that fell due and tells the owners and the supervisor (issue 6), and delivers
   * pending notifications, retrying refused ones with back-off. Call it from any scheduler, as often
   * as you like; each due item is done once. SLA work looks only at the tickets whose next warning or
   * breach has come, never at every open ticket.
   *
   * <p>It also keeps knowledge-base search in step with articles that other nodes sharing the
   * knowledge store wrote, published or archived (D-11): it asks the store for its {@linkplain
   * KnowledgeStore#articleChanges change count}, one cheap read, and reloads the search index only
   * when the count moved. So the host's scheduler, calling this every few seconds, is what makes a
   * change on one node searchable on the others.
   *
   * @param now the current instant
   * @return what was done
   */
  public WorkDone advanceTo(Instant now) {
    CommandValidator.required("advanceTo", "now", now);
    followKnowledgeChanges();
    selfService.advanceTo(now);
    int closed = forEachTicket(TicketQuery.all().status(TicketStatus.RESOLVED), ticket ->
        isQuietSinceResolved(ticket, now) && autoClose(ticket.id(), now));
    int[] informed = new int[2];
    forEachTicket(TicketQuery.all().status(OWED_NEWS), ticket -> {
          if (!isOwedNews(ticket, now)) {
            return false;
          }
          Ticket updated = keepInformed(ticket.id(), now);
          if (updated != null) {
            informed[0]++;
            informed[1] += updated.assignee().isPresent() ? 1 : 0;
          }
          return updated != null;
        });
    if (slaAgenda != null) {
      for (TicketId due : slaAgenda.takeDue(now)) {
        trackSla(due, now);
      }
    }
    if (router != null) {
      carryOut(router.advanceTo(now));
    }
    Deliveries.Counts counts = deliveries.deliverDue(now);
    return new WorkDone(now, closed, informed[0], informed[1], counts.delivered, counts.retried, counts.failed);
  }

  private interface TicketTask {
    boolean run(Ticket ticket);
  }

  /** Runs a task on every ticket a query selects, page by page; one failing ticket does not stop the rest. */
  private int forEachTicket(TicketQuery query, TicketTask task) {
    int done = 0;
    Optional<TicketQuery> next = Optional.of(query.limit(PAGE));
    while (next.isPresent()) {
      TicketPage page = tickets.query(next.get());
      for (Ticket ticket : page.tickets()) {
        try {
          if (task.run(ticket)) {
            done++;
          }
        } catch (HelpDeskException e) {
          LOG.warn("Time-driven work on ticket {} failed: {}", ticket.id(), e.getMessage());
        }
      }
      next = page.next();
    }
    return done;
  }

  private boolean isQuietSinceResolved(Ticket ticket, Instant now) {
    return ticket.status() == TicketStatus.RESOLVED && ticket.resolution()
        .map(r -> !now.isBefore(r.resolvedAt().plus(autoCloseAfter))).orElse(false);
  }

  private boolean isOwedNews(Ticket ticket, Instant now) {
    return OWED_NEWS.contains(ticket.status()) && !now.isBefore(ticket.customerUpdated().plus(statusUpdateEvery));
  }

  private boolean autoClose(TicketId id, Instant now) {
    try {
      Ticket closed = act(Actor.system(), id, TicketAction.CLOSE, now, null, (before, step) -> {
        if (!isQuietSinceResolved(before, now)) {
          return null;
        }
        step.record(new TicketEvent.Closed(TicketEvent.ClosureReason.NO_RESPONSE), Note.NONE);
        notifyCustomer(step, customers.get(before.customer()), NotificationKind.CLOSED,
            Map.of("solution", before.resolution().map(Resolution::solution).orElse("")));
        return step.change().status(TicketStatus.CLOSED);
      });
      return closed.status() == TicketStatus.CLOSED;
    } catch (IllegalTransitionException moved) {
      return false; // the customer answered in the meantime
    }
  }

  private Ticket keepInformed(TicketId id, Instant now) {
    try {
      Ticket updated = act(Actor.system(), id, TicketAction.KEEP_INFORMED, now, null,
          (before, step) -> {
            if (!isOwedNews(before, now)) {
              return null;
            }
            String age = Duration.between(before.customerUpdated(), now).toHours() / 24 + "d";
            step.record(new TicketEvent.StatusUpdateSent(), Note.NONE);
            notifyCustomer(step, customers.get(before.customer()), NotificationKind.STATUS_UPDATE, Map.of("note", ""));
            before.assignee().flatMap(technicians::find).ifPresent(owner -> {
              step.record(new TicketEvent.ReminderSent(), Note.internal("No update for the customer in " + age));
              notifyTechnician(step, owner, NotificationKind.REMINDER,
                  Map.of("age", age));
            });
            return step.change().customerUpdated(now);
          });
      return updated.customerUpdated().equals(now) && updated.updated().equals(now) ? updated : null;
    } catch (IllegalTransitionException moved) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Service levels (issue 6)
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns where a ticket stands against its service levels now: its clocks (first response, next
   * update, resolution, time at each tier), when each falls due, and the targets met or missed so
   * far. A desk built without {@code slaPolicies} measures the same clocks without targets.
   *
   * @param actor who asks: staff only
   * @param ticket the ticket
   * @return the status, worked out from the ticket's history
   * @throws AccessDeniedException if a customer asks
   * @throws NotFoundException if there is no such ticket
   */
  public SlaStatus sla(Actor actor, TicketId ticket) {
    Ticket found = ticket(actor, ticket);
    if (!actor.isStaff()) {
      throw new AccessDeniedException(actor, "see the service levels of ticket " + ticket);
    }
    ServiceLevels levels = serviceLevels != null ? serviceLevels : ServiceLevels.none();
    return levels.status(found, tickets.history(ticket), clock.instant());
  }

  /** The ticket with the SLA state a status holds, in the same update. */
  private static TicketUpdate measured(TicketUpdate update, SlaStatus sla) {
    Ticket measured = sla.applyTo(update.ticket());
    return measured == update.ticket() ? update : new TicketUpdate(measured, update.events(), update.notifications());
  }

  /**
   * Records, as the desk, the SLA warnings and breaches that fell due by the step's instant, and
   * tells the owner (a warning on a ticket nobody owns goes to the supervisor; a breach goes to both).
   * Returns the history read.
   */
  private List<TicketEvent> recordOverdueSla(Ticket before, Step step) {
    List<TicketEvent> history = tickets.history(before.id());
    if (!Lifecycle.allows(before.status(), TicketAction.TRACK_SLA)) {
      return history;
    }
    SlaStatus status = serviceLevels.status(before, history, step.now);
    if (status.overdue().isEmpty()) {
      return history;
    }
    Optional<Technician> owner = before.assignee().flatMap(technicians::find);
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)")
        .withZone(serviceLevels.calendar().zone());
    for (TicketEvent.Change overdue : status.overdue()) {
      step.record(Actor.system(), before.status(), before.tier(), overdue, Note.NONE);
      NotificationKind kind;
      Map<String, String> values;
      if (overdue instanceof TicketEvent.SlaBreached breach) {
        kind = NotificationKind.SLA_BREACHED;
        values = slaValues(breach.target(), breach.tier(), breach.due(), 100, format);
      } else if (overdue instanceof TicketEvent.SlaWarning warning) {
        kind = NotificationKind.SLA_WARNING;
        values = slaValues(warning.target(), warning.tier(), warning.due(), warning.percent(), format);
      } else {
        continue;
      }
      owner.ifPresent(technician -> notifyTechnician(step, technician, kind, values));
      if (supervisor != null && (kind == NotificationKind.SLA_BREACHED || owner.isEmpty())) {
        step.notify(kind, supervisor, defaultLocale, values);
      }
    }
    return history;
  }

  private Map<String, String> slaValues(SlaTarget target, Optional<Tier> tier, Instant due, int percent,
      DateTimeFormatter format) {
    return Map.of("target", ServiceLevels.describe(target, tier, defaultLocale), "due", format.format(due),
        "percent", String.valueOf(percent));
  }

  /** Records what fell due for one ticket on the agenda; a ticket with nothing to record is put back. */
  private void trackSla(TicketId id, Instant now) {
    try {
      long read = tickets.get(id).version();
      Ticket after = act(Actor.system(), id, TicketAction.TRACK_SLA, now, null,
          (before, step) -> step.recorded() ? step.change() : null);
      if (after.version() == read) {
        scheduleSla(id, now);
      }
    } catch (IllegalTransitionException stopped) {
      scheduleSla(id, now); // resolved or over in the meantime: no clock runs
    } catch (HelpDeskException e) {
      LOG.warn("SLA work on ticket {} failed: {}", id, e.getMessage());
    }
  }

  /** Puts a ticket on the SLA agenda as its stored history says. */
  private void scheduleSla(TicketId id, Instant now) {
    Optional<Ticket> ticket = tickets.find(id);
    if (ticket.isPresent()) {
      SlaStatus status = serviceLevels.status(ticket.get(), tickets.history(id), now);
      slaAgenda.schedule(id, ticket.get().version(), status.nextCheck());
    }
  }

  /** The routing view of a ticket, with its SLA due instant for queues ordered by it. */
  private static WaitingTicket waiting(Ticket ticket) {
    WaitingTicket waiting = WaitingTicket.of(ticket);
    return ticket.slaDue().isPresent() ? waiting.withSlaDue(ticket.slaDue().get()) : waiting;
  }

  // ---------------------------------------------------------------------------------------------
  // The command mechanism
  // ---------------------------------------------------------------------------------------------

  /** What a command does to a ticket, once it is allowed: the changed ticket, or null for nothing. */
  private interface Change {
    Ticket.Builder apply(Ticket before, Step step);
  }

  private Ticket act(Actor actor, TicketId ticket, TicketAction action, Change change) {
    return act(actor, ticket, action, null, null, change);
  }

  private Ticket act(Actor actor, TicketId ticket, TicketAction label, Function<Ticket, TicketAction> action,
      Change change) {
    return act(actor, ticket, label, null, action, change);
  }

  /**
   * Runs a command: read, check access and the state machine, apply, store atomically; on a version
   * conflict, start over from a fresh read. After the store, deliver and tell the listeners. The
   * action is {@code label} unless {@code action} chooses one from the ticket.
   */
  private Ticket act(Actor actor, TicketId id, TicketAction label, Instant at, Function<Ticket, TicketAction> action,
      Change change) {
    CommandValidator.required(label.label(), "actor", actor);
    CommandValidator.required(label.label(), "ticket", id);
    for (int attempt = 1; ; attempt++) {
      Ticket before = tickets.get(id);
      TicketAction chosen = action == null ? label : action.apply(before);
      access.check(actor, before, chosen);
      Lifecycle.Target target = Lifecycle.target(before, chosen);
      Step step = new Step(before, actor, at != null ? at : clock.instant(), target, templates,
          () -> customerName(before));
      // SLA warnings and breaches that fell due come first, so each lands before the step that ends its clock.
      List<TicketEvent> history = serviceLevels == null ? null : recordOverdueSla(before, step);
      Ticket.Builder after = change.apply(before, step);
      if (after == null) {
        return before;
      }
      TicketUpdate update = step.finish(after);
      SlaStatus sla = null;
      if (history != null) {
        List<TicketEvent> all = new ArrayList<>(history.size() + update.events().size());
        all.addAll(history);
        all.addAll(update.events());
        sla = serviceLevels.status(update.ticket(), all, step.now);
        update = measured(update, sla);
      }
      try {
        Ticket saved = tickets.save(update);
        if (sla != null) {
          slaAgenda.schedule(saved.id(), saved.version(), sla.nextCheck());
        }
        afterCommit(saved, update);
        return saved;
      } catch (VersionConflictException conflict) {
        if (attempt == MAX_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  /**
   * Tells the router about a stored change and carries out what it decides; returns the ticket as
   * it is afterwards (the router may have assigned it). Without routing, returns it unchanged.
   */
  private Ticket routed(Ticket saved, Function<Router, List<Decision>> tell) {
    if (router == null) {
      return saved;
    }
    try {
      carryOut(tell.apply(router), 0);
    } catch (HelpDeskException | IllegalArgumentException | IllegalStateException e) {
      LOG.warn("Routing after a change to ticket {} failed: {}", saved.id(), e.getMessage());
    }
    return tickets.find(saved.id()).orElse(saved);
  }

  /** Brings the router in line with a ticket as stored: see {@link #sync}. */
  private Ticket synced(Ticket saved) {
    return routed(saved, r -> sync(r, saved));
  }

  /**
   * Tells the router what a ticket needs now: one being worked on counts against its technician
   * (the router records who has it); one with nobody is routed; one waiting on its customer, with
   * another department, resolved or finished frees its technician, who takes their next tickets.
   */
  private List<Decision> sync(Router r, Ticket t) {
    Instant now = clock.instant();
    TicketStatus status = t.status();
    if (status != TicketStatus.NEW && status != TicketStatus.ASSIGNED && status != TicketStatus.IN_PROGRESS
        && status != TicketStatus.REOPENED) {
      return r.finish(t.id(), now);
    }
    WaitingTicket waiting = waiting(t);
    if (t.assignee().isPresent()) {
      List<Decision> decisions = r.recordAssignment(waiting, t.assignee().get(), now);
      if (status == TicketStatus.IN_PROGRESS) {
        r.start(t.id());
      }
      return decisions;
    }
    List<Decision> decisions = new ArrayList<>(r.technicianOf(t.id()).isPresent() ? r.finish(t.id(), now) : List.of());
    decisions.add(r.route(waiting, now));
    return decisions;
  }

  /**
   * Carries out the router's decisions as the system: assigns, or takes back a ticket from a
   * technician who went offline, recording the router's explanation in the ticket's history. A
   * decision the ticket no longer allows (a person got there first) is logged and left.
   */
  private void carryOut(List<Decision> decisions) {
    carryOut(decisions, 0);
  }

  /**
   * Carries out decisions; one that cannot be carried out is logged, and the router is brought in
   * line with the ticket as stored ({@code depth} bounds how often that may repeat).
   */
  private void carryOut(List<Decision> decisions, int depth) {
    for (Decision decision : decisions) {
      try {
        switch (decision.outcome()) {
          case ASSIGNED -> {
            Technician assignee = technicians.get(decision.technician().orElseThrow());
            act(Actor.system(), decision.ticket(), TicketAction.ASSIGN,
                (before, step) -> assignTo(before, step, assignee, decision.explain()));
          }
          case RETURNED -> act(Actor.system(), decision.ticket(), TicketAction.RELEASE, (before, step) -> {
            if (before.assignee().isEmpty()) {
              return null;
            }
            step.record(new TicketEvent.Unassigned(before.assignee().get(), decision.explain()), Note.NONE);
            return step.change().assignee(null).status(step.status(false));
          });
          default -> {
            // Queued or held: nothing changes on the ticket until someone takes it.
          }
        }
      } catch (HelpDeskException e) {
        LOG.warn("Could not carry out routing decision '{}' for ticket {}: {}", decision.explain(),
            decision.ticket(), e.getMessage());
        Optional<Ticket> stored = tickets.find(decision.ticket());
        if (depth < 3 && stored.isPresent()) {
          carryOut(sync(router, stored.get()), depth + 1);
        }
      }
    }
  }

  private void afterCommit(Ticket saved, TicketUpdate update) {
    deliveries.afterCommit(update.notifications(), saved.updated());
    for (TicketEvent event : update.events()) {
      for (TicketEventListener listener : listeners) {
        try {
          listener.onEvent(saved, event);
        } catch (RuntimeException e) {
          LOG.warn("Listener {} failed on {} of ticket {}", listener, event.change(), saved.id(), e);
        }
      }
    }
  }

  private void notifyCustomer(Step step, Customer customer, NotificationKind kind, Map<String, String> values) {
    if (customer.email().isEmpty() && customer.phone().isEmpty()) {
      return; // nowhere to send it: a walk-in who left no contact details
    }
    Locale locale = customer.locale().equals(Locale.ROOT) ? defaultLocale : customer.locale();
    step.notify(kind, Recipient.of(customer), locale, values);
  }

  private void notifyTechnician(Step step, Technician technician, NotificationKind kind, Map<String, String> values) {
    step.notify(kind, Recipient.of(technician), defaultLocale, values);
  }

  private String customerName(Ticket ticket) {
    return customers.find(ticket.customer()).map(Customer::displayName).orElse(ticket.customer().value());
  }

  /** Stops the channel adapters. The stores are the host's and stay open. */
  @Override
  public void close() {
    for (ChannelAdapter adapter : channelAdapters) {
      try {
        adapter.close();
      } catch (RuntimeException e) {
        LOG.warn("Channel adapter {} failed to close", adapter, e);
      }
    }
  }

  @Override
  public String toString() {
    return "HelpDesk{tiers=" + tiers.size() + ", ownership=" + ownership + ", store="
        + tickets.getClass().getSimpleName() + "}";
  }

  /**
   * Configures a {@link HelpDesk}. Every option may be set once; setting one twice is a mistake
   * and throws {@link IllegalStateException}. Options left out take working defaults.
   */
  public static final class Builder {
    private Clock clock;
    private Tiers tiers;
    private Ownership ownership;
    private TicketStore ticketStore;
    private CustomerStore customerStore;
    private TechnicianStore technicianStore;
    private QueueEventStore queueEventStore;
    private Notifier notifier;
    private List<TicketEventListener> listeners;
    private List<Department> departments;
    private List<ChannelAdapter> channelAdapters;
    private Duration warranty;
    private Duration autoCloseAfter;
    private Duration statusUpdateEvery;
    private Locale defaultLocale;
    private NotificationTemplates templates;
    private DeliveryRetries deliveryRetries;
    private NotificationDelivery notificationDelivery;
    private RoutingRules routing;
    private KnowledgeStore knowledgeStore;
    private Synonyms synonyms;
    private Double learningWeight;
    private Duration deflectionWindow;
    private List<SlaPolicy> slaPolicies;
    private BusinessCalendar businessCalendar;
    private Recipient supervisor;

    private Builder() {}

    private static <T> T once(String option, T current, T value) {
      Objects.requireNonNull(value, option);
      if (current != null) {
        throw new IllegalStateException(option + " is already set to " + current);
      }
      return value;
    }

    private static Duration positive(String option, Duration current, Duration value) {
      Duration set = once(option, current, value);
      if (set.isNegative() || set.isZero()) {
        throw new IllegalArgumentException(option + " must be positive, was " + set);
      }
      return set;
    }

    /**
     * Sets the only source of time; every instant the desk records comes from it. Default: the
     * system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = once("clock", this.clock, clock);
      return this;
    }

    /**
     * Sets the support levels (D-09). Default: the four of the seeds.
     *
     * @param tiers levels 1 to N
     * @return this builder
     */
    public Builder tiers(Tiers tiers) {
      this.tiers = once("tiers", this.tiers, tiers);
      return this;
    }

    /**
     * Sets who follows a solved ticket through (D-14). Default: the solving tier.
     *
     * @param ownership the policy
     * @return this builder
     */
    public Builder ownership(Ownership ownership) {
      this.ownership = once("ownership", this.ownership, ownership);
      return this;
    }

    /**
     * Sets where tickets, their history and their outbox are stored. Default: in memory.
     *
     * @param store the ticket store
     * @return this builder
     */
    public Builder ticketStore(TicketStore store) {
      this.ticketStore = once("ticketStore", this.ticketStore, store);
      return this;
    }

    /**
     * Sets where customers are registered. Default: in memory.
     *
     * @param store the customer store
     * @return this builder
     */
    public Builder customerStore(CustomerStore store) {
      this.customerStore = once("customerStore", this.customerStore, store);
      return this;
    }

    /**
     * Sets where technicians are kept. Default: in memory.
     *
     * @param store the technician store
     * @return this builder
     */
    public Builder technicianStore(TechnicianStore store) {
      this.technicianStore = once("technicianStore", this.technicianStore, store);
      return this;
    }

    /**
     * Sets where the queue events that channel adapters report are kept (D-21). Default: in memory.
     *
     * @param store the queue event store
     * @return this builder
     */
    public Builder queueEventStore(QueueEventStore store) {
      this.queueEventStore = once("queueEventStore", this.queueEventStore, store);
      return this;
    }

    /**
     * Sets who delivers notifications. Default: the {@link java.util.ServiceLoader}-discovered
     * notifier with the highest priority, else a {@link LoggingNotifier}.
     *
     * @param notifier the notifier
     * @return this builder
     */
    public Builder notifier(Notifier notifier) {
      this.notifier = once("notifier", this.notifier, notifier);
      return this;
    }

    /**
     * Sets the listeners that hear every ticket event after it is stored. Default: none.
     *
     * @param listeners the listeners, called in this order
     * @return this builder
     */
    public Builder listeners(TicketEventListener... listeners) {
      this.listeners = once("listeners", this.listeners, List.of(listeners));
      return this;
    }

    /**
     * Sets the departments tickets can be handed off to (D-13). Default: none.
     *
     * @param departments the departments
     * @return this builder
     */
    public Builder departments(Department... departments) {
      this.departments = once("departments", this.departments, List.of(departments));
      return this;
    }

    /**
     * Sets the channel adapters the desk starts when built and stops when closed. Default: none.
     *
     * @param adapters the adapters
     * @return this builder
     */
    public Builder channelAdapters(ChannelAdapter... adapters) {
      this.channelAdapters = once("channelAdapters", this.channelAdapters, List.of(adapters));
      return this;
    }

    /**
     * Sets how long after a solution a returning problem reopens its ticket (D-19). Default: 30 days.
     *
     * @param period the warranty period
     * @return this builder
     */
    public Builder warranty(Duration period) {
      this.warranty = positive("warranty", this.warranty, period);
      return this;
    }

    /**
     * Sets how long a resolved ticket waits for the customer's confirmation before it closes by
     * itself. Default: 5 days.
     *
     * @param quietPeriod the quiet period
     * @return this builder
     */
    public Builder autoCloseAfter(Duration quietPeriod) {
      this.autoCloseAfter = positive("autoCloseAfter", this.autoCloseAfter, quietPeriod);
      return this;
    }

    /**
     * Sets how long an open ticket may go without news for its customer before the desk sends a
     * courtesy update and reminds its owner (D-17). Default: 2 days.
     *
     * @param cadence the longest silence
     * @return this builder
     */
    public Builder statusUpdateEvery(Duration cadence) {
      this.statusUpdateEvery = positive("statusUpdateEvery", this.statusUpdateEvery, cadence);
      return this;
    }

    /**
     * Sets the language for staff notifications and for customers who stated none. Default:
     * English.
     *
     * @param locale the language
     * @return this builder
     */
    public Builder defaultLocale(Locale locale) {
      this.defaultLocale = once("defaultLocale", this.defaultLocale, locale);
      return this;
    }

    /**
     * Sets the notification texts. Default: {@link NotificationTemplates#defaults()}, English and
     * Spanish.
     *
     * @param templates the templates
     * @return this builder
     */
    public Builder templates(NotificationTemplates templates) {
      this.templates = once("templates", this.templates, templates);
      return this;
    }

    /**
     * Sets how refused notifications are retried. Default: {@link DeliveryRetries#DEFAULT}.
     *
     * @param retries the retry policy
     * @return this builder
     */
    public Builder deliveryRetries(DeliveryRetries retries) {
      this.deliveryRetries = once("deliveryRetries", this.deliveryRetries, retries);
      return this;
    }

    /**
     * Sets when notifications are handed to the notifier. Default: {@link
     * NotificationDelivery#IMMEDIATE}.
     *
     * @param delivery when to deliver
     * @return this builder
     */
    public Builder notificationDelivery(NotificationDelivery delivery) {
      this.notificationDelivery = once("notificationDelivery", this.notificationDelivery, delivery);
      return this;
    }

    /**
     * Lets the desk route tickets (issue 4): a new ticket goes to the technician the rules choose,
     * or waits in its tier's queue; a technician who finishes, escalates, hands off or releases a
     * ticket, or becomes available, takes the next one they can work on; one who goes offline gives
     * back the tickets they had not started. Every assignment records the router's explanation.
     * Without this option tickets are assigned by hand.
     *
     * @param rules the routing rules; their tiers must be the desk's, and they must not use offers
     * @return this builder
     */
    public Builder routing(RoutingRules rules) {
      this.routing = once("routing", this.routing, rules);
      return this;
    }

    /**
     * Sets where knowledge-base articles and outage bulletins are stored. Default: in memory.
     *
     * @param store the knowledge store
     * @return this builder
     */
    public Builder knowledgeStore(KnowledgeStore store) {
      this.knowledgeStore = once("knowledgeStore", this.knowledgeStore, store);
      return this;
    }

    /**
     * Measures tickets against service levels (issue 6): each new ticket gets the first of these
     * policies that applies to it (and a change of priority chooses again), its clocks count business
     * time in the {@link #businessCalendar} unless the policy has its own calendar, and {@link
     * #advanceTo} records the warnings and breaches that fall due as events, telling the owner and
     * the {@link #supervisor}. Each ticket keeps its first response instant and whether each target
     * was met. Without this option the desk keeps no SLA: no policy, no SLA events, no cost.
     *
     * @param policies the policies, in the order they are tried; names unique
     * @return this builder
     */
    public Builder slaPolicies(SlaPolicy... policies) {
      this.slaPolicies = once("slaPolicies", this.slaPolicies, List.of(policies));
      return this;
    }

    /**
     * Sets the words the knowledge base searches as one (D-11). Default: {@link
     * Synonyms#itDefaults()}, the common Spanish and English IT synonyms.
     *
     * @param synonyms the synonyms
     * @return this builder
     */
    public Builder synonyms(Synonyms synonyms) {
      this.synonyms = once("synonyms", this.synonyms, synonyms);
      return this;
    }

    /**
     * Sets the calendar SLA targets are counted in, unless a policy has its own; it matters only with
     * {@link #slaPolicies}. Default: around the clock, {@link BusinessCalendar#twentyFourSeven()}.
     *
     * @param calendar the desk's working hours and holidays
     * @return this builder
     */
    public Builder businessCalendar(BusinessCalendar calendar) {
      this.businessCalendar = once("businessCalendar", this.businessCalendar, calendar);
      return this;
    }

    /**
     * Sets how much an article that resolved tickets of a category is lifted in the suggestions for
     * tickets of that category: by a factor of {@code 1 + weight × ln(1 + resolutions)}. Default
     * 0.25; 0 turns it off.
     *
     * @param weight 0 to 10
     * @return this builder
     */
    public Builder learnFromResolutions(double weight) {
      if (!(weight >= 0 && weight <= 10)) {
        throw new IllegalArgumentException("learnFromResolutions must be 0 to 10, was " + weight);
      }
      this.learningWeight = once("learnFromResolutions", this.learningWeight, weight);
      return this;
    }

    /**
     * Sets how long after a customer's last self-service search a ticket still counts as theirs:
     * a session with no ticket within it is deflected (D-23). Default: one hour.
     *
     * @param window the quiet period that ends a session
     * @return this builder
     */
    public Builder deflectionWindow(Duration window) {
      this.deflectionWindow = positive("deflectionWindow", this.deflectionWindow, window);
      return this;
    }

    /**
     * Sets the desk's supervisor contact, told of every SLA breach and of warnings on tickets nobody
     * owns, in the desk's default language. Default: none, and only owners are told.
     *
     * @param supervisor a recipient of kind {@link Recipient.Kind#SUPERVISOR}
     * @return this builder
     * @throws IllegalArgumentException if the recipient is not a supervisor
     */
    public Builder supervisor(Recipient supervisor) {
      Recipient set = once("supervisor", this.supervisor, supervisor);
      if (set.kind() != Recipient.Kind.SUPERVISOR) {
        throw new IllegalArgumentException("supervisor must be a recipient of kind SUPERVISOR, was " + set.kind());
      }
      this.supervisor = set;
      return this;
    }

    /**
     * Builds the desk and starts its channel adapters.
     *
     * @return the desk
     */
    public HelpDesk build() {
      HelpDesk desk = new HelpDesk(this);
      List<ChannelAdapter> started = new ArrayList<>();
      for (ChannelAdapter adapter : desk.channelAdapters.stream()
          .sorted(Comparator.comparingInt(ChannelAdapter::priority).reversed()).toList()) {
        try {
          adapter.start(desk);
          started.add(adapter);
        } catch (RuntimeException e) {
          started.forEach(ChannelAdapter::close);
          throw e;
        }
      }
      return desk;
    }
  }
}
