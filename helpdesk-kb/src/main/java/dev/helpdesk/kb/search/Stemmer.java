package dev.helpdesk.kb.search;

/**
 * Light stemmers: they strip plurals and the commonest verb and noun endings from a folded word,
 * in place, so that "impresoras", "impresora" and "impresor" meet, as do "configurar",
 * "configurado", "configurando" and "configuración". They never leave fewer than three letters
 * (four for most endings) and never touch words with digits: "win10" and error codes stay whole.
 *
 * <p>Light on purpose: an aggressive stemmer joins words that do not mean the same, and typo
 * tolerance already forgives what is left.
 */
final class Stemmer {
  private Stemmer() {}

  /** Spanish endings removed after the plural, longest first; each leaves at least four letters. */
  private static final char[][] SPANISH_ENDINGS = chars("amiento", "imiento", "acion", "icion", "ucion", "mente",
      "iendo", "ando", "ado", "ada", "ido", "ida", "ar", "er", "ir", "an", "en");

  private static char[][] chars(String... endings) {
    char[][] out = new char[endings.length][];
    for (int i = 0; i < endings.length; i++) {
      out[i] = endings[i].toCharArray();
    }
    return out;
  }

  /**
   * Stems a folded Spanish word in place.
   *
   * @return the stem's length
   */
  static int spanish(char[] w, int len) {
    if (len < 4 || hasDigit(w, len)) {
      return len;
    }
    // Plural: luces -> luz, redes -> red, errores -> error, usuarios -> usuario.
    if (len > 4 && ends(w, len, "ces")) {
      w[len - 3] = 'z';
      len -= 2;
    } else if (len > 4 && w[len - 1] == 's' && w[len - 2] == 'e' && "lrndzjsxy".indexOf(w[len - 3]) >= 0) {
      len -= 2;
    } else if (len > 4 && w[len - 1] == 's' && vowel(w[len - 2])) {
      len -= 1;
    }
    for (char[] ending : SPANISH_ENDINGS) {
      if (len - ending.length >= 4 && ends(w, len, ending)) {
        return len - ending.length;
      }
    }
    // Gender and the final vowel of many verb forms: impresora -> impresor, conecta -> conect.
    if (len > 4 && (w[len - 1] == 'a' || w[len - 1] == 'o' || w[len - 1] == 'e')) {
      len--;
    }
    return len;
  }

  /**
   * Stems a folded English word in place.
   *
   * @return the stem's length
   */
  static int english(char[] w, int len) {
    if (len < 4 || hasDigit(w, len)) {
      return len;
    }
    // Plural: policies -> policy, addresses -> address, boxes -> box, printers -> printer.
    if (len > 4 && ends(w, len, "ies")) {
      w[len - 3] = 'y';
      len -= 2;
    } else if (ends(w, len, "sses")) {
      len -= 2;
    } else if (len > 4 && (ends(w, len, "xes") || ends(w, len, "ches") || ends(w, len, "shes") || ends(w, len, "zes"))) {
      len -= 2;
    } else if (w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i') {
      len -= 1;
    }
    int stem = len;
    if (len - 3 >= 4 && ends(w, len, "ing")) {
      stem = len - 3;
    } else if (len - 2 >= 4 && ends(w, len, "ed")) {
      stem = len - 2;
    } else if (len - 5 >= 4 && ends(w, len, "ation")) {
      return len - 5;
    } else if (len - 3 >= 4 && ends(w, len, "ion")) {
      return len - 3;
    } else if (len > 4 && w[len - 1] == 'e') {
      return len - 1;
    }
    if (stem < len) {
      // running -> run, stopped -> stop; but install, press, buzz keep their doubles.
      char last = w[stem - 1];
      if (w[stem - 2] == last && !vowel(last) && last != 'l' && last != 's' && last != 'z') {
        stem--;
      }
      // configured -> configur, as configure -> configur.
      return stem;
    }
    return len;
  }

  private static boolean hasDigit(char[] w, int len) {
    for (int i = 0; i < len; i++) {
      if (w[i] >= '0' && w[i] <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean ends(char[] w, int len, String ending) {
    int n = ending.length();
    if (len < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (w[len - n + i] != ending.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean ends(char[] w, int len, char[] ending) {
    int n = ending.length;
    int from = len - n;
    for (int i = 0; i < n; i++) {
      if (w[from + i] != ending[i]) {
        return false;
      }
    }
    return true;
  }
}
