package dev.helpdesk.core.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the words of ticket subjects worth counting (D-23), bucket by bucket: letters and digits,
 * lower-cased, accents folded (so "impresión" and "impresion" are one word), three to forty
 * characters, not a number, and not one of the common English and Spanish words that say nothing
 * about the problem. A word a subject repeats within the next two words ("error … error") counts once.
 *
 * <p>A pass counts millions of words: they are looked up by their characters in an open-addressing
 * table, so a word costs a string only the first time it is seen. Not thread-safe: one per pass.
 */
final class Keywords {
  private static final List<String> STOP_WORDS = List.of(
      "the", "and", "for", "not", "does", "doesn", "can", "cannot", "with", "from", "this", "that",
      "are", "was", "were", "has", "have", "had", "but", "you", "your", "our", "any", "all", "how", "why",
      "what", "when", "who", "will", "won", "get", "got", "into", "out", "off", "too", "very", "again", "please",
      "help", "need", "issue", "problem", "working", "work", "works", "since", "after", "before", "there",
      "los", "las", "del", "una", "uno", "por", "para", "con", "sin", "que", "como", "mas", "muy", "este",
      "esta", "esto", "ese", "esa", "mis", "sus", "hay", "funciona", "problema", "ayuda", "puedo",
      "otra", "otro", "vez", "desde", "cuando", "pero", "todo", "todos", "nada", "tiene", "tengo");
  private static final int MIN_LENGTH = 3;
  private static final int MAX_LENGTH = 40;

  private final int buckets;
  private final int stopWords;
  private final char[] word = new char[MAX_LENGTH];
  // The words seen: their characters one after another, and where each starts.
  private char[] chars = new char[1 << 14];
  private int used;
  private int[] starts = new int[1 << 10];
  private int[] lengths = new int[1 << 10];
  private int[] hashes = new int[1 << 10];
  private String[] texts = new String[1 << 10];
  private int words;
  /** Word id + 1 in each slot, 0 for an empty one; a power of two, at most half full. */
  private int[] slots = new int[1 << 11];
  /** counts[(id − stopWords) × buckets + bucket]. */
  private long[] counts;

  Keywords(int buckets) {
    this.buckets = buckets;
    for (String stop : STOP_WORDS) {
      for (int i = 0; i < stop.length(); i++) {
        word[i] = stop.charAt(i);
      }
      id(stop.length(), hash(word, stop.length()));
    }
    this.stopWords = words;
    this.counts = new long[64 * buckets];
  }

  private static int hash(char[] text, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + text[i];
    }
    return h;
  }

  /** Counts the words of a subject in a bucket. */
  void count(String text, int bucket) {
    int length = 0;
    int hash = 0;
    boolean digitsOnly = true;
    boolean tooLong = false;
    int previous1 = -1;
    int previous2 = -1;
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      boolean wordChar;
      if (c < 128) {
        // Most subjects are plain ASCII: no table lookups for them.
        c = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        wordChar = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      } else {
        c = fold(c);
        wordChar = Character.isLetterOrDigit(c);
      }
      if (wordChar) {
        if (length < MAX_LENGTH) {
          word[length++] = c;
          hash = 31 * hash + c;
          digitsOnly &= c >= '0' && c <= '9';
        } else {
          tooLong = true;
        }
        continue;
      }
      if (length >= MIN_LENGTH && !digitsOnly && !tooLong) {
        int id = id(length, hash);
        // A subject seldom repeats a word; remembering the last two catches "error ... error".
        if (id >= stopWords && id != previous1 && id != previous2) {
          counts[(id - stopWords) * buckets + bucket]++;
          previous2 = previous1;
          previous1 = id;
        }
      }
      length = 0;
      hash = 0;
      digitsOnly = true;
      tooLong = false;
    }
  }

  /** The id of the word in {@code word[0, length)}, added if it is new. */
  private int id(int length, int hash) {
    int mask = slots.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return add(slot, length, hash);
      }
      int id = entry - 1;
      if (hashes[id] == hash && lengths[id] == length && sameChars(starts[id], length)) {
        return id;
      }
    }
  }

  /** Compares by hand: for words this short a loop beats the vectorised library call. */
  private boolean sameChars(int start, int length) {
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  private int add(int slot, int length, int hash) {
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    System.arraycopy(word, 0, chars, used, length);
    if (words == starts.length) {
      int size = words * 2;
      starts = Arrays.copyOf(starts, size);
      lengths = Arrays.copyOf(lengths, size);
      hashes = Arrays.copyOf(hashes, size);
      texts = Arrays.copyOf(texts, size);
    }
    int id = words++;
    starts[id] = used;
    lengths[id] = length;
    hashes[id] = hash;
    texts[id] = new String(word, 0, length);
    used += length;
    slots[slot] = id + 1;
    // Stop words, added first by the constructor, have no counts.
    if (counts != null && (id - stopWords + 1) * buckets > counts.length) {
      counts = Arrays.copyOf(counts, counts.length * 2);
    }
    if (words * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] grown = new int[slots.length * 2];
    int mask = grown.length - 1;
    for (int id = 0; id < words; id++) {
      int slot = mix(hashes[id]) & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = id + 1;
    }
    slots = grown;
  }

  /** Every counted word with its counts per bucket. */
  Map<String, long[]> counts() {
    Map<String, long[]> out = new HashMap<>();
    for (int id = stopWords; id < words; id++) {
      int from = (id - stopWords) * buckets;
      out.put(texts[id], Arrays.copyOfRange(counts, from, from + buckets));
    }
    return out;
  }

  /** Lower case without the accents of Latin-1 letters: the accents Spanish and English tickets carry. */
  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    char lower = Character.toLowerCase(c);
    switch (lower) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å':
        return 'a';
      case 'ç':
        return 'c';
      case 'è', 'é', 'ê', 'ë':
        return 'e';
      case 'ì', 'í', 'î', 'ï':
        return 'i';
      case 'ñ':
        return 'n';
      case 'ò', 'ó', 'ô', 'õ', 'ö':
        return 'o';
      case 'ù', 'ú', 'û', 'ü':
        return 'u';
      case 'ý', 'ÿ':
        return 'y';
      default:
        return lower;
    }
  }
}
