package dev.helpdesk.kb;

import dev.helpdesk.kb.search.Language;
import dev.helpdesk.kb.search.SearchDocument;
import dev.helpdesk.kb.search.SearchHit;
import dev.helpdesk.kb.search.SearchIndex;
import dev.helpdesk.kb.search.SearchQuery;
import dev.helpdesk.kb.search.Synonyms;
import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.model.Visibility;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The knowledge base first line solves most contacts with (D-11): problem/solution articles kept in
 * a {@link KnowledgeStore}, and a search index over the published ones, in Spanish and English.
 *
 * <p>Writes go to the store first (a compare-and-set on the article's version) and then to the
 * index, so a search never finds an article the store does not hold as published. Searches run
 * concurrently with writes and never see a half-applied change. Another process sharing the store
 * is followed with {@link #refresh()}.
 *
 * <p>It learns from resolved tickets when asked to (the default): each time an article resolves a
 * ticket of a category, it ranks higher in suggestions for tickets of that category, by a factor
 * of {@code 1 + weight × ln(1 + resolutions)}. The counts live in memory; a host that wants them
 * after a restart replays {@link #resolvedWith} from its tickets' resolutions.
 *
 * <p>Thread-safe.
 */
public final class KnowledgeBase {
  private final KnowledgeStore store;
  private final SearchIndex index;
  private final double learningWeight;
  /** Resolutions per article and ticket category, keyed {@code articleId + '\0' + category}. */
  private final ConcurrentHashMap<String, LongAdder> resolutions = new ConcurrentHashMap<>();
  /** The ids in the index, so that a refresh drops the articles no longer published. */
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();

  private KnowledgeBase(Builder b) {
    this.store = b.store;
    this.learningWeight = b.learningWeight;
    this.index = SearchIndex.builder().synonyms(b.synonyms).build();
    refresh();
  }

  /**
   * Starts configuring a knowledge base over a store.
   *
   * @param store where the articles are kept
   * @return a builder
   */
  public static Builder builder(KnowledgeStore store) {
    return new Builder(store);
  }

  /**
   * Returns a knowledge base over a store with the default settings: the Spanish/English IT
   * synonyms, learning from resolutions on.
   *
   * @param store where the articles are kept
   * @return the knowledge base, its index loaded with the store's published articles
   */
  public static KnowledgeBase over(KnowledgeStore store) {
    return builder(store).build();
  }

  // ----- articles ------------------------------------------------------------------------------

  /**
   * Stores a new article; a published one becomes searchable at once.
   *
   * @param article a new article, at version 0
   * @return the stored article, at version 1
   * @throws ValidationException if its version is not 0
   * @throws VersionConflictException if an article with its id exists already
   */
  public Article write(Article article) {
    Objects.requireNonNull(article, "article");
    Article stored = store.create(article);
    follow(stored.id());
    return stored;
  }

  /**
   * Stores a changed article if nobody changed it since it was read; the index follows: a
   * published article is searchable as it now reads, a draft or archived one no longer.
   *
   * @param article the article as changed, at the version it was read at
   * @return the stored article
   * @throws VersionConflictException if it was changed meanwhile; nothing is written
   * @throws NotFoundException if it was never stored
   */
  public Article save(Article article) {
    Objects.requireNonNull(article, "article");
    Article stored = store.save(article);
    follow(stored.id());
    return stored;
  }

  /**
   * Publishes an article: customers (if it is public) and staff find it from now on.
   *
   * @param id the article
   * @param at when
   * @return the published article
   * @throws ValidationException if it cannot be published from its status
   * @throws NotFoundException if there is no such article
   */
  public Article publish(ArticleId id, Instant at) {
    return change(id, article -> article.publish(at));
  }

  /**
   * Archives an article: it is no longer found.
   *
   * @param id the article
   * @param at when
   * @return the archived article
   * @throws ValidationException if it cannot be archived from its status
   * @throws NotFoundException if there is no such article
   */
  public Article archive(ArticleId id, Instant at) {
    return change(id, article -> article.archive(at));
  }

  /**
   * Changes an article as it is now stored, reading it again if someone else saved it meanwhile.
   *
   * @param id the article
   * @param change what to do to it
   * @return the stored article
   * @throws NotFoundException if there is no such article
   */
  public Article change(ArticleId id, UnaryOperator<Article> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    for (int attempt = 1; ; attempt++) {
      try {
        return save(change.apply(store.get(id)));
      } catch (VersionConflictException conflict) {
        if (attempt == 5) {
          throw conflict;
        }
      }
    }
  }

  /**
   * Finds an article, whatever its status.
   *
   * @param id the article
   * @return the article as stored, or empty
   */
  public Optional<Article> article(ArticleId id) {
    return store.find(Objects.requireNonNull(id, "id"));
  }

  /**
   * Searches the published articles.
   *
   * @param query the text and its filters; {@code audience(PUBLIC)} for what customers may read
   * @return the best matches first, at most the query's limit
   */
  public List<ArticleMatch> search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    return matches(index.search(query), query);
  }

  /**
   * Suggests articles for a ticket (D-11): its subject and description searched as one query, the
   * articles that resolved tickets of its category ranked higher.
   *
   * @param text the ticket's subject and description
   * @param category the ticket's category
   * @param audience {@link Visibility#INTERNAL} for staff (every article), {@link
   *     Visibility#PUBLIC} for what the customer may read
   * @param limit how many, 1 to 100
   * @return the suggestions, best first
   * @throws ValidationException if the limit is out of range
   */
  public List<ArticleMatch> suggest(String text, String category, Visibility audience, int limit) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(audience, "audience");
    if (limit < 1 || limit > 100) {
      throw new ValidationException("suggest", List.of(new Violation("limit", "must be 1 to 100, was " + limit)));
    }
    if (text.isBlank()) {
      return List.of();
    }
    // Fetch more than asked, so that learning can lift an article from just below the cut.
    SearchQuery query = SearchQuery.of(text).limit(learningWeight > 0 ? limit * 3 : limit);
    if (audience == Visibility.PUBLIC) {
      query = query.audience(Visibility.PUBLIC);
    }
    List<ArticleMatch> found = matches(index.search(query), query);
    if (learningWeight > 0) {
      List<ArticleMatch> lifted = new ArrayList<>(found.size());
      for (ArticleMatch match : found) {
        LongAdder count = resolutions.get(key(match.article().id(), category));
        double factor = count == null ? 1 : 1 + learningWeight * Math.log1p(count.sum());
        lifted.add(new ArticleMatch(match.article(), match.score() * factor, match.snippet()));
      }
      lifted.sort(Comparator.comparingDouble(ArticleMatch::score).reversed());
      found = lifted;
    }
    return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
  }

  /**
   * Records that an article resolved a ticket of a category, so that it ranks higher in
   * suggestions for tickets of that category. Does nothing if learning is off.
   *
   * @param article the article named in the ticket's resolution
   * @param category the ticket's category
   */
  public void resolvedWith(ArticleId article, String category) {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(category, "category");
    if (learningWeight > 0) {
      resolutions.computeIfAbsent(key(article, category), k -> new LongAdder()).increment();
    }
  }

  /**
   * Reloads the index from the store: for a knowledge base whose store another process changes.
   * Articles no longer published there stop being found.
   */
  public void refresh() {
    synchronized (indexed) {
      reload();
    }
  }

  private void reload() {
    Set<String> published = new HashSet<>();
    for (Article article : store.published()) {
      reindex(article);
      published.add(article.id().value());
    }
    for (String id : indexed) {
      if (!published.contains(id)) {
        index.remove(id);
        indexed.remove(id);
      }
    }
  }

  /**
   * Returns how many articles search finds now: the published ones indexed so far.
   *
   * @return the number of searchable articles
   */
  public int searchable() {
    return index.size();
  }

  private List<ArticleMatch> matches(List<SearchHit> hits, SearchQuery query) {
    List<ArticleMatch> matches = new ArrayList<>(hits.size());
    for (SearchHit hit : hits) {
      // The store is the truth: an article archived since the hit was found is left out.
      Optional<Article> article = store.find(ArticleId.of(hit.id()));
      if (article.isPresent() && article.get().isPublished()) {
        matches.add(new ArticleMatch(article.get(), hit.score(), hit.snippet()));
      }
    }
    return matches;
  }

  /**
   * Brings the index in line with the article as the store holds it now. Serialised, and reading
   * the store under the lock, so that two writers finishing in either order leave the index with
   * the last stored version.
   */
  private void follow(ArticleId id) {
    synchronized (indexed) {
      Optional<Article> now = store.find(id);
      if (now.isPresent()) {
        reindex(now.get());
      } else {
        index.remove(id.value());
        indexed.remove(id.value());
      }
    }
  }

  private void reindex(Article article) {
    if (article.isPublished()) {
      index.put(document(article));
      indexed.add(article.id().value());
    } else {
      index.remove(article.id().value());
      indexed.remove(article.id().value());
    }
  }

  private static SearchDocument document(Article article) {
    Language language = Language.of(article.language()).orElse(Language.ENGLISH);
    return new SearchDocument(article.id().value(), language, article.title(), String.join(", ", article.keywords()),
        article.symptoms() + "\n" + String.join("\n", article.solutionSteps()), article.category(),
        article.audience());
  }

  private static String key(ArticleId article, String category) {
    return article.value() + '\0' + category;
  }

  /** Configures a {@link KnowledgeBase}. */
  public static final class Builder {
    private final KnowledgeStore store;
    private Synonyms synonyms = Synonyms.itDefaults();
    private double learningWeight = 0.25;

    private Builder(KnowledgeStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sets the words searched as one. Default: {@link Synonyms#itDefaults()}.
     *
     * @param synonyms the synonyms
     * @return this builder
     */
    public Builder synonyms(Synonyms synonyms) {
      this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
      return this;
    }

    /**
     * Sets how much an article's resolutions lift it in suggestions for tickets of the same
     * category: a factor of {@code 1 + weight × ln(1 + resolutions)}. Default 0.25; 0 turns
     * learning off.
     *
     * @param weight 0 to 10
     * @return this builder
     */
    public Builder learningWeight(double weight) {
      if (!(weight >= 0 && weight <= 10)) {
        throw new IllegalArgumentException("learning weight must be 0 to 10, was " + weight);
      }
      this.learningWeight = weight;
      return this;
    }

    /**
     * Builds the knowledge base and loads the store's published articles into its index.
     *
     * @return the knowledge base
     */
    public KnowledgeBase build() {
      return new KnowledgeBase(this);
    }
  }
}
