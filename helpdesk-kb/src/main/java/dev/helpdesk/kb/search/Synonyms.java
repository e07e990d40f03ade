package dev.helpdesk.kb.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configurable synonyms: groups of words that mean the same, so a query for one also finds the
 * others. Immutable. A word matches its group in any of its forms ("contraseñas" finds articles
 * on "password"); a synonym counts a little less than the word typed.
 *
 * <p>Each entry is one word: groups are matched word by word, so "correo electrónico" is not an
 * entry (put "correo" and "email" in a group instead).
 */
public final class Synonyms {
  private static final Synonyms NONE = new Synonyms(List.of());
  private static final Synonyms IT_DEFAULTS = of(List.of(
      Set.of("clave", "contraseña", "password"),
      Set.of("pc", "computadora", "computador", "ordenador", "equipo", "computer"),
      Set.of("portátil", "laptop", "notebook"),
      Set.of("correo", "mail", "email"),
      Set.of("móvil", "celular", "smartphone"),
      Set.of("impresora", "printer"),
      Set.of("usuario", "user", "username"),
      Set.of("cuenta", "account"),
      Set.of("pantalla", "monitor", "screen", "display"),
      Set.of("teclado", "keyboard"),
      Set.of("ratón", "mouse"),
      Set.of("fallo", "falla", "failure"),
      Set.of("reiniciar", "reboot", "restart"),
      Set.of("wifi", "wlan", "inalámbrica"),
      Set.of("archivo", "fichero", "file"),
      Set.of("carpeta", "directorio", "folder", "directory"),
      Set.of("descargar", "download"),
      Set.of("instalar", "install"),
      Set.of("actualizar", "update", "upgrade"),
      Set.of("servidor", "server"),
      Set.of("navegador", "browser"),
      Set.of("disco", "disk"),
      Set.of("red", "network")));

  private final List<Set<String>> groups;

  private Synonyms(List<Set<String>> groups) {
    this.groups = groups;
  }

  /**
   * A Spanish and English IT set: clave / contraseña / password, PC / computadora / ordenador /
   * equipo, correo / mail / email, móvil / celular, impresora / printer, and eighteen more
   * groups (screens, keyboards, files, folders, networks, servers, browsers, updates…).
   *
   * @return the default synonyms, which an index uses unless told otherwise
   */
  public static Synonyms itDefaults() {
    return IT_DEFAULTS;
  }

  /**
   * No synonyms at all.
   *
   * @return the empty set
   */
  public static Synonyms none() {
    return NONE;
  }

  /**
   * Synonyms from groups of words.
   *
   * @param groups each group the words meaning the same, at least two single words each
   * @return the synonyms
   * @throws dev.helpdesk.model.ValidationException if a group is null or has fewer than two words,
   *     or a word is null, blank, not a single word, or longer than 40 letters
   */
  public static Synonyms of(List<Set<String>> groups) {
    InputChecks.required("Synonyms", "groups", groups);
    InputChecks checks = InputChecks.on("Synonyms");
    List<Set<String>> copy = new ArrayList<>(groups.size());
    Tokenizer tokenizer = new Tokenizer();
    for (int i = 0; i < groups.size(); i++) {
      Set<String> group = groups.get(i);
      String field = "groups[" + i + "]";
      if (group == null) {
        checks.fail(field, "must not be null");
        continue;
      }
      Set<String> words = new LinkedHashSet<>();
      for (String word : group) {
        if (word == null || word.isBlank()) {
          checks.fail(field, "must not contain null or blank words");
          continue;
        }
        String w = word.strip();
        tokenizer.reset(w);
        boolean one = tokenizer.next() && tokenizer.start() == 0 && tokenizer.end() == w.length();
        if (!one || tokenizer.tooLong() || tokenizer.length() == 0) {
          checks.fail(field, "must hold single words of up to " + Tokenizer.MAX_WORD + " letters, '" + word + "' is not one");
          continue;
        }
        words.add(w);
      }
      if (words.size() < 2) {
        checks.fail(field, "must have at least two different words, had " + words.size());
      }
      copy.add(Collections.unmodifiableSet(words));
    }
    checks.done();
    return new Synonyms(List.copyOf(copy));
  }

  /**
   * These synonyms and more: the groups of both, a word in groups of each finding the words of both.
   *
   * @param more further synonyms
   * @return the combined synonyms
   * @throws dev.helpdesk.model.ValidationException if {@code more} is null
   */
  public Synonyms and(Synonyms more) {
    InputChecks.required("Synonyms", "more", more);
    List<Set<String>> both = new ArrayList<>(groups);
    both.addAll(more.groups);
    return new Synonyms(List.copyOf(both));
  }

  /** The groups, each as given (stripped), in order. */
  List<Set<String>> groups() {
    return groups;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Synonyms && ((Synonyms) o).groups.equals(groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    return "Synonyms" + groups;
  }
}
