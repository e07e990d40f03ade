package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.ids;
import static dev.helpdesk.kb.search.Articles.index;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.model.Visibility;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters by category, audience and document language. */
class FiltersTest {
  private final SearchIndex kb = index(
      new SearchDocument("NET-ES", Language.SPANISH, "Red lenta", "", "La red va lenta.", "Redes", Visibility.PUBLIC),
      new SearchDocument("NET-INT", Language.SPANISH, "Red lenta: reinicie el switch", "", "Solo técnicos: la red.", "Redes", Visibility.INTERNAL),
      new SearchDocument("MAIL-ES", Language.SPANISH, "Correo y red", "", "Sin red no hay correo.", "Correo", Visibility.PUBLIC),
      new SearchDocument("NET-EN", Language.ENGLISH, "Slow network", "red", "The network is slow.", "Redes", Visibility.PUBLIC),
      new SearchDocument("OTHER", Language.SPANISH, "Red de datos", "", "Datos por la red.", "", Visibility.PUBLIC));

  private Set<String> found(SearchQuery q) {
    return Set.copyOf(ids(kb.search(q)));
  }

  @Test
  void aCategoryLimitsTheHitsToIt() {
    assertEquals(Set.of("NET-ES", "NET-INT", "NET-EN"), found(SearchQuery.of("red").inCategory("Redes")));
  }

  @Test
  void severalCategoriesFindADocumentInAnyOfThem() {
    assertEquals(Set.of("NET-ES", "NET-INT", "NET-EN", "MAIL-ES"),
        found(SearchQuery.of("red").inCategory("Redes").inCategory("Correo")));
  }

  @Test
  void aCategoryNoDocumentHasFindsNothing() {
    assertEquals(Set.of(), found(SearchQuery.of("red").inCategory("Impresoras")));
    assertEquals(Set.of(), found(SearchQuery.of("red").inCategory("redes")), "compared exactly");
  }

  @Test
  void aCustomerSeesOnlyPublicDocumentsAndStaffSeeAll() {
    assertEquals(Set.of("NET-ES", "MAIL-ES", "NET-EN", "OTHER"), found(SearchQuery.of("red").audience(Visibility.PUBLIC)));
    assertEquals(Set.of("NET-ES", "NET-INT", "MAIL-ES", "NET-EN", "OTHER"), found(SearchQuery.of("red").audience(Visibility.INTERNAL)));
    assertEquals(found(SearchQuery.of("red").audience(Visibility.INTERNAL)), found(SearchQuery.of("red")));
  }

  @Test
  void aDocumentLanguageLimitsTheHitsToDocumentsInIt() {
    assertEquals(Set.of("NET-EN"), found(SearchQuery.of("red").documentLanguage(Language.ENGLISH)));
    assertEquals(Set.of("NET-ES", "NET-INT", "MAIL-ES", "OTHER"), found(SearchQuery.of("red").documentLanguage(Language.SPANISH)));
  }

  @Test
  void filtersCombine() {
    assertEquals(Set.of("NET-ES"), found(SearchQuery.of("red").inCategory("Redes").audience(Visibility.PUBLIC)
        .documentLanguage(Language.SPANISH)));
  }

  @Test
  void aFilterStillReturnsTheBestOfWhatPasses() {
    SearchIndex many = SearchIndex.builder().build();
    for (int i = 0; i < 50; i++) {
      many.put(new SearchDocument("A-" + i, Language.SPANISH, "Red red red", "", "La red.", "A", Visibility.PUBLIC));
    }
    many.put(new SearchDocument("B-1", Language.SPANISH, "Otra cosa", "", "Al final, la red.", "B", Visibility.PUBLIC));
    assertEquals(List.of("B-1"), ids(many.search(SearchQuery.of("red").inCategory("B"))));
  }
}
