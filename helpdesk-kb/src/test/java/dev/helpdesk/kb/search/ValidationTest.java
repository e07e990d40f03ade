package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.model.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear, specific error and changes nothing. */
class ValidationTest {

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aDocumentReportsEverythingWrongAtOnce() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> new SearchDocument("has space", null, " ", "", "", "", null));
    assertEquals("SearchDocument", e.subject());
    assertEquals(List.of("id", "language", "title", "audience"), fields(e));
  }

  @Test
  void aDocumentRejectsOverlongText() {
    String title = "t".repeat(501);
    ValidationException e = assertThrows(ValidationException.class,
        () -> new SearchDocument("KB-1", Language.SPANISH, title, "k".repeat(2_001), "b", "c".repeat(101), Visibility.PUBLIC));
    assertEquals(List.of("title", "keywords", "category"), fields(e));
    assertThrows(ValidationException.class, () -> new SearchDocument("x".repeat(65), Language.SPANISH, "T", "", "", "", Visibility.PUBLIC));
  }

  @Test
  void missingKeywordsBodyAndCategoryAreEmptyText() {
    SearchDocument d = new SearchDocument("KB-1", Language.SPANISH, "Título", null, null, null, Visibility.PUBLIC);
    assertEquals("", d.keywords());
    assertEquals("", d.body());
    assertEquals("", d.category());
  }

  @Test
  void aQueryRejectsMissingBlankOrOverlongTextAndALimitOutOfRange() {
    assertThrows(ValidationException.class, () -> SearchQuery.of(null));
    assertThrows(ValidationException.class, () -> SearchQuery.of("   "));
    assertThrows(ValidationException.class, () -> SearchQuery.of("a".repeat(1_001)));
    SearchQuery q = SearchQuery.of("correo");
    ValidationException limit = assertThrows(ValidationException.class, () -> q.limit(0));
    assertEquals("limit must be between 1 and 1000, was 0", limit.violations().get(0).toString());
    assertThrows(ValidationException.class, () -> q.limit(1_001));
    assertThrows(ValidationException.class, () -> q.inCategory(null));
    assertThrows(ValidationException.class, () -> q.inCategory(""));
    assertThrows(ValidationException.class, () -> q.audience(null));
    assertThrows(ValidationException.class, () -> q.language(null));
    assertThrows(ValidationException.class, () -> q.documentLanguage(null));
  }

  @Test
  void queriesAreImmutableValues() {
    SearchQuery q = SearchQuery.of("correo");
    SearchQuery limited = q.limit(3);
    assertNotEquals(q, limited);
    assertEquals(SearchQuery.of("correo").limit(3), limited);
    assertEquals(SearchQuery.of("correo").limit(3).hashCode(), limited.hashCode());
    assertEquals("SearchQuery{text='correo', limit=10}", q.toString());
    assertEquals("SearchQuery{text='correo', limit=10, categories=[Redes], public only, as you type}",
        q.inCategory("Redes").audience(Visibility.PUBLIC).asYouType().toString());
  }

  @Test
  void theIndexRejectsNullsAndChangesNothing() {
    SearchIndex kb = index(spanish("KB-1", "Correo", "El correo."));
    assertThrows(ValidationException.class, () -> kb.put(null));
    assertThrows(ValidationException.class, () -> kb.remove(null));
    assertThrows(ValidationException.class, () -> kb.search(null));
    assertEquals(1, kb.size());
    assertEquals(List.of("KB-1"), find(kb, "correo"));
  }

  @Test
  void theBuilderTakesEachOptionOnceAndOnlySensibleWeights() {
    SearchIndex.Builder b = SearchIndex.builder().titleWeight(3);
    assertThrows(IllegalStateException.class, () -> b.titleWeight(4));
    assertThrows(ValidationException.class, () -> SearchIndex.builder().bodyWeight(0));
    assertThrows(ValidationException.class, () -> SearchIndex.builder().keywordsWeight(Double.NaN));
    assertThrows(ValidationException.class, () -> SearchIndex.builder().keywordsWeight(101));
    assertThrows(ValidationException.class, () -> SearchIndex.builder().synonyms(null));
    SearchIndex.Builder typos = SearchIndex.builder().typoTolerance(false);
    assertThrows(IllegalStateException.class, () -> typos.typoTolerance(true));
  }

  @Test
  void aHitRejectsAScoreThatIsNotANumber() {
    Snippet s = new Snippet("", List.of());
    assertThrows(ValidationException.class, () -> new SearchHit("KB-1", Double.NaN, s));
    assertThrows(ValidationException.class, () -> new SearchHit(null, 1, s));
    assertThrows(ValidationException.class, () -> Language.of(null));
  }
}
