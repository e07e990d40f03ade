package dev.helpdesk.jdbc;

import dev.helpdesk.spi.store.CustomerStore;
import dev.helpdesk.tck.CustomerStoreContract;
import javax.sql.DataSource;

/** The TCK's contract, against PostgreSQL. */
class JdbcCustomerStoreTest extends CustomerStoreContract {
  private static final DataSource DATABASE = Postgres.freshSchema("customer");

  @Override
  protected CustomerStore createStore() {
    return new JdbcCustomerStore(DATABASE);
  }

  @Override
  protected void clear(CustomerStore store) {
    Postgres.truncate(DATABASE);
  }
}
