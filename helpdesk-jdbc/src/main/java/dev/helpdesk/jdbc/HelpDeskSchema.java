package dev.helpdesk.jdbc;

import dev.helpdesk.model.StoreFailureException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The help desk's tables, as versioned SQL migrations: {@link #migrate} brings a database up to date
 * with Flyway, and a host that manages its schema with its own tooling applies the same files,
 * listed by {@link #scripts()}, in that order.
 *
 * <p>The tables, sequences and the history table of the migrations are all prefixed {@code
 * helpdesk_}, and land in the schema the data source's connections use (their {@code search_path};
 * PostgreSQL's JDBC driver sets it with {@code currentSchema} in the URL), beside any tables of the
 * host's own: the migrations keep their history in their own table, {@value #HISTORY_TABLE}.
 */
public final class HelpDeskSchema {
  /** Where the migrations are on the class path, in Flyway's notation. */
  public static final String LOCATION = "classpath:dev/helpdesk/jdbc/migration";
  /** The table in which Flyway records the migrations it applied. */
  public static final String HISTORY_TABLE = "helpdesk_schema_history";

  private static final List<String> SCRIPTS = List.of("dev/helpdesk/jdbc/migration/V1__helpdesk_schema.sql",
      "dev/helpdesk/jdbc/migration/V2__knowledge_and_service_levels.sql",
      "dev/helpdesk/jdbc/migration/V3__queue_events.sql");

  private HelpDeskSchema() {}

  /**
   * Applies the migrations the database lacks, and nothing else. Safe to call from every node at
   * start-up: Flyway takes a lock, so concurrent calls apply each migration once.
   *
   * @param dataSource connections to the database, in the schema the tables belong in
   * @return how many migrations were applied; 0 when the schema was up to date
   * @throws StoreFailureException if a migration failed or the database holds a migration this
   *     version of the library does not know
   */
  public static int migrate(DataSource dataSource) {
    try {
      Flyway flyway = Flyway.configure(HelpDeskSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          // The host's own tables may share the schema: start our history at version 0 beside them.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load();
      return flyway.migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw new StoreFailureException("Could not migrate the help desk's tables: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the migration scripts, oldest first, as class path resources: the same SQL {@link
   * #migrate} runs, for hosts that apply schema changes with other tooling. Each is named as Flyway
   * names versioned migrations, {@code V<version>__<description>.sql}.
   *
   * @return resource names, such as {@code dev/helpdesk/jdbc/migration/V1__helpdesk_schema.sql}
   */
  public static List<String> scripts() {
    return SCRIPTS;
  }
}
