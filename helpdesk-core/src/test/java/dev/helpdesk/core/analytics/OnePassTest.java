package dev.helpdesk.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryQueueEventStore;
import dev.helpdesk.core.memory.InMemoryTechnicianStore;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every report is fed by one walk over the stored tickets, each history read once. */
class OnePassTest {
  /** A ticket store that counts how it is read. */
  private static final class CountingStore implements TicketStore {
    private final TicketStore inner;
    int streams;
    int eventStreams;
    int queries;
    final Map<TicketId, Integer> histories = new HashMap<>();

    CountingStore(TicketStore inner) {
      this.inner = inner;
    }

    @Override
    public TicketId nextId() {
      return inner.nextId();
    }

    @Override
    public Ticket create(TicketUpdate update) {
      return inner.create(update);
    }

    @Override
    public Ticket save(TicketUpdate update) {
      return inner.save(update);
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
      return inner.find(id);
    }

    @Override
    public Optional<Ticket> findBySource(ContactReference source) {
      return inner.findBySource(source);
    }

    @Override
    public List<TicketEvent> history(TicketId id) {
      histories.merge(id, 1, Integer::sum);
      return inner.history(id);
    }

    @Override
    public TicketPage query(TicketQuery query) {
      queries++;
      return inner.query(query);
    }

    @Override
    public Stream<Ticket> stream() {
      streams++;
      return inner.stream();
    }

    @Override
    public Stream<TicketEvent> events() {
      eventStreams++;
      return inner.events();
    }

    @Override
    public boolean delete(TicketId id) {
      return inner.delete(id);
    }

    @Override
    public NotificationOutbox outbox() {
      return inner.outbox();
    }
  }

  @Test
  void everyReportComesFromOneWalkReadingEachHistoryAtMostOnce() {
    AWeekInMadrid week = new AWeekInMadrid().play();
    CountingStore counting = new CountingStore(week.store);
    Analytics analytics = Analytics.of(counting, new InMemoryTechnicianStore(), new InMemoryQueueEventStore(),
        AWeekInMadrid.MADRID);
    DeskReport report = analytics.report(AWeekInMadrid.MONDAY, AWeekInMadrid.NEXT_MONDAY);
    assertEquals(1, counting.streams);
    assertEquals(0, counting.eventStreams);
    assertEquals(0, counting.queries);
    assertTrue(counting.histories.values().stream().allMatch(n -> n == 1), counting.histories.toString());
    // The two tickets untouched since before the period count in the backlog without their histories.
    assertEquals(5, counting.histories.size());
    assertEquals(3, report.kpis().backlog().total());
  }

  @Test
  void aReportChangesNothingAndReadsTheSameTwice() {
    AWeekInMadrid week = new AWeekInMadrid().play();
    List<Ticket> before = week.store.stream().toList();
    DeskReport first = week.desk.analytics().report(AWeekInMadrid.MONDAY, AWeekInMadrid.NEXT_MONDAY);
    DeskReport second = week.desk.analytics().report(AWeekInMadrid.MONDAY, AWeekInMadrid.NEXT_MONDAY);
    assertEquals(first, second);
    assertEquals(first.hashCode(), second.hashCode());
    assertEquals(before, week.store.stream().toList());
  }
}
