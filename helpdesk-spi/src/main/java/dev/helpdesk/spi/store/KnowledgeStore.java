package dev.helpdesk.spi.store;

import dev.helpdesk.model.Article;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the knowledge base keeps its articles (D-11) and the bulletins about known problems (D-12).
 *
 * <p>The contract every implementation keeps (the {@code helpdesk-tck} suite {@code
 * KnowledgeStoreContract} checks it):
 *
 * <ul>
 *   <li><b>Created once.</b> {@code create} takes an article or bulletin at version 0 and stores it
 *       at version 1; a second create with the same id is a {@link VersionConflictException}.
 *   <li><b>Compare-and-set.</b> A save succeeds only if the stored version equals the saved
 *       value's version; the stored value then has exactly that version plus one. Otherwise it
 *       throws {@link VersionConflictException} and writes nothing. No successful save is ever lost,
 *       however many threads or nodes save concurrently.
 *   <li><b>Kept as given.</b> What a read returns equals what was written, bar the version the store
 *       set: the store never stamps times nor checks status changes, which the model and the desk
 *       own.
 *   <li><b>Id order.</b> Articles are listed in pages ordered by id ({@link ArticleQuery}), which
 *       is how the knowledge base loads its search index when it starts.
 *   <li><b>Change count.</b> {@link #articleChanges} grows with every article created or saved,
 *       through this store or any other sharing its data, so a desk notices cheaply that another
 *       node changed the articles its search index holds.
 *   <li><b>Active bulletins.</b> {@link #activeBulletins} returns exactly the bulletins {@link
 *       Bulletin#isActiveAt active} at the instant, the latest {@code validFrom} first.
 *   <li><b>Failures are explicit.</b> A backend failure throws {@link StoreFailureException} and
 *       leaves nothing half-written. Bad input is rejected before anything is written.
 * </ul>
 *
 * <p>Implementations are safe for use by many threads.
 */
public interface KnowledgeStore {
  /**
   * Stores a new article.
   *
   * @param article an article at version 0, in any status
   * @return the stored article, at version 1
   * @throws ValidationException if its version is not 0
   * @throws VersionConflictException if an article with its id exists already
   */
  Article create(Article article);

  /**
   * Stores a changed article if nobody changed it since it was read.
   *
   * @param article the article at the version it was read at
   * @return the stored article, its version bumped by one
   * @throws VersionConflictException if the stored version differs; nothing is written
   * @throws NotFoundException if no such article is stored
   */
  Article save(Article article);

  /**
   * Finds an article.
   *
   * @param id its id
   * @return the article as last stored, or empty
   */
  Optional<Article> find(ArticleId id);

  /**
   * Returns an article that must exist.
   *
   * @param id its id
   * @return the article as last stored
   * @throws NotFoundException if there is none
   */
  default Article get(ArticleId id) {
    return find(id).orElseThrow(() -> new NotFoundException("article", id));
  }

  /**
   * Returns one page of the articles a query selects, ordered by id.
   *
   * @param query the statuses, page size and start
   * @return the page, with the query for the next one if there are more
   */
  ArticlePage articles(ArticleQuery query);

  /**
   * Returns every published article, ordered by id: what the knowledge base indexes when it
   * starts. Read page by page; an article published meanwhile may or may not be in it, so the
   * knowledge base indexes later changes as they are saved.
   *
   * @return the published articles
   */
  default List<Article> published() {
    List<Article> all = new ArrayList<>();
    Optional<ArticleQuery> next = Optional.of(ArticleQuery.published().limit(1_000));
    while (next.isPresent()) {
      ArticlePage page = articles(next.get());
      all.addAll(page.articles());
      next = page.next();
    }
    return all;
  }

  /**
   * Returns a count that grows with every article created or saved, here or through any other store
   * sharing this one's data (another node on the same database). A desk compares it with the count
   * it last indexed at and reloads its search index only when it moved; reading it must be cheap.
   *
   * <p>Once a read returns a count, every article write that the count includes can be read: a
   * desk that reads the count, then the articles, indexes at least the changes the count covers.
   * A write refused (a conflict, an unknown article) may leave the count as it was. Bulletin changes
   * and links do not move it.
   *
   * @return the count; never smaller than an earlier answer
   */
  long articleChanges();

  /**
   * Stores a new bulletin.
   *
   * @param bulletin a bulletin at version 0
   * @return the stored bulletin, at version 1
   * @throws ValidationException if its version is not 0
   * @throws VersionConflictException if a bulletin with its id exists already
   */
  Bulletin create(Bulletin bulletin);

  /**
   * Stores a changed bulletin if nobody changed it since it was read.
   *
   * @param bulletin the bulletin at the version it was read at
   * @return the stored bulletin, its version bumped by one
   * @throws VersionConflictException if the stored version differs; nothing is written
   * @throws NotFoundException if no such bulletin is stored
   */
  Bulletin save(Bulletin bulletin);

  /**
   * Finds a bulletin.
   *
   * @param id its id
   * @return the bulletin as last stored, or empty
   */
  Optional<Bulletin> find(BulletinId id);

  /**
   * Returns a bulletin that must exist.
   *
   * @param id its id
   * @return the bulletin as last stored
   * @throws NotFoundException if there is none
   */
  default Bulletin get(BulletinId id) {
    return find(id).orElseThrow(() -> new NotFoundException("bulletin", id));
  }

  /**
   * Returns the bulletins front line sees at an instant (D-12): those {@link Bulletin#isActiveAt
   * active} then, the most recent {@code validFrom} first, then by id.
   *
   * @param at the instant, usually now
   * @return the active bulletins
   */
  List<Bulletin> activeBulletins(Instant at);

  /**
   * Records that a ticket is linked to a bulletin (D-12), so that fixing the bulletin reaches it.
   * Idempotent: linking the same ticket twice keeps one link. The store does not check that the
   * ticket exists: the desk links a ticket just before it stores it, so that a ticket is never
   * stored without its link, and skips links to tickets that never came to be.
   *
   * @param bulletin a stored bulletin
   * @param ticket the ticket
   * @throws NotFoundException if no such bulletin is stored
   */
  void link(BulletinId bulletin, TicketId ticket);

  /**
   * Returns the tickets linked to a bulletin, in the order they were first linked.
   *
   * @param bulletin a bulletin
   * @return its linked tickets; empty for a bulletin with none or an unknown one
   */
  List<TicketId> linkedTickets(BulletinId bulletin);
}
