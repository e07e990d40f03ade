package dev.helpdesk.core.memory;

import dev.helpdesk.spi.store.KnowledgeStore;
import dev.helpdesk.tck.KnowledgeStoreContract;

class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {
  @Override
  protected KnowledgeStore createStore() {
    return new InMemoryKnowledgeStore();
  }

  @Override
  protected void clear(KnowledgeStore store) {
    // A new store per test: nothing to clear.
  }
}
