package dev.helpdesk.core.analytics;

import java.util.List;
import java.util.Locale;

/**
 * The three charts the reports draw, as standalone SVG documents a browser opens: a heatmap (hours
 * of the week), lines over time (queue length), and stacked bars (backlog ageing). Plain SVG 1.1, no
 * scripts or external styles, so a file opens anywhere and fits in a README.
 */
final class Svg {
  /** One line of a line chart. */
  record Series(String name, String colour, double[] values) {}

  private static final String INK = "#222";
  private static final String GRID = "#ddd";
  /** Colours for stacked bars and lines, told apart in print and by colour-blind readers. */
  static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22"};

  private final StringBuilder out = new StringBuilder(16_384);

  private Svg(int width, int height, String title) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n")
        .append("<title>").append(escape(title)).append("</title>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    text(12, 22, "start", 15, true, INK, title);
  }

  private Svg text(double x, double y, String anchor, int size, boolean bold, String fill, String content) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
        .append('"');
    if (size != 11) {
      out.append(" font-size=\"").append(size).append('"');
    }
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    if (!fill.equals(INK)) {
      out.append(" fill=\"").append(fill).append('"');
    }
    out.append('>').append(escape(content)).append("</text>\n");
    return this;
  }

  private Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
    if (tooltip == null) {
      out.append("/>\n");
    } else {
      out.append("><title>").append(escape(tooltip)).append("</title></rect>\n");
    }
    return this;
  }

  private Svg line(double x1, double y1, double x2, double y2, String stroke) {
    out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\"/>\n");
    return this;
  }

  private void verticalLabel(double x, double y, String content) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" text-anchor=\"middle\" font-size=\"10\" transform=\"rotate(-90 ").append(n(x)).append(' ')
        .append(n(y)).append(")\">").append(escape(content)).append("</text>\n");
  }

  private String finish() {
    return out.append("</svg>\n").toString();
  }

  /**
   * A grid of shaded cells, darker for higher values, each labelled with its value when there is
   * room; every cell carries a tooltip.
   */
  static String heatmap(String title, String note, String[] rows, String[] columns, double[][] values,
      String unit) {
    int cell = 30;
    int left = 48;
    int top = 62;
    int width = wide(left + columns.length * cell + 16, note);
    int height = top + rows.length * cell + 58;
    double max = 0;
    for (double[] row : values) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    Svg svg = new Svg(width, height, title);
    svg.text(12, 40, "start", 11, false, "#555", note);
    for (int c = 0; c < columns.length; c++) {
      svg.text(left + c * cell + cell / 2.0, top - 6, "middle", 10, false, INK, columns[c]);
    }
    for (int r = 0; r < rows.length; r++) {
      svg.text(left - 6, top + r * cell + cell / 2.0 + 4, "end", 11, false, INK, rows[r]);
      for (int c = 0; c < columns.length; c++) {
        double v = values[r][c];
        double share = max == 0 ? 0 : v / max;
        svg.rect(left + c * cell + 1, top + r * cell + 1, cell - 2, cell - 2, shade(share),
            rows[r] + " " + columns[c] + ": " + format(v) + " " + unit);
        if (v > 0) {
          svg.text(left + c * cell + cell / 2.0, top + r * cell + cell / 2.0 + 3.5, "middle", 9, false,
              share > 0.55 ? "#fff" : INK, compact(v));
        }
      }
    }
    // Legend: the scale from nothing to the busiest cell.
    int legendY = top + rows.length * cell + 18;
    for (int i = 0; i <= 10; i++) {
      svg.rect(left + i * 18, legendY, 18, 12, shade(i / 10.0), null);
    }
    svg.text(left, legendY + 26, "start", 10, false, INK, "0");
    svg.text(left + 11 * 18, legendY + 26, "end", 10, false, INK, format(max) + " " + unit);
    return svg.finish();
  }

  /** Lines over a shared horizontal axis, with a value axis from zero and a legend. */
  static String lines(String title, String note, String yLabel, String[] xLabels, int labelEvery,
      List<Series> series) {
    int points = xLabels.length;
    int left = 56;
    int top = 60;
    int plotW = Math.max(480, Math.min(1400, points * 8));
    int plotH = 260;
    int width = wide(left + plotW + 24, note);
    int height = top + plotH + 64;
    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        max = Math.max(max, v);
      }
    }
    double step = niceStep(max / 4);
    int ticks = Math.max(1, (int) Math.ceil(max / step - 1e-9));
    double top0 = ticks * step;
    Svg svg = new Svg(width, height, title);
    svg.text(12, 40, "start", 11, false, "#555", note);
    for (int i = 0; i <= ticks; i++) {
      double y = top + plotH - plotH * i / (double) ticks;
      svg.line(left, y, left + plotW, y, GRID);
      svg.text(left - 6, y + 4, "end", 10, false, INK, format(step * i));
    }
    svg.verticalLabel(14, top + plotH / 2.0, yLabel);
    double dx = points > 1 ? (double) plotW / (points - 1) : 0;
    for (int i = 0; i < points; i += Math.max(1, labelEvery)) {
      double x = left + i * dx;
      svg.line(x, top + plotH, x, top + plotH + 4, INK);
      svg.text(x, top + plotH + 16, "middle", 10, false, INK, xLabels[i]);
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, INK);
    int legendX = left;
    for (Series s : series) {
      StringBuilder pts = new StringBuilder();
      double[] v = s.values();
      for (int i = 0; i < v.length; i++) {
        double y = top + plotH - (top0 == 0 ? 0 : plotH * v[i] / top0);
        pts.append(i == 0 ? "" : " ").append(n(left + i * dx)).append(',').append(n(y));
      }
      svg.out.append("<polyline fill=\"none\" stroke=\"").append(s.colour())
          .append("\" stroke-width=\"1.5\" points=\"").append(pts).append("\"/>\n");
      svg.rect(legendX, top + plotH + 30, 12, 12, s.colour(), null);
      svg.text(legendX + 16, top + plotH + 40, "start", 11, false, INK, s.name());
      legendX += 24 + 7 * s.name().length();
    }
    return svg.finish();
  }

  /** Vertical bars, one per category, each a stack of parts, with totals on top and a legend. */
  static String bars(String title, String note, String yLabel, String[] categories, String[] parts,
      double[][] stacks) {
    int left = 56;
    int top = 60;
    int barW = 70;
    int gap = 40;
    int plotW = categories.length * (barW + gap) + gap;
    int plotH = 240;
    int width = wide(left + Math.max(plotW, 420) + 24, note);
    int height = top + plotH + 70;
    double max = 0;
    for (double[] stack : stacks) {
      double sum = 0;
      for (double v : stack) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    double step = niceStep(max / 4);
    int ticks = Math.max(1, (int) Math.ceil(max / step - 1e-9));
    double top0 = ticks * step;
    Svg svg = new Svg(width, height, title);
    svg.text(12, 40, "start", 11, false, "#555", note);
    for (int i = 0; i <= ticks; i++) {
      double y = top + plotH - plotH * i / (double) ticks;
      svg.line(left, y, left + plotW, y, GRID);
      svg.text(left - 6, y + 4, "end", 10, false, INK, format(step * i));
    }
    svg.verticalLabel(14, top + plotH / 2.0, yLabel);
    for (int c = 0; c < categories.length; c++) {
      double x = left + gap + c * (barW + gap);
      double base = top + plotH;
      double sum = 0;
      for (int p = 0; p < parts.length; p++) {
        double v = stacks[c][p];
        double h = top0 == 0 ? 0 : plotH * v / top0;
        if (v > 0) {
          svg.rect(x, base - h, barW, h, PALETTE[p % PALETTE.length],
              categories[c] + ", " + parts[p] + ": " + format(v));
        }
        base -= h;
        sum += v;
      }
      svg.text(x + barW / 2.0, base - 5, "middle", 11, true, INK, format(sum));
      svg.text(x + barW / 2.0, top + plotH + 16, "middle", 11, false, INK, categories[c]);
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, INK);
    int legendX = left;
    for (int p = 0; p < parts.length; p++) {
      svg.rect(legendX, top + plotH + 34, 12, 12, PALETTE[p % PALETTE.length], null);
      svg.text(legendX + 16, top + plotH + 44, "start", 11, false, INK, parts[p]);
      legendX += 28 + 7 * parts[p].length();
    }
    return svg.finish();
  }

  /** Wide enough for the note under the title, at about six pixels a character. */
  private static int wide(int width, String note) {
    return Math.max(width, 24 + 6 * note.length());
  }

  /** White for nothing to dark blue for the most, through the light blues a heatmap reads best in. */
  static String shade(double share) {
    double s = Math.max(0, Math.min(1, share));
    int r = (int) Math.round(247 + (8 - 247) * s);
    int g = (int) Math.round(251 + (48 - 251) * s);
    int b = (int) Math.round(255 + (107 - 255) * s);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  /** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above a value, so an axis counts in round steps. */
  static double niceStep(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value - 1e-12 * magnitude) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  static String format(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String compact(double value) {
    if (value >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", value / 1000);
    }
    return value >= 10 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String n(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
