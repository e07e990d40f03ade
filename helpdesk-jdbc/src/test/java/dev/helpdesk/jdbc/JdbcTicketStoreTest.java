package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.tck.TicketStoreContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcTicketStoreTest extends TicketStoreContract {
  private static final DataSource DATABASE = Postgres.freshSchema("ticket");

  @Override
  protected TicketStore createStore() {
    return new JdbcTicketStore(DATABASE);
  }

  @Override
  protected void clear(TicketStore store) {
    Postgres.truncate(DATABASE);
  }
}
