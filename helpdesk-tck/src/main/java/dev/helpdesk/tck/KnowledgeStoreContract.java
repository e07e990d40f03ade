package dev.helpdesk.tck;

import static dev.helpdesk.tck.Fixtures.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.ArticleStatus;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.BulletinStatus;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.store.ArticlePage;
import dev.helpdesk.spi.store.ArticleQuery;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KnowledgeStore}: articles (D-11) and bulletins (D-12). Every
 * implementation extends this suite and must pass it.
 */
public abstract class KnowledgeStoreContract extends PortContract<KnowledgeStore> {
  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final Instant NOON = MONDAY_9AM.plus(Duration.ofHours(3));
  private static final Instant EVENING = MONDAY_9AM.plus(Duration.ofHours(9));

  /** For subclasses. */
  protected KnowledgeStoreContract() {}

  private static Article printerArticle(String id) {
    return Article.draft(ArticleId.of(id), SPANISH, "La impresora no imprime",
            "Los documentos quedan en la cola y la impresora no responde.",
            List.of("Comprobar que la impresora está encendida y tiene papel.",
                "Vaciar la cola de impresión.", "Reiniciar el servicio de cola de impresión."),
            MONDAY_9AM)
        .withKeywords(List.of("impresora", "cola de impresión", "printer"))
        .withCategory("printing")
        .withAudience(Visibility.PUBLIC);
  }

  private static Bulletin vpnOutage(String id, Instant from, Instant until) {
    return Bulletin.post(BulletinId.of(id), Actor.supervisor("sam"), "VPN down",
            "The VPN gateway in Madrid is not accepting connections.",
            "We know about it and are working on it; please use the office network meanwhile.", from, until)
        .withAffectedServices(Set.of("vpn"))
        .withKeywords(Set.of("vpn", "remote access"));
  }

  // ---- articles ----

  @Test
  void aCreatedArticleIsFoundAtVersionOneWithEverythingKept() {
    Article stored = store.create(printerArticle("kb-001"));

    assertEquals(printerArticle("kb-001").withVersion(1), stored);
    assertEquals(Optional.of(stored), store.find(stored.id()));
    Article read = store.get(stored.id());
    assertEquals(3, read.solutionSteps().size());
    assertEquals("Vaciar la cola de impresión.", read.solutionSteps().get(1), "steps keep their order and accents");
    assertEquals(List.of("impresora", "cola de impresión", "printer"), read.keywords());
    assertEquals(SPANISH, read.language());
    assertEquals(Visibility.PUBLIC, read.audience());
    assertEquals(ArticleStatus.DRAFT, read.status());
    assertEquals(MONDAY_9AM, read.updatedAt(), "the store keeps the article's own time");
  }

  @Test
  void anUnknownArticleOrBulletinIsNotFound() {
    assertEquals(Optional.empty(), store.find(ArticleId.of("kb-404")));
    assertThrows(NotFoundException.class, () -> store.get(ArticleId.of("kb-404")));
    assertEquals(Optional.empty(), store.find(BulletinId.of("b-404")));
    assertThrows(NotFoundException.class, () -> store.get(BulletinId.of("b-404")));
  }

  @Test
  void anArticleMustBeCreatedAtVersionZeroAndNothingIsStoredOtherwise() {
    assertThrows(ValidationException.class, () -> store.create(printerArticle("kb-001").withVersion(3)));
    assertEquals(Optional.empty(), store.find(ArticleId.of("kb-001")));
    assertEquals(List.of(), store.articles(ArticleQuery.all()).articles());
  }

  @Test
  void creatingAnArticleTwiceIsAConflictThatChangesNothing() {
    Article stored = store.create(printerArticle("kb-001"));

    assertThrows(VersionConflictException.class,
        () -> store.create(printerArticle("kb-001").withCategory("hardware")));
    assertEquals(stored, store.get(stored.id()));
  }

  @Test
  void everyArticleSaveBumpsTheVersionByExactlyOne() {
    Article a = store.create(printerArticle("kb-001"));
    a = store.save(a.publish(NOON));
    assertEquals(2, a.version());
    a = store.save(a.revise("La impresora no imprime nada", a.symptoms(), List.of("Reiniciar la impresora."), EVENING));
    assertEquals(3, a.version());
    a = store.save(a.archive(EVENING.plusSeconds(60)));
    assertEquals(4, a.version());

    Article read = store.get(a.id());
    assertEquals(a, read);
    assertEquals(ArticleStatus.ARCHIVED, read.status());
    assertEquals(List.of("Reiniciar la impresora."), read.solutionSteps());
  }

  @Test
  void aStaleArticleSaveIsAConflictThatChangesNothing() {
    Article read = store.create(printerArticle("kb-001"));
    Article winner = store.save(read.publish(NOON));

    VersionConflictException conflict =
        assertThrows(VersionConflictException.class, () -> store.save(read.withCategory("hardware")));
    assertEquals(2, conflict.actualVersion());
    assertEquals(winner, store.get(read.id()));
  }

  @Test
  void savingAnArticleNeverCreatedIsNotFound() {
    assertThrows(NotFoundException.class, () -> store.save(printerArticle("kb-001").withVersion(1)));
    assertEquals(Optional.empty(), store.find(ArticleId.of("kb-001")));
  }

  @Test
  void articlePagesWalkEveryArticleOnceInIdOrder() {
    for (String id : List.of("kb-004", "kb-002", "kb-005", "kb-001", "kb-003")) {
      store.create(printerArticle(id));
    }

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Optional<ArticleQuery> next = Optional.of(ArticleQuery.all().limit(2));
    while (next.isPresent()) {
      ArticlePage page = store.articles(next.get());
      page.articles().forEach(a -> seen.add(a.id().value()));
      sizes.add(page.articles().size());
      next = page.next();
    }
    assertEquals(List.of("kb-001", "kb-002", "kb-003", "kb-004", "kb-005"), seen);
    assertEquals(List.of(2, 2, 1), sizes);

    ArticlePage exact = store.articles(ArticleQuery.all().limit(5));
    assertEquals(5, exact.articles().size());
    assertEquals(Optional.empty(), exact.next(), "a full last page has no next page");
  }

  @Test
  void theKnowledgeBaseLoadsOnlyPublishedArticlesInIdOrder() {
    Article draft = store.create(printerArticle("kb-001"));
    Article published = store.save(store.create(printerArticle("kb-003")).publish(NOON));
    Article archived = store.save(store.save(store.create(printerArticle("kb-002")).publish(NOON)).archive(EVENING));
    Article alsoPublished = store.save(store.create(printerArticle("kb-000")).publish(NOON));

    assertEquals(List.of(alsoPublished, published), store.published());
    assertEquals(List.of(alsoPublished, published), store.articles(ArticleQuery.published()).articles());
    assertEquals(List.of(draft, archived),
        store.articles(ArticleQuery.all().status(ArticleStatus.DRAFT, ArticleStatus.ARCHIVED)).articles());

    Article republished = store.save(archived.publish(EVENING.plusSeconds(1)));
    assertEquals(List.of(alsoPublished, republished, published), store.published(), "lists see every save");
  }

  @Test
  void everyArticleWriteMovesTheChangeCountForward() {
    long empty = store.articleChanges();
    Article draft = store.create(printerArticle("kb-001"));
    long created = store.articleChanges();
    assertTrue(created > empty, "a create moves the count: " + empty + " -> " + created);

    store.save(draft.publish(NOON));
    long published = store.articleChanges();
    assertTrue(published > created, "a save moves the count: " + created + " -> " + published);
    assertEquals(published, store.articleChanges(), "reading the count leaves it alone");

    assertThrows(VersionConflictException.class, () -> store.save(draft.withCategory("hardware")));
    assertTrue(store.articleChanges() >= published, "the count never goes back");
  }

  @Test
  void concurrentArticleSavesLoseNoSuccessfulUpdate() throws Exception {
    long before = store.articleChanges();
    store.create(printerArticle("kb-001").withKeywords(List.of()));
    AtomicInteger wins = new AtomicInteger();
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 40; i++) {
        Article read = store.get(ArticleId.of("kb-001"));
        if (read.keywords().size() == 40) {
          return;
        }
        List<String> keywords = new ArrayList<>(read.keywords());
        keywords.add("k" + keywords.size());
        try {
          store.save(read.withKeywords(keywords));
          wins.incrementAndGet();
        } catch (VersionConflictException lost) {
          // Somebody else saved first; this attempt wrote nothing.
        }
      }
    });
    Article last = store.get(ArticleId.of("kb-001"));
    assertEquals(wins.get(), last.keywords().size());
    assertEquals(1 + wins.get(), last.version());
    assertTrue(store.articleChanges() - before >= 1 + wins.get(),
        "every successful write moved the change count, on whichever thread it ran");
  }

  // ---- bulletins ----

  @Test
  void aPostedBulletinIsFoundAtVersionOneAndCannotBePostedTwice() {
    Bulletin stored = store.create(vpnOutage("b-1", MONDAY_9AM, EVENING));

    assertEquals(vpnOutage("b-1", MONDAY_9AM, EVENING).withVersion(1), stored);
    assertEquals(Optional.of(stored), store.find(stored.id()));
    assertEquals(Set.of("vpn", "remote access"), store.get(stored.id()).keywords());
    assertEquals(Actor.supervisor("sam"), store.get(stored.id()).postedBy());

    assertThrows(VersionConflictException.class, () -> store.create(vpnOutage("b-1", NOON, EVENING)));
    assertThrows(ValidationException.class, () -> store.create(vpnOutage("b-2", NOON, EVENING).withVersion(1)));
    assertEquals(stored, store.get(stored.id()));
    assertEquals(Optional.empty(), store.find(BulletinId.of("b-2")));
  }

  @Test
  void aStaleBulletinSaveIsAConflictThatChangesNothing() {
    Bulletin read = store.create(vpnOutage("b-1", MONDAY_9AM, EVENING));
    Bulletin fixed = store.save(read.fix(NOON));
    assertEquals(2, fixed.version());

    assertThrows(VersionConflictException.class, () -> store.save(read.withAnswer("Still down, sorry.")));
    assertEquals(fixed, store.get(read.id()));
    assertEquals(BulletinStatus.FIXED, store.get(read.id()).status());
    assertThrows(NotFoundException.class, () -> store.save(vpnOutage("b-2", MONDAY_9AM, EVENING).withVersion(1)));
  }

  @Test
  void frontLineSeesABulletinOnlyInsideItsValidityWindow() {
    store.create(vpnOutage("b-1", MONDAY_9AM, NOON));

    assertEquals(List.of(), store.activeBulletins(MONDAY_9AM.minusSeconds(1)), "not yet");
    assertEquals(List.of(BulletinId.of("b-1")), ids(store.activeBulletins(MONDAY_9AM)), "from its start");
    assertEquals(List.of(BulletinId.of("b-1")), ids(store.activeBulletins(NOON.minusSeconds(1))));
    assertEquals(List.of(), store.activeBulletins(NOON), "its end is not included");
  }

  @Test
  void activeBulletinsAreListedLatestFirst() {
    store.create(vpnOutage("b-early", MONDAY_9AM, EVENING));
    store.create(vpnOutage("b-late", NOON, EVENING));
    store.create(vpnOutage("b-a-same-start", NOON, EVENING));
    store.create(vpnOutage("b-future", EVENING, EVENING.plusSeconds(3600)));

    assertEquals(List.of(BulletinId.of("b-a-same-start"), BulletinId.of("b-late"), BulletinId.of("b-early")),
        ids(store.activeBulletins(NOON.plusSeconds(60))));
  }

  @Test
  void aFixedOrWithdrawnBulletinIsNoLongerActiveButWasBefore() {
    Bulletin outage = store.create(vpnOutage("b-1", MONDAY_9AM, EVENING));
    Bulletin falseAlarm = store.create(vpnOutage("b-2", MONDAY_9AM, EVENING));
    store.save(outage.fix(NOON));
    store.save(falseAlarm.withdraw(NOON.plusSeconds(600)));

    assertEquals(List.of(), store.activeBulletins(NOON.plusSeconds(600)));
    assertEquals(List.of(BulletinId.of("b-2")), ids(store.activeBulletins(NOON.plusSeconds(1))));
    assertEquals(Set.of(BulletinId.of("b-1"), BulletinId.of("b-2")),
        Set.copyOf(ids(store.activeBulletins(NOON.minusSeconds(1)))), "the morning's calls saw both");
  }

  @Test
  void extendingABulletinKeepsItActiveLonger() {
    Bulletin outage = store.create(vpnOutage("b-1", MONDAY_9AM, NOON));
    store.save(outage.withValidUntil(EVENING));

    assertEquals(List.of(BulletinId.of("b-1")), ids(store.activeBulletins(NOON.plusSeconds(60))));
    assertTrue(store.activeBulletins(EVENING).isEmpty());
  }

  @Test
  void concurrentBulletinSavesLoseNoSuccessfulUpdate() throws Exception {
    store.create(vpnOutage("b-1", MONDAY_9AM, NOON));
    AtomicInteger wins = new AtomicInteger();
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 40; i++) {
        Bulletin read = store.get(BulletinId.of("b-1"));
        try {
          store.save(read.withValidUntil(read.validUntil().plusSeconds(60)));
          wins.incrementAndGet();
        } catch (VersionConflictException lost) {
          // Somebody else saved first; this attempt wrote nothing.
        }
      }
    });
    Bulletin last = store.get(BulletinId.of("b-1"));
    assertEquals(NOON.plusSeconds(60L * wins.get()), last.validUntil());
    assertEquals(1 + wins.get(), last.version());
    assertEquals(List.of(last), store.activeBulletins(last.validUntil().minusSeconds(1)),
        "the active list holds the last save once");
    assertEquals(List.of(), store.activeBulletins(last.validUntil()));
  }

  @Test
  void ticketsLinkedToABulletinAreListedOnceInLinkOrder() {
    Bulletin outage = store.create(vpnOutage("b-1", MONDAY_9AM, EVENING));
    store.create(vpnOutage("b-2", MONDAY_9AM, EVENING));
    store.link(outage.id(), TicketId.of("T-2"));
    store.link(outage.id(), TicketId.of("T-1"));
    store.link(outage.id(), TicketId.of("T-2"));

    assertEquals(List.of(TicketId.of("T-2"), TicketId.of("T-1")), store.linkedTickets(outage.id()));
    assertEquals(List.of(), store.linkedTickets(BulletinId.of("b-2")));
    assertEquals(List.of(), store.linkedTickets(BulletinId.of("b-none")));
    store.save(store.get(outage.id()).fix(NOON));
    assertEquals(List.of(TicketId.of("T-2"), TicketId.of("T-1")), store.linkedTickets(outage.id()),
        "saving the bulletin keeps its links");
  }

  @Test
  void aTicketCannotBeLinkedToAnUnknownBulletin() {
    assertThrows(NotFoundException.class, () -> store.link(BulletinId.of("b-none"), TicketId.of("T-1")));
    assertEquals(List.of(), store.linkedTickets(BulletinId.of("b-none")));
  }

  @Test
  void concurrentLinksAreAllKept() throws Exception {
    Bulletin outage = store.create(vpnOutage("b-1", MONDAY_9AM, EVENING));
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 50; i++) {
        store.link(outage.id(), TicketId.of("T-" + thread + "-" + i));
      }
    });
    assertEquals(200, store.linkedTickets(outage.id()).size());
    assertEquals(200, Set.copyOf(store.linkedTickets(outage.id())).size());
  }

  private static List<BulletinId> ids(List<Bulletin> bulletins) {
    return bulletins.stream().map(Bulletin::id).toList();
  }
}
