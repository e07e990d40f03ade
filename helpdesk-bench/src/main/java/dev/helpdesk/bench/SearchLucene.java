package dev.helpdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline of {@link SearchBenchmark}: Lucene 9.12 with its {@link SpanishAnalyzer}, BM25, the
 * articles in one segment of a {@link ByteBuffersDirectory} (merged with {@code forceMerge(1)}), and
 * a query made of one {@code SHOULD} {@link TermQuery} per analysed word and field, boosted by the
 * same field weights as ours. No typo tolerance, no synonyms, no snippets: Lucene does less.
 */
final class SearchLucene {
  static final String[] FIELDS = {"title", "keywords", "body"};
  static final float[] BOOSTS = {2.0f, 1.5f, 1.0f};

  private final Analyzer analyzer = new SpanishAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  SearchLucene(List<SearchCorpus.Article> articles) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
        .setRAMBufferSizeMB(256).setUseCompoundFile(false);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (SearchCorpus.Article a : articles) {
        Document doc = new Document();
        doc.add(new StringField("id", a.id(), Field.Store.YES));
        doc.add(new TextField("title", a.title(), Field.Store.NO));
        doc.add(new TextField("keywords", a.keywords(), Field.Store.NO));
        doc.add(new TextField("body", a.body(), Field.Store.NO));
        doc.add(new StringField("category", a.category(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    searcher.setQueryCache(null); // every query is scored afresh, as ours is
  }

  /** The text analysed once and asked of every field. */
  Query query(String text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    try (TokenStream tokens = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String t = term.toString();
        for (int f = 0; f < FIELDS.length; f++) {
          query.add(new BoostQuery(new TermQuery(new Term(FIELDS[f], t)), BOOSTS[f]), BooleanClause.Occur.SHOULD);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return query.build();
  }

  /** The best ten for the text. */
  TopDocs search(String text) {
    try {
      return searcher.search(query(text), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return reader.numDocs();
  }
}
