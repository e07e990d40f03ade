/**
 * The knowledge base's search core (D-11): keyword search over articles in Spanish and English.
 *
 * <p>{@link dev.helpdesk.kb.search.SearchIndex} holds {@link dev.helpdesk.kb.search.SearchDocument}s
 * and answers {@link dev.helpdesk.kb.search.SearchQuery}s with {@link
 * dev.helpdesk.kb.search.SearchHit}s, each with a {@link dev.helpdesk.kb.search.Snippet}.
 *
 * <p>Design, for speed on the first line's hot path:
 *
 * <ul>
 *   <li>Analysis: one pass per word folds case and accents through a table, drops stop words
 *       (packed into a {@code long}, no allocation) and applies a light stemmer per language.
 *   <li>Segments: the index is a few immutable segments, each with its own term table (open
 *       addressing over one char array), postings as an {@code int[]} of documents beside a {@code
 *       char[]} of precomputed BM25F impacts, per-document forward terms for snippets and merges,
 *       and a deletion-neighbourhood index for typos. Searches read an immutable snapshot published
 *       through a volatile field and never lock; changes collect until the next search turns them
 *       into a new segment, and segments merge as their sizes come close (each at least four times
 *       the next), so there are few of them. Deletes are bits, boosts a float per document, both
 *       copied on write.
 *   <li>Queries: each word of the query becomes two clauses of alternatives, its forms (one per
 *       language when the query's is unknown) with its synonyms, and its near terms (the closest
 *       found in the typo index, whose recent answers each segment keeps, and prefix
 *       completions); a document scores the best term of each clause. Documents are scored by
 *       windowed MaxScore into a reused accumulator array: the clauses that cannot lift a document
 *       into the bounded heap of the top {@code k} are no longer walked, only probed for the
 *       documents that still can. Snippets are made for those {@code k} only, from the forward
 *       terms.
 * </ul>
 */
package dev.helpdesk.kb.search;
