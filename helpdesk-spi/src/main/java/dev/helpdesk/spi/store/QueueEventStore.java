package dev.helpdesk.spi.store;

import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.model.StoreFailureException;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the queue events that channel adapters report are kept (D-21): contacts offered to the desk,
 * answered after a wait, or abandoned.
 *
 * <p>The contract every implementation keeps (the {@code helpdesk-tck} suite {@code
 * QueueEventStoreContract} checks it):
 *
 * <ul>
 *   <li><b>Once per contact and kind.</b> An event whose contact and kind are already recorded is
 *       not recorded again, so adapters may redeliver; the first one reported stays.
 *   <li><b>Nothing lost.</b> Every event recorded is returned by {@link #between} for any range that
 *       holds its instant, however many threads record at once.
 *   <li><b>Failures are explicit.</b> A backend failure throws {@link StoreFailureException}.
 * </ul>
 *
 * <p>Implementations are safe for use by many threads.
 */
public interface QueueEventStore {
  /**
   * Records an event unless one of the same contact and kind is already recorded.
   *
   * @param event the event
   * @return whether it was recorded; false for a repeat
   */
  boolean record(QueueEvent event);

  /**
   * Streams the events that happened in a range, in no particular order, for analytics. The stream
   * may hold resources: close it, with try-with-resources.
   *
   * @param from the first instant included
   * @param to the first instant excluded
   * @return the events whose {@link QueueEvent#at()} lies in the range
   */
  Stream<QueueEvent> between(Instant from, Instant to);
}
