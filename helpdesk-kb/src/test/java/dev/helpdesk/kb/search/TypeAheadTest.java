package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.ids;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Type-ahead: the word still being typed matches as a prefix. */
class TypeAheadTest {
  private final SearchIndex kb = index(
      spanish("PRINTER", "La impresora no imprime", "Revise el cable."),
      spanish("SCREEN", "La pantalla parpadea", "Revise el cable de vídeo."),
      spanish("DEEP", "Desconexión de la VPN", "Vuelva a conectar."));

  private List<String> typing(String text) {
    return ids(kb.search(SearchQuery.of(text).asYouType()));
  }

  @Test
  void theLastWordMatchesTheTermsItBegins() {
    assertEquals(List.of("PRINTER"), typing("impr"));
    assertEquals(List.of("SCREEN"), typing("panta"));
  }

  @Test
  void withoutTypeAheadAPartWordMatchesNothing() {
    assertEquals(List.of(), ids(kb.search(SearchQuery.of("panta"))));
  }

  @Test
  void theEarlierWordsMatchWholeAndTheLastAsAPrefix() {
    assertEquals(List.of("SCREEN", "PRINTER"), typing("cable pant"));
  }

  @Test
  void aTextEndingInASpaceIsSearchedAsItIs() {
    assertEquals(List.of(), typing("panta "));
  }

  @Test
  void aPrefixThatIsAStopWordStillCompletes() {
    assertEquals(List.of("DEEP"), typing("de"));
  }

  @Test
  void aWholeWordRanksAboveAWordItOnlyBegins() {
    SearchIndex two = index(spanish("WHOLE", "Red", "Sin red."), spanish("LONGER", "Redirección", "Una redirección."));
    assertEquals(List.of("WHOLE", "LONGER"), ids(two.search(SearchQuery.of("red").asYouType())));
    assertEquals(Set.of("WHOLE"), Set.copyOf(ids(two.search(SearchQuery.of("red")))));
  }

  @Test
  void theCompletedWordIsMarkedInTheSnippet() {
    Snippet s = kb.search(SearchQuery.of("desc").asYouType()).get(0).snippet();
    assertEquals("Vuelva a conectar.", s.text());
    Snippet title = index(spanish("T", "Desconexión", "")).search(SearchQuery.of("desc").asYouType()).get(0).snippet();
    assertEquals("[Desconexión]", title.marked("[", "]"));
  }
}
