package dev.helpdesk.core.memory;

import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.ArticlePage;
import dev.helpdesk.spi.store.ArticleQuery;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link KnowledgeStore} in memory: the embedded default. Articles sit in a concurrent skip list
 * ordered by id, saved with lock-free compare-and-set and paged straight from the ordered map.
 * Bulletins are also indexed by when they stop being active, so the bulletins active now are found
 * without reading every bulletin the desk ever posted; their writes, a few a day, take a lock that
 * keeps both indexes in step, while the many reads (every incoming ticket looks at the active
 * bulletins) share it. Nothing is shared between instances.
 */
public final class InMemoryKnowledgeStore implements KnowledgeStore {
  private static final Comparator<Bulletin> LATEST_FIRST =
      Comparator.comparing(Bulletin::validFrom).reversed().thenComparing(Bulletin::id);

  private final ConcurrentSkipListMap<ArticleId, Article> articles = new ConcurrentSkipListMap<>();
  /** Bumped after each article write lands, so a reader of the count can read that write. */
  private final AtomicLong articleChanges = new AtomicLong();

  private final ConcurrentHashMap<BulletinId, Bulletin> bulletins = new ConcurrentHashMap<>();
  /** Every bulletin keyed by the end of its activity; guarded by {@link #bulletinLock}. */
  private final NavigableMap<End, Bulletin> bulletinsByEnd = new TreeMap<>();
  private final ReadWriteLock bulletinLock = new ReentrantReadWriteLock();
  /** The tickets linked to each bulletin, in link order; guarded by {@link #bulletinLock}. */
  private final Map<BulletinId, LinkedHashSet<TicketId>> links = new java.util.HashMap<>();

  /** Creates an empty store. */
  public InMemoryKnowledgeStore() {}

  @Override
  public Article create(Article article) {
    Objects.requireNonNull(article, "article");
    if (article.version() != 0) {
      throw new ValidationException("Article",
          List.of(new Violation("version", "must be 0 to create an article, was " + article.version())));
    }
    Article stored = article.withVersion(1);
    Article existing = articles.putIfAbsent(stored.id(), stored);
    if (existing != null) {
      throw new VersionConflictException("article", article.id(), 0, existing.version());
    }
    articleChanges.incrementAndGet();
    return stored;
  }

  @Override
  public Article save(Article article) {
    Article stored = article.withVersion(article.version() + 1);
    while (true) {
      Article current = articles.get(article.id());
      if (current == null) {
        throw new NotFoundException("article", article.id());
      }
      if (current.version() != article.version()) {
        throw new VersionConflictException("article", article.id(), article.version(), current.version());
      }
      // replace compares with equals; the loop re-reads if another writer got in between.
      if (articles.replace(article.id(), current, stored)) {
        articleChanges.incrementAndGet();
        return stored;
      }
    }
  }

  @Override
  public Optional<Article> find(ArticleId id) {
    return Optional.ofNullable(articles.get(id));
  }

  @Override
  public ArticlePage articles(ArticleQuery query) {
    Map<ArticleId, Article> from = query.afterId().<Map<ArticleId, Article>>map(id -> articles.tailMap(id, false))
        .orElse(articles);
    List<Article> matches = new ArrayList<>(Math.min(query.limit() + 1, 1_024));
    for (Article article : from.values()) {
      if (query.statuses().contains(article.status())) {
        matches.add(article);
        if (matches.size() > query.limit()) {
          break;
        }
      }
    }
    return ArticlePage.of(query, matches);
  }

  @Override
  public long articleChanges() {
    return articleChanges.get();
  }

  @Override
  public Bulletin create(Bulletin bulletin) {
    Objects.requireNonNull(bulletin, "bulletin");
    if (bulletin.version() != 0) {
      throw new ValidationException("Bulletin",
          List.of(new Violation("version", "must be 0 to create a bulletin, was " + bulletin.version())));
    }
    Bulletin stored = bulletin.withVersion(1);
    bulletinLock.writeLock().lock();
    try {
      Bulletin existing = bulletins.putIfAbsent(stored.id(), stored);
      if (existing != null) {
        throw new VersionConflictException("bulletin", bulletin.id(), 0, existing.version());
      }
      bulletinsByEnd.put(End.of(stored), stored);
      return stored;
    } finally {
      bulletinLock.writeLock().unlock();
    }
  }

  @Override
  public Bulletin save(Bulletin bulletin) {
    Bulletin stored = bulletin.withVersion(bulletin.version() + 1);
    bulletinLock.writeLock().lock();
    try {
      Bulletin current = bulletins.get(bulletin.id());
      if (current == null) {
        throw new NotFoundException("bulletin", bulletin.id());
      }
      if (current.version() != bulletin.version()) {
        throw new VersionConflictException("bulletin", bulletin.id(), bulletin.version(), current.version());
      }
      bulletinsByEnd.remove(End.of(current));
      bulletinsByEnd.put(End.of(stored), stored);
      bulletins.put(stored.id(), stored);
      return stored;
    } finally {
      bulletinLock.writeLock().unlock();
    }
  }

  @Override
  public Optional<Bulletin> find(BulletinId id) {
    return Optional.ofNullable(bulletins.get(id));
  }

  @Override
  public List<Bulletin> activeBulletins(Instant at) {
    Objects.requireNonNull(at, "at");
    List<Bulletin> active = new ArrayList<>();
    bulletinLock.readLock().lock();
    try {
      // Only bulletins whose activity ends after the instant can be active then.
      for (Bulletin bulletin : bulletinsByEnd.tailMap(new End(at, null), false).values()) {
        if (bulletin.isActiveAt(at)) {
          active.add(bulletin);
        }
      }
    } finally {
      bulletinLock.readLock().unlock();
    }
    active.sort(LATEST_FIRST);
    return active;
  }

  /**
   * When a bulletin stops being active: the end of its window, or its closing if that came first.
   * A {@code null} id sorts before every id, so {@code new End(at, null)} bounds a search.
   */
  private record End(Instant at, BulletinId id) implements Comparable<End> {
    private static final Comparator<End> ORDER = Comparator.comparing(End::at)
        .thenComparing(End::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    static End of(Bulletin bulletin) {
      Instant end = bulletin.closedAt().filter(closed -> closed.isBefore(bulletin.validUntil()))
          .orElse(bulletin.validUntil());
      return new End(end, bulletin.id());
    }

    @Override
    public int compareTo(End other) {
      return ORDER.compare(this, other);
    }
  }

  @Override
  public void link(BulletinId bulletin, TicketId ticket) {
    Objects.requireNonNull(bulletin, "bulletin");
    Objects.requireNonNull(ticket, "ticket");
    bulletinLock.writeLock().lock();
    try {
      if (!bulletins.containsKey(bulletin)) {
        throw new NotFoundException("bulletin", bulletin);
      }
      links.computeIfAbsent(bulletin, b -> new LinkedHashSet<>()).add(ticket);
    } finally {
      bulletinLock.writeLock().unlock();
    }
  }

  @Override
  public List<TicketId> linkedTickets(BulletinId bulletin) {
    Objects.requireNonNull(bulletin, "bulletin");
    bulletinLock.readLock().lock();
    try {
      LinkedHashSet<TicketId> linked = links.get(bulletin);
      return linked == null ? List.of() : List.copyOf(linked);
    } finally {
      bulletinLock.readLock().unlock();
    }
  }
}
