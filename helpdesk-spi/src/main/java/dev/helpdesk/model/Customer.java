package dev.helpdesk.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Locale;

/**
 * A registered customer (D-03): everyone who contacts the desk, even with a general question.
 *
 * @param id the customer's identifier
 * @param kind internal or external
 * @param details how to reach them; {@code details.kind()} equals {@code kind}
 * @param registered when they first contacted the desk
 */
public record Customer(
    @NotNull CustomerId id, @NotNull CustomerKind kind, @NotNull @Valid CustomerDetails details,
    @NotNull Instant registered) {

  // Rejects missing values; fills in the kind of the details.
  public Customer {
    Checks checks = Checks.on(Customer.class);
    checks.notNull("id", id);
    checks.notNull("kind", kind);
    checks.notNull("details", details);
    checks.notNull("registered", registered);
    checks.done();
    details = details.kind() == kind ? details : details.kind(kind);
  }

  /**
   * Registers a new customer from what a contact told.
   *
   * @param id the new identifier
   * @param details the contact's details; an unstated kind means external
   * @param registered when the contact arrived
   * @return the customer
   */
  public static Customer register(CustomerId id, CustomerDetails details, Instant registered) {
    return new Customer(id, details.kind() == null ? CustomerKind.EXTERNAL : details.kind(), details, registered);
  }

  /**
   * Returns this customer with details updated by what a later contact told.
   *
   * @param newer the later contact's details
   * @return the updated customer, same id and registration instant
   * @see CustomerDetails#updatedWith(CustomerDetails)
   */
  public Customer updatedWith(CustomerDetails newer) {
    CustomerDetails merged = details.updatedWith(newer);
    return merged == details ? this : new Customer(id, merged.kind(), merged, registered);
  }

  /**
   * Returns the name to address the customer by: their name, else their email or phone.
   *
   * @return never empty
   */
  public String displayName() {
    if (!details.name().isEmpty()) {
      return details.name();
    }
    return details.email().isEmpty() ? details.phone() : details.email();
  }

  /**
   * Returns the customer's email address.
   *
   * @return the address, empty when unknown
   */
  public String email() {
    return details.email();
  }

  /**
   * Returns the customer's phone number.
   *
   * @return the number, empty when unknown
   */
  public String phone() {
    return details.phone();
  }

  /**
   * Returns the customer's preferred language.
   *
   * @return the locale, {@link Locale#ROOT} when not stated
   */
  public Locale locale() {
    return details.locale();
  }
}
