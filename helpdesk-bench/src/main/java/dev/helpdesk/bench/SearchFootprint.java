package dev.helpdesk.bench;

import dev.helpdesk.kb.search.SearchIndex;
import dev.helpdesk.kb.search.SearchQuery;
import java.util.List;

/**
 * Index build time and heap per article for both engines of {@link SearchBenchmark}, on the same
 * corpus. Build time: from the articles in memory to an index ready to answer (ours: every {@code
 * put} and the first search, which indexes them; Lucene: every {@code addDocument}, {@code
 * forceMerge(1)}, commit and opening the reader), best of three builds. Heap: the heap in use (after
 * full collections) with the index built, less the heap in use with the articles alone, divided by
 * the number of articles. The article texts are held by the caller either way; our index keeps
 * references to them (for snippets) and counts only what it adds, while Lucene's copy of them in
 * its stored fields is not made (it stores only the id): neither is charged for the text.
 *
 * <p>Run: {@code java -Xmx8g -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.SearchFootprint}
 * (optionally with the sizes, such as {@code 1000,10000}).
 */
public final class SearchFootprint {
  private SearchFootprint() {}

  /**
   * Prints build time and heap per article for each size and engine.
   *
   * @param args optionally the sizes, comma-separated; default 1000,10000,100000
   */
  public static void main(String[] args) {
    String[] sizes = (args.length > 0 ? args[0] : "1000,10000,100000").split(",");
    SearchCorpus corpus = SearchCorpus.spanishLike();
    System.out.printf("%-9s %8s %14s %16s%n", "engine", "articles", "build (ms)", "heap/article (B)");
    for (String size : sizes) {
      List<SearchCorpus.Article> articles = corpus.articles(Integer.parseInt(size));
      for (String engine : new String[] {"helpdesk", "lucene"}) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
          long start = System.nanoTime();
          Object index = build(engine, articles);
          best = Math.min(best, System.nanoTime() - start);
          if (index == null) {
            throw new AssertionError();
          }
        }
        long before = used();
        Object index = build(engine, articles);
        long after = used();
        System.out.printf("%-9s %8d %14.0f %16.0f%n", engine, articles.size(), best / 1e6,
            (after - before) / (double) articles.size());
        if (index.hashCode() == 42) {
          System.out.print(""); // keeps the index reachable until the second measurement
        }
      }
    }
  }

  private static Object build(String engine, List<SearchCorpus.Article> articles) {
    if (engine.equals("helpdesk")) {
      SearchIndex index = SearchBenchmark.ours(articles);
      index.search(SearchQuery.of("x"));
      return index;
    }
    return new SearchLucene(articles);
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
