package dev.helpdesk.kb.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The example flowcharts that ship with the knowledge base, ready to use or to copy as a model.
 * Each is read from a UTF-8 resource of this package in the text format, once, on first use.
 */
public final class Flowcharts {
  private Flowcharts() {}

  /**
   * Returns the flowchart for "the printer does not print": power, paper jams, paper, toner,
   * error lights, the print queue, the chosen printer, the driver, the USB cable and a network
   * printer's reachability, solving what the first line can and escalating the rest to level 2
   * ({@code printers} or {@code networks}) or to level 3 on site. Its ids are {@code
   * printer-does-not-print-es} and {@code printer-does-not-print-en}; both versions have the same
   * nodes, ids and branches, and point at the same article ids.
   *
   * @param language the language wanted; Spanish ("La impresora no imprime") for any Spanish
   *     locale, English ("The printer does not print") for any other
   * @return the flowchart, shared and immutable
   */
  public static Flowchart printerDoesNotPrint(Locale language) {
    Objects.requireNonNull(language, "language");
    return language.getLanguage().equals("es") ? Spanish.PRINTER : English.PRINTER;
  }

  // One holder per language, so a desk that uses one language never reads the other.
  private static final class Spanish {
    static final Flowchart PRINTER = load("printer-does-not-print.es.flow");
  }

  private static final class English {
    static final Flowchart PRINTER = load("printer-does-not-print.en.flow");
  }

  static Flowchart load(String resource) {
    InputStream in = Flowcharts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + resource + " next to " + Flowcharts.class.getName());
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Flowchart.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
  }
}
