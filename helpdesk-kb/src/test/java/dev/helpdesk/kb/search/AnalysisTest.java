package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.english;
import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Analysis (D-11's keyword search in the desk's languages): folding, stop words, light stemming, per language. */
class AnalysisTest {

  private static List<String> words(String text) {
    Tokenizer t = new Tokenizer().reset(text);
    List<String> out = new ArrayList<>();
    while (t.next()) {
      out.add(new String(t.word(), 0, t.length()));
    }
    return out;
  }

  private static String stem(Language language, String folded) {
    char[] w = folded.toCharArray();
    return new String(w, 0, language.stem(w, w.length));
  }

  @Test
  void wordsAreLowerCasedAndStrippedOfAccentsIncludingEnyeAndDiaeresis() {
    assertEquals(List.of("contrasena", "pinguino", "accion", "facil", "cafe", "ano"),
        words("Contraseña PINGÜINO, acción; ¿fácil? CAFÉ año"));
  }

  @Test
  void wordsWrittenWithCombiningMarksFoldLikePrecomposedOnes() {
    assertEquals(words("contraseña"), words("contrasen\u0303a"));
  }

  @Test
  void punctuationSeparatesWordsAndDigitsBelongToThem() {
    assertEquals(List.of("error", "0x80070005", "en", "windows", "10"), words("error 0x80070005 en Windows-10."));
  }

  @Test
  void theTokenizerReportsWhereEachWordSitsInTheOriginalText() {
    Tokenizer t = new Tokenizer().reset("  ¡Hola, mundo!");
    assertTrue(t.next());
    assertEquals(3, t.start());
    assertEquals(7, t.end());
    assertTrue(t.next());
    assertEquals("mundo", "  ¡Hola, mundo!".substring(t.start(), t.end()));
    assertFalse(t.next());
  }

  @Test
  void aWordLongerThanFortyLettersGetsNoTerm() {
    Tokenizer t = new Tokenizer().reset("a".repeat(41) + " b");
    assertTrue(t.next());
    assertTrue(t.tooLong());
    assertTrue(t.next());
    assertFalse(t.tooLong());
  }

  @Test
  void spanishStopWordsAreSpanishOnesAndEnglishOnesEnglish() {
    assertTrue(Language.SPANISH.isStopWord("de".toCharArray(), 2));
    assertTrue(Language.SPANISH.isStopWord("tambien".toCharArray(), 7));
    assertFalse(Language.SPANISH.isStopWord("the".toCharArray(), 3));
    assertTrue(Language.ENGLISH.isStopWord("the".toCharArray(), 3));
    assertFalse(Language.ENGLISH.isStopWord("impresora".toCharArray(), 9));
  }

  @Test
  void itIsNotAStopWordBecauseOnAHelpDeskItMeansIt() {
    assertFalse(Language.ENGLISH.isStopWord("it".toCharArray(), 2));
  }

  @Test
  void theSpanishStemmerJoinsPluralsGenderAndCommonVerbAndNounEndings() {
    assertEquals("impresor", stem(Language.SPANISH, "impresoras"));
    assertEquals("impresor", stem(Language.SPANISH, "impresora"));
    assertEquals("red", stem(Language.SPANISH, "redes"));
    assertEquals("error", stem(Language.SPANISH, "errores"));
    assertEquals("luz", stem(Language.SPANISH, "luces"));
    for (String w : List.of("configurar", "configurado", "configurando", "configuracion", "configuraciones")) {
      assertEquals("configur", stem(Language.SPANISH, w), w);
    }
    assertEquals(stem(Language.SPANISH, "conectar"), stem(Language.SPANISH, "conecta"));
    assertEquals(stem(Language.SPANISH, "imprimir"), stem(Language.SPANISH, "imprime"));
    assertEquals(stem(Language.SPANISH, "contrasena"), stem(Language.SPANISH, "contrasenas"));
  }

  @Test
  void theEnglishStemmerJoinsPluralsAndIngAndEdForms() {
    assertEquals("printer", stem(Language.ENGLISH, "printers"));
    assertEquals("print", stem(Language.ENGLISH, "printing"));
    assertEquals("print", stem(Language.ENGLISH, "printed"));
    assertEquals("policy", stem(Language.ENGLISH, "policies"));
    assertEquals("run", stem(Language.ENGLISH, "running"));
    assertEquals("install", stem(Language.ENGLISH, "installed"));
    assertEquals(stem(Language.ENGLISH, "configure"), stem(Language.ENGLISH, "configuration"));
    assertEquals("access", stem(Language.ENGLISH, "access"));
  }

  @Test
  void stemmersLeaveShortWordsAndWordsWithDigitsAlone() {
    assertEquals("red", stem(Language.SPANISH, "red"));
    assertEquals("win10s", stem(Language.SPANISH, "win10s"));
    assertEquals("usb", stem(Language.ENGLISH, "usb"));
  }

  @Test
  void aQueryTypedWithoutAccentsFindsTheAccentedArticle() {
    SearchIndex kb = index(spanish("KB-1", "Cambiar la contraseña", "Abra la configuración de la cuenta."));
    assertEquals(List.of("KB-1"), find(kb, "contrasena"));
    assertEquals(List.of("KB-1"), find(kb, "CONFIGURACION"));
  }

  @Test
  void aPluralQueryFindsTheSingularArticleAndTheOtherWayRound() {
    SearchIndex kb = index(spanish("KB-1", "La impresora no imprime", "Revise el cable."),
        spanish("KB-2", "Servidores caídos", "Los servidores no responden."));
    assertEquals(List.of("KB-1"), find(kb, "impresoras"));
    assertEquals(List.of("KB-2"), find(kb, "servidor"));
  }

  @Test
  void aQueryOfOnlyStopWordsFindsNothing() {
    SearchIndex kb = index(spanish("KB-1", "De la red", "Que no se conecta a la red."));
    assertEquals(List.of(), find(kb, "de la que"));
  }

  @Test
  void eachDocumentIsAnalysedInItsOwnLanguage() {
    // "printing" is stemmed only as English; as Spanish it would stay whole.
    SearchIndex kb = index(english("EN-1", "Printing problems", "Nothing comes out of the printer."));
    assertEquals(List.of("EN-1"), find(kb, "print"));
    assertEquals(List.of("EN-1"), ids(kb.search(SearchQuery.of("printed").language(Language.ENGLISH))));
  }

  @Test
  void aQueryInAnUnknownLanguageIsAnalysedInBoth() {
    SearchIndex kb = index(english("EN-1", "Printing problems", "Nothing comes out."),
        spanish("ES-1", "Problemas de impresión", "No sale nada."));
    assertEquals(List.of("EN-1"), find(kb, "printed"));
    assertEquals(List.of("ES-1"), find(kb, "impresiones"));
  }

  @Test
  void aLocaleNamesItsAnalysisLanguage() {
    assertEquals(Optional.of(Language.SPANISH), Language.of(Locale.forLanguageTag("es-MX")));
    assertEquals(Optional.of(Language.ENGLISH), Language.of(Locale.UK));
    assertEquals(Optional.empty(), Language.of(Locale.GERMAN));
  }

  private static List<String> ids(List<SearchHit> hits) {
    return Articles.ids(hits);
  }
}
