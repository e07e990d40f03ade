package dev.helpdesk.tck;

import static dev.helpdesk.tck.Fixtures.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.CustomerKind;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.spi.store.CustomerStore;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CustomerStore} (D-03): every implementation extends this suite and must
 * pass it.
 */
public abstract class CustomerStoreContract extends PortContract<CustomerStore> {
  /** For subclasses. */
  protected CustomerStoreContract() {}

  private static CustomerDetails ana() {
    return CustomerDetails.named("Ana Pérez").email("ana.perez@example.com").phone("+34 600 123 456");
  }

  @Test
  void aFirstContactRegistersTheCustomer() {
    Customer ana = store.register(ana().organisation("Acme").locale(Locale.forLanguageTag("es")), MONDAY_9AM);

    assertEquals(MONDAY_9AM, ana.registered());
    assertEquals(CustomerKind.EXTERNAL, ana.kind(), "an unstated kind means external");
    assertEquals("Ana Pérez", ana.details().name());
    assertEquals("Acme", ana.details().organisation());
    assertEquals(Locale.forLanguageTag("es"), ana.locale());
    assertEquals(Optional.of(ana), store.find(ana.id()));
    assertEquals(ana, store.get(ana.id()));
  }

  @Test
  void theSameEmailIsTheSameCustomerWhoseDetailsAreUpdated() {
    Customer first = store.register(ana(), MONDAY_9AM);
    Customer again = store.register(
        CustomerDetails.withEmailOnly("  ANA.Perez@Example.com ").location("Floor 3").kind(CustomerKind.INTERNAL),
        MONDAY_9AM.plusSeconds(3600));

    assertEquals(first.id(), again.id());
    assertEquals(MONDAY_9AM, again.registered(), "the first contact stays the registration date");
    assertEquals("Ana Pérez", again.details().name(), "what the later contact left out is kept");
    assertEquals("+34600123456", again.phone());
    assertEquals("Floor 3", again.details().location());
    assertEquals(CustomerKind.INTERNAL, again.kind());
    assertEquals(again, store.get(first.id()));
    assertEquals(1, count());
  }

  @Test
  void theSamePhoneInAnyNotationIsTheSameCustomer() {
    Customer first = store.register(ana(), MONDAY_9AM);
    Customer caller = store.register(CustomerDetails.named("Ana P.").phone("+34-600-123-456"), MONDAY_9AM.plusSeconds(5));

    assertEquals(first.id(), caller.id());
    assertEquals("Ana P.", caller.details().name(), "a stated name replaces the old one");
    assertEquals("ana.perez@example.com", caller.email());
  }

  @Test
  void theEmailDecidesBeforeThePhone() {
    Customer ana = store.register(ana(), MONDAY_9AM);
    Customer bruno = store.register(CustomerDetails.named("Bruno").email("bruno@example.com").phone("+34 611 000 111"),
        MONDAY_9AM);

    Customer matched = store.register(CustomerDetails.named("Bruno").email("bruno@example.com").phone("+34 600 123 456"),
        MONDAY_9AM.plusSeconds(60));

    assertEquals(bruno.id(), matched.id());
    assertEquals("+34611000111", matched.phone(), "Ana's phone is not taken from her");
    assertEquals(ana.id(), store.findByPhone("+34600123456").orElseThrow().id());
    assertEquals(2, count());
  }

  @Test
  void aNewEmailForAPhoneMatchUpdatesThatCustomer() {
    Customer ana = store.register(ana(), MONDAY_9AM);
    Customer updated = store.register(CustomerDetails.named("Ana Pérez").email("ana@newco.example").phone("+34 600 123 456"),
        MONDAY_9AM.plusSeconds(60));

    assertEquals(ana.id(), updated.id());
    assertEquals("ana@newco.example", updated.email());
    assertEquals(Optional.of(updated), store.findByEmail("ana@newco.example"));
    assertEquals(Optional.empty(), store.findByEmail("ana.perez@example.com"), "the old address is released");
  }

  @Test
  void aContactWithNeitherEmailNorPhoneIsAlwaysANewCustomer() {
    Customer first = store.register(CustomerDetails.named("Walk-in visitor"), MONDAY_9AM);
    Customer second = store.register(CustomerDetails.named("Walk-in visitor"), MONDAY_9AM.plusSeconds(1));

    assertNotEquals(first.id(), second.id());
    assertEquals(2, count());
  }

  @Test
  void lookupsNormaliseEmailAndPhone() {
    Customer ana = store.register(ana(), MONDAY_9AM);

    assertEquals(Optional.of(ana), store.findByEmail("ANA.PEREZ@example.COM"));
    assertEquals(Optional.of(ana), store.findByPhone("+34 (600) 123.456"));
    assertEquals(Optional.empty(), store.findByEmail("someone@example.com"));
    assertEquals(Optional.empty(), store.findByPhone("+34 600 000 000"));
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    assertEquals(Optional.empty(), store.find(CustomerId.of("nobody")));
    assertThrows(NotFoundException.class, () -> store.get(CustomerId.of("nobody")));
  }

  @Test
  void theStreamHoldsEveryCustomer() {
    Customer ana = store.register(ana(), MONDAY_9AM);
    Customer bruno = store.register(CustomerDetails.withEmailOnly("bruno@example.com"), MONDAY_9AM);
    try (Stream<Customer> all = store.stream()) {
      assertEquals(Set.of(ana, bruno), all.collect(Collectors.toSet()));
    }
  }

  @Test
  void concurrentRegistrationsOfOneEmailYieldOneCustomer() throws Exception {
    Set<CustomerId> ids = ConcurrentHashMap.newKeySet();
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 50; i++) {
        ids.add(store.register(CustomerDetails.withEmailOnly("same@example.com").organisation("org " + thread),
            MONDAY_9AM).id());
        ids.add(store.register(CustomerDetails.named("Caller").phone("+1 555 0100"), MONDAY_9AM).id());
      }
    });
    assertEquals(2, ids.size());
    assertEquals(2, count());
    assertTrue(store.findByEmail("same@example.com").isPresent());
  }

  private long count() {
    try (Stream<Customer> all = store.stream()) {
      return all.count();
    }
  }
}
