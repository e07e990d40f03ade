package dev.helpdesk.core.memory;

import dev.helpdesk.spi.store.CustomerStore;
import dev.helpdesk.tck.CustomerStoreContract;

class InMemoryCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected CustomerStore createStore() {
    return new InMemoryCustomerStore();
  }

  @Override
  protected void clear(CustomerStore store) {
    // A new store per test: nothing to clear.
  }
}
