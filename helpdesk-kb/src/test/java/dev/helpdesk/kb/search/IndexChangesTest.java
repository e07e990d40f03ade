package dev.helpdesk.kb.search;

import static dev.helpdesk.kb.search.Articles.find;
import static dev.helpdesk.kb.search.Articles.ids;
import static dev.helpdesk.kb.search.Articles.index;
import static dev.helpdesk.kb.search.Articles.spanish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Adding, replacing and removing documents at any time, with searches going on. */
class IndexChangesTest {

  @Test
  void aDocumentIsFoundAsSoonAsItIsPut() {
    SearchIndex kb = index(spanish("KB-1", "Correo", "El correo."));
    assertEquals(List.of("KB-1"), find(kb, "correo"));
    kb.put(spanish("KB-2", "Impresora", "La impresora."));
    assertEquals(List.of("KB-2"), find(kb, "impresora"));
    assertEquals(List.of("KB-1"), find(kb, "correo"));
  }

  @Test
  void aReplacedDocumentIsFoundOnlyAsItsNewVersion() {
    SearchIndex kb = index(spanish("KB-1", "Correo", "El correo."));
    assertEquals(List.of("KB-1"), find(kb, "correo"));
    kb.put(spanish("KB-1", "Impresora", "La impresora."));
    assertEquals(List.of(), find(kb, "correo"));
    assertEquals(List.of("KB-1"), find(kb, "impresora"));
    assertEquals(1, kb.size());
  }

  @Test
  void aDocumentReplacedBeforeAnySearchIsIndexedOnlyOnce() {
    SearchIndex kb = SearchIndex.builder().build();
    kb.put(spanish("KB-1", "Correo", "El correo."));
    kb.put(spanish("KB-1", "Correo nuevo", "El correo."));
    assertEquals(1, kb.search(SearchQuery.of("correo")).size());
    assertEquals(1, kb.size());
  }

  @Test
  void removeTellsWhetherTheDocumentWasThere() {
    SearchIndex kb = index(spanish("KB-1", "Correo", "El correo."), spanish("KB-2", "Correo", "Otro correo."));
    assertEquals(2, find(kb, "correo").size());
    assertTrue(kb.remove("KB-1"));
    assertFalse(kb.remove("KB-1"));
    assertFalse(kb.remove("NEVER"));
    assertEquals(List.of("KB-2"), find(kb, "correo"));
    kb.put(spanish("KB-3", "Correo", "Tercero."));
    assertTrue(kb.remove("KB-3"), "a document not yet searched is removed too");
    assertEquals(List.of("KB-2"), find(kb, "correo"));
    assertEquals(1, kb.size());
  }

  @Test
  void anEmptyIndexFindsNothing() {
    SearchIndex kb = SearchIndex.builder().build();
    assertEquals(List.of(), find(kb, "correo"));
    assertEquals(0, kb.size());
    kb.put(spanish("KB-1", "Correo", "El correo."));
    kb.remove("KB-1");
    assertEquals(List.of(), find(kb, "correo"));
  }

  @Test
  void aDocumentWithoutASearchableWordIsKeptButFoundByNothing() {
    SearchIndex kb = index(spanish("KB-1", "De la", "¿Que? ¡No!"));
    assertEquals(List.of(), find(kb, "impresora"));
    assertEquals(List.of(), ids(kb.search(SearchQuery.of("d").asYouType())));
    assertEquals(1, kb.size());
  }

  @Test
  void aVeryLongArticleIsIndexedAndItsSnippetFoundDeepInside() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      body.append("relleno").append(i % 50).append(' ');
    }
    body.append("antivirus caducado");
    SearchIndex kb = index(spanish("LONG", "Equipo lento", body.toString()), spanish("SHORT", "Antivirus", "Renueve el antivirus."));
    assertEquals(List.of("SHORT", "LONG"), find(kb, "antivirus"));
    Snippet deep = kb.search(SearchQuery.of("caducado")).get(0).snippet();
    assertEquals(List.of(), deep.marks(), "beyond the first 10,000 words a snippet shows the beginning");
    assertEquals(List.of("LONG"), find(kb, "caducado"));
  }

  @Test
  void aKnowledgeBaseChangedPieceByPieceFindsWhatOneBuiltAtOnceFinds() {
    Random random = new Random(3);
    String[] words = {"correo", "impresora", "red", "vpn", "clave", "pantalla", "teclado", "servidor", "cuenta",
        "archivo", "bloqueo", "lento", "error", "conexión", "equipo", "licencia"};
    SearchIndex changed = SearchIndex.builder().build();
    Map<String, SearchDocument> current = new HashMap<>();
    for (int step = 0; step < 3_000; step++) {
      String id = "KB-" + random.nextInt(600);
      if (random.nextInt(5) == 0) {
        changed.remove(id);
        current.remove(id);
      } else {
        SearchDocument d = spanish(id, words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)],
            words[random.nextInt(words.length)] + " y " + words[random.nextInt(words.length)] + " " + step);
        changed.put(d);
        current.put(id, d);
      }
      if (random.nextInt(4) == 0) {
        changed.search(SearchQuery.of(words[random.nextInt(words.length)])); // publishes: segments form and merge
      }
    }
    assertTrue(changed.snapshot().views.length <= 6, "segments stay few: " + changed.snapshot().views.length);
    SearchIndex fresh = index(current.values().toArray(new SearchDocument[0]));
    assertEquals(current.size(), changed.size());
    for (String w : words) {
      Set<String> a = new HashSet<>(ids(changed.search(SearchQuery.of(w).limit(1000))));
      Set<String> b = new HashSet<>(ids(fresh.search(SearchQuery.of(w).limit(1000))));
      assertEquals(b, a, w);
    }
  }

  @Test
  void manySmallChangesMergeIntoFewSegments() {
    SearchIndex kb = SearchIndex.builder().build();
    for (int i = 0; i < 2_000; i++) {
      kb.put(spanish("KB-" + i, "Correo " + i, "El correo número " + i));
      kb.search(SearchQuery.of("correo"));
    }
    int segments = kb.snapshot().views.length;
    assertTrue(segments <= 7, "at most about log4(2000) segments, were " + segments);
    assertEquals(2_000, kb.size());
    assertEquals(List.of("KB-1999"), find(kb, "1999"));
  }

  @Test
  void searchesDuringReplacementsSeeExactlyOneVersionOfTheDocument() throws InterruptedException {
    SearchIndex kb = SearchIndex.builder().build();
    for (int i = 0; i < 300; i++) {
      kb.put(spanish("FILLER-" + i, "Relleno " + i, "Texto de relleno sobre redes y equipos " + i));
    }
    kb.put(spanish("HOT", "Versión alfa", "Texto común 0"));
    int replacements = 3_000;
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger searches = new AtomicInteger();
    CountDownLatch readersStarted = new CountDownLatch(2);
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread reader = new Thread(() -> {
        readersStarted.countDown();
        int mine = 0;
        while (writing.get() || mine < 200) {
          List<SearchHit> hits = kb.search(SearchQuery.of("común").limit(50));
          if (hits.size() != 1 || !hits.get(0).id().equals("HOT")) {
            failures.add("común found " + ids(hits));
          }
          List<SearchHit> either = kb.search(SearchQuery.of("alfa beta").limit(50));
          if (either.size() != 1) {
            failures.add("alfa beta found " + ids(either));
          }
          mine++;
          searches.incrementAndGet();
        }
      });
      readers.add(reader);
      reader.start();
    }
    readersStarted.await();
    for (int k = 1; k <= replacements; k++) {
      kb.put(spanish("HOT", "Versión " + (k % 2 == 0 ? "alfa" : "beta"), "Texto común " + k));
      if (k % 100 == 0) {
        kb.put(spanish("FILLER-" + k % 300, "Relleno nuevo", "Texto de relleno sobre redes"));
      }
    }
    writing.set(false);
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(5, failures.size())));
    assertTrue(searches.get() >= 400);
    assertEquals(List.of("HOT"), find(kb, "alfa"), "the last version put (3000) is the alfa one");
    assertEquals(List.of(), find(kb, "beta"));
  }
}
