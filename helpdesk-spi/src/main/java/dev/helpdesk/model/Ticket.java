package dev.helpdesk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's case, from the contact that opened it until it is closed (D-04): who, through which
 * channel, what the problem is and on which system, how urgent, at which tier and with whom, and
 * where it stands. Immutable; change it with {@link #toBuilder()}.
 *
 * <p>A ticket is a versioned aggregate: it has version 0 until a store first creates it, and every
 * save is a compare-and-set on the version that bumps it by one. Its history is the list of
 * {@link TicketEvent}s stored with it.
 *
 * <p>The constructor enforces the invariants every stored ticket keeps: a ticket that is assigned
 * or in progress has an assignee, one with another department names it (and only then), a resolved
 * or closed one has its resolution, a merged one links to the ticket it duplicates, and it was never
 * updated before it was entered.
 */
public final class Ticket {
  /** Limits of the text fields, as the constructor enforces them. */
  public static final int SUBJECT_MAX = 200;
  /** The longest description accepted. */
  public static final int DESCRIPTION_MAX = 20_000;
  /** The longest category name accepted. */
  public static final int CATEGORY_MAX = 100;

  private final TicketId id;
  private final long version;
  private final CustomerId customer;
  private final Channel channel;
  private final SupportMode supportMode;
  private final String category;
  private final String subject;
  private final String description;
  private final SystemInformation systemInformation;
  private final Priority priority;
  private final Tier tier;
  private final TechnicianId assignee;
  private final DepartmentId department;
  private final TicketStatus status;
  private final Instant entered;
  private final Instant updated;
  private final Instant customerUpdated;
  private final List<TicketLink> links;
  private final ContactReference source;
  private final Map<String, Integer> requiredSkills;
  private final Map<String, Integer> preferredSkills;
  private final Resolution resolution;
  private final int reopenCount;
  /** Service-level state (issue 6): the policy in force, or null for none. */
  private final String slaPolicy;
  private final Instant firstResponse;
  private final Instant slaDue;
  private final List<SlaResult> slaResults;

  private Ticket(Builder b) {
    Checks checks = Checks.on(Ticket.class);
    this.id = checks.notNull("id", b.id);
    this.version = checks.atLeast("version", b.version, 0);
    this.customer = checks.notNull("customer", b.customer);
    this.channel = checks.notNull("channel", b.channel);
    this.supportMode = checks.notNull("supportMode", b.supportMode);
    this.category = checks.text("category", b.category, CATEGORY_MAX);
    this.subject = checks.text("subject", b.subject, SUBJECT_MAX);
    this.description = checks.optionalText("description", b.description, DESCRIPTION_MAX);
    this.systemInformation = b.systemInformation;
    this.priority = checks.notNull("priority", b.priority);
    this.tier = checks.notNull("tier", b.tier);
    this.assignee = b.assignee;
    this.department = b.department;
    this.status = checks.notNull("status", b.status);
    this.entered = checks.notNull("entered", b.entered);
    this.updated = checks.notNull("updated", b.updated);
    this.customerUpdated = checks.notNull("customerUpdated", b.customerUpdated);
    this.links = checks.list("links", b.links);
    this.source = b.source;
    this.requiredSkills = Technician.skills(checks, "requiredSkills", b.requiredSkills);
    this.preferredSkills = Technician.skills(checks, "preferredSkills", b.preferredSkills);
    this.resolution = b.resolution;
    this.reopenCount = (int) checks.atLeast("reopenCount", b.reopenCount, 0);
    String policy = checks.optionalText("slaPolicy", b.slaPolicy, TicketEvent.SlaPolicyApplied.NAME_MAX);
    this.slaPolicy = policy.isEmpty() ? null : policy;
    this.firstResponse = b.firstResponse;
    this.slaDue = b.slaDue;
    this.slaResults = checks.list("slaResults", b.slaResults);

    if (entered != null && firstResponse != null && firstResponse.isBefore(entered)) {
      checks.fail("firstResponse", "must not be before entered (" + entered + ")");
    }
    for (int i = 0; i < slaResults.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (slaResults.get(i).sameTargetAs(slaResults.get(j))) {
          checks.fail("slaResults", "must hold one result per target and tier, "
              + slaResults.get(i).target() + slaResults.get(i).tier().map(t -> " at " + t).orElse("") + " is repeated");
        }
      }
    }
    if (entered != null && updated != null) {
      if (updated.isBefore(entered)) {
        checks.fail("updated", "must not be before entered (" + entered + ")");
      }
    }
    if (entered != null && customerUpdated != null) {
      if (customerUpdated.isBefore(entered)) {
        checks.fail("customerUpdated", "must not be before entered (" + entered + ")");
      }
    }
    if (status != null) {
      if (assignee == null && (status == TicketStatus.ASSIGNED || status == TicketStatus.IN_PROGRESS)) {
        checks.fail("assignee", "must be set while the ticket is " + status);
      }
      if ((department != null) != (status == TicketStatus.WITH_DEPARTMENT)) {
        checks.fail("department", "must be set exactly while the ticket is WITH_DEPARTMENT, status is " + status);
      }
      if (resolution == null && (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED)) {
        checks.fail("resolution", "must be set while the ticket is " + status);
      }
      checks.check(status != TicketStatus.MERGED || links.stream().anyMatch(l -> l.type() == LinkType.DUPLICATE_OF),
          "links", "must hold the DUPLICATE_OF link of a merged ticket");
    }
    for (TicketLink link : links) {
      if (link.target().equals(id)) {
        checks.fail("links", "must not link the ticket to itself");
      }
    }
    checks.done();
  }

  private Ticket(Ticket t, long version) {
    this.id = t.id;
    this.version = version;
    this.customer = t.customer;
    this.channel = t.channel;
    this.supportMode = t.supportMode;
    this.category = t.category;
    this.subject = t.subject;
    this.description = t.description;
    this.systemInformation = t.systemInformation;
    this.priority = t.priority;
    this.tier = t.tier;
    this.assignee = t.assignee;
    this.department = t.department;
    this.status = t.status;
    this.entered = t.entered;
    this.updated = t.updated;
    this.customerUpdated = t.customerUpdated;
    this.links = t.links;
    this.source = t.source;
    this.requiredSkills = t.requiredSkills;
    this.preferredSkills = t.preferredSkills;
    this.resolution = t.resolution;
    this.reopenCount = t.reopenCount;
    this.slaPolicy = t.slaPolicy;
    this.firstResponse = t.firstResponse;
    this.slaDue = t.slaDue;
    this.slaResults = t.slaResults;
  }

  /**
   * Returns this ticket at another version; stores use it when they save. Nothing else changes,
   * so nothing is validated again.
   *
   * @param version the stored version, not negative
   * @return the copy
   */
  public Ticket withVersion(long version) {
    if (version < 0) {
      throw new ValidationException("Ticket", java.util.List.of(new Violation("version", "must be at least 0, was " + version)));
    }
    return version == this.version ? this : new Ticket(this, version);
  }

  /**
   * Starts a new ticket: status {@link TicketStatus#NEW}, {@link Priority#MEDIUM} priority, version
   * 0, support mode from the channel unless set.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this ticket's values, to derive a changed copy.
   *
   * @return a builder initialised from this ticket
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** @return the ticket's identifier */
  public TicketId id() {
    return id;
  }

  /** @return 0 before the ticket is first stored; bumped by one on every save */
  public long version() {
    return version;
  }

  /** @return the customer the case belongs to */
  public CustomerId customer() {
    return customer;
  }

  /** @return the channel of the contact that opened it (D-02) */
  public Channel channel() {
    return channel;
  }

  /** @return how support is given (D-01) */
  public SupportMode supportMode() {
    return supportMode;
  }

  /** @return the kind of question or problem, such as "printing" (D-23) */
  public String category() {
    return category;
  }

  /** @return one line saying what the case is about */
  public String subject() {
    return subject;
  }

  /** @return everything the customer told, possibly empty */
  public String description() {
    return description;
  }

  /** @return what is known of the system with the problem (D-04) */
  public Optional<SystemInformation> systemInformation() {
    return Optional.ofNullable(systemInformation);
  }

  /** @return how urgent the case is */
  public Priority priority() {
    return priority;
  }

  /** @return the level that works on it now */
  public Tier tier() {
    return tier;
  }

  /** @return the technician who owns it now, if any */
  public Optional<TechnicianId> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** @return the department it was handed off to, while it is there */
  public Optional<DepartmentId> department() {
    return Optional.ofNullable(department);
  }

  /** @return where it stands */
  public TicketStatus status() {
    return status;
  }

  /** @return when it was entered, so its age is always known (D-04) */
  public Instant entered() {
    return entered;
  }

  /** @return when it last changed */
  public Instant updated() {
    return updated;
  }

  /** @return when the customer was last told something about it: a reply, a status change, an update (D-17) */
  public Instant customerUpdated() {
    return customerUpdated;
  }

  /** @return its links to other tickets */
  public List<TicketLink> links() {
    return links;
  }

  /** @return the inbound contact that opened it, when its channel identified one */
  public Optional<ContactReference> source() {
    return Optional.ofNullable(source);
  }

  /** @return skills a technician must have to take it, name to minimum level */
  public Map<String, Integer> requiredSkills() {
    return requiredSkills;
  }

  /** @return skills a technician should have, relaxed the longer it waits */
  public Map<String, Integer> preferredSkills() {
    return preferredSkills;
  }

  /** @return the latest solution given, if any (D-17) */
  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  /** @return how often it came back under warranty (D-19) */
  public int reopenCount() {
    return reopenCount;
  }

  /** @return the name of the service-level policy its clocks are measured against, if one applies (issue 6) */
  public Optional<String> slaPolicy() {
    return Optional.ofNullable(slaPolicy);
  }

  /**
   * @return when staff first responded to the customer, if they have: the instant its first-response
   *     target was measured at (issue 6)
   */
  public Optional<Instant> firstResponse() {
    return Optional.ofNullable(firstResponse);
  }

  /**
   * @return the earliest instant by which the desk owes the customer a response, an update or the
   *     solution, while a customer-facing service-level clock runs; empty while they are paused or
   *     stopped (issue 6)
   */
  public Optional<Instant> slaDue() {
    return Optional.ofNullable(slaDue);
  }

  /** @return whether each service-level target decided so far was met, one result per target and tier (issue 6) */
  public List<SlaResult> slaResults() {
    return slaResults;
  }

  /**
   * Returns the ticket's age at an instant (D-04, D-15).
   *
   * @param now the instant to measure at
   * @return the time since it was entered, never negative
   */
  public Duration age(Instant now) {
    Duration age = Duration.between(entered, now);
    return age.isNegative() ? Duration.ZERO : age;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Ticket t)) {
      return false;
    }
    return version == t.version && reopenCount == t.reopenCount && id.equals(t.id)
        && customer.equals(t.customer) && channel == t.channel && supportMode == t.supportMode
        && category.equals(t.category) && subject.equals(t.subject) && description.equals(t.description)
        && Objects.equals(systemInformation, t.systemInformation) && priority == t.priority
        && tier.equals(t.tier) && Objects.equals(assignee, t.assignee)
        && Objects.equals(department, t.department) && status == t.status && entered.equals(t.entered)
        && updated.equals(t.updated) && customerUpdated.equals(t.customerUpdated) && links.equals(t.links) && Objects.equals(source, t.source)
        && requiredSkills.equals(t.requiredSkills) && preferredSkills.equals(t.preferredSkills)
        && Objects.equals(resolution, t.resolution) && Objects.equals(slaPolicy, t.slaPolicy)
        && Objects.equals(firstResponse, t.firstResponse) && Objects.equals(slaDue, t.slaDue)
        && slaResults.equals(t.slaResults);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, status, updated);
  }

  @Override
  public String toString() {
    return "Ticket{" + id + " v" + version + " " + status + " " + priority + " " + tier
        + (assignee == null ? "" : " @" + assignee) + (department == null ? "" : " in " + department)
        + " '" + subject + "'}";
  }

  /** Builds a {@link Ticket}; {@link #build()} validates everything at once. */
  public static final class Builder {
    private TicketId id;
    private long version;
    private CustomerId customer;
    private Channel channel;
    private SupportMode supportMode;
    private String category;
    private String subject;
    private String description = "";
    private SystemInformation systemInformation;
    private Priority priority = Priority.MEDIUM;
    private Tier tier = Tier.FIRST_LINE;
    private TechnicianId assignee;
    private DepartmentId department;
    private TicketStatus status = TicketStatus.NEW;
    private Instant entered;
    private Instant updated;
    private Instant customerUpdated;
    private List<TicketLink> links = List.of();
    private ContactReference source;
    private Map<String, Integer> requiredSkills = Map.of();
    private Map<String, Integer> preferredSkills = Map.of();
    private Resolution resolution;
    private int reopenCount;
    private String slaPolicy;
    private Instant firstResponse;
    private Instant slaDue;
    private List<SlaResult> slaResults = List.of();

    private Builder() {}

    private Builder(Ticket t) {
      id = t.id;
      version = t.version;
      customer = t.customer;
      channel = t.channel;
      supportMode = t.supportMode;
      category = t.category;
      subject = t.subject;
      description = t.description;
      systemInformation = t.systemInformation;
      priority = t.priority;
      tier = t.tier;
      assignee = t.assignee;
      department = t.department;
      status = t.status;
      entered = t.entered;
      updated = t.updated;
      customerUpdated = t.customerUpdated;
      links = t.links;
      source = t.source;
      requiredSkills = t.requiredSkills;
      preferredSkills = t.preferredSkills;
      resolution = t.resolution;
      reopenCount = t.reopenCount;
      slaPolicy = t.slaPolicy;
      firstResponse = t.firstResponse;
      slaDue = t.slaDue;
      slaResults = t.slaResults;
    }

    /**
     * Sets the identifier.
     *
     * @param id the ticket's id
     * @return this builder
     */
    public Builder id(TicketId id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the version; stores do this, commands never do.
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the customer.
     *
     * @param customer whose case it is
     * @return this builder
     */
    public Builder customer(CustomerId customer) {
      this.customer = customer;
      return this;
    }

    /**
     * Sets the channel, and the support mode too if none is set yet.
     *
     * @param channel where the contact came from
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      if (supportMode == null && channel != null) {
        supportMode = channel.defaultSupportMode();
      }
      return this;
    }

    /**
     * Sets the support mode.
     *
     * @param supportMode how support is given
     * @return this builder
     */
    public Builder supportMode(SupportMode supportMode) {
      this.supportMode = supportMode;
      return this;
    }

    /**
     * Sets the category.
     *
     * @param category the kind of question or problem
     * @return this builder
     */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /**
     * Sets the subject.
     *
     * @param subject one line
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description what the customer told
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the system information.
     *
     * @param systemInformation what is known of the system, or {@code null}
     * @return this builder
     */
    public Builder systemInformation(SystemInformation systemInformation) {
      this.systemInformation = systemInformation;
      return this;
    }

    /**
     * Sets the priority.
     *
     * @param priority how urgent
     * @return this builder
     */
    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Sets the tier.
     *
     * @param tier the level working on it
     * @return this builder
     */
    public Builder tier(Tier tier) {
      this.tier = tier;
      return this;
    }

    /**
     * Sets the assignee.
     *
     * @param assignee the owning technician, or {@code null}
     * @return this builder
     */
    public Builder assignee(TechnicianId assignee) {
      this.assignee = assignee;
      return this;
    }

    /**
     * Sets the department it is with.
     *
     * @param department the department, or {@code null}
     * @return this builder
     */
    public Builder department(DepartmentId department) {
      this.department = department;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status where it stands
     * @return this builder
     */
    public Builder status(TicketStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the date entered, and the last update and last customer update too if they are not set yet.
     *
     * @param entered when it was entered
     * @return this builder
     */
    public Builder entered(Instant entered) {
      this.entered = entered;
      if (updated == null) {
        updated = entered;
      }
      if (customerUpdated == null) {
        customerUpdated = entered;
      }
      return this;
    }

    /**
     * Sets when it last changed.
     *
     * @param updated the instant of the last change
     * @return this builder
     */
    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /**
     * Sets when the customer was last told something.
     *
     * @param customerUpdated the instant of the last customer-visible update
     * @return this builder
     */
    public Builder customerUpdated(Instant customerUpdated) {
      this.customerUpdated = customerUpdated;
      return this;
    }

    /**
     * Replaces the links.
     *
     * @param links the links to other tickets
     * @return this builder
     */
    public Builder links(List<TicketLink> links) {
      this.links = links;
      return this;
    }

    /**
     * Adds a link.
     *
     * @param link a link to another ticket
     * @return this builder
     */
    public Builder link(TicketLink link) {
      List<TicketLink> copy = new ArrayList<>(links);
      copy.add(link);
      this.links = copy;
      return this;
    }

    /**
     * Sets the inbound contact that opened it.
     *
     * @param source the channel and external id, or {@code null}
     * @return this builder
     */
    public Builder source(ContactReference source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the required skills.
     *
     * @param requiredSkills skill name to minimum level
     * @return this builder
     */
    public Builder requiredSkills(Map<String, Integer> requiredSkills) {
      this.requiredSkills = requiredSkills;
      return this;
    }

    /**
     * Sets the preferred skills.
     *
     * @param preferredSkills skill name to wished-for level
     * @return this builder
     */
    public Builder preferredSkills(Map<String, Integer> preferredSkills) {
      this.preferredSkills = preferredSkills;
      return this;
    }

    /**
     * Sets the resolution.
     *
     * @param resolution the solution given, or {@code null}
     * @return this builder
     */
    public Builder resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * Sets how often it was reopened.
     *
     * @param reopenCount the count
     * @return this builder
     */
    public Builder reopenCount(int reopenCount) {
      this.reopenCount = reopenCount;
      return this;
    }

    /**
     * Sets the service-level policy in force.
     *
     * @param slaPolicy the policy's name, or {@code null} (or empty) for none
     * @return this builder
     */
    public Builder slaPolicy(String slaPolicy) {
      this.slaPolicy = slaPolicy;
      return this;
    }

    /**
     * Sets when staff first responded to the customer.
     *
     * @param firstResponse the instant, or {@code null} while they have not
     * @return this builder
     */
    public Builder firstResponse(Instant firstResponse) {
      this.firstResponse = firstResponse;
      return this;
    }

    /**
     * Sets the earliest instant by which the desk owes the customer something.
     *
     * @param slaDue the instant, or {@code null} while no customer-facing clock runs
     * @return this builder
     */
    public Builder slaDue(Instant slaDue) {
      this.slaDue = slaDue;
      return this;
    }

    /**
     * Replaces the service-level results.
     *
     * @param slaResults one result per target and tier
     * @return this builder
     */
    public Builder slaResults(List<SlaResult> slaResults) {
      this.slaResults = slaResults;
      return this;
    }

    /**
     * Builds the ticket.
     *
     * @return the ticket
     * @throws ValidationException listing every invalid or inconsistent value
     */
    public Ticket build() {
      return new Ticket(this);
    }
  }
}
