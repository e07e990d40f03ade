package dev.helpdesk.kb.search;

import dev.helpdesk.model.Visibility;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The knowledge base's relevance evaluation set (issue 5): hand-written help desk articles and
 * the queries users type, each with judged answers. See {@code /eval/README.md} for the format.
 */
record RelevanceSet(List<Article> articles, List<Query> queries) {
  static final String ARTICLES = "/eval/articles.tsv";
  static final String QUERIES = "/eval/queries.tsv";
  static final String ARTICLES_HEADER = "id\tlanguage\tcategory\taudience\ttitle\tkeywords\tsymptoms\tsolution";
  static final String QUERIES_HEADER = "query\tlanguage\tkind\tjudgments";

  private static final Pattern STEP_SEPARATOR = Pattern.compile(" \\| ");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  RelevanceSet {
    articles = List.copyOf(articles);
    queries = List.copyOf(queries);
  }

  /** What makes a query hard, as its author labelled it. */
  enum Kind {
    PLAIN("plain"),
    PARAPHRASE("paraphrase"),
    NO_ACCENTS("no-accents"),
    TYPO("typo"),
    SYNONYM("synonym"),
    SHORT("short");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    static Optional<Kind> labelled(String label) {
      return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
  }

  /** One article, column for column. */
  record Article(String id, Locale language, String category, Visibility audience, String title,
                 List<String> keywords, String symptoms, List<String> solution) {
    Article {
      keywords = List.copyOf(keywords);
      solution = List.copyOf(solution);
    }

    /** The symptoms and then the solution's steps, one per line: the article's body for a search index. */
    String body() {
      return symptoms + "\n" + String.join("\n", solution);
    }
  }

  /**
   * One query with its judgments: article id to grade, 3 the answer, 2 a close answer, 1 partly
   * relevant; unjudged articles are grade 0. The language is empty when the caller does not know it.
   */
  record Query(String text, Optional<Locale> language, Kind kind, Map<String, Integer> judgments) {
    Query {
      if (judgments.isEmpty()) {
        throw new IllegalArgumentException("query '" + text + "' has no judgments");
      }
      judgments.forEach((id, grade) -> {
        if (grade < 1 || grade > 3) {
          throw new IllegalArgumentException("query '" + text + "' grades " + id + " " + grade + ", not 1..3");
        }
      });
      judgments = Collections.unmodifiableMap(new LinkedHashMap<>(judgments));
    }

    int grade(String articleId) {
      return judgments.getOrDefault(articleId, 0);
    }
  }

  /** Loads the set shipped in the test resources. */
  static RelevanceSet load() {
    return new RelevanceSet(articles(ARTICLES, lines(ARTICLES)), queries(QUERIES, lines(QUERIES)));
  }

  /** Parses article lines, the header first; a malformed line fails naming {@code source} and its number. */
  static List<Article> articles(String source, List<String> lines) {
    List<Article> articles = new ArrayList<>();
    forEachRow(source, lines, ARTICLES_HEADER, (number, fields) -> {
      Line line = new Line(source, number);
      articles.add(new Article(
          line.identifier("id", fields[0]),
          line.language(fields[1], false).orElseThrow(),
          line.required("category", fields[2]),
          line.audience(fields[3]),
          line.required("title", fields[4]),
          line.list("keywords", fields[5], ",", true),
          line.required("symptoms", fields[6]),
          line.list("solution", fields[7], STEP_SEPARATOR.pattern(), false)));
    });
    return articles;
  }

  /** Parses query lines, the header first; a malformed line fails naming {@code source} and its number. */
  static List<Query> queries(String source, List<String> lines) {
    List<Query> queries = new ArrayList<>();
    forEachRow(source, lines, QUERIES_HEADER, (number, fields) -> {
      Line line = new Line(source, number);
      String text = line.required("query", fields[0]);
      queries.add(new Query(text, line.language(fields[1], true), line.kind(fields[2]),
          line.judgments(fields[3])));
    });
    return queries;
  }

  private interface Row {
    void read(int number, String[] fields);
  }

  private static void forEachRow(String source, List<String> lines, String header, Row row) {
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      throw new IllegalArgumentException(source + " line 1: expected the header '"
          + header.replace("\t", "<TAB>") + "'");
    }
    int columns = header.split("\t").length;
    for (int i = 1; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      String[] fields = text.split("\t", -1);
      if (fields.length != columns) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected " + columns
            + " tab-separated fields, found " + fields.length);
      }
      row.read(i + 1, fields);
    }
  }

  /** One line being parsed, so each complaint names where it is. */
  private record Line(String source, int number) {
    IllegalArgumentException malformed(String detail) {
      return new IllegalArgumentException(source + " line " + number + ": " + detail);
    }

    String required(String column, String value) {
      String stripped = value.strip();
      if (stripped.isEmpty()) {
        throw malformed(column + " is blank");
      }
      return stripped;
    }

    /** An article id: no spaces, and no colon since judgments write {@code id:grade}. */
    String identifier(String column, String value) {
      String id = required(column, value);
      if (BLANKS.matcher(id).find() || id.contains(":")) {
        throw malformed(column + " '" + id + "' must have no spaces and no ':'");
      }
      return id;
    }

    Optional<Locale> language(String value, boolean unknownAllowed) {
      switch (value.strip()) {
        case "es":
          return Optional.of(Locale.forLanguageTag("es"));
        case "en":
          return Optional.of(Locale.ENGLISH);
        case "?":
          if (unknownAllowed) {
            return Optional.empty();
          }
          throw malformed("language must be es or en, was '?'");
        default:
          throw malformed("language must be " + (unknownAllowed ? "es, en or ?" : "es or en") + ", was '" + value + "'");
      }
    }

    Visibility audience(String value) {
      switch (value.strip()) {
        case "public":
          return Visibility.PUBLIC;
        case "internal":
          return Visibility.INTERNAL;
        default:
          throw malformed("audience must be public or internal, was '" + value + "'");
      }
    }

    Kind kind(String value) {
      return Kind.labelled(value.strip()).orElseThrow(() -> malformed("unknown kind '" + value
          + "', expected one of " + Arrays.stream(Kind.values()).map(kind -> kind.label).toList()));
    }

    List<String> list(String column, String value, String separator, boolean emptyAllowed) {
      if (value.isBlank()) {
        if (emptyAllowed) {
          return List.of();
        }
        throw malformed(column + " is blank");
      }
      List<String> items = new ArrayList<>();
      for (String item : value.split(separator, -1)) {
        items.add(required(column + " item " + (items.size() + 1), item));
      }
      return items;
    }

    Map<String, Integer> judgments(String value) {
      Map<String, Integer> judgments = new LinkedHashMap<>();
      for (String judgment : BLANKS.split(required("judgments", value))) {
        int colon = judgment.indexOf(':');
        String id = colon < 0 ? "" : judgment.substring(0, colon);
        String grade = colon < 0 ? "" : judgment.substring(colon + 1);
        if (id.isEmpty() || !grade.matches("[123]")) {
          throw malformed("judgment '" + judgment + "' must be id:grade with grade 1, 2 or 3");
        }
        if (judgments.put(id, Integer.parseInt(grade)) != null) {
          throw malformed(id + " is judged twice");
        }
      }
      return judgments;
    }
  }

  private static List<String> lines(String resource) {
    InputStream in = RelevanceSet.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the test classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
