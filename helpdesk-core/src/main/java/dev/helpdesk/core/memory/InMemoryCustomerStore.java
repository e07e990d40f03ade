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
  private final ConcurrentHashMap<String, CustomerId> byEmail = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CustomerId> byPhone = new ConcurrentHashMap<>();
  private long sequence;

  /** Creates an empty store. */
  public InMemoryCustomerStore() {}

  @Override
  public synchronized Customer register(CustomerDetails details, Instant at) {
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(at, "at");
    CustomerId match = details.email().isEmpty() ? null : byEmail.get(details.email());
    if (match == null && !details.phone().isEmpty()) {
      match = byPhone.get(details.phone());
    }
    if (match == null) {
      Customer created = Customer.register(CustomerId.of("C-" + ++sequence), details, at);
      store(null, created);
      return created;
    }
    Customer current = customers.get(match);
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

  private static boolean isTakenByOther(Map<String, CustomerId> index, String key, CustomerId owner) {
    CustomerId holder = index.get(key);
    return holder != null && !holder.equals(owner);
  }

  private void store(Customer old, Customer customer) {
    if (old != null) {
      unlink(byEmail, old.email(), customer.email());
      unlink(byPhone, old.phone(), customer.phone());
    }
    customers.put(customer.id(), customer);
    if (!customer.email().isEmpty()) {
      byEmail.put(customer.email(), customer.id());
    }
    if (!customer.phone().isEmpty()) {
      byPhone.put(customer.phone(), customer.id());
    }
  }

  private static void unlink(Map<String, CustomerId> index, String oldKey, String newKey) {
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
    CustomerId id = byEmail.get(CustomerDetails.normalizeEmail(email));
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public Optional<Customer> findByPhone(String phone) {
    CustomerId id = byPhone.get(CustomerDetails.normalizePhone(phone));
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public Stream<Customer> stream() {
    return List.copyOf(customers.values()).stream();
  }

}
