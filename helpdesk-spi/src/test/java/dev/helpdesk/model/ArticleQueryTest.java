package dev.helpdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.store.ArticlePage;
import dev.helpdesk.spi.store.ArticleQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knowledge store's article listing: statuses, pages in id order, and page sizes. */
class ArticleQueryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static Article article(String id) {
    return Article.draft(ArticleId.of(id), Locale.ENGLISH, "Printer offline", "It says offline.",
        List.of("Turn it on."), NOW);
  }

  @Test
  void thePublishedQueryMatchesOnlyWhatSearchShouldFind() {
    assertEquals(Set.of(ArticleStatus.PUBLISHED), ArticleQuery.published().statuses());
    assertFalse(ArticleQuery.published().matches(article("kb-1")));
    assertTrue(ArticleQuery.published().matches(article("kb-1").publish(NOW)));
    assertFalse(ArticleQuery.published().matches(article("kb-1").publish(NOW).archive(NOW)));
    assertTrue(ArticleQuery.all().matches(article("kb-1")));
    assertTrue(ArticleQuery.all().status(ArticleStatus.DRAFT).matches(article("kb-1")));
  }

  @Test
  void aPageStartsStrictlyAfterTheLastIdSeen() {
    ArticleQuery next = ArticleQuery.all().after(ArticleId.of("kb-2"));
    assertEquals(Optional.of(ArticleId.of("kb-2")), next.afterId());
    assertFalse(next.matches(article("kb-1")));
    assertFalse(next.matches(article("kb-2")));
    assertTrue(next.matches(article("kb-3")));
  }

  @Test
  void onlyAMatchBeyondTheLimitMakesANextPage() {
    ArticleQuery firstTwo = ArticleQuery.all().limit(2);
    ArticlePage full = ArticlePage.of(firstTwo, List.of(article("kb-1"), article("kb-2"), article("kb-3")));
    assertEquals(List.of(article("kb-1"), article("kb-2")), full.articles());
    assertEquals(Optional.of(firstTwo.after(ArticleId.of("kb-2"))), full.next());

    ArticlePage last = ArticlePage.of(firstTwo, List.of(article("kb-1"), article("kb-2")));
    assertEquals(Optional.empty(), last.next());
  }

  @Test
  void aPageSizeOutOfRangeIsRejected() {
    ValidationException e = assertThrows(ValidationException.class, () -> ArticleQuery.all().limit(0));
    assertEquals("limit", e.violations().get(0).field());
    assertThrows(ValidationException.class, () -> ArticleQuery.all().limit(ArticleQuery.MAX_LIMIT + 1));
    assertEquals(ArticleQuery.MAX_LIMIT, ArticleQuery.all().limit(ArticleQuery.MAX_LIMIT).limit());
  }
}
