package dev.helpdesk.core.memory;

import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.tck.NotificationOutboxContract;

class InMemoryOutboxTest extends NotificationOutboxContract {
  @Override
  protected TicketStore createStore() {
    return new InMemoryTicketStore();
  }

  @Override
  protected void clear(TicketStore store) {
    // A new store per test: nothing to clear.
  }
}
