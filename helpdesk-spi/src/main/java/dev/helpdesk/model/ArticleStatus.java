package dev.helpdesk.model;

/**
 * Where a knowledge-base article is in its life (D-11): written, then shown to the desk, then
 * retired.
 *
 * <p>The allowed changes: {@link #DRAFT} → {@link #PUBLISHED} → {@link #ARCHIVED}, and an archived
 * article may be published again (a retired problem can come back, as after an upgrade is rolled
 * back). An article never returns to draft: once staff have read it, its history is the published
 * versions. A draft that will never be published may be archived directly, so it leaves the
 * authors' list without being deleted.
 */
public enum ArticleStatus {
  /** Being written; only its authors see it, search never finds it. */
  DRAFT,
  /** Live: the knowledge base indexes it and search finds it for its audience. */
  PUBLISHED,
  /** Retired: kept for the record and for tickets that cite it, but no longer found by search. */
  ARCHIVED;

  /**
   * Tells whether an article in this status may move to another one.
   *
   * @param next the status asked for
   * @return true for draft → published, draft → archived, published → archived and archived →
   *     published; false for staying put and for any return to draft
   */
  public boolean canBecome(ArticleStatus next) {
    return next != this && next != DRAFT;
  }
}
