package dev.helpdesk.examples;

import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.tck.TechnicianStoreContract;

/** The vendor's roster passes the technician store's contract suite from {@code helpdesk-tck}, unchanged. */
class RosterTechnicianStoreTest extends TechnicianStoreContract {
  @Override
  protected TechnicianStore createStore() {
    return new RosterTechnicianStore();
  }

  @Override
  protected void clear(TechnicianStore store) {
    // A new roster per test: nothing to clear.
  }
}
