package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.QueueEventStore;
import dev.helpdesk.tck.QueueEventStoreContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcQueueEventStoreTest extends QueueEventStoreContract {
  private static final DataSource DATABASE = Postgres.freshSchema("queue");

  @Override
  protected QueueEventStore createStore() {
    return new JdbcQueueEventStore(DATABASE);
  }

  @Override
  protected void clear(QueueEventStore store) {
    Postgres.truncate(DATABASE);
  }
}
