package dev.helpdesk.kb.search;

/**
 * The words too common to search by, per language, in folded form. A folded word is checked
 * without allocating: words of up to 12 letters a–z are packed into a {@code long} and looked up
 * in a small open-addressing table.
 *
 * <p>"it" is deliberately not an English stop word: on a help desk it is mostly "IT".
 */
final class StopWords {
  private static final int MAX_PACKED = 12;

  static final StopWords SPANISH = new StopWords(("de la que el en y a los del se las por un para con no una su al lo "
      + "como mas pero sus le ya o este si porque esta entre cuando muy sin sobre tambien me hasta hay donde quien "
      + "desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mi antes algunos unos yo "
      + "otro otras otra tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros "
      + "mis tu te ti tus ellas nosotras vosotros vosotras os mio mia mios mias tuyo tuya suyo suya nuestro nuestra "
      + "vuestro vuestra esos esas estoy estas estamos estan es son fue fueron ser soy eres somos ha han he has "
      + "hemos habia era eran sido siendo sea sean u lo los cuyo cuya cuales aquel aquella aquellos aquellas "
      + "alli aqui asi aun pues segun tras ademas mientras").split(" "));

  static final StopWords ENGLISH = new StopWords(("a an and are as at be but by for if in into is no not of on or "
      + "such that the their then there these they this to was will with i me my we our you your he she him her "
      + "his its what which who whom how when where why do does did doing have has had having can could would "
      + "should from been being am were s t don than so about up out just also them those am nor too very "
      + "own same other some any each both few more most only over under again further once here all").split(" "));

  private final long[] table;
  private final int mask;

  private StopWords(String[] words) {
    int size = Integer.highestOneBit(words.length * 4 - 1) << 1;
    table = new long[size];
    mask = size - 1;
    for (String w : words) {
      long key = pack(w.toCharArray(), w.length());
      if (key <= 0) {
        throw new AssertionError("stop words are folded letters a-z: " + w);
      }
      int slot = slot(key);
      while (table[slot] != 0 && table[slot] != key) {
        slot = (slot + 1) & mask;
      }
      table[slot] = key;
    }
  }

  /** The word packed into base 27, or -1 if it is longer than 12 letters or has a char outside a–z. */
  private static long pack(char[] word, int length) {
    if (length > MAX_PACKED || length == 0) {
      return -1;
    }
    long key = 0;
    for (int i = 0; i < length; i++) {
      int c = word[i] - 'a';
      if (c < 0 || c >= 26) {
        return -1;
      }
      key = key * 27 + c + 1;
    }
    return key;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** Whether the folded word is a stop word. */
  boolean contains(char[] word, int length) {
    long key = pack(word, length);
    if (key < 0) {
      return false;
    }
    int slot = slot(key);
    long found;
    while ((found = table[slot]) != 0) {
      if (found == key) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }
}
