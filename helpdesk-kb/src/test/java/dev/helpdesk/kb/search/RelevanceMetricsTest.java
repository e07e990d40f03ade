package dev.helpdesk.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.kb.search.RelevanceMetrics.Report;
import dev.helpdesk.kb.search.RelevanceSet.Kind;
import dev.helpdesk.kb.search.RelevanceSet.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MRR@10 and nDCG@10 on cases small enough to work out by hand. */
class RelevanceMetricsTest {
  private static final double EXACT = 1e-12;
  private static final Map<String, Integer> GRADED = Map.of("a", 3, "b", 2, "c", 1);

  @Test
  void aPerfectRankingScoresOne() {
    List<String> ranking = List.of("a", "b", "c");
    assertEquals(1.0, RelevanceMetrics.reciprocalRank(ranking, GRADED), EXACT);
    assertEquals(1.0, RelevanceMetrics.ndcg(ranking, GRADED), EXACT);
  }

  @Test
  void theAnswerAtRankTwoHasAReciprocalRankOfOneHalf() {
    assertEquals(0.5, RelevanceMetrics.reciprocalRank(List.of("x", "a"), GRADED), EXACT);
  }

  @Test
  void onlyAGradeThreeAnswerCountsForTheReciprocalRank() {
    assertEquals(1.0 / 3, RelevanceMetrics.reciprocalRank(List.of("b", "c", "a"), GRADED), EXACT);
  }

  @Test
  void anAnswerBelowTheTopTenScoresZero() {
    List<String> ranking = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "a");
    Map<String, Integer> onlyTheAnswer = Map.of("a", 3);
    assertEquals(0.0, RelevanceMetrics.reciprocalRank(ranking, onlyTheAnswer), EXACT);
    assertEquals(0.0, RelevanceMetrics.ndcg(ranking, onlyTheAnswer), EXACT);
    assertEquals(0.0, RelevanceMetrics.reciprocalRank(List.of(), onlyTheAnswer), EXACT);
  }

  @Test
  void aGradedRankingScoresItsHandComputedNdcg() {
    // Ranking b, x, a with a:3 b:2 c:1 judged; gain 2^g - 1, discount log2(rank + 1).
    // DCG  = 3/log2(2) + 0/log2(3) + 7/log2(4)           = 3 + 0 + 3.5         = 6.5
    // IDCG = 7/log2(2) + 3/log2(3) + 1/log2(4) (a, b, c) = 7 + 1.8927893 + 0.5 = 9.3927893
    // nDCG = 6.5 / 9.3927893 = 0.6920202
    assertEquals(0.6920202, RelevanceMetrics.ndcg(List.of("b", "x", "a"), GRADED), 1e-7);
    assertEquals(1.0 / 3, RelevanceMetrics.reciprocalRank(List.of("b", "x", "a"), GRADED), EXACT);
  }

  @Test
  void theIdealRankingIsCutAtTheSameDepth() {
    // Eleven answers judged 3: the ideal DCG counts ten of them, so ten found score 1.0.
    Map<String, Integer> eleven = new HashMap<>();
    List<String> ids = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11");
    ids.forEach(id -> eleven.put(id, 3));
    assertEquals(1.0, RelevanceMetrics.ndcg(ids.subList(1, 11), eleven), EXACT);
  }

  @Test
  void theReportAveragesOverallAndPerKind() {
    List<Query> queries = List.of(
        query("printer not printing", Kind.PLAIN, Map.of("kb-1", 3)),
        query("paper jam", Kind.PLAIN, Map.of("kb-2", 3)),
        query("inpresora", Kind.TYPO, Map.of("kb-1", 3)));
    Map<String, List<String>> rankings = Map.of(
        "printer not printing", List.of("kb-1", "kb-2"), // RR 1, nDCG 1
        "paper jam", List.of("kb-1", "kb-2"),            // RR 1/2, nDCG 1/log2(3)
        "inpresora", List.of());                         // RR 0, nDCG 0

    Report report = RelevanceMetrics.evaluate(queries, query -> rankings.get(query.text()));

    double atRankTwo = 1 / (Math.log(3) / Math.log(2));
    assertEquals(2, report.of(Kind.PLAIN).queries());
    assertEquals(0.75, report.of(Kind.PLAIN).mrr(), EXACT);
    assertEquals((1 + atRankTwo) / 2, report.of(Kind.PLAIN).ndcg(), EXACT);
    assertEquals(0.0, report.of(Kind.TYPO).mrr(), EXACT);
    assertEquals(3, report.overall().queries());
    assertEquals(0.5, report.overall().mrr(), EXACT);
    assertEquals((1 + atRankTwo) / 3, report.overall().ndcg(), EXACT);
    assertFalse(report.byKind().containsKey(Kind.SYNONYM));
    assertThrows(IllegalArgumentException.class, () -> report.of(Kind.SYNONYM));
  }

  @Test
  void theTableShowsOneLinePerKindAndOneForAll() {
    Report report = RelevanceMetrics.evaluate(
        List.of(query("vpn", Kind.SHORT, Map.of("kb-1", 3)), query("vpm", Kind.TYPO, Map.of("kb-1", 3))),
        query -> List.of("kb-x", "kb-1"));

    String[] lines = report.table().split("\\R");

    assertEquals(4, lines.length);
    assertTrue(lines[0].startsWith("kind"), lines[0]);
    assertTrue(lines[1].matches("typo\\s+1\\s+0\\.500\\s+0\\.631"), lines[1]);
    assertTrue(lines[2].matches("short\\s+1\\s+0\\.500\\s+0\\.631"), lines[2]);
    assertTrue(lines[3].matches("all\\s+2\\s+0\\.500\\s+0\\.631"), lines[3]);
  }

  @Test
  void aRankingThatNamesAnArticleTwiceIsRefused() {
    List<Query> queries = List.of(query("vpn", Kind.SHORT, Map.of("kb-1", 3)));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RelevanceMetrics.evaluate(queries, query -> List.of("kb-1", "kb-1")));
    assertTrue(refused.getMessage().contains("'vpn' lists kb-1 twice"), refused.getMessage());
  }

  @Test
  void nothingToEvaluateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RelevanceMetrics.evaluate(List.of(), query -> List.of()));
  }

  private static Query query(String text, Kind kind, Map<String, Integer> judgments) {
    return new Query(text, Optional.empty(), kind, judgments);
  }
}
