package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who a notification is for, and how to reach them.
 *
 * @param kind customer, technician, supervisor or department
 * @param id their identifier
 * @param name how to address them
 * @param address an email address or phone number, empty when the notifier should look it up
 */
public record Recipient(
    @NotNull Kind kind, @NotBlank @Size(max = 64) String id, @NotNull @Size(max = 200) String name,
    @NotNull @Size(max = 254) String address) {

  /** The kinds of recipient. */
  public enum Kind {
    /** A customer. */
    CUSTOMER,
    /** A technician. */
    TECHNICIAN,
    /** A supervisor. */
    SUPERVISOR,
    /** A department a ticket was handed off to. */
    DEPARTMENT
  }

  // Rejects a missing kind or id and overlong text.
  public Recipient {
    Checks checks = Checks.on(Recipient.class);
    checks.notNull("kind", kind);
    name = checks.optionalText("name", name, 200);
    address = checks.optionalText("address", address, 254);
    checks.done();
    Checks.id(Recipient.class, id);
  }

  /**
   * Returns a customer as a recipient, reached by email when they gave one, else by phone.
   *
   * @param customer the customer
   * @return the recipient
   */
  public static Recipient of(Customer customer) {
    return new Recipient(Kind.CUSTOMER, customer.id().value(), customer.displayName(),
        customer.email().isEmpty() ? customer.phone() : customer.email());
  }

  /**
   * Returns a technician as a recipient.
   *
   * @param technician the technician
   * @return the recipient
   */
  public static Recipient of(Technician technician) {
    return new Recipient(Kind.TECHNICIAN, technician.id().value(), technician.name(), technician.email());
  }

  /**
   * Returns a department as a recipient.
   *
   * @param department the department
   * @return the recipient
   */
  public static Recipient of(Department department) {
    return new Recipient(Kind.DEPARTMENT, department.id().value(), department.name(), department.email());
  }
}
