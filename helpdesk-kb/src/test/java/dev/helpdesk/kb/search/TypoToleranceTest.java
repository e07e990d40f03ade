package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typo tolerance: a query term one edit away (4–7 letters) or two (8 or more) still matches, below exact matches. */
class TypoToleranceTest {

  @Test
  void aMisspelledQueryFindsTheArticle() {
    SearchIndex kb = index(spanish("KB-1", "La impresora no imprime", "Revise la bandeja."));
    assertEquals(List.of("KB-1"), find(kb, "inpresora"));
  }

  @Test
  void eachKindOfEditIsForgiven() {
    SearchIndex kb = index(spanish("KB-1", "Bandeja atascada", "Retire el papel."));
    assertEquals(List.of("KB-1"), find(kb, "bandjea"), "two letters swapped");
    assertEquals(List.of("KB-1"), find(kb, "bandej"), "a letter dropped");
    assertEquals(List.of("KB-1"), find(kb, "bandeeja"), "a letter doubled");
    assertEquals(List.of("KB-1"), find(kb, "bamdeja"), "a letter replaced");
  }

  @Test
  void aTermOfFourToSevenLettersForgivesOneEditAndNoMore() {
    SearchIndex kb = index(spanish("KB-1", "Papel atascado", "Retire el papel."));
    assertEquals(List.of("KB-1"), find(kb, "pepel"));
    assertEquals(List.of(), find(kb, "pepol"));
  }

  @Test
  void aTermOfEightLettersOrMoreForgivesTwoEdits() {
    SearchIndex kb = index(spanish("KB-1", "Ejecute el desfragmentador", "Cierre los programas."));
    assertEquals(List.of("KB-1"), find(kb, "desfracmentadr"));
    assertEquals(List.of(), find(kb, "dezfracmentadr"), "three edits");
  }

  @Test
  void shortTermsAndNumbersAreMatchedExactly() {
    SearchIndex kb = index(spanish("KB-1", "Error 404 en la red", "La web no carga."));
    assertEquals(List.of(), find(kb, "rex"));
    assertEquals(List.of(), find(kb, "405"));
    assertEquals(List.of("KB-1"), find(kb, "404"));
  }

  @Test
  void anExactMatchRanksAboveATypoMatch() {
    SearchIndex kb = index(
        spanish("TYPO", "Casas rurales", "Una casa."),
        spanish("EXACT", "Cosas rurales", "Una cosa."));
    assertEquals(List.of("EXACT", "TYPO"), find(kb, "cosas"));
    assertEquals(List.of("TYPO", "EXACT"), find(kb, "casas"));
  }

  @Test
  void aRareNearWordDoesNotOutrankACommonExactOne() {
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      docs.add(spanish("COMMON-" + i, "Pantalla " + i, "La pantalla parpadea sin parar."));
    }
    docs.add(spanish("RARE", "Pantalia", "Un caso aparte."));
    SearchIndex kb = index(docs.toArray(new SearchDocument[0]));
    List<String> found = Articles.ids(kb.search(SearchQuery.of("pantalla").limit(30)));
    assertEquals(21, found.size());
    assertEquals("RARE", found.get(found.size() - 1), "the one-edit neighbour comes last, though rarer");
  }

  @Test
  void typoToleranceCanBeTurnedOff() {
    SearchIndex kb = index(SearchIndex.builder().typoTolerance(false).build(),
        spanish("KB-1", "La impresora no imprime", "Revise la bandeja."));
    assertEquals(List.of(), find(kb, "inpresora"));
    assertEquals(List.of("KB-1"), find(kb, "impresora"));
  }

  @Test
  void theMarkedWordIsTheOneInTheArticleNotTheTypo() {
    SearchIndex kb = index(spanish("KB-1", "Impresora", "La impresora de red."));
    Snippet s = kb.search(SearchQuery.of("inpresora")).get(0).snippet();
    assertEquals("La [impresora] de red.", s.marked("[", "]"));
  }

  // The typo index against a scan of every term with the true distance: it must find exactly the same terms.

  @Test
  void theTypoIndexFindsExactlyTheTermsAScanWithTheTrueDistanceFinds() {
    Random random = new Random(42);
    String letters = "aeioubcdlmnprst";
    TermTable.Builder builder = new TermTable.Builder();
    List<String> vocabulary = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (vocabulary.size() < 2000) {
      StringBuilder w = new StringBuilder();
      int len = 3 + random.nextInt(10);
      for (int i = 0; i < len; i++) {
        w.append(letters.charAt(random.nextInt(letters.length())));
      }
      if (seen.add(w.toString())) {
        vocabulary.add(w.toString());
        builder.add(w.toString().toCharArray(), 0, w.length());
      }
    }
    TermTable terms = builder.build();
    TypoIndex typos = TypoIndex.build(terms);
    Scratch scratch = new Scratch();
    int compared = 0;
    for (int q = 0; q < 400; q++) {
      // Queries near vocabulary words (so there is something to find) and random ones.
      String query = q % 3 == 0 ? randomWord(random, letters) : mutate(vocabulary.get(random.nextInt(vocabulary.size())), random, letters);
      int edits = TypoIndex.editsAllowed(query.length());
      if (edits == 0) {
        continue;
      }
      Set<String> expected = new HashSet<>();
      for (String w : vocabulary) {
        int d = naiveDistance(query, w);
        if (d > 0 && d <= edits) {
          expected.add(w + ":" + d);
        }
      }
      for (int pass = 0; pass < 2; pass++) { // the second answer comes from the recent lookups
        TypoIndex.TypoMatches found = new TypoIndex.TypoMatches();
        typos.near(query.toCharArray(), query.length(), terms, scratch, found);
        Set<String> actual = new HashSet<>();
        for (int i = 0; i < found.size; i++) {
          actual.add(terms.text(found.terms[i]) + ":" + found.distances[i]);
        }
        assertEquals(expected, actual, query);
      }
      compared += expected.size();
    }
    assertTrue(compared > 200, "the queries found enough near terms to mean something: " + compared);
  }

  @Test
  void theBitParallelDistanceAgreesWithTheFullTable() {
    Random random = new Random(7);
    EditDistance distance = new EditDistance();
    for (int i = 0; i < 10_000; i++) {
      String letters = i % 3 == 0 ? "abcdeñü" : "abcde";
      String a = randomWord(random, letters);
      String b = random.nextBoolean() ? mutate(a, random, letters) : randomWord(random, letters);
      distance.prepare(a.toCharArray(), a.length());
      char[] padded = ("xy" + b).toCharArray();
      assertEquals(naiveDistance(a, b), distance.to(padded, 2, b.length()), a + " / " + b);
    }
  }

  private static String randomWord(Random random, String letters) {
    StringBuilder w = new StringBuilder();
    int len = 1 + random.nextInt(12);
    for (int i = 0; i < len; i++) {
      w.append(letters.charAt(random.nextInt(letters.length())));
    }
    return w.toString();
  }

  /** One or two random edits. */
  private static String mutate(String word, Random random, String letters) {
    StringBuilder w = new StringBuilder(word);
    int edits = 1 + random.nextInt(2);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(w.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> w.insert(at, letters.charAt(random.nextInt(letters.length())));
        case 1 -> {
          if (at < w.length() && w.length() > 1) {
            w.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (at < w.length()) {
            w.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
          }
        }
        default -> {
          if (at + 1 < w.length()) {
            char c = w.charAt(at);
            w.setCharAt(at, w.charAt(at + 1));
            w.setCharAt(at + 1, c);
          }
        }
      }
    }
    return w.toString();
  }

  /** Optimal string alignment distance, the textbook full table. */
  static int naiveDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
