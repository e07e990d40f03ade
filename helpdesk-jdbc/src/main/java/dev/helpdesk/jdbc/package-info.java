/**
 * The storage ports of {@code helpdesk-spi} on PostgreSQL 14 or newer, through the host's {@code
 * DataSource}: plain JDBC, one transaction per write. Several nodes, each with its own {@code
 * HelpDesk}, may share one database; the database alone keeps them consistent.
 *
 * <pre>{@code
 * DataSource dataSource = ...;              // the host's pool
 * HelpDeskSchema.migrate(dataSource);       // or apply HelpDeskSchema.scripts() with your own tooling
 * HelpDesk desk = HelpDesk.builder()
 *     .ticketStore(new JdbcTicketStore(dataSource))
 *     .customerStore(new JdbcCustomerStore(dataSource))
 *     .technicianStore(new JdbcTechnicianStore(dataSource))
 *     .knowledgeStore(new JdbcKnowledgeStore(dataSource))
 *     .build();
 * // the host's scheduler, every few seconds: time-driven work, and search follows other nodes' articles
 * desk.advanceTo(clock.instant());
 * }</pre>
 *
 * <p>Every failure of the database reaches the desk as a {@link
 * dev.helpdesk.model.StoreFailureException}, with nothing half-written.
 */
package dev.helpdesk.jdbc;
