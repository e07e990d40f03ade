package dev.helpdesk.core.memory;

import dev.helpdesk.spi.store.QueueEventStore;
import dev.helpdesk.tck.QueueEventStoreContract;

class InMemoryQueueEventStoreTest extends QueueEventStoreContract {
  @Override
  protected QueueEventStore createStore() {
    return new InMemoryQueueEventStore();
  }

  @Override
  protected void clear(QueueEventStore store) {
    // A new store per test: nothing to clear.
  }
}
