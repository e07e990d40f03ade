package dev.helpdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated Spanish-like knowledge base and the queries typed against it, the same for every
 * engine and every run (fixed seeds).
 *
 * <p>The vocabulary is 50,000 made-up words built from Spanish syllables, some with accents or
 * {@code ñ}, some with Spanish endings ({@code -ción}, {@code -dad}, {@code -miento}…), behind 40
 * real Spanish stop words ({@code de}, {@code la}, {@code que}…). Words are drawn with Zipf's law
 * (exponent 1), so a few are everywhere and most are rare, as in real text; a fifth of the nouns
 * drawn come out in the plural. An article has a title of 5 to 10 words, 3 to 6 keywords, a body of
 * 100 to 300 words in sentences, one of 20 categories, and is public seven times in ten.
 *
 * <p>The queries are 2 or 3 words drawn from the same law among the content words (a user types
 * what articles talk about, not stop words); one query in five has a typo in a word of five letters
 * or more (a letter replaced, dropped, doubled or swapped with the next).
 */
final class SearchCorpus {
  static final int VOCABULARY = 50_000;
  static final String[] CATEGORIES = {"Redes", "Correo", "Impresoras", "Cuentas", "Hardware", "Software",
      "Telefonía", "VPN", "Seguridad", "Servidores", "Bases de datos", "Móviles", "Navegadores", "Ofimática",
      "Copias de seguridad", "Accesos", "Licencias", "Periféricos", "Wifi", "Otros"};
  private static final String[] STOP_WORDS = {"de", "la", "que", "el", "en", "y", "a", "los", "del", "se",
      "las", "por", "un", "para", "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le",
      "ya", "o", "este", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me",
      "hasta", "hay"};
  private static final String[] ONSETS = {"", "", "b", "c", "d", "f", "g", "j", "l", "m", "n", "p", "r", "s",
      "t", "v", "z", "ch", "ll", "br", "bl", "cr", "cl", "dr", "fr", "gr", "pr", "pl", "tr", "ñ", "qu", "gu",
      "m", "n", "s", "t", "c", "p", "r", "l"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "a", "e", "i", "o"};
  private static final String[] ACCENTED = {"á", "é", "í", "ó", "ú"};
  private static final String[] CODAS = {"", "", "", "", "n", "s", "r", "l", "d"};
  private static final String[] ENDINGS = {"ción", "dad", "miento", "ador", "ura", "ero", "ista", "ble",
      "ncia", "aje", "ario", "oso"};

  /** One article as generated; each engine turns it into its own document. */
  record Article(String id, String title, String keywords, String body, String category, boolean internal) {}

  private final String[] words;
  /** Cumulative Zipf weights over {@link #words}, rank 1 first. */
  private final double[] cumulative;

  private SearchCorpus() {
    SplittableRandom random = new SplittableRandom(20_26);
    Set<String> made = new LinkedHashSet<>(Arrays.asList(STOP_WORDS));
    while (made.size() < STOP_WORDS.length + VOCABULARY) {
      made.add(word(random));
    }
    words = made.toArray(new String[0]);
    cumulative = new double[words.length];
    double sum = 0;
    for (int rank = 1; rank <= words.length; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
  }

  /** The one corpus every engine reads. */
  static SearchCorpus spanishLike() {
    return new SearchCorpus();
  }

  private static String word(SplittableRandom random) {
    int syllables = 1 + pick(random, new int[] {15, 35, 30, 15, 5});
    StringBuilder w = new StringBuilder();
    int stressed = random.nextInt(syllables);
    for (int s = 0; s < syllables; s++) {
      w.append(ONSETS[random.nextInt(ONSETS.length)]);
      String vowel = VOWELS[random.nextInt(VOWELS.length)];
      if (s == stressed && random.nextInt(8) == 0) {
        vowel = ACCENTED["aeiou".indexOf(vowel.charAt(0))];
      }
      w.append(vowel);
      w.append(CODAS[random.nextInt(CODAS.length)]);
    }
    if (random.nextInt(4) == 0) {
      w.append(ENDINGS[random.nextInt(ENDINGS.length)]);
    }
    String made = w.toString();
    return made.length() < 2 ? made + "o" : made;
  }

  private static int pick(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A word drawn by Zipf's law; {@code from} skips the stop words when 40. */
  private String draw(SplittableRandom random, int from) {
    double low = from == 0 ? 0 : cumulative[from - 1];
    double u = low + random.nextDouble() * (cumulative[cumulative.length - 1] - low);
    int rank = Arrays.binarySearch(cumulative, u);
    if (rank < 0) {
      rank = -rank - 1;
    }
    rank = Math.min(rank, words.length - 1);
    String w = words[rank];
    if (rank >= STOP_WORDS.length && random.nextInt(5) == 0) {
      return plural(w);
    }
    return w;
  }

  private static String plural(String w) {
    char last = w.charAt(w.length() - 1);
    return "aeiou".indexOf(last) >= 0 ? w + "s" : w + "es";
  }

  /**
   * The first {@code count} articles; a smaller corpus is the start of a larger one.
   *
   * @param count how many
   * @return the articles, ids {@code KB-0}, {@code KB-1}…
   */
  List<Article> articles(int count) {
    SplittableRandom random = new SplittableRandom(7);
    List<Article> articles = new ArrayList<>(count);
    StringBuilder text = new StringBuilder(2048);
    for (int i = 0; i < count; i++) {
      text.setLength(0);
      sentence(random, 5 + random.nextInt(6), text, 0);
      String title = text.toString();
      text.setLength(0);
      int keywords = 3 + random.nextInt(4);
      for (int k = 0; k < keywords; k++) {
        text.append(k == 0 ? "" : ", ").append(draw(random, STOP_WORDS.length));
      }
      String keywordText = text.toString();
      text.setLength(0);
      int remaining = 100 + random.nextInt(201);
      while (remaining > 0) {
        int n = Math.min(remaining, 8 + random.nextInt(10));
        sentence(random, n, text, 0);
        text.append(". ");
        remaining -= n;
      }
      String category = CATEGORIES[Math.min(CATEGORIES.length - 1, (int) (random.nextDouble() * random.nextDouble()
          * CATEGORIES.length * 1.5))];
      articles.add(new Article("KB-" + i, title, keywordText, text.toString().strip(), category,
          random.nextInt(10) >= 7));
    }
    return articles;
  }

  private void sentence(SplittableRandom random, int n, StringBuilder out, int from) {
    for (int w = 0; w < n; w++) {
      String word = draw(random, from);
      if (w == 0) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        out.append(' ').append(word);
      }
    }
  }

  /**
   * The queries, cycled by the benchmark.
   *
   * @param count how many
   * @return the query texts
   */
  List<String> queries(int count) {
    SplittableRandom random = new SplittableRandom(11);
    List<String> queries = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    while (queries.size() < count) {
      int n = random.nextInt(5) < 3 ? 2 : 3;
      String[] q = new String[n];
      for (int i = 0; i < n; i++) {
        q[i] = draw(random, STOP_WORDS.length);
      }
      if (random.nextInt(5) == 0) {
        int i = random.nextInt(n);
        if (q[i].length() >= 5) {
          q[i] = typo(q[i], random);
        }
      }
      String text = String.join(" ", q);
      if (seen.add(text)) {
        queries.add(text);
      }
    }
    return queries;
  }

  private static String typo(String w, SplittableRandom random) {
    int at = 1 + random.nextInt(w.length() - 2);
    StringBuilder b = new StringBuilder(w);
    switch (random.nextInt(4)) {
      case 0 -> b.setCharAt(at, "abcdefghijlmnoprstuv".charAt(random.nextInt(20)));
      case 1 -> b.deleteCharAt(at);
      case 2 -> b.insert(at, b.charAt(at));
      default -> {
        char c = b.charAt(at);
        b.setCharAt(at, b.charAt(at + 1));
        b.setCharAt(at + 1, c);
      }
    }
    return b.toString();
  }
}
