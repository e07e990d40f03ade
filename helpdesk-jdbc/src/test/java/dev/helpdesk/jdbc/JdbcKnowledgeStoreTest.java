package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.KnowledgeStore;
import dev.helpdesk.tck.KnowledgeStoreContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcKnowledgeStoreTest extends KnowledgeStoreContract {
  private static final DataSource DATABASE = Postgres.freshSchema("knowledge");

  @Override
  protected KnowledgeStore createStore() {
    return new JdbcKnowledgeStore(DATABASE);
  }

  @Override
  protected void clear(KnowledgeStore store) {
    Postgres.truncate(DATABASE);
  }
}
