package dev.helpdesk.kb.search;

import dev.helpdesk.kb.search.RelevanceSet.Kind;
import dev.helpdesk.kb.search.RelevanceSet.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores a ranker against judged queries with MRR@10 and nDCG@10, overall and per kind of query.
 *
 * <p>MRR@10 takes the reciprocal rank of the first grade-3 article (the answer) in the top 10, 0
 * when there is none. nDCG@10 gains {@code 2^grade - 1} at each rank, discounted by {@code
 * log2(rank + 1)}, over the DCG of the judgments in their best order. Both are plain means over
 * queries.
 */
final class RelevanceMetrics {
  static final int DEPTH = 10;
  private static final int ANSWER = 3;

  private RelevanceMetrics() {
  }

  /** The mean scores of some queries. */
  record Score(int queries, double mrr, double ndcg) {
  }

  /** The scores over all queries and per kind; kinds without queries are absent. */
  record Report(Score overall, Map<Kind, Score> byKind) {
    Report {
      byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
    }

    Score of(Kind kind) {
      Score score = byKind.get(kind);
      if (score == null) {
        throw new IllegalArgumentException("no " + kind.label + " queries were evaluated");
      }
      return score;
    }

    /** A small table, one line per kind and one for all queries. */
    String table() {
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s %7s %7s %8s%n",
          "kind", "queries", "MRR@10", "nDCG@10"));
      byKind.forEach((kind, score) -> table.append(row(kind.label, score)));
      return table.append(row("all", overall)).toString();
    }

    private static String row(String name, Score score) {
      return String.format(Locale.ROOT, "%-12s %7d %7.3f %8.3f%n", name, score.queries(), score.mrr(), score.ndcg());
    }
  }

  static Report evaluate(RelevanceSet set, Function<Query, List<String>> ranker) {
    return evaluate(set.queries(), ranker);
  }

  /** Ranks every query and averages its scores; the ranker returns article ids, best first. */
  static Report evaluate(List<Query> queries, Function<Query, List<String>> ranker) {
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("no queries to evaluate");
    }
    Map<Kind, Sum> sums = new EnumMap<>(Kind.class);
    Sum all = new Sum();
    for (Query query : queries) {
      List<String> top = top(query, ranker.apply(query));
      double rr = reciprocalRank(top, query.judgments());
      double ndcg = ndcg(top, query.judgments());
      all.add(rr, ndcg);
      sums.computeIfAbsent(query.kind(), kind -> new Sum()).add(rr, ndcg);
    }
    Map<Kind, Score> byKind = new EnumMap<>(Kind.class);
    sums.forEach((kind, sum) -> byKind.put(kind, sum.mean()));
    return new Report(all.mean(), byKind);
  }

  private static final class Sum {
    private int queries;
    private double rr;
    private double ndcg;

    void add(double rr, double ndcg) {
      queries++;
      this.rr += rr;
      this.ndcg += ndcg;
    }

    Score mean() {
      return new Score(queries, rr / queries, ndcg / queries);
    }
  }

  /** The reciprocal rank of the first grade-3 id within the top {@link #DEPTH}, 0 if there is none. */
  static double reciprocalRank(List<String> ranking, Map<String, Integer> judgments) {
    int depth = Math.min(DEPTH, ranking.size());
    for (int rank = 1; rank <= depth; rank++) {
      if (judgments.getOrDefault(ranking.get(rank - 1), 0) == ANSWER) {
        return 1.0 / rank;
      }
    }
    return 0;
  }

  /** nDCG of the top {@link #DEPTH} ids against the judgments' ideal order; at least one judgment. */
  static double ndcg(List<String> ranking, Map<String, Integer> judgments) {
    List<Integer> ideal = new ArrayList<>(judgments.values());
    ideal.sort(Collections.reverseOrder());
    double idealDcg = dcg(ideal);
    if (idealDcg == 0) {
      throw new IllegalArgumentException("nDCG needs at least one graded judgment, got " + judgments);
    }
    List<Integer> grades = new ArrayList<>();
    for (String id : ranking) {
      grades.add(judgments.getOrDefault(id, 0));
    }
    return dcg(grades) / idealDcg;
  }

  private static double dcg(List<Integer> grades) {
    double dcg = 0;
    int depth = Math.min(DEPTH, grades.size());
    for (int rank = 1; rank <= depth; rank++) {
      dcg += (Math.pow(2, grades.get(rank - 1)) - 1) / (Math.log(rank + 1) / Math.log(2));
    }
    return dcg;
  }

  /** The first {@link #DEPTH} ids; a ranker naming an id twice would be credited twice, so it is refused. */
  private static List<String> top(Query query, List<String> ranking) {
    if (ranking == null) {
      throw new IllegalArgumentException("the ranker returned null for query '" + query.text() + "'");
    }
    List<String> top = ranking.subList(0, Math.min(DEPTH, ranking.size()));
    Set<String> seen = new HashSet<>();
    for (String id : top) {
      if (id == null) {
        throw new IllegalArgumentException("the ranking for query '" + query.text() + "' holds a null id");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("the ranking for query '" + query.text() + "' lists " + id + " twice");
      }
    }
    return top;
  }
}
