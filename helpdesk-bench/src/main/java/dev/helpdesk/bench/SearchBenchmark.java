package dev.helpdesk.bench;

import dev.helpdesk.kb.search.Language;
import dev.helpdesk.kb.search.SearchDocument;
import dev.helpdesk.kb.search.SearchHit;
import dev.helpdesk.kb.search.SearchIndex;
import dev.helpdesk.kb.search.SearchQuery;
import dev.helpdesk.model.Visibility;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One knowledge-base search, text in and best ten out, on the generated Spanish-like corpus of
 * {@link SearchCorpus} (1,000 to 100,000 articles), cycling through 500 queries of 2 or 3 words,
 * one in five with a typo ({@code -p queries=50000} for many more).
 *
 * <p>{@code @Param engine}: {@code helpdesk} is ours, {@link SearchIndex} with its defaults (typo
 * tolerance and the IT synonyms on), the query's language left unknown so it is analysed as Spanish
 * and as English, and a snippet made for each hit; {@code lucene} is the baseline, Lucene 9.12 as set
 * up in {@link SearchLucene} (its Spanish analyzer, BM25, one merged segment, a {@code SHOULD}
 * clause per word and field with the same field weights, top ten, no typo tolerance, no snippets).
 * Both get the same text, typos included, and analyse it inside the measured call.
 *
 * <p>Sample time, so that JMH reports the median (p0.50) as well as the mean, in microseconds.
 *
 * <p>Run: {@code java -jar helpdesk-bench/target/benchmarks.jar SearchBenchmark}. Index build time
 * and heap per article: {@link SearchFootprint}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SearchBenchmark {
  /** {@code helpdesk}: ours; {@code lucene}: the baseline. */
  @Param({"helpdesk", "lucene"})
  public String engine;

  /** Articles in the knowledge base. */
  @Param({"1000", "10000", "100000"})
  public int articles;

  /**
   * Distinct queries cycled through. With 500 (the default) the words repeat, as on a help desk,
   * and our segments' recent typo lookups answer most of them after warm-up; run {@code -p
   * queries=50000} for the typo index's cold path.
   */
  @Param({"500"})
  public int queries;

  private SearchIndex index;
  private SearchLucene lucene;
  private String[] texts;
  private int next;

  /** Builds the engine's index over the corpus. */
  @Setup(Level.Trial)
  public void buildIndex() {
    SearchCorpus corpus = SearchCorpus.spanishLike();
    List<SearchCorpus.Article> kb = corpus.articles(articles);
    texts = corpus.queries(queries).toArray(new String[0]);
    if (engine.equals("helpdesk")) {
      index = ours(kb);
      index.search(SearchQuery.of(texts[0])); // the first search after loading indexes the documents
    } else {
      lucene = new SearchLucene(kb);
    }
  }

  /** Our index over the articles, built with {@code put} as an application would load it. */
  static SearchIndex ours(List<SearchCorpus.Article> kb) {
    SearchIndex index = SearchIndex.builder().build();
    for (SearchCorpus.Article a : kb) {
      index.put(document(a));
    }
    return index;
  }

  static SearchDocument document(SearchCorpus.Article a) {
    return new SearchDocument(a.id(), Language.SPANISH, a.title(), a.keywords(), a.body(), a.category(),
        a.internal() ? Visibility.INTERNAL : Visibility.PUBLIC);
  }

  /** The next query of the cycle, best ten. */
  @Benchmark
  public void search(Blackhole blackhole) {
    int q = next++;
    if (next == texts.length) {
      next = 0;
    }
    if (index != null) {
      List<SearchHit> hits = index.search(SearchQuery.of(texts[q]));
      blackhole.consume(hits);
    } else {
      blackhole.consume(lucene.search(texts[q]));
    }
  }
}
