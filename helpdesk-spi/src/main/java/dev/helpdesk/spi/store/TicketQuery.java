package dev.helpdesk.spi.store;

import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which tickets to list: filters that all must match, a page size, and where the page starts.
 * Results are always ordered oldest first (by date entered, then by id), the order in which staff
 * review open tickets (D-15); pages continue with keyset paging, so a page never repeats or skips a
 * ticket that did not change.
 *
 * <p>Immutable: each method returns a changed copy.
 * {@code TicketQuery.open().tier(Tier.SPECIALISTS).limit(50)} is the first page of level 2's open
 * tickets.
 */
public final class TicketQuery {
  /** The order of every query's results: oldest entered first, then by id. */
  public static final Comparator<Ticket> OLDEST_FIRST =
      Comparator.comparing(Ticket::entered).thenComparing(Ticket::id);

  /** The page size when none is set. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest page size. */
  public static final int MAX_LIMIT = 10_000;

  private static final Set<TicketStatus> ALL_STATUSES = Set.copyOf(EnumSet.allOf(TicketStatus.class));
  private static final Set<TicketStatus> OPEN_STATUSES = Set.copyOf(
      EnumSet.copyOf(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList()));

  private final Set<TicketStatus> statuses;
  private final Tier tier;
  private final TechnicianId assignee;
  private final DepartmentId department;
  private final CustomerId customer;
  private final int limit;
  private final Instant afterEntered;
  private final TicketId afterId;

  private TicketQuery(Set<TicketStatus> statuses, Tier tier, TechnicianId assignee, DepartmentId department,
      CustomerId customer, int limit, Instant afterEntered, TicketId afterId) {
    this.statuses = statuses;
    this.tier = tier;
    this.assignee = assignee;
    this.department = department;
    this.customer = customer;
    this.limit = limit;
    this.afterEntered = afterEntered;
    this.afterId = afterId;
  }

  /**
   * Returns a query for every ticket, whatever its status.
   *
   * @return the first page of all tickets
   */
  public static TicketQuery all() {
    return new TicketQuery(ALL_STATUSES, null, null, null, null, DEFAULT_LIMIT, null, null);
  }

  /**
   * Returns a query for the tickets that still need the desk ({@link TicketStatus#isOpen()}).
   *
   * @return the first page of open tickets
   */
  public static TicketQuery open() {
    return new TicketQuery(OPEN_STATUSES, null, null, null, null, DEFAULT_LIMIT, null, null);
  }

  /**
   * Keeps only tickets in one of these statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return the changed query
   */
  public TicketQuery status(TicketStatus first, TicketStatus... more) {
    return new TicketQuery(Set.copyOf(EnumSet.of(first, more)), tier, assignee, department, customer, limit,
        afterEntered, afterId);
  }

  /**
   * Keeps only tickets in one of these statuses.
   *
   * @param statuses at least one status
   * @return the changed query
   * @throws ValidationException if the set is empty
   */
  public TicketQuery status(Set<TicketStatus> statuses) {
    if (statuses.isEmpty()) {
      throw new ValidationException("TicketQuery", List.of(new Violation("statuses", "must not be empty")));
    }
    return new TicketQuery(Set.copyOf(EnumSet.copyOf(statuses)), tier, assignee, department, customer, limit,
        afterEntered, afterId);
  }

  /**
   * Keeps only tickets at this tier.
   *
   * @param tier the tier
   * @return the changed query
   */
  public TicketQuery tier(Tier tier) {
    return new TicketQuery(statuses, Objects.requireNonNull(tier, "tier"), assignee, department, customer, limit,
        afterEntered, afterId);
  }

  /**
   * Keeps only tickets assigned to this technician.
   *
   * @param assignee the technician
   * @return the changed query
   */
  public TicketQuery assignee(TechnicianId assignee) {
    return new TicketQuery(statuses, tier, Objects.requireNonNull(assignee, "assignee"), department, customer, limit,
        afterEntered, afterId);
  }

  /**
   * Keeps only tickets with this department.
   *
   * @param department the department
   * @return the changed query
   */
  public TicketQuery department(DepartmentId department) {
    return new TicketQuery(statuses, tier, assignee, Objects.requireNonNull(department, "department"), customer,
        limit, afterEntered, afterId);
  }

  /**
   * Keeps only this customer's tickets.
   *
   * @param customer the customer
   * @return the changed query
   */
  public TicketQuery customer(CustomerId customer) {
    return new TicketQuery(statuses, tier, assignee, department, Objects.requireNonNull(customer, "customer"),
        limit, afterEntered, afterId);
  }

  /**
   * Sets the page size.
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return the changed query
   * @throws ValidationException if the limit is out of range
   */
  public TicketQuery limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("TicketQuery",
          List.of(new Violation("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit)));
    }
    return new TicketQuery(statuses, tier, assignee, department, customer, limit, afterEntered, afterId);
  }

  /**
   * Starts the page right after this ticket in the query's order.
   *
   * @param last the last ticket of the previous page
   * @return the changed query
   */
  public TicketQuery after(Ticket last) {
    return new TicketQuery(statuses, tier, assignee, department, customer, limit, last.entered(), last.id());
  }

  /** @return the statuses a ticket may have to match */
  public Set<TicketStatus> statuses() {
    return statuses;
  }

  /** @return the tier a ticket must be at, if that filter is set */
  public Optional<Tier> tier() {
    return Optional.ofNullable(tier);
  }

  /** @return the technician a ticket must be assigned to, if that filter is set */
  public Optional<TechnicianId> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** @return the department a ticket must be with, if that filter is set */
  public Optional<DepartmentId> department() {
    return Optional.ofNullable(department);
  }

  /** @return the customer a ticket must belong to, if that filter is set */
  public Optional<CustomerId> customer() {
    return Optional.ofNullable(customer);
  }

  /** @return the page size */
  public int limit() {
    return limit;
  }

  /** @return the date entered of the ticket the page starts after, if it is not the first page */
  public Optional<Instant> afterEntered() {
    return Optional.ofNullable(afterEntered);
  }

  /** @return the id of the ticket the page starts after, if it is not the first page */
  public Optional<TicketId> afterId() {
    return Optional.ofNullable(afterId);
  }

  /**
   * Tells whether a ticket passes every filter and comes after the page's start.
   *
   * @param ticket a ticket
   * @return whether it belongs in the result
   */
  public boolean matches(Ticket ticket) {
    return statuses.contains(ticket.status())
        && (tier == null || tier.equals(ticket.tier()))
        && (assignee == null || assignee.equals(ticket.assignee().orElse(null)))
        && (department == null || department.equals(ticket.department().orElse(null)))
        && (customer == null || customer.equals(ticket.customer()))
        && isAfterStart(ticket);
  }

  /**
   * Tells whether a ticket comes after the page's start in the query's order.
   *
   * @param ticket a ticket
   * @return true on the first page, else whether it sorts after the previous page's last ticket
   */
  public boolean isAfterStart(Ticket ticket) {
    if (afterEntered == null) {
      return true;
    }
    int byEntered = ticket.entered().compareTo(afterEntered);
    return byEntered > 0 || (byEntered == 0 && ticket.id().compareTo(afterId) > 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TicketQuery q && q.statuses.equals(statuses) && Objects.equals(q.tier, tier)
        && Objects.equals(q.assignee, assignee) && Objects.equals(q.department, department)
        && Objects.equals(q.customer, customer) && q.limit == limit
        && Objects.equals(q.afterEntered, afterEntered) && Objects.equals(q.afterId, afterId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statuses, tier, assignee, department, customer, limit, afterEntered, afterId);
  }

  @Override
  public String toString() {
    return "TicketQuery{statuses=" + statuses + (tier == null ? "" : ", tier=" + tier)
        + (assignee == null ? "" : ", assignee=" + assignee) + (department == null ? "" : ", department=" + department)
        + (customer == null ? "" : ", customer=" + customer) + ", limit=" + limit
        + (afterId == null ? "" : ", after=" + afterEntered + "/" + afterId) + "}";
  }
}
