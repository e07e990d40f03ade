package dev.helpdesk.jdbc;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.ArticleStatus;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.BulletinStatus;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.store.ArticlePage;
import dev.helpdesk.spi.store.ArticleQuery;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A {@link KnowledgeStore} on PostgreSQL 14 or newer, through the host's {@link DataSource}: the
 * knowledge base's articles (D-11) and the bulletins about known problems (D-12). Several nodes,
 * each with its own store and desk, may share one database.
 *
 * <p>How it keeps the port's contract:
 *
 * <ul>
 *   <li>Every write is one SQL statement, atomic by itself. A save is a compare-and-set: {@code
 *       UPDATE ... WHERE id = ? AND version = ?}; of two concurrent saves from one version, on any
 *       nodes, one wins and the other changes nothing and throws {@link VersionConflictException}.
 *   <li>The statement that writes an article also bumps a one-row counter, which {@link
 *       #articleChanges} reads: one cheap query tells a desk whether any node changed the articles
 *       since its search index was loaded. A refused write does not bump it.
 *   <li>Articles are paged by id from an index on {@code (status, id)}; the active bulletins are
 *       found from an index on when each stops being active, so the past's bulletins are not read.
 *   <li>Links between bulletins and tickets are kept once each, in the order first linked, by a
 *       primary key on the pair, so concurrent links of one ticket keep one.
 *   <li>A lost connection or any other failure of the database throws {@link
 *       dev.helpdesk.model.StoreFailureException}; nothing is half-written.
 * </ul>
 *
 * <p>Instants are kept to the microsecond, as {@code timestamptz} keeps them. The schema must be in
 * place first: see {@link HelpDeskSchema}. Thread-safe: every call takes a connection from the data
 * source and gives it back.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {
  private static final String ARTICLE_COLUMNS = "id, version, title, symptoms, solution_steps, keywords, category,"
      + " language, audience, status, updated_at";
  private static final String BULLETIN_COLUMNS = "id, version, title, description, answer, affected_services,"
      + " keywords, valid_from, valid_until, status, closed_at, posted_by_role, posted_by_id";

  // The article's statement bumps the change count only if it wrote the article.
  private static final String COUNT_THE_CHANGE = ", changed AS (UPDATE helpdesk_article_changes"
      + " SET count = count + 1 WHERE EXISTS (SELECT 1 FROM article)) SELECT count(*) FROM article";

  private static final String INSERT_ARTICLE = "WITH article AS (INSERT INTO helpdesk_articles ("
      + ARTICLE_COLUMNS + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id)"
      + COUNT_THE_CHANGE;

  private static final String UPDATE_ARTICLE = "WITH article AS (UPDATE helpdesk_articles SET version = version + 1,"
      + " title = ?, symptoms = ?, solution_steps = ?, keywords = ?, category = ?, language = ?, audience = ?,"
      + " status = ?, updated_at = ? WHERE id = ? AND version = ? RETURNING id)" + COUNT_THE_CHANGE;

  private final Database database;

  /**
   * Creates the store.
   *
   * @param dataSource where the connections come from; the schema of {@link HelpDeskSchema} must be
   *     in place there
   */
  public JdbcKnowledgeStore(DataSource dataSource) {
    this.database = new Database(dataSource);
  }

  // ---- articles ----

  @Override
  public Article create(Article article) {
    Objects.requireNonNull(article, "article");
    if (article.version() != 0) {
      throw new ValidationException("Article",
          List.of(new Violation("version", "must be 0 to create an article, was " + article.version())));
    }
    Optional<Long> existing = database.writeOneStatement("create article " + article.id(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_ARTICLE)) {
        insert.setString(1, article.id().value());
        bindArticle(connection, insert, 2, article);
        // ON CONFLICT DO NOTHING waited for any concurrent insert of the same id.
        return written(insert) == 1 ? Optional.<Long>empty() : version(connection, "helpdesk_articles",
            article.id().value());
      }
    });
    if (existing.isPresent()) {
      throw new VersionConflictException("article", article.id(), 0, existing.get());
    }
    return article.withVersion(1);
  }

  @Override
  public Article save(Article article) {
    Objects.requireNonNull(article, "article");
    return database.writeOneStatement("save article " + article.id(), connection -> {
      try (PreparedStatement update = connection.prepareStatement(UPDATE_ARTICLE)) {
        int next = bindArticle(connection, update, 1, article);
        update.setString(next++, article.id().value());
        update.setLong(next, article.version());
        if (written(update) == 0) {
          long stored = version(connection, "helpdesk_articles", article.id().value())
              .orElseThrow(() -> new NotFoundException("article", article.id()));
          throw new VersionConflictException("article", article.id(), article.version(), stored);
        }
      }
      return article.withVersion(article.version() + 1);
    });
  }

  /** Binds every column of an article but its id and version; returns the next parameter's index. */
  private static int bindArticle(Connection connection, PreparedStatement s, int first, Article a)
      throws SQLException {
    int i = first;
    s.setString(i++, a.title());
    s.setString(i++, a.symptoms());
    s.setArray(i++, Database.texts(connection, a.solutionSteps()));
    s.setArray(i++, Database.texts(connection, a.keywords()));
    s.setString(i++, a.category());
    s.setString(i++, a.language().toLanguageTag());
    s.setString(i++, a.audience().name());
    s.setString(i++, a.status().name());
    Database.setInstant(s, i++, a.updatedAt());
    return i;
  }

  private static Article article(ResultSet row) throws SQLException {
    return new Article(ArticleId.of(row.getString("id")), row.getString("title"), row.getString("symptoms"),
        texts(row, "solution_steps"), texts(row, "keywords"), row.getString("category"),
        Locale.forLanguageTag(row.getString("language")), Visibility.valueOf(row.getString("audience")),
        ArticleStatus.valueOf(row.getString("status")), row.getLong("version"), Database.instant(row, "updated_at"));
  }

  @Override
  public Optional<Article> find(ArticleId id) {
    Objects.requireNonNull(id, "id");
    return database.read("read article " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT " + ARTICLE_COLUMNS + " FROM helpdesk_articles WHERE id = ?")) {
        find.setString(1, id.value());
        try (ResultSet row = find.executeQuery()) {
          return row.next() ? Optional.of(article(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public ArticlePage articles(ArticleQuery query) {
    Objects.requireNonNull(query, "query");
    Set<ArticleStatus> statuses = query.statuses();
    boolean everyStatus = statuses.size() == ArticleStatus.values().length;
    StringBuilder sql = new StringBuilder("SELECT ").append(ARTICLE_COLUMNS).append(" FROM helpdesk_articles");
    List<String> conditions = new ArrayList<>(2);
    if (!everyStatus) {
      // One status, the knowledge base's usual page, reads the (status, id) index in order.
      conditions.add(statuses.size() == 1 ? "status = ?" : "status = ANY(?)");
    }
    query.afterId().ifPresent(after -> conditions.add("id > ?"));
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY id LIMIT ?");
    return database.read("list articles", connection -> {
      try (PreparedStatement list = connection.prepareStatement(sql.toString())) {
        int i = 1;
        if (!everyStatus) {
          List<String> names = statuses.stream().map(Enum::name).sorted().toList();
          if (names.size() == 1) {
            list.setString(i++, names.get(0));
          } else {
            list.setArray(i++, Database.texts(connection, names));
          }
        }
        if (query.afterId().isPresent()) {
          list.setString(i++, query.afterId().get().value());
        }
        // One more than the page: its presence says there is a next page.
        list.setInt(i, query.limit() + 1);
        List<Article> matches = new ArrayList<>(Math.min(query.limit() + 1, 1_024));
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            matches.add(article(rows));
          }
        }
        return ArticlePage.of(query, matches);
      }
    });
  }

  @Override
  public long articleChanges() {
    return database.read("read the count of article changes", connection -> {
      try (PreparedStatement read = connection.prepareStatement("SELECT count FROM helpdesk_article_changes");
          ResultSet row = read.executeQuery()) {
        return row.next() ? row.getLong(1) : 0L;
      }
    });
  }

  // ---- bulletins ----

  @Override
  public Bulletin create(Bulletin bulletin) {
    Objects.requireNonNull(bulletin, "bulletin");
    if (bulletin.version() != 0) {
      throw new ValidationException("Bulletin",
          List.of(new Violation("version", "must be 0 to create a bulletin, was " + bulletin.version())));
    }
    Optional<Long> existing = database.writeOneStatement("create bulletin " + bulletin.id(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk_bulletins ("
          + BULLETIN_COLUMNS + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, bulletin.id().value());
        bindBulletin(connection, insert, 2, bulletin);
        return insert.executeUpdate() == 1 ? Optional.<Long>empty() : version(connection, "helpdesk_bulletins",
            bulletin.id().value());
      }
    });
    if (existing.isPresent()) {
      throw new VersionConflictException("bulletin", bulletin.id(), 0, existing.get());
    }
    return bulletin.withVersion(1);
  }

  @Override
  public Bulletin save(Bulletin bulletin) {
    Objects.requireNonNull(bulletin, "bulletin");
    return database.writeOneStatement("save bulletin " + bulletin.id(), connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE helpdesk_bulletins SET"
          + " version = version + 1, title = ?, description = ?, answer = ?, affected_services = ?, keywords = ?,"
          + " valid_from = ?, valid_until = ?, status = ?, closed_at = ?, posted_by_role = ?, posted_by_id = ?"
          + " WHERE id = ? AND version = ?")) {
        int next = bindBulletin(connection, update, 1, bulletin);
        update.setString(next++, bulletin.id().value());
        update.setLong(next, bulletin.version());
        if (update.executeUpdate() == 0) {
          long stored = version(connection, "helpdesk_bulletins", bulletin.id().value())
              .orElseThrow(() -> new NotFoundException("bulletin", bulletin.id()));
          throw new VersionConflictException("bulletin", bulletin.id(), bulletin.version(), stored);
        }
      }
      return bulletin.withVersion(bulletin.version() + 1);
    });
  }

  /** Binds every column of a bulletin but its id and version; returns the next parameter's index. */
  private static int bindBulletin(Connection connection, PreparedStatement s, int first, Bulletin b)
      throws SQLException {
    int i = first;
    s.setString(i++, b.title());
    s.setString(i++, b.description());
    s.setString(i++, b.answer());
    s.setArray(i++, Database.texts(connection, sorted(b.affectedServices())));
    s.setArray(i++, Database.texts(connection, sorted(b.keywords())));
    Database.setInstant(s, i++, b.validFrom());
    Database.setInstant(s, i++, b.validUntil());
    s.setString(i++, b.status().name());
    Database.setInstant(s, i++, b.closedAt().orElse(null));
    s.setString(i++, b.postedBy().role().name());
    s.setString(i++, b.postedBy().id());
    return i;
  }

  private static Bulletin bulletin(ResultSet row) throws SQLException {
    return new Bulletin(BulletinId.of(row.getString("id")), row.getString("title"), row.getString("description"),
        row.getString("answer"), Set.copyOf(texts(row, "affected_services")), Set.copyOf(texts(row, "keywords")),
        Database.instant(row, "valid_from"), Database.instant(row, "valid_until"),
        BulletinStatus.valueOf(row.getString("status")), Optional.ofNullable(Database.instant(row, "closed_at")),
        new Actor(Actor.Role.valueOf(row.getString("posted_by_role")), row.getString("posted_by_id")),
        row.getLong("version"));
  }

  @Override
  public Optional<Bulletin> find(BulletinId id) {
    Objects.requireNonNull(id, "id");
    return database.read("read bulletin " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT " + BULLETIN_COLUMNS + " FROM helpdesk_bulletins WHERE id = ?")) {
        find.setString(1, id.value());
        try (ResultSet row = find.executeQuery()) {
          return row.next() ? Optional.of(bulletin(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Bulletin> activeBulletins(Instant at) {
    Objects.requireNonNull(at, "at");
    return database.read("list the bulletins active at " + at, connection -> {
      try (PreparedStatement list = connection.prepareStatement("SELECT " + BULLETIN_COLUMNS
          + " FROM helpdesk_bulletins WHERE active_until > ? AND valid_from <= ? ORDER BY valid_from DESC, id")) {
        Database.setInstant(list, 1, at);
        Database.setInstant(list, 2, at);
        List<Bulletin> active = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            active.add(bulletin(rows));
          }
        }
        return List.copyOf(active);
      }
    });
  }

  @Override
  public void link(BulletinId bulletin, TicketId ticket) {
    Objects.requireNonNull(bulletin, "bulletin");
    Objects.requireNonNull(ticket, "ticket");
    database.writeOneStatement("link ticket " + ticket + " to bulletin " + bulletin, connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk_bulletin_links"
          + " (bulletin_id, ticket_id) SELECT id, ? FROM helpdesk_bulletins WHERE id = ? ON CONFLICT DO NOTHING")) {
        insert.setString(1, ticket.value());
        insert.setString(2, bulletin.value());
        if (insert.executeUpdate() == 0 && version(connection, "helpdesk_bulletins", bulletin.value()).isEmpty()) {
          throw new NotFoundException("bulletin", bulletin);
        }
        return null;
      }
    });
  }

  @Override
  public List<TicketId> linkedTickets(BulletinId bulletin) {
    Objects.requireNonNull(bulletin, "bulletin");
    return database.read("list the tickets linked to bulletin " + bulletin, connection -> {
      try (PreparedStatement list = connection.prepareStatement(
          "SELECT ticket_id FROM helpdesk_bulletin_links WHERE bulletin_id = ? ORDER BY link_order")) {
        list.setString(1, bulletin.value());
        List<TicketId> linked = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            linked.add(TicketId.of(rows.getString(1)));
          }
        }
        return List.copyOf(linked);
      }
    });
  }

  // ---- shared ----

  /** Runs a write that selects how many rows it wrote, 0 or 1. */
  private static long written(PreparedStatement write) throws SQLException {
    try (ResultSet row = write.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The stored version of a row of a table keyed by id, if there is one. */
  private static Optional<Long> version(Connection connection, String table, String id) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
      find.setString(1, id);
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private static List<String> texts(ResultSet row, String column) throws SQLException {
    Object[] values = (Object[]) row.getArray(column).getArray();
    List<String> texts = new ArrayList<>(values.length);
    for (Object value : values) {
      texts.add((String) value);
    }
    return texts;
  }

  /** A set's texts in a stable order, so that equal bulletins are stored alike. */
  private static List<String> sorted(Collection<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}
