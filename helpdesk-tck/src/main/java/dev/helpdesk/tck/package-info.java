/**
 * The contract test kit: one abstract JUnit 5 suite per storage port. A backend proves it keeps a
 * port's contract by extending the port's suite with two methods, one that creates the store and
 * one that empties it, and running it with its other tests:
 *
 * <pre>{@code
 * class PostgresTicketStoreTest extends TicketStoreContract {
 *   protected TicketStore createStore() { return new PostgresTicketStore(dataSource); }
 *   protected void clear(TicketStore store) { truncateAll(dataSource); }
 * }
 * }</pre>
 *
 * <p>The suites check the contracts written on the port interfaces: atomic updates,
 * compare-and-set with versions bumped by exactly one, append-only history, one ticket per inbound
 * contact, queries oldest first with paging, idempotent customer registration, the outbox's claims
 * and retries, no update lost under concurrency, and bad input rejected without a trace.
 */
package dev.helpdesk.tck;
