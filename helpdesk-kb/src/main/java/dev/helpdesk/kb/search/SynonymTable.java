package dev.helpdesk.kb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synonyms as a query meets them: every analysed form of every word of a group (each word stemmed
 * as Spanish and as English, since either may be typed), and from each form the groups it is in.
 */
final class SynonymTable {
  private static final String[][] NO_GROUPS = new String[0][];
  private final Map<String, String[][]> groupsByForm;

  SynonymTable(Synonyms synonyms) {
    Map<String, List<String[]>> byForm = new HashMap<>();
    Tokenizer tokenizer = new Tokenizer();
    char[] word = new char[Tokenizer.MAX_WORD];
    for (Set<String> group : synonyms.groups()) {
      Set<String> forms = new LinkedHashSet<>();
      for (String w : group) {
        tokenizer.reset(w);
        tokenizer.next();
        for (Language language : Language.ALL) {
          System.arraycopy(tokenizer.word(), 0, word, 0, tokenizer.length());
          int len = language.stem(word, tokenizer.length());
          forms.add(new String(word, 0, len));
        }
      }
      String[] all = forms.toArray(new String[0]);
      for (String form : all) {
        byForm.computeIfAbsent(form, f -> new ArrayList<>()).add(all);
      }
    }
    groupsByForm = new HashMap<>();
    byForm.forEach((form, groups) -> groupsByForm.put(form, groups.toArray(new String[0][])));
  }

  /** Every group (as its analysed forms) that has the form. */
  String[][] groupsOf(String form) {
    String[][] groups = groupsByForm.get(form);
    return groups == null ? NO_GROUPS : groups;
  }
}
