package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets: a short extract with the matched words marked. */
class SnippetTest {

  private static Snippet snippet(SearchDocument document, String query) {
    return index(document).search(SearchQuery.of(query)).get(0).snippet();
  }

  private static String words(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(i == from ? "" : " ").append("palabra").append((char) ('a' + i % 26)).append(i / 26);
    }
    return b.toString();
  }

  @Test
  void theMatchedWordsAreMarkedWhereverTheirFormDiffers() {
    Snippet s = snippet(spanish("KB-1", "Impresoras", "Si la Impresora no imprime, mire las impresoras de red."), "impresoras red");
    assertEquals("Si la [Impresora] no imprime, mire las [impresoras] de [red].", s.marked("[", "]"));
    assertEquals(List.of(new Snippet.Mark(6, 15), new Snippet.Mark(37, 47), new Snippet.Mark(51, 54)), s.marks());
  }

  @Test
  void aLongBodyIsCutAroundTheMatchesWithEllipses() {
    String body = words(0, 100) + " cortafuegos bloquea " + words(100, 200);
    Snippet s = snippet(spanish("KB-1", "Red", body), "cortafuegos");
    assertTrue(s.text().startsWith("…"), s.text());
    assertTrue(s.text().endsWith("…"), s.text());
    assertTrue(s.marked("[", "]").contains(" [cortafuegos] bloquea "), s.text());
    assertEquals(Snippets.WINDOW_WORDS, s.text().split(" ").length);
  }

  @Test
  void theWindowShowingMoreOfTheQueryWinsOverTheFirstMatch() {
    String body = "cortafuegos " + words(0, 60) + " el cortafuegos bloquea la vpn " + words(60, 120);
    Snippet s = snippet(spanish("KB-1", "Red", body), "cortafuegos vpn");
    assertTrue(s.marked("[", "]").contains("el [cortafuegos] bloquea la [vpn]"), s.text());
  }

  @Test
  void aMatchOnlyInTheTitleGivesTheBodysBeginning() {
    Snippet s = snippet(spanish("KB-1", "Cortafuegos", words(0, 40)), "cortafuegos");
    assertEquals(List.of(), s.marks());
    assertTrue(s.text().startsWith("palabraa0 palabrab0"), s.text());
    assertTrue(s.text().endsWith("…"));
  }

  @Test
  void anArticleWithoutBodyGivesItsTitle() {
    Snippet s = snippet(spanish("KB-1", "Reiniciar el router", ""), "router");
    assertEquals("Reiniciar el [router]", s.marked("[", "]"));
  }

  @Test
  void whitespaceRunsBecomeOneSpace() {
    Snippet s = snippet(spanish("KB-1", "Red", "Paso 1:\n\n   reinicie\tel router.\n"), "router");
    assertEquals("Paso 1: reinicie el [router].", s.marked("[", "]"));
  }

  @Test
  void aWordFarIntoALongBodyIsFoundPastTheCheckpoints() {
    String body = words(0, 1000) + " antivirus " + words(1000, 1010);
    Snippet s = snippet(spanish("KB-1", "Equipo", body), "antivirus");
    assertTrue(s.marked("<b>", "</b>").contains("<b>antivirus</b>"), s.text());
  }

  @Test
  void markedWrapsEachMarkAndAMarkMustLieInTheText() {
    Snippet s = new Snippet("ab cd", List.of(new Snippet.Mark(0, 2), new Snippet.Mark(3, 5)));
    assertEquals("<b>ab</b> <b>cd</b>", s.marked("<b>", "</b>"));
    assertThrows(ValidationException.class, () -> new Snippet("ab", List.of(new Snippet.Mark(1, 3))));
    assertThrows(ValidationException.class, () -> new Snippet("abcd", List.of(new Snippet.Mark(2, 3), new Snippet.Mark(0, 1))));
    assertThrows(ValidationException.class, () -> new Snippet.Mark(2, 2));
    assertThrows(ValidationException.class, () -> new Snippet.Mark(-1, 2));
    assertThrows(ValidationException.class, () -> new Snippet(null, List.of()));
    assertThrows(ValidationException.class, () -> s.marked(null, ""));
  }
}
