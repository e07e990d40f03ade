package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.tck.NotificationOutboxContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcOutboxTest extends NotificationOutboxContract {
  private static final DataSource DATABASE = Postgres.freshSchema("outbox");

  @Override
  protected TicketStore createStore() {
    return new JdbcTicketStore(DATABASE);
  }

  @Override
  protected void clear(TicketStore store) {
    Postgres.truncate(DATABASE);
  }
}
