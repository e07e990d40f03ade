package dev.helpdesk.spi.store;

import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where customers are registered (D-03).
 *
 * <p>The contract (checked by the {@code helpdesk-tck} suite {@code CustomerStoreContract}):
 * registration is idempotent by email and by phone. A contact whose email address (or, failing
 * that, phone number) is already registered is recognised as that customer, whose details are
 * updated with what the contact stated ({@link CustomerDetails#updatedWith}); anyone else is
 * registered anew. An email address or phone number identifies at most one customer: an update
 * never takes one from another customer, it keeps the matched customer's own instead. Registration
 * is atomic: concurrent registrations of the same email or phone yield one customer.
 */
public interface CustomerStore {
  /**
   * Registers a contact's customer, or recognises and updates them.
   *
   * @param details what the contact told
   * @param at when the contact arrived; the registration instant of a new customer
   * @return the registered customer
   */
  Customer register(CustomerDetails details, Instant at);

  /**
   * Finds a customer.
   *
   * @param id their id
   * @return the customer, or empty
   */
  Optional<Customer> find(CustomerId id);

  /**
   * Returns a customer who must exist.
   *
   * @param id their id
   * @return the customer
   * @throws NotFoundException if there is none
   */
  default Customer get(CustomerId id) {
    return find(id).orElseThrow(() -> new NotFoundException("customer", id));
  }

  /**
   * Finds the customer with an email address.
   *
   * @param email an address in any case
   * @return the customer, or empty
   */
  Optional<Customer> findByEmail(String email);

  /**
   * Finds the customer with a phone number.
   *
   * @param phone a number in any common notation
   * @return the customer, or empty
   */
  Optional<Customer> findByPhone(String phone);

  /**
   * Streams every customer, in no particular order. Close it.
   *
   * @return the customers
   */
  Stream<Customer> stream();
}
