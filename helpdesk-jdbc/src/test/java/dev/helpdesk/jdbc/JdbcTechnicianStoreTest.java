package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.tck.TechnicianStoreContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcTechnicianStoreTest extends TechnicianStoreContract {
  private static final DataSource DATABASE = Postgres.freshSchema("technician");

  @Override
  protected TechnicianStore createStore() {
    return new JdbcTechnicianStore(DATABASE);
  }

  @Override
  protected void clear(TechnicianStore store) {
    Postgres.truncate(DATABASE);
  }
}
