package dev.helpdesk.core.sla;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerKind;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service-level agreement as the desk applies it (issue 6): which tickets it covers, the targets
 * per priority, the business calendar they are counted in, the statuses that pause the clocks, and
 * the shares of a target at which the owner is warned. A value built in code:
 *
 * <pre>{@code
 * SlaPolicy gold = SlaPolicy.named("gold")
 *     .organisations("Acme")
 *     .targets(Priority.HIGH, SlaTargets.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8)))
 *     .targets(Priority.MEDIUM, SlaTargets.of(Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(2)))
 *     .pausedWhile(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WITH_DEPARTMENT)
 *     .build();
 * }</pre>
 *
 * <p>A policy applies to a ticket when it has targets for the ticket's priority and every condition
 * it sets holds: the category, the kind of customer (internal or external), the customer's
 * organisation, the channel. Conditions left out match everything; names match whatever their case.
 * Immutable.
 */
public final class SlaPolicy {
  /** The statuses a policy may pause its clocks in: those where the desk waits on someone else. */
  public static final Set<TicketStatus> PAUSABLE =
      Collections.unmodifiableSet(EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WITH_DEPARTMENT));
  /** The pauses of a policy that sets none, and of a ticket no policy covers: waiting on the customer. */
  public static final Set<TicketStatus> DEFAULT_PAUSES =
      Collections.unmodifiableSet(EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER));
  /** The warning of a policy that sets none: at 75 % of a target. */
  public static final List<Integer> DEFAULT_WARNINGS = List.of(75);

  private final String name;
  private final Map<Priority, SlaTargets> targets;
  private final Set<String> categories;
  private final Set<CustomerKind> customerKinds;
  private final Set<String> organisations;
  private final Set<Channel> channels;
  private final BusinessCalendar calendar;
  private final Set<TicketStatus> pausedWhile;
  private final List<Integer> warnAt;

  private SlaPolicy(Builder b) {
    this.name = b.name;
    this.targets = Collections.unmodifiableMap(new EnumMap<>(b.targets));
    this.categories = Collections.unmodifiableSet(b.categories == null ? Set.of() : b.categories);
    this.customerKinds = Collections.unmodifiableSet(b.customerKinds == null ? EnumSet.noneOf(CustomerKind.class)
        : b.customerKinds);
    this.organisations = Collections.unmodifiableSet(b.organisations == null ? Set.of() : b.organisations);
    this.channels = Collections.unmodifiableSet(b.channels == null ? EnumSet.noneOf(Channel.class) : b.channels);
    this.calendar = b.calendar;
    this.pausedWhile = b.pausedWhile == null ? DEFAULT_PAUSES : Collections.unmodifiableSet(b.pausedWhile);
    this.warnAt = b.warnAt == null ? DEFAULT_WARNINGS : b.warnAt;
  }

  /**
   * Starts a policy.
   *
   * @param name how the desk and its reports call it, 1 to 100 characters, unique within a desk
   * @return a builder
   */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** @return the policy's name */
  public String name() {
    return name;
  }

  /**
   * Returns the targets for a priority.
   *
   * @param priority a priority
   * @return its targets, or empty when the policy does not cover that priority
   */
  public Optional<SlaTargets> targets(Priority priority) {
    return Optional.ofNullable(targets.get(priority));
  }

  /** @return the priorities the policy covers */
  public Set<Priority> priorities() {
    return targets.keySet();
  }

  /** @return the categories it covers, lower case; empty for all */
  public Set<String> categories() {
    return categories;
  }

  /** @return the kinds of customer it covers; empty for all */
  public Set<CustomerKind> customerKinds() {
    return customerKinds;
  }

  /** @return the organisations it covers, lower case; empty for all */
  public Set<String> organisations() {
    return organisations;
  }

  /** @return the channels it covers; empty for all */
  public Set<Channel> channels() {
    return channels;
  }

  /** @return its own business calendar, or empty to use the desk's */
  public Optional<BusinessCalendar> calendar() {
    return Optional.ofNullable(calendar);
  }

  /** @return the statuses in which its clocks stop and later resume where they stopped */
  public Set<TicketStatus> pausedWhile() {
    return pausedWhile;
  }

  /** @return the shares of a target, in percent and ascending, at which the owner is warned */
  public List<Integer> warnAt() {
    return warnAt;
  }

  /**
   * Tells whether the policy covers a ticket: it has targets for the ticket's priority, and the
   * ticket and its customer meet every condition it sets.
   *
   * @param ticket the ticket, at the priority to judge
   * @param customer the ticket's customer
   * @return whether the policy applies
   */
  public boolean appliesTo(Ticket ticket, Customer customer) {
    return targets.containsKey(ticket.priority())
        && (categories.isEmpty() || categories.contains(ticket.category().toLowerCase(Locale.ROOT)))
        && (customerKinds.isEmpty() || customerKinds.contains(customer.kind()))
        && (organisations.isEmpty()
            || organisations.contains(customer.details().organisation().toLowerCase(Locale.ROOT)))
        && (channels.isEmpty() || channels.contains(ticket.channel()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlaPolicy p && name.equals(p.name) && targets.equals(p.targets)
        && categories.equals(p.categories) && customerKinds.equals(p.customerKinds)
        && organisations.equals(p.organisations) && channels.equals(p.channels)
        && Objects.equals(calendar, p.calendar) && pausedWhile.equals(p.pausedWhile) && warnAt.equals(p.warnAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, targets, categories, customerKinds, organisations, channels, calendar, pausedWhile,
        warnAt);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SlaPolicy{").append(name);
    if (!categories.isEmpty()) {
      out.append(", categories ").append(categories);
    }
    if (!customerKinds.isEmpty()) {
      out.append(", customers ").append(customerKinds);
    }
    if (!organisations.isEmpty()) {
      out.append(", organisations ").append(organisations);
    }
    if (!channels.isEmpty()) {
      out.append(", channels ").append(channels);
    }
    out.append(", ").append(targets);
    if (calendar != null) {
      out.append(", ").append(calendar);
    }
    return out.append(", paused while ").append(pausedWhile).append(", warn at ").append(warnAt).append("%}")
        .toString();
  }

  /**
   * Builds an {@link SlaPolicy}; {@link #build()} checks everything at once. Each option may be set
   * once, and the targets once per priority.
   */
  public static final class Builder {
    private final String name;
    private final Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
    private Set<String> categories;
    private Set<CustomerKind> customerKinds;
    private Set<String> organisations;
    private Set<Channel> channels;
    private BusinessCalendar calendar;
    private Set<TicketStatus> pausedWhile;
    private List<Integer> warnAt;
    private final List<Violation> violations = new ArrayList<>();

    private Builder(String name) {
      this.name = name == null ? null : name.strip();
    }

    private boolean once(String option, Object current) {
      if (current != null) {
        violations.add(new Violation(option, "is already set to " + current));
        return false;
      }
      return true;
    }

    private Set<String> names(String option, String... values) {
      Set<String> out = new TreeSet<>();
      for (String value : values == null ? new String[] {null} : values) {
        if (value == null || value.isBlank()) {
          violations.add(new Violation(option, "must not hold a blank name"));
        } else {
          out.add(value.strip().toLowerCase(Locale.ROOT));
        }
      }
      return out;
    }

    private <E extends Enum<E>> Set<E> members(String option, Class<E> type, E[] values) {
      EnumSet<E> out = EnumSet.noneOf(type);
      for (E value : values == null ? List.<E>of() : Arrays.asList(values)) {
        if (value == null) {
          violations.add(new Violation(option, "must not hold null"));
        } else {
          out.add(value);
        }
      }
      return out;
    }

    /**
     * Sets the targets for one priority; a priority without targets is not covered.
     *
     * @param priority the priority
     * @param targets its targets
     * @return this builder
     */
    public Builder targets(Priority priority, SlaTargets targets) {
      if (priority == null || targets == null) {
        violations.add(new Violation("targets", "needs a priority and its targets"));
      } else if (once("targets[" + priority + "]", this.targets.get(priority))) {
        this.targets.put(priority, targets);
      }
      return this;
    }

    /**
     * Sets the same targets for every priority.
     *
     * @param targets the targets
     * @return this builder
     */
    public Builder targets(SlaTargets targets) {
      for (Priority priority : Priority.values()) {
        targets(priority, targets);
      }
      return this;
    }

    /**
     * Covers only tickets of these categories.
     *
     * @param categories category names, matched whatever their case
     * @return this builder
     */
    public Builder categories(String... categories) {
      if (once("categories", this.categories)) {
        this.categories = names("categories", categories);
      }
      return this;
    }

    /**
     * Covers only customers of these kinds.
     *
     * @param kinds internal, external or both
     * @return this builder
     */
    public Builder customers(CustomerKind... kinds) {
      if (once("customers", customerKinds)) {
        customerKinds = members("customers", CustomerKind.class, kinds);
      }
      return this;
    }

    /**
     * Covers only customers of these organisations.
     *
     * @param organisations organisation names, matched whatever their case
     * @return this builder
     */
    public Builder organisations(String... organisations) {
      if (once("organisations", this.organisations)) {
        this.organisations = names("organisations", organisations);
      }
      return this;
    }

    /**
     * Covers only tickets that came through these channels.
     *
     * @param channels the channels
     * @return this builder
     */
    public Builder channels(Channel... channels) {
      if (once("channels", this.channels)) {
        this.channels = members("channels", Channel.class, channels);
      }
      return this;
    }

    /**
     * Counts this policy's targets in its own calendar instead of the desk's (a critical-incident
     * policy kept around the clock, say).
     *
     * @param calendar the calendar
     * @return this builder
     */
    public Builder calendar(BusinessCalendar calendar) {
      if (calendar == null) {
        violations.add(new Violation("calendar", "must not be null"));
      } else if (once("calendar", this.calendar)) {
        this.calendar = calendar;
      }
      return this;
    }

    /**
     * Sets the statuses in which the clocks stop; they resume where they stopped when the ticket
     * leaves them. Default: {@link TicketStatus#WAITING_ON_CUSTOMER}. Give none to keep the clocks
     * running while the desk waits.
     *
     * @param statuses some of {@link #PAUSABLE}
     * @return this builder
     */
    public Builder pausedWhile(TicketStatus... statuses) {
      if (once("pausedWhile", pausedWhile)) {
        pausedWhile = members("pausedWhile", TicketStatus.class, statuses);
        for (TicketStatus status : pausedWhile) {
          if (!PAUSABLE.contains(status)) {
            violations.add(new Violation("pausedWhile", "may hold only " + PAUSABLE + ", not " + status));
          }
        }
      }
      return this;
    }

    /**
     * Sets the shares of a target at which the owner is warned. Default: 75 %. Give none for no
     * warnings.
     *
     * @param percents shares from 1 to 99, each once
     * @return this builder
     */
    public Builder warnAt(int... percents) {
      if (once("warnAt", warnAt)) {
        TreeSet<Integer> shares = new TreeSet<>();
        for (int percent : percents == null ? new int[0] : percents) {
          if (percent < 1 || percent > 99) {
            violations.add(new Violation("warnAt", "must be between 1 and 99 percent, was " + percent));
          } else if (!shares.add(percent)) {
            violations.add(new Violation("warnAt", "holds " + percent + " % twice"));
          }
        }
        warnAt = List.copyOf(shares);
      }
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws ValidationException listing every problem: a blank or overlong name, no targets, an
     *     option set twice, a status that cannot pause, a share out of range
     */
    public SlaPolicy build() {
      List<Violation> found = new ArrayList<>();
      if (name == null || name.isEmpty()) {
        found.add(new Violation("name", "must not be blank"));
      } else if (name.length() > TicketEvent.SlaPolicyApplied.NAME_MAX) {
        found.add(new Violation("name", "must be at most " + TicketEvent.SlaPolicyApplied.NAME_MAX
            + " characters, was " + name.length()));
      }
      found.addAll(violations);
      if (targets.isEmpty()) {
        found.add(new Violation("targets", "must be set for at least one priority"));
      }
      if (!found.isEmpty()) {
        throw new ValidationException("SlaPolicy", found);
      }
      return new SlaPolicy(this);
    }
  }
}
