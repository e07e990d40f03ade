package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.HelpDesk;
import dev.helpdesk.kb.ArticleMatch;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point 3 of issue 8: knowledge-base search on each node follows the article changes made on
 * another (D-11). Two desks share one database, each with its own stores, connections and search
 * index; the host's scheduler calling {@code advanceTo} is what brings another node's changes in.
 */
class KnowledgeOnSeveralNodesTest {
  private static final DataSource DATABASE = Postgres.freshSchema("kb_nodes");
  private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
  private static final Actor SAM = Actor.supervisor("sam");
  private static final Actor LUIS = Actor.technician(dev.helpdesk.model.TechnicianId.of("luis"));
  private static final ArticleId VPN = ArticleId.of("kb-vpn");

  private final MovableClock clock = new MovableClock(MONDAY_9AM);
  /** How often desk B read a page of articles from the store: each reload of its index reads at least one. */
  private final AtomicInteger pagesReadByB = new AtomicInteger();
  private final HelpDesk deskA = node(store -> store);
  private final HelpDesk deskB = node(store -> countingPages(store, pagesReadByB));

  @AfterEach
  void emptyTheDatabase() {
    deskA.close();
    deskB.close();
    Postgres.truncate(DATABASE);
  }

  private interface Wrapping {
    KnowledgeStore around(KnowledgeStore store);
  }

  /** A node: a desk with stores of its own on connections of its own. */
  private HelpDesk node(Wrapping knowledge) {
    DataSource own = Postgres.anotherNode(DATABASE);
    return HelpDesk.builder()
        .clock(clock)
        .ticketStore(new JdbcTicketStore(own))
        .customerStore(new JdbcCustomerStore(own))
        .technicianStore(new JdbcTechnicianStore(own))
        .knowledgeStore(knowledge.around(new JdbcKnowledgeStore(own)))
        .build();
  }

  private static Article vpnArticle() {
    return Article.draft(VPN, Locale.ENGLISH, "The VPN client does not connect",
        "The VPN client stops at 'authenticating' and gives up after a minute.",
        List.of("Check the date and time of the laptop.", "Renew the certificate in the VPN client."), MONDAY_9AM);
  }

  private static List<ArticleId> found(HelpDesk desk, String text) {
    return desk.searchArticles(LUIS, text).stream().map(ArticleMatch::article).map(Article::id).toList();
  }

  private Instant tick() {
    return clock.advance(Duration.ofSeconds(5));
  }

  @Test
  void anArticlePublishedOnOneNodeIsFoundOnAnotherOnceItsSchedulerRan() {
    deskA.writeArticle(SAM, vpnArticle());
    deskA.publishArticle(SAM, VPN);
    assertEquals(List.of(VPN), found(deskA, "vpn certificate"), "the writing node finds it at once");
    assertEquals(List.of(), found(deskB, "vpn certificate"), "the other node's index does not hold it yet");

    deskB.advanceTo(tick());

    assertEquals(List.of(VPN), found(deskB, "vpn certificate"));
  }

  @Test
  void anArticleRevisedOnOneNodeIsFoundByItsNewWordsOnAnother() {
    deskA.writeArticle(SAM, vpnArticle());
    deskA.publishArticle(SAM, VPN);
    deskB.advanceTo(tick());
    assertEquals(List.of(), found(deskB, "token"));

    Article read = deskA.searchArticles(SAM, "vpn").get(0).article();
    deskA.reviseArticle(SAM, read.revise(read.title(), read.symptoms(),
        List.of("Re-enrol the hardware token in the VPN client."), clock.instant()));
    deskB.advanceTo(tick());

    assertEquals(List.of(VPN), found(deskB, "token"));
  }

  @Test
  void anArticleArchivedOnOneNodeIsNoLongerFoundOnAnother() {
    deskA.writeArticle(SAM, vpnArticle());
    deskA.publishArticle(SAM, VPN);
    deskB.advanceTo(tick());
    assertEquals(List.of(VPN), found(deskB, "vpn certificate"));

    deskA.archiveArticle(SAM, VPN);
    deskB.advanceTo(tick());

    assertEquals(List.of(), found(deskB, "vpn certificate"));
  }

  @Test
  void aNodeReloadsItsIndexOnlyWhenSomeNodeChangedTheArticles() {
    deskB.advanceTo(tick());
    int atStart = pagesReadByB.get();
    deskB.advanceTo(tick());
    deskB.advanceTo(tick());
    assertEquals(atStart, pagesReadByB.get(), "nothing changed: the scheduler's calls read no articles");

    deskA.writeArticle(SAM, vpnArticle());
    deskA.publishArticle(SAM, VPN);
    deskB.advanceTo(tick());
    int afterReload = pagesReadByB.get();
    assertEquals(atStart + 1, afterReload, "one reload, of one page, for the changes made meanwhile");

    deskB.advanceTo(tick());
    assertEquals(afterReload, pagesReadByB.get(), "and none again until the next change");
  }

  /** A knowledge store that counts the pages of articles read through it. */
  private static KnowledgeStore countingPages(KnowledgeStore store, AtomicInteger pages) {
    return (KnowledgeStore) Proxy.newProxyInstance(KnowledgeStore.class.getClassLoader(),
        new Class<?>[] {KnowledgeStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("articles")) {
            pages.incrementAndGet();
          }
          if (method.isDefault()) {
            // published() pages through articles(), which this proxy must see.
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
