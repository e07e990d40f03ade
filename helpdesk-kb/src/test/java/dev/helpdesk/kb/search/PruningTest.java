package dev.helpdesk.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MaxScore skips documents that cannot reach the top; these tests hold it to the answer of scoring
 * every posting of every term (each query word scoring the best of its terms), over several
 * segments, with deletions, boosts and filters.
 */
class PruningTest {
  private static final String[] CATEGORIES = {"Redes", "Correo", "Cuentas"};

  private final Random random = new Random(5);
  private final String[] vocabulary = vocabulary();

  private String[] vocabulary() {
    String[] words = new String[400];
    String letters = "bcdfglmnprstv";
    String vowels = "aeiou";
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(letters.charAt(random.nextInt(letters.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
      }
      w.append('n'); // no stemmer ending touches a word ending in n after a vowel... almost
      words[i] = w.toString() + i % 10;
    }
    return words;
  }

  private String zipfWord() {
    double u = random.nextDouble();
    int rank = (int) Math.floor(Math.pow(vocabulary.length, u)) - 1;
    return vocabulary[Math.min(rank, vocabulary.length - 1)];
  }

  private String text(int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(zipfWord());
    }
    return b.toString();
  }

  private SearchDocument document(int i) {
    return new SearchDocument("D-" + i, random.nextInt(4) == 0 ? Language.ENGLISH : Language.SPANISH, text(3 + random.nextInt(4)),
        text(random.nextInt(3)), text(5 + random.nextInt(30)), CATEGORIES[random.nextInt(3)],
        random.nextInt(3) == 0 ? Visibility.INTERNAL : Visibility.PUBLIC);
  }

  @Test
  void theTopHitsAreThoseOfScoringEveryPosting() {
    SearchIndex index = SearchIndex.builder().build();
    for (int i = 0; i < 9_000; i++) {
      index.put(document(i));
    }
    check(index, 60);
    // More segments: new documents, replacements, removals and boosts after the first build.
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 400; i++) {
        index.put(document(9_000 + round * 400 + i));
        index.put(document(random.nextInt(9_000)));
        index.remove("D-" + random.nextInt(9_000));
        String id = "D-" + random.nextInt(9_000);
        try {
          index.boost(id, 0.5 + random.nextDouble() * 2);
        } catch (dev.helpdesk.model.NotFoundException removed) {
          // removed above: fine
        }
      }
      assertTrue(index.snapshot().views.length >= 1);
      check(index, 40);
    }
  }

  private void check(SearchIndex index, int queries) {
    for (int q = 0; q < queries; q++) {
      StringBuilder text = new StringBuilder();
      int words = 1 + random.nextInt(4);
      for (int w = 0; w < words; w++) {
        String word = zipfWord();
        if (random.nextInt(5) == 0) {
          word = word.substring(0, 2) + word.substring(3); // a typo
        }
        text.append(w == 0 ? "" : " ").append(word);
      }
      SearchQuery query = SearchQuery.of(text.toString()).limit(new int[] {1, 5, 10, 50}[random.nextInt(4)]);
      switch (random.nextInt(4)) {
        case 0 -> query = query.inCategory(CATEGORIES[random.nextInt(3)]);
        case 1 -> query = query.audience(Visibility.PUBLIC);
        case 2 -> query = query.documentLanguage(Language.SPANISH);
        default -> { }
      }
      List<SearchHit> hits = index.search(query);
      List<Map.Entry<String, Double>> expected = exhaustive(index, query);
      assertEquals(Math.min(expected.size(), query.limitValue()), hits.size(), query.toString());
      Map<String, Double> reference = new HashMap<>();
      expected.forEach(e -> reference.put(e.getKey(), e.getValue()));
      for (int i = 0; i < hits.size(); i++) {
        double want = expected.get(i).getValue();
        assertEquals(want, hits.get(i).score(), want * 1e-5, query + " rank " + i);
        assertEquals(reference.get(hits.get(i).id()), hits.get(i).score(), want * 1e-5, query + " " + hits.get(i).id());
      }
    }
  }

  /** Every posting of every term of the query scored, every document kept, sorted. */
  private static List<Map.Entry<String, Double>> exhaustive(SearchIndex index, SearchQuery query) {
    Snapshot snapshot = index.snapshot();
    Scratch scratch = new Scratch();
    QueryPlan plan = QueryPlan.of(query, new SynonymTable(Synonyms.itDefaults()), scratch);
    List<Map.Entry<String, Double>> all = new ArrayList<>();
    if (plan.words.length == 0) {
      return all;
    }
    QueryTerms terms = QueryTerms.resolve(plan, snapshot, true, scratch);
    Clauses clauses = new Clauses();
    for (int v = 0; v < snapshot.views.length; v++) {
      SegmentView view = snapshot.views[v];
      Segment segment = view.segment;
      Filter filter = Filter.of(query, segment);
      terms.clauses(v, clauses);
      Map<Integer, Double> scores = new HashMap<>();
      for (int c = 0; c < clauses.count; c++) {
        // A word scores the best of its terms in each document.
        Map<Integer, Double> word = new HashMap<>();
        for (int m = clauses.starts[c]; m < clauses.starts[c + 1]; m++) {
          int t = clauses.terms[m];
          for (int p = segment.postingStarts[t]; p < segment.postingStarts[t + 1]; p++) {
            word.merge(segment.postingDocs[p], (double) (clauses.weights[m] * segment.postingImpacts[p]), Math::max);
          }
        }
        word.forEach((doc, score) -> scores.merge(doc, score, Double::sum));
      }
      scores.forEach((doc, score) -> {
        if (!view.isDeleted(doc) && !filter.rejectsAll() && filter.accepts(segment, doc)) {
          all.add(Map.entry(segment.documents[doc].id(), score * view.boost(doc)));
        }
      });
    }
    all.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
        .thenComparing(Map.Entry::getKey));
    return all;
  }
}
