package dev.helpdesk.core.memory;

import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.spi.store.CustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link CustomerStore} in memory: the embedded default. Registrations are serialised, which
 * makes them atomic; lookups take no lock. Nothing is shared between instances.
 */
public final class InMemoryCustomerStore implements CustomerStore {
  private final ConcurrentHashMap<CustomerId, Customer> customers = new ConcurrentHashMap<>();
  /** The current customer by email and phone: a returning customer is recognised in one lookup. */
  private final ConcurrentHashMap<String, Customer> byEmail = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Customer> byPhone = new ConcurrentHashMap<>();
  private long sequence;

  /** Creates an empty store. */
  public InMemoryCustomerStore() {}

  @Override
  public synchronized Customer register(CustomerDetails details, Instant at) {
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(at, "at");
    Customer current = details.email().isEmpty() ? null : byEmail.get(details.email());
    if (current == null && !details.phone().isEmpty()) {
      current = byPhone.get(details.phone());
    }
    if (current == null) {
      Customer created = Customer.register(CustomerId.of("C-" + ++sequence), details, at);
      store(null, created);
      return created;
    }
    CustomerId match = current.id();
    CustomerDetails wanted = details;
    // An email or phone that identifies someone else stays theirs.
    if (!wanted.email().isEmpty() && !wanted.email().equals(current.email())
        && isTakenByOther(byEmail, wanted.email(), match)) {
      wanted = wanted.email(current.email().isEmpty() ? null : current.email());
    }
    if (!wanted.phone().isEmpty() && !wanted.phone().equals(current.phone())
        && isTakenByOther(byPhone, wanted.phone(), match)) {
      wanted = wanted.phone(current.phone().isEmpty() ? null : current.phone());
    }
    Customer updated = current.updatedWith(wanted);
    if (!updated.equals(current)) {
      store(current, updated);
    }
    return updated;
  }

  private static boolean isTakenByOther(Map<String, Customer> index, String key, CustomerId owner) {
    Customer holder = index.get(key);
    return holder != null && !holder.id().equals(owner);
  }

  private void store(Customer old, Customer customer) {
    if (old != null) {
      unlink(byEmail, old.email(), customer.email());
      unlink(byPhone, old.phone(), customer.phone());
    }
    customers.put(customer.id(), customer);
    if (!customer.email().isEmpty()) {
      byEmail.put(customer.email(), customer);
    }
    if (!customer.phone().isEmpty()) {
      byPhone.put(customer.phone(), customer);
    }
  }

  private static void unlink(Map<String, Customer> index, String oldKey, String newKey) {
    if (!oldKey.isEmpty() && !oldKey.equals(newKey)) {
      index.remove(oldKey);
    }
  }

  @Override
  public Optional<Customer> find(CustomerId id) {
    return Optional.ofNullable(customers.get(id));
  }

  @Override
  public Optional<Customer> findByEmail(String email) {
    return Optional.ofNullable(byEmail.get(CustomerDetails.normalizeEmail(email)));
  }

  @Override
  public Optional<Customer> findByPhone(String phone) {
    return Optional.ofNullable(byPhone.get(CustomerDetails.normalizePhone(phone)));
  }

  @Override
  public Stream<Customer> stream() {
    return List.copyOf(customers.values()).stream();
  }

}
