package dev.helpdesk.kb.search;

import dev.helpdesk.model.Visibility;
import java.util.List;

/** Small articles and indexes for the tests. */
final class Articles {
  private Articles() {}

  static SearchDocument spanish(String id, String title, String body) {
    return new SearchDocument(id, Language.SPANISH, title, "", body, "General", Visibility.PUBLIC);
  }

  static SearchDocument english(String id, String title, String body) {
    return new SearchDocument(id, Language.ENGLISH, title, "", body, "General", Visibility.PUBLIC);
  }

  static SearchIndex index(SearchDocument... documents) {
    return index(SearchIndex.builder().build(), documents);
  }

  static SearchIndex index(SearchIndex index, SearchDocument... documents) {
    for (SearchDocument d : documents) {
      index.put(d);
    }
    return index;
  }

  /** The ids of the hits, best first. */
  static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  static List<String> find(SearchIndex index, String text) {
    return ids(index.search(SearchQuery.of(text)));
  }
}
