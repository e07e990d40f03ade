package dev.helpdesk.kb.search;

/** A query's filters as one segment sees them: its category numbers, the audience and the language wanted. */
final class Filter {
  private final boolean publicOnly;
  private final int language;
  /** Indexed by the segment's category numbers; null when any category will do. */
  private final boolean[] categories;
  private final boolean none;
  private final boolean all;

  private Filter(boolean publicOnly, int language, boolean[] categories, boolean none) {
    this.publicOnly = publicOnly;
    this.language = language;
    this.categories = categories;
    this.none = none;
    this.all = !publicOnly && language < 0 && categories == null;
  }

  static Filter of(SearchQuery query, Segment segment) {
    boolean[] allowed = null;
    boolean none = false;
    String[] wanted = query.categories();
    if (wanted.length > 0) {
      allowed = new boolean[segment.categoryNames.length];
      none = true;
      for (String category : wanted) {
        int c = segment.category(category);
        if (c >= 0) {
          allowed[c] = true;
          none = false;
        }
      }
    }
    Language language = query.documentLanguageValue();
    return new Filter(query.publicOnly(), language == null ? -1 : language.ordinal(), allowed, none);
  }

  /** Whether no document of the segment can pass (it has none of the categories asked for). */
  boolean rejectsAll() {
    return none;
  }

  boolean accepts(Segment segment, int doc) {
    if (all) {
      return true;
    }
    if (publicOnly && segment.internal(doc)) {
      return false;
    }
    if (language >= 0 && segment.language(doc) != language) {
      return false;
    }
    return categories == null || categories[segment.categories[doc]];
  }
}
