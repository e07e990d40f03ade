package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.BulletinStatus;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.spi.store.ArticlePage;
import dev.helpdesk.spi.store.ArticleQuery;
import dev.helpdesk.spi.store.CustomerStore;
import dev.helpdesk.spi.store.DeliveryState;
import dev.helpdesk.spi.store.KnowledgeStore;
import dev.helpdesk.spi.store.NotificationOutbox;
import dev.helpdesk.spi.store.OutboxEntry;
import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.spi.store.TicketPage;
import dev.helpdesk.spi.store.TicketQuery;
import dev.helpdesk.spi.store.TicketStore;
import dev.helpdesk.spi.store.TicketUpdate;
import dev.helpdesk.tck.CustomerStoreContract;
import dev.helpdesk.tck.KnowledgeStoreContract;
import dev.helpdesk.tck.NotificationOutboxContract;
import dev.helpdesk.tck.TechnicianStoreContract;
import dev.helpdesk.tck.TicketStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The contract suites are only worth something if they catch broken stores. Each test here runs a
 * suite against a store with one deliberate defect and checks that the suite reports it.
 */
class ContractSuitesCanFailTest {

  @Test
  void theTicketSuiteCatchesAStoreThatIgnoresVersions() {
    Set<String> failed = failuresOf(VersionIgnoringTicketSuite.class);
    assertTrue(failed.contains("aStaleSaveIsAConflictThatChangesNothing"), "failed: " + failed);
  }

  @Test
  void theTicketSuiteCatchesAStoreThatForgetsHistory() {
    Set<String> failed = failuresOf(HistoryDroppingTicketSuite.class);
    assertTrue(failed.contains("historyIsAppendedInOrder"), "failed: " + failed);
    assertTrue(failed.contains("concurrentSavesLoseNoSuccessfulUpdate"), "failed: " + failed);
  }

  @Test
  void theOutboxSuiteCatchesAnOutboxThatDoesNotLease() {
    Set<String> failed = failuresOf(NonLeasingOutboxSuite.class);
    assertTrue(failed.contains("aClaimLeasesEntriesSoNobodyElseGetsThemUntilTheLeaseEnds"), "failed: " + failed);
  }

  @Test
  void theCustomerSuiteCatchesAStoreThatRegistersEveryContactAnew() {
    Set<String> failed = failuresOf(ForgetfulCustomerSuite.class);
    assertTrue(failed.contains("theSameEmailIsTheSameCustomerWhoseDetailsAreUpdated"), "failed: " + failed);
    assertTrue(failed.contains("concurrentRegistrationsOfOneEmailYieldOneCustomer"), "failed: " + failed);
  }

  @Test
  void theTechnicianSuiteCatchesAStoreThatIgnoresVersions() {
    Set<String> failed = failuresOf(VersionIgnoringTechnicianSuite.class);
    assertTrue(failed.contains("aStaleSaveIsAConflictThatChangesNothing"), "failed: " + failed);
  }

  @Test
  void theKnowledgeSuiteCatchesAStoreThatIgnoresVersions() {
    Set<String> failed = failuresOf(VersionIgnoringKnowledgeSuite.class);
    assertTrue(failed.contains("aStaleArticleSaveIsAConflictThatChangesNothing"), "failed: " + failed);
    assertTrue(failed.contains("aStaleBulletinSaveIsAConflictThatChangesNothing"), "failed: " + failed);
  }

  @Test
  void theKnowledgeSuiteCatchesAStoreThatShowsBulletinsOutsideTheirWindow() {
    Set<String> failed = failuresOf(WindowBlindKnowledgeSuite.class);
    assertTrue(failed.contains("frontLineSeesABulletinOnlyInsideItsValidityWindow"), "failed: " + failed);
    assertTrue(failed.contains("aFixedOrWithdrawnBulletinIsNoLongerActiveButWasBefore"), "failed: " + failed);
  }

  @Test
  void theKnowledgeSuiteCatchesAStoreWhoseChangeCountNeverMoves() {
    Set<String> failed = failuresOf(ChangeBlindKnowledgeSuite.class);
    assertTrue(failed.contains("everyArticleWriteMovesTheChangeCountForward"), "failed: " + failed);
    assertTrue(failed.contains("concurrentArticleSavesLoseNoSuccessfulUpdate"), "failed: " + failed);
  }

  @Test
  void theSuitesPassOnTheRealStores() {
    assertEquals(Set.of(), failuresOf(InMemoryTicketStoreTest.class));
    assertEquals(Set.of(), failuresOf(InMemoryCustomerStoreTest.class));
  }

  /** Runs a suite with the JUnit launcher and returns the names of the tests that failed. */
  private static Set<String> failuresOf(Class<?> suite) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertTrue(summary.getTestsFoundCount() > 5, "the suite ran: " + summary.getTestsFoundCount() + " tests");
    return summary.getFailures().stream()
        .map(failure -> failure.getTestIdentifier().getDisplayName().replace("()", ""))
        .collect(Collectors.toSet());
  }

  // ---- the broken stores; static nested, so only the launcher above runs their suites ----

  /** Delegates everything to a real store; subclasses break one thing. */
  static class DelegatingTicketStore implements TicketStore {
    final InMemoryTicketStore delegate = new InMemoryTicketStore();

    @Override public TicketId nextId() { return delegate.nextId(); }
    @Override public Ticket create(TicketUpdate update) { return delegate.create(update); }
    @Override public Ticket save(TicketUpdate update) { return delegate.save(update); }
    @Override public Optional<Ticket> find(TicketId id) { return delegate.find(id); }
    @Override public Optional<Ticket> findBySource(ContactReference source) { return delegate.findBySource(source); }
    @Override public List<TicketEvent> history(TicketId id) { return delegate.history(id); }
    @Override public TicketPage query(TicketQuery query) { return delegate.query(query); }
    @Override public Stream<Ticket> stream() { return delegate.stream(); }
    @Override public Stream<TicketEvent> events() { return delegate.events(); }
    @Override public boolean delete(TicketId id) { return delegate.delete(id); }
    @Override public NotificationOutbox outbox() { return delegate.outbox(); }
  }

  /** Last writer wins: saves whatever version it is given. */
  static final class VersionIgnoringTicketStore extends DelegatingTicketStore {
    @Override
    public synchronized Ticket save(TicketUpdate update) {
      long current = delegate.get(update.ticket().id()).version();
      return delegate.save(new TicketUpdate(update.ticket().withVersion(current), update.events(), update.notifications()));
    }
  }

  /** Stores the change but drops its events. */
  static final class HistoryDroppingTicketStore extends DelegatingTicketStore {
    @Override
    public Ticket save(TicketUpdate update) {
      return delegate.save(new TicketUpdate(update.ticket(), List.of(), update.notifications()));
    }
  }

  /** Hands out due entries without leasing them. */
  static final class NonLeasingOutboxStore extends DelegatingTicketStore {
    @Override
    public NotificationOutbox outbox() {
      NotificationOutbox real = delegate.outbox();
      return new NotificationOutbox() {
        @Override
        public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
          return real.list(DeliveryState.PENDING, limit).stream()
              .filter(e -> !e.nextAttemptAt().isAfter(now)).toList();
        }
        @Override public Optional<OutboxEntry> claim(NotificationId id, Instant now, Duration lease) {
          return real.claim(id, now, lease);
        }
        @Override public void markDelivered(NotificationId id, Instant at) { real.markDelivered(id, at); }
        @Override public void markRetry(NotificationId id, String error, Instant next) { real.markRetry(id, error, next); }
        @Override public void markFailed(NotificationId id, String error, Instant at) { real.markFailed(id, error, at); }
        @Override public Optional<OutboxEntry> find(NotificationId id) { return real.find(id); }
        @Override public List<OutboxEntry> list(DeliveryState state, int limit) { return real.list(state, limit); }
      };
    }
  }

  /** Registers every contact as a new customer. */
  static final class ForgetfulCustomerStore implements CustomerStore {
    private final java.util.Map<CustomerId, Customer> customers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Customer register(CustomerDetails details, Instant at) {
      Customer customer = Customer.register(CustomerId.of("C-" + sequence.incrementAndGet()), details, at);
      customers.put(customer.id(), customer);
      return customer;
    }
    @Override public Optional<Customer> find(CustomerId id) { return Optional.ofNullable(customers.get(id)); }
    @Override public Optional<Customer> findByEmail(String email) {
      return customers.values().stream().filter(c -> c.email().equals(CustomerDetails.normalizeEmail(email))).findFirst();
    }
    @Override public Optional<Customer> findByPhone(String phone) {
      return customers.values().stream().filter(c -> c.phone().equals(CustomerDetails.normalizePhone(phone))).findFirst();
    }
    @Override public Stream<Customer> stream() { return List.copyOf(customers.values()).stream(); }
  }

  /** Last writer wins for technicians too. */
  static final class VersionIgnoringTechnicianStore implements TechnicianStore {
    private final InMemoryTechnicianStore delegate = new InMemoryTechnicianStore();

    @Override public Technician create(Technician technician) { return delegate.create(technician); }
    @Override public synchronized Technician save(Technician technician) {
      return delegate.save(technician.withVersion(delegate.get(technician.id()).version()));
    }
    @Override public Optional<Technician> find(TechnicianId id) { return delegate.find(id); }
    @Override public List<Technician> all() { return delegate.all(); }
    @Override public boolean delete(TechnicianId id) { return delegate.delete(id); }
  }

  /** Delegates everything to a real knowledge store; subclasses break one thing. */
  static class DelegatingKnowledgeStore implements KnowledgeStore {
    final InMemoryKnowledgeStore delegate = new InMemoryKnowledgeStore();

    @Override public Article create(Article article) { return delegate.create(article); }
    @Override public Article save(Article article) { return delegate.save(article); }
    @Override public Optional<Article> find(ArticleId id) { return delegate.find(id); }
    @Override public ArticlePage articles(ArticleQuery query) { return delegate.articles(query); }
    @Override public long articleChanges() { return delegate.articleChanges(); }
    @Override public Bulletin create(Bulletin bulletin) { return delegate.create(bulletin); }
    @Override public Bulletin save(Bulletin bulletin) { return delegate.save(bulletin); }
    @Override public Optional<Bulletin> find(BulletinId id) { return delegate.find(id); }
    @Override public List<Bulletin> activeBulletins(Instant at) { return delegate.activeBulletins(at); }
    @Override public void link(BulletinId bulletin, TicketId ticket) { delegate.link(bulletin, ticket); }
    @Override public List<TicketId> linkedTickets(BulletinId bulletin) { return delegate.linkedTickets(bulletin); }
  }

  /** Last writer wins, for articles and bulletins alike. */
  static final class VersionIgnoringKnowledgeStore extends DelegatingKnowledgeStore {
    @Override
    public synchronized Article save(Article article) {
      return delegate.save(article.withVersion(delegate.get(article.id()).version()));
    }

    @Override
    public synchronized Bulletin save(Bulletin bulletin) {
      return delegate.save(bulletin.withVersion(delegate.get(bulletin.id()).version()));
    }
  }

  /** Shows every bulletin whose status is active, whatever the instant asked about. */
  static final class WindowBlindKnowledgeStore extends DelegatingKnowledgeStore {
    private final Set<BulletinId> posted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Bulletin create(Bulletin bulletin) {
      Bulletin stored = delegate.create(bulletin);
      posted.add(stored.id());
      return stored;
    }

    @Override
    public List<Bulletin> activeBulletins(Instant at) {
      return posted.stream().map(delegate::get).filter(b -> b.status() == BulletinStatus.ACTIVE)
          .sorted(java.util.Comparator.comparing(Bulletin::validFrom).reversed().thenComparing(Bulletin::id))
          .toList();
    }
  }

  /** Never tells that the articles changed, so other nodes' desks would search a stale index. */
  static final class ChangeBlindKnowledgeStore extends DelegatingKnowledgeStore {
    @Override
    public long articleChanges() {
      return 0;
    }
  }

  static final class ChangeBlindKnowledgeSuite extends KnowledgeStoreContract {
    @Override protected KnowledgeStore createStore() { return new ChangeBlindKnowledgeStore(); }
    @Override protected void clear(KnowledgeStore store) {}
  }

  static final class VersionIgnoringKnowledgeSuite extends KnowledgeStoreContract {
    @Override protected KnowledgeStore createStore() { return new VersionIgnoringKnowledgeStore(); }
    @Override protected void clear(KnowledgeStore store) {}
  }

  static final class WindowBlindKnowledgeSuite extends KnowledgeStoreContract {
    @Override protected KnowledgeStore createStore() { return new WindowBlindKnowledgeStore(); }
    @Override protected void clear(KnowledgeStore store) {}
  }

  static final class VersionIgnoringTicketSuite extends TicketStoreContract {
    @Override protected TicketStore createStore() { return new VersionIgnoringTicketStore(); }
    @Override protected void clear(TicketStore store) {}
  }

  static final class HistoryDroppingTicketSuite extends TicketStoreContract {
    @Override protected TicketStore createStore() { return new HistoryDroppingTicketStore(); }
    @Override protected void clear(TicketStore store) {}
  }

  static final class NonLeasingOutboxSuite extends NotificationOutboxContract {
    @Override protected TicketStore createStore() { return new NonLeasingOutboxStore(); }
    @Override protected void clear(TicketStore store) {}
  }

  static final class ForgetfulCustomerSuite extends CustomerStoreContract {
    @Override protected CustomerStore createStore() { return new ForgetfulCustomerStore(); }
    @Override protected void clear(CustomerStore store) {}
  }

  static final class VersionIgnoringTechnicianSuite extends TechnicianStoreContract {
    @Override protected TechnicianStore createStore() { return new VersionIgnoringTechnicianStore(); }
    @Override protected void clear(TechnicianStore store) {}
  }
}
