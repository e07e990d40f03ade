package dev.helpdesk.kb.search;

import java.util.Arrays;

/**
 * A query's words, analysed once per search whatever the segments: for each word its forms (its
 * stem in the query's language, or in each language when that is unknown), the forms of its
 * synonyms, and, for the word still being typed, its folded beginning for prefix matching.
 */
final class QueryPlan {
  static final int MAX_WORDS = 32;
  private static final String[] NONE = new String[0];

  /** One word of the query. */
  static final class Word {
    final String[] forms;
    final String[] synonyms;
    /** The folded, unstemmed word, when it is the one being typed; null otherwise. */
    final char[] prefix;

    Word(String[] forms, String[] synonyms, char[] prefix) {
      this.forms = forms;
      this.synonyms = synonyms;
      this.prefix = prefix;
    }
  }

  final Word[] words;

  private QueryPlan(Word[] words) {
    this.words = words;
  }

  static QueryPlan of(SearchQuery query, SynonymTable synonyms, Scratch scratch) {
    String text = query.text();
    Language language = query.languageValue();
    Tokenizer tokens = scratch.tokenizer.reset(text);
    char[] w = scratch.word;
    Word[] words = new Word[4];
    int count = 0;
    while (count < MAX_WORDS && tokens.next()) {
      int len = tokens.length();
      if (len == 0 || tokens.tooLong()) {
        continue;
      }
      boolean typing = query.prefixMatching() && tokens.end() == text.length();
      char[] folded = tokens.word();
      boolean stop = false;
      if (language != null) {
        stop = language.isStopWord(folded, len);
      } else {
        for (Language l : Language.ALL) {
          stop |= l.isStopWord(folded, len);
        }
      }
      if (stop && !typing) {
        continue;
      }
      char[] prefix = typing ? Arrays.copyOf(folded, len) : null;
      String[] forms = NONE;
      if (!stop) {
        if (language != null) {
          System.arraycopy(folded, 0, w, 0, len);
          forms = new String[] {new String(w, 0, language.stem(w, len))};
        } else {
          forms = new String[Language.ALL.size()];
          int n = 0;
          for (Language l : Language.ALL) {
            System.arraycopy(folded, 0, w, 0, len);
            String form = new String(w, 0, l.stem(w, len));
            if (!contains(forms, n, form)) {
              forms[n++] = form;
            }
          }
          forms = n == forms.length ? forms : Arrays.copyOf(forms, n);
        }
      }
      if (count == words.length) {
        words = Arrays.copyOf(words, count * 2);
      }
      words[count++] = new Word(forms, synonymsOf(forms, synonyms), prefix);
    }
    return new QueryPlan(Arrays.copyOf(words, count));
  }

  private static String[] synonymsOf(String[] forms, SynonymTable synonyms) {
    String[] found = NONE;
    int n = 0;
    for (String form : forms) {
      for (String[] group : synonyms.groupsOf(form)) {
        for (String other : group) {
          if (!contains(forms, forms.length, other) && !contains(found, n, other)) {
            if (n == found.length) {
              found = Arrays.copyOf(found, Math.max(4, n * 2));
            }
            found[n++] = other;
          }
        }
      }
    }
    return n == found.length ? found : Arrays.copyOf(found, n);
  }

  private static boolean contains(String[] values, int n, String value) {
    for (int i = 0; i < n; i++) {
      if (values[i].equals(value)) {
        return true;
      }
    }
    return false;
  }
}
