package dev.helpdesk.core.memory;

import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.tck.TechnicianStoreContract;

class InMemoryTechnicianStoreTest extends TechnicianStoreContract {
  @Override
  protected TechnicianStore createStore() {
    return new InMemoryTechnicianStore();
  }

  @Override
  protected void clear(TechnicianStore store) {
    // A new store per test: nothing to clear.
  }
}
