package dev.helpdesk.core.analytics;

import java.util.Locale;

/** Comma-separated values as RFC 4180 writes them: a header line, then one line per row, CRLF-free. */
final class Csv {
  private final StringBuilder out = new StringBuilder();

  Csv(String... header) {
    row((Object[]) header);
  }

  Csv row(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append('\n');
    return this;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    String text = value.toString();
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** A number as spreadsheets read it whatever their locale: a dot, at most six decimals, empty for none. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = String.format(Locale.ROOT, "%.6f", value);
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    return text.substring(0, end);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
