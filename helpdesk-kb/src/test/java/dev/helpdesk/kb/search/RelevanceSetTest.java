package dev.helpdesk.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.kb.search.RelevanceMetrics.Report;
import dev.helpdesk.kb.search.RelevanceMetrics.Score;
import dev.helpdesk.kb.search.RelevanceSet.Article;
import dev.helpdesk.kb.search.RelevanceSet.Kind;
import dev.helpdesk.kb.search.RelevanceSet.Query;
import dev.helpdesk.model.Visibility;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The relevance set (issue 5) is big enough, consistent, and honest about what makes its queries
 * hard: a naive ranker does worse on typos, missing accents and synonyms than on plain queries.
 */
class RelevanceSetTest {
  private static final RelevanceSet SET = RelevanceSet.load();
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  @Test
  void theSetHoldsAtLeastSixtyArticlesInSpanishAndEnglish() {
    Map<Locale, Long> byLanguage = SET.articles().stream()
        .collect(Collectors.groupingBy(Article::language, Collectors.counting()));
    assertTrue(SET.articles().size() >= 60, "articles: " + SET.articles().size());
    assertTrue(byLanguage.getOrDefault(SPANISH, 0L) >= 25, "by language: " + byLanguage);
    assertTrue(byLanguage.getOrDefault(Locale.ENGLISH, 0L) >= 25, "by language: " + byLanguage);
  }

  @Test
  void someArticlesAreForTechniciansOnly() {
    assertTrue(SET.articles().stream().anyMatch(article -> article.audience() == Visibility.INTERNAL));
    assertTrue(SET.articles().stream().anyMatch(article -> article.audience() == Visibility.PUBLIC));
  }

  @Test
  void theSetHoldsAtLeast150QueriesAndAtLeast25OfEachKind() {
    Map<Kind, Long> byKind = SET.queries().stream()
        .collect(Collectors.groupingBy(Query::kind, () -> new EnumMap<>(Kind.class), Collectors.counting()));
    assertTrue(SET.queries().size() >= 150, "queries: " + SET.queries().size());
    for (Kind kind : Kind.values()) {
      assertTrue(byKind.getOrDefault(kind, 0L) >= 25, "by kind: " + byKind);
    }
  }

  @Test
  void typosParaphrasesAndSynonymsComeInBothLanguages() {
    for (Kind kind : List.of(Kind.PARAPHRASE, Kind.TYPO, Kind.SYNONYM)) {
      Set<Locale> languages = SET.queries().stream().filter(query -> query.kind() == kind)
          .flatMap(query -> query.language().stream()).collect(Collectors.toSet());
      assertEquals(Set.of(SPANISH, Locale.ENGLISH), languages, kind.label);
    }
  }

  @Test
  void articleIdsAndQueriesAreUnique() {
    assertEquals(List.of(), duplicates(SET.articles().stream().map(Article::id).toList()));
    assertEquals(List.of(), duplicates(SET.queries().stream().map(Query::text).toList()));
  }

  @Test
  void everyJudgedArticleExists() {
    Set<String> ids = SET.articles().stream().map(Article::id).collect(Collectors.toSet());
    List<String> unknown = SET.queries().stream()
        .flatMap(query -> query.judgments().keySet().stream().filter(id -> !ids.contains(id))
            .map(id -> query.text() + " -> " + id))
        .toList();
    assertEquals(List.of(), unknown);
  }

  @Test
  void everyQueryHasAnAnswer() {
    List<String> unanswered = SET.queries().stream()
        .filter(query -> !query.judgments().containsValue(3)).map(Query::text).toList();
    assertEquals(List.of(), unanswered);
  }

  @Test
  void queriesAreTypedInLowerCaseAndShortOnesHaveOneOrTwoWords() {
    List<String> offenders = SET.queries().stream()
        .filter(query -> !query.text().equals(query.text().toLowerCase(Locale.ROOT))
            || query.kind() == Kind.SHORT && words(query.text()).size() > 2)
        .map(Query::text).toList();
    assertEquals(List.of(), offenders);
  }

  @Test
  void everyNoAccentsQueryDropsAnAccentThatItsAnswerWrites() {
    Map<String, Article> byId = byId();
    List<String> offenders = new ArrayList<>();
    for (Query query : of(Kind.NO_ACCENTS)) {
      boolean dropsAnAccent = answers(query, byId).stream().anyMatch(answer -> {
        Set<String> written = words(text(answer));
        return words(query.text()).stream().anyMatch(word -> !written.contains(word)
            && written.stream().anyMatch(accented -> fold(accented).equals(word)));
      });
      if (!dropsAnAccent) {
        offenders.add(query.text());
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void everyTypoQueryHasAWordThatNoArticleWrites() {
    Set<String> vocabulary = SET.articles().stream().flatMap(article -> words(text(article)).stream())
        .collect(Collectors.toSet());
    List<String> offenders = of(Kind.TYPO).stream()
        .filter(query -> vocabulary.containsAll(words(query.text()))).map(Query::text).toList();
    assertEquals(List.of(), offenders);
  }

  @Test
  void aLineWithAMissingFieldIsNamedInTheError() {
    List<String> lines = List.of(RelevanceSet.ARTICLES_HEADER,
        "kb-1\ten\tprinting\tpublic\tPaper jam\tjam\tIt jams.\tOpen the door | Pull the sheet",
        "kb-2\ten\tprinting\tpublic\tToner\ttoner\tStreaks.");
    assertMalformed("articles.tsv line 3: expected 8 tab-separated fields, found 7",
        () -> RelevanceSet.articles("articles.tsv", lines));
  }

  @Test
  void anArticleInAnUnknownLanguageOrAudienceIsRefused() {
    assertMalformed("a.tsv line 2: language must be es or en, was 'fr'", () -> RelevanceSet.articles("a.tsv",
        List.of(RelevanceSet.ARTICLES_HEADER, "kb-1\tfr\tprinting\tpublic\tBourrage\t\tIl bloque.\tOuvrir")));
    assertMalformed("a.tsv line 2: audience must be public or internal, was 'staff'", () -> RelevanceSet.articles(
        "a.tsv", List.of(RelevanceSet.ARTICLES_HEADER, "kb-1\ten\tprinting\tstaff\tJam\t\tIt jams.\tOpen")));
  }

  @Test
  void aBlankSolutionStepIsRefused() {
    assertMalformed("a.tsv line 2: solution item 2 is blank", () -> RelevanceSet.articles("a.tsv",
        List.of(RelevanceSet.ARTICLES_HEADER, "kb-1\ten\tprinting\tpublic\tJam\tjam\tIt jams.\tOpen |  | Pull")));
  }

  @Test
  void aBadJudgmentIsNamedInTheError() {
    assertMalformed("q.tsv line 2: judgment 'kb-1:4' must be id:grade with grade 1, 2 or 3",
        () -> RelevanceSet.queries("q.tsv", List.of(RelevanceSet.QUERIES_HEADER, "paper jam\ten\tshort\tkb-1:4")));
    assertMalformed("q.tsv line 3: kb-1 is judged twice", () -> RelevanceSet.queries("q.tsv",
        List.of(RelevanceSet.QUERIES_HEADER, "jam\ten\tshort\tkb-1:3", "paper jam\ten\tshort\tkb-1:3 kb-1:2")));
    assertMalformed("q.tsv line 2: judgments is blank",
        () -> RelevanceSet.queries("q.tsv", List.of(RelevanceSet.QUERIES_HEADER, "paper jam\ten\tshort\t ")));
  }

  @Test
  void anUnknownKindIsRefused() {
    assertMalformed("q.tsv line 2: unknown kind 'misspelled'", () -> RelevanceSet.queries("q.tsv",
        List.of(RelevanceSet.QUERIES_HEADER, "inpresora\tes\tmisspelled\tkb-1:3")));
  }

  @Test
  void aFileWithoutItsHeaderIsRefused() {
    assertMalformed("q.tsv line 1: expected the header", () -> RelevanceSet.queries("q.tsv",
        List.of("paper jam\ten\tshort\tkb-1:3")));
  }

  @Test
  void aNaiveWordOverlapRankerFindsTyposMissingAccentsAndSynonymsHarderThanPlainQueries() {
    Report baseline = RelevanceMetrics.evaluate(SET, new WordOverlap(SET.articles()));
    System.out.println("Naive word-overlap baseline on the relevance set:\n" + baseline.table());

    for (Score score : baseline.byKind().values()) {
      assertTrue(score.mrr() >= 0 && score.mrr() <= 1, baseline.table());
      assertTrue(score.ndcg() >= 0 && score.ndcg() <= 1, baseline.table());
    }
    Score plain = baseline.of(Kind.PLAIN);
    for (Kind hard : List.of(Kind.TYPO, Kind.NO_ACCENTS, Kind.SYNONYM)) {
      assertTrue(baseline.of(hard).mrr() < plain.mrr(), hard.label + "\n" + baseline.table());
      assertTrue(baseline.of(hard).ndcg() < plain.ndcg(), hard.label + "\n" + baseline.table());
    }
  }

  /**
   * Ranks by how many of the query's words an article writes, exactly as typed: no stemming, no
   * accent folding, no synonyms, no field weights. Ties keep the file's order.
   */
  private static final class WordOverlap implements Function<Query, List<String>> {
    private final List<Article> articles;
    private final List<Set<String>> written = new ArrayList<>();

    WordOverlap(List<Article> articles) {
      this.articles = articles;
      articles.forEach(article -> written.add(words(text(article))));
    }

    @Override
    public List<String> apply(Query query) {
      Set<String> asked = words(query.text());
      Map<String, Integer> overlap = new HashMap<>();
      List<String> matched = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        int shared = 0;
        for (String word : asked) {
          shared += written.get(i).contains(word) ? 1 : 0;
        }
        if (shared > 0) {
          overlap.put(articles.get(i).id(), shared);
          matched.add(articles.get(i).id());
        }
      }
      matched.sort(Comparator.comparing(overlap::get, Comparator.reverseOrder())); // stable: ties keep file order
      return matched.subList(0, Math.min(RelevanceMetrics.DEPTH, matched.size()));
    }
  }

  private static String text(Article article) {
    return String.join(" ", article.title(), String.join(" ", article.keywords()), article.symptoms(),
        String.join(" ", article.solution()));
  }

  private static Set<String> words(String text) {
    return Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String fold(String word) {
    return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
  }

  private static List<Query> of(Kind kind) {
    return SET.queries().stream().filter(query -> query.kind() == kind).toList();
  }

  private static Map<String, Article> byId() {
    return SET.articles().stream().collect(Collectors.toMap(Article::id, Function.identity()));
  }

  private static List<Article> answers(Query query, Map<String, Article> byId) {
    return query.judgments().entrySet().stream().filter(judgment -> judgment.getValue() == 3)
        .map(judgment -> byId.get(judgment.getKey())).toList();
  }

  private static List<String> duplicates(List<String> values) {
    Set<String> seen = new HashSet<>();
    return values.stream().filter(value -> !seen.add(value)).toList();
  }

  private static void assertMalformed(String expectedStart, Runnable parse) {
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, parse::run);
    assertTrue(malformed.getMessage().startsWith(expectedStart), malformed.getMessage());
  }
}
