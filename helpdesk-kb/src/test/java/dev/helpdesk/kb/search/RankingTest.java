package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.ids;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BM25F ranking over title, keywords and body (D-11), field weights, boosts and ties. */
class RankingTest {

  @Test
  void theScoreIsBm25fOfTheFieldWeightedLengthNormalisedFrequency() {
    SearchIndex kb = index(
        spanish("A", "Titulo", "alfa beta gamma"),
        spanish("B", "Otro", "delta epsilon zeta eta theta iota"));
    double score = kb.search(SearchQuery.of("alfa").language(Language.SPANISH)).get(0).score();
    // Two documents, one with the term: idf = ln(1 + 1.5 / 1.5). The body holds 3 of an average 4.5 words.
    double idf = Math.log(2);
    double tf = 1.0 / (0.25 + 0.75 * 3 / 4.5);
    double expected = idf * tf * 2.2 / (1.2 + tf);
    assertEquals(expected, score, expected * 1e-4);
  }

  @Test
  void aRareWordWeighsMoreThanACommonOne() {
    SearchIndex kb = index(
        spanish("COMMON", "Red", "La red lenta."),
        spanish("RARE", "Cortafuegos", "El cortafuegos bloquea."),
        spanish("X1", "Red", "Red caída."),
        spanish("X2", "Red", "Red wifi."));
    assertEquals("RARE", find(kb, "red cortafuegos").get(0));
  }

  @Test
  void aShortDocumentOutranksALongOneWithTheSameMatch() {
    SearchIndex kb = index(
        spanish("LONG", "Correo", "El servidor de correo rechaza mensajes grandes cuando el buzón está lleno y hay que vaciarlo antes de enviar otra vez"),
        spanish("SHORT", "Correo", "El servidor rechaza mensajes."));
    assertEquals(List.of("SHORT", "LONG"), find(kb, "servidor"));
  }

  @Test
  void moreOccurrencesRankHigherButEachAddsLess() {
    SearchIndex kb = index(
        spanish("ONCE", "A", "bloqueo uno dos tres cuatro cinco seis siete ocho nueve"),
        spanish("TWICE", "B", "bloqueo bloqueo dos tres cuatro cinco seis siete ocho nueve"),
        spanish("EIGHT", "C", "bloqueo bloqueo bloqueo bloqueo bloqueo bloqueo bloqueo bloqueo ocho nueve"));
    List<SearchHit> hits = kb.search(SearchQuery.of("bloqueo"));
    assertEquals(List.of("EIGHT", "TWICE", "ONCE"), ids(hits));
    double once = hits.get(2).score();
    double twice = hits.get(1).score();
    double eight = hits.get(0).score();
    assertTrue(twice - once > (eight - twice) / 6, "saturation: later occurrences add less each");
    assertTrue(eight < 3 * once);
  }

  @Test
  void aWordInTheTitleCountsMoreThanInTheKeywordsAndTheyMoreThanInTheBody() {
    SearchIndex kb = index(
        new SearchDocument("BODY", Language.SPANISH, "Teclado", "pilas", "dos tres ratón cuatro", "G", Visibility.PUBLIC),
        new SearchDocument("KEYWORDS", Language.SPANISH, "Pantalla", "ratón", "dos tres cinco cuatro", "G", Visibility.PUBLIC),
        new SearchDocument("TITLE", Language.SPANISH, "Ratón", "cable", "dos tres seis cuatro", "G", Visibility.PUBLIC));
    assertEquals(List.of("TITLE", "KEYWORDS", "BODY"), find(kb, "raton"));
  }

  @Test
  void fieldWeightsAreConfigurable() {
    SearchIndex kb = index(SearchIndex.builder().bodyWeight(20).build(),
        spanish("BODY", "Uno", "dos tres ratón"),
        spanish("TITLE", "Ratón", "dos tres cuatro"));
    assertEquals(List.of("BODY", "TITLE"), find(kb, "raton"));
  }

  @Test
  void documentsWithMoreOfTheWordsRankFirst() {
    SearchIndex kb = index(
        spanish("ONE", "Impresora", "No imprime."),
        spanish("BOTH", "Impresora sin tóner", "Cambie el tóner."),
        spanish("OTHER", "Tóner", "Pida tóner."));
    assertEquals("BOTH", find(kb, "impresora toner").get(0));
  }

  @Test
  void aBoostRaisesADocumentWithoutReindexingAndBelowOneLowersIt() {
    SearchIndex kb = index(spanish("A", "Correo lento", "El correo tarda."), spanish("B", "Correo lento", "El correo tarda."));
    assertEquals(List.of("A", "B"), find(kb, "correo"), "equal scores: by id");
    kb.boost("B", 1.5);
    assertEquals(List.of("B", "A"), find(kb, "correo"));
    List<SearchHit> hits = kb.search(SearchQuery.of("correo"));
    assertEquals(1.5 * hits.get(1).score(), hits.get(0).score(), 1e-5);
    kb.boost("B", 1);
    kb.boost("A", 0.5);
    assertEquals(List.of("B", "A"), find(kb, "correo"));
  }

  @Test
  void aBoostStaysWhenTheDocumentIsReplacedAndGoesWhenItIsRemoved() {
    SearchIndex kb = index(spanish("A", "Correo", "El correo."), spanish("B", "Correo", "El correo."));
    kb.boost("B", 2);
    kb.put(spanish("B", "Correo", "El correo."));
    assertEquals(List.of("B", "A"), find(kb, "correo"));
    kb.remove("B");
    kb.put(spanish("B", "Correo", "El correo."));
    assertEquals(List.of("A", "B"), find(kb, "correo"));
  }

  @Test
  void aDocumentNotYetSearchedCanBeBoosted() {
    SearchIndex kb = index(spanish("A", "Correo", "El correo."));
    kb.put(spanish("B", "Correo", "El correo."));
    kb.boost("B", 3);
    assertEquals(List.of("B", "A"), find(kb, "correo"));
  }

  @Test
  void boostingAnUnknownDocumentOrByAFactorOutOfRangeIsRefused() {
    SearchIndex kb = index(spanish("A", "Correo", "El correo."));
    assertThrows(NotFoundException.class, () -> kb.boost("NOPE", 2));
    ValidationException e = assertThrows(ValidationException.class, () -> kb.boost("A", 0));
    assertEquals("factor", e.violations().get(0).field());
    assertThrows(ValidationException.class, () -> kb.boost("A", Double.NaN));
    assertThrows(ValidationException.class, () -> kb.boost("A", 1_001));
    assertThrows(ValidationException.class, () -> kb.boost(null, 2));
    assertEquals(List.of("A"), find(kb, "correo"));
  }

  @Test
  void theLimitCapsTheHits() {
    SearchIndex kb = SearchIndex.builder().build();
    for (int i = 0; i < 30; i++) {
      kb.put(spanish("KB-" + i, "Correo " + i, "El correo número " + i));
    }
    assertEquals(10, find(kb, "correo").size());
    assertEquals(3, kb.search(SearchQuery.of("correo").limit(3)).size());
    assertEquals(30, kb.search(SearchQuery.of("correo").limit(1000)).size());
  }

  @Test
  void hitsComeBestFirst() {
    SearchIndex kb = SearchIndex.builder().build();
    for (int i = 0; i < 50; i++) {
      kb.put(spanish("KB-" + i, "Correo " + "lento ".repeat(i % 5), "correo " + "x".repeat(i % 7 + 1)));
    }
    List<SearchHit> hits = kb.search(SearchQuery.of("correo lento").limit(50));
    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
    }
  }
}
