package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who acts: every command and every history entry names one.
 *
 * @param role what kind of actor
 * @param id the customer's or technician's id, the supervisor's name, or {@code system}
 */
public record Actor(@NotNull Role role, @NotBlank @Size(max = 64) String id) {
  private static final Actor SYSTEM = new Actor(Role.SYSTEM, "system");

  /** The kinds of actor. */
  public enum Role {
    /** A customer, acting on their own tickets. */
    CUSTOMER,
    /** A technician of some tier. */
    TECHNICIAN,
    /** A supervisor or manager of the desk. */
    SUPERVISOR,
    /** The desk itself: timers, channel adapters, automatic rules. */
    SYSTEM
  }

  // Rejects a missing role and an invalid id.
  public Actor {
    Checks checks = Checks.on(Actor.class);
    checks.notNull("role", role);
    checks.done();
    Checks.id(Actor.class, id);
  }

  /**
   * Returns a customer acting on their own tickets.
   *
   * @param customer the customer
   * @return the actor
   */
  public static Actor customer(CustomerId customer) {
    return new Actor(Role.CUSTOMER, customer.value());
  }

  /**
   * Returns a technician.
   *
   * @param technician the technician
   * @return the actor
   */
  public static Actor technician(TechnicianId technician) {
    return new Actor(Role.TECHNICIAN, technician.value());
  }

  /**
   * Returns a supervisor.
   *
   * @param name the supervisor's user name, no whitespace
   * @return the actor
   */
  public static Actor supervisor(String name) {
    return new Actor(Role.SUPERVISOR, name);
  }

  /**
   * Returns the desk itself.
   *
   * @return the system actor
   */
  public static Actor system() {
    return SYSTEM;
  }

  /**
   * Tells whether this actor works for the desk (technician, supervisor or system).
   *
   * @return false only for customers
   */
  public boolean isStaff() {
    return role != Role.CUSTOMER;
  }

  /**
   * Tells whether this actor is the given customer.
   *
   * @param customer a customer
   * @return whether the actor is that customer
   */
  public boolean is(CustomerId customer) {
    return role == Role.CUSTOMER && id.equals(customer.value());
  }

  /**
   * Tells whether this actor is the given technician.
   *
   * @param technician a technician
   * @return whether the actor is that technician
   */
  public boolean is(TechnicianId technician) {
    return role == Role.TECHNICIAN && id.equals(technician.value());
  }

  @Override
  public String toString() {
    return role.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
  }
}
