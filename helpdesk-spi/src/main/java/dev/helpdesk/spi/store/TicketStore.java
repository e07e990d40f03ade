package dev.helpdesk.spi.store;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.DuplicateContactException;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where tickets, their history and their notifications are kept.
 *
 * <p>The contract every implementation keeps (the {@code helpdesk-tck} suite {@code
 * TicketStoreContract} checks it):
 *
 * <ul>
 *   <li><b>Atomic updates.</b> {@link #create} and {@link #save} write the ticket, append its
 *       events to its history and put its notifications in the {@link #outbox()}, all or nothing.
 *   <li><b>Compare-and-set.</b> A save succeeds only if the stored version equals the saved
 *       ticket's version; the stored ticket then has exactly that version plus one. Otherwise it
 *       throws {@link VersionConflictException} and writes nothing. No successful save is ever lost,
 *       however many threads or nodes save concurrently.
 *   <li><b>Append-only history.</b> Events are kept in the order they were appended and are never
 *       changed.
 *   <li><b>One ticket per contact.</b> Two tickets never have the same {@link Ticket#source()}.
 *   <li><b>Oldest first.</b> Queries return tickets ordered by date entered, then id ({@link
 *       TicketQuery#OLDEST_FIRST}), in pages.
 *   <li><b>Failures are explicit.</b> A backend failure throws {@link StoreFailureException} and
 *       leaves nothing half-written.
 * </ul>
 *
 * <p>Implementations are safe for use by many threads.
 */
public interface TicketStore {
  /**
   * Returns a fresh ticket id, never returned before by this store (nor by any other node sharing
   * its backend). Short, human-friendly ids are preferred: customers quote them.
   *
   * @return a new id
   */
  TicketId nextId();

  /**
   * Stores a new ticket with its first events and notifications.
   *
   * @param update a ticket at version 0, its events and notifications
   * @return the stored ticket, at version 1
   * @throws ValidationException if the ticket's version is not 0
   * @throws VersionConflictException if a ticket with its id exists already
   * @throws DuplicateContactException if its source contact already opened a ticket
   */
  Ticket create(TicketUpdate update);

  /**
   * Stores a changed ticket if nobody changed it since it was read, appending its events and
   * queueing its notifications.
   *
   * @param update the ticket at the version it was read at, its new events and notifications
   * @return the stored ticket, its version bumped by one
   * @throws VersionConflictException if the stored version differs; nothing is written
   * @throws NotFoundException if no such ticket is stored
   */
  Ticket save(TicketUpdate update);

  /**
   * Finds a ticket.
   *
   * @param id its id
   * @return the ticket as last stored, or empty
   */
  Optional<Ticket> find(TicketId id);

  /**
   * Returns a ticket that must exist.
   *
   * @param id its id
   * @return the ticket as last stored
   * @throws NotFoundException if there is none
   */
  default Ticket get(TicketId id) {
    return find(id).orElseThrow(() -> new NotFoundException("ticket", id));
  }

  /**
   * Finds the ticket an inbound contact opened.
   *
   * @param source the contact's channel and external id
   * @return the ticket, or empty
   */
  Optional<Ticket> findBySource(ContactReference source);

  /**
   * Returns a ticket's history.
   *
   * @param id the ticket
   * @return its events in the order they were appended; empty for an unknown ticket
   */
  List<TicketEvent> history(TicketId id);

  /**
   * Returns one page of the tickets a query selects, oldest first.
   *
   * @param query filters, page size and start
   * @return the page, with the query for the next one if there are more
   */
  TicketPage query(TicketQuery query);

  /**
   * Counts the tickets a query selects, ignoring its page size.
   *
   * @param query the filters
   * @return how many tickets match
   */
  default long count(TicketQuery query) {
    long count = 0;
    Optional<TicketQuery> next = Optional.of(query.limit(TicketQuery.MAX_LIMIT));
    while (next.isPresent()) {
      TicketPage page = query(next.get());
      count += page.tickets().size();
      next = page.next();
    }
    return count;
  }

  /**
   * Streams every stored ticket, in no particular order, for analytics. The stream may hold
   * resources (a database cursor): close it, with try-with-resources.
   *
   * @return the tickets
   */
  Stream<Ticket> stream();

  /**
   * Streams every stored event, each ticket's in history order, for analytics. Close it.
   *
   * @return the events
   */
  Stream<TicketEvent> events();

  /**
   * Hands the tickets a filter wants to an action, each with its history, one ticket at a time and
   * in no particular order: the single pass in which analytics read the desk's history. A history
   * holds every event of the ticket as handed over, and possibly events saved since. The history of
   * a ticket the filter refuses is never read.
   *
   * <p>The default streams the tickets and reads each wanted one's history; a store that can read
   * tickets and their events together (one query, one cursor, one walk over memory) overrides it.
   *
   * @param wanted tells, from the ticket alone, whether its history is needed
   * @param action receives each wanted ticket and its history, oldest event first
   */
  default void forEachHistory(Predicate<Ticket> wanted, BiConsumer<Ticket, List<TicketEvent>> action) {
    try (Stream<Ticket> tickets = stream()) {
      tickets.forEach(ticket -> {
        if (wanted.test(ticket)) {
          action.accept(ticket, history(ticket.id()));
        }
      });
    }
  }

  /**
   * Deletes a ticket and its history (for erasure requests and tests); its outbox entries stay.
   *
   * @param id the ticket
   * @return whether a ticket was deleted
   */
  boolean delete(TicketId id);

  /**
   * Returns the outbox that {@link #create} and {@link #save} write notifications to.
   *
   * @return the outbox of this store's backend
   */
  NotificationOutbox outbox();
}
