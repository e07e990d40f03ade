package dev.helpdesk.kb.search;

/**
 * The optimal-string-alignment distance (Levenshtein with a swap of two neighbouring letters
 * counted as one edit), computed only as far as a bound: typo tolerance never needs more than 2.
 * Only the diagonal band of width {@code 2 max + 1} is computed, and the work stops as soon as a
 * whole row exceeds the bound.
 */
final class EditDistance {
  private EditDistance() {}

  /**
   * The distance between {@code a[0..la)} and {@code b[from..from + lb)}, or {@code max + 1} once
   * it is sure to exceed {@code max}.
   *
   * @param rows scratch of at least {@code 3 * (lb + 1)} ints
   */
  static int within(char[] a, int la, char[] b, int from, int lb, int max, int[] rows) {
    int over = max + 1;
    if (Math.abs(la - lb) > max) {
      return over;
    }
    int width = lb + 1;
    int twoBack = 0;
    int previous = width;
    int current = 2 * width;
    for (int j = 0; j <= lb; j++) {
      rows[previous + j] = j <= max ? j : over;
    }
    for (int i = 1; i <= la; i++) {
      int lo = Math.max(1, i - max);
      int hi = Math.min(lb, i + max);
      rows[current + lo - 1] = lo == 1 ? Math.min(i, over) : over;
      int rowMin = lo == 1 ? Math.min(i, over) : over;
      char ca = a[i - 1];
      for (int j = lo; j <= hi; j++) {
        char cb = b[from + j - 1];
        int d = rows[previous + j - 1] + (ca == cb ? 0 : 1);
        int up = rows[previous + j] + 1;
        if (up < d) {
          d = up;
        }
        int left = rows[current + j - 1] + 1;
        if (left < d) {
          d = left;
        }
        if (i > 1 && j > 1 && ca == b[from + j - 2] && a[i - 2] == cb && rows[twoBack + j - 2] + 1 < d) {
          d = rows[twoBack + j - 2] + 1;
        }
        rows[current + j] = d;
        if (d < rowMin) {
          rowMin = d;
        }
      }
      if (hi < lb) {
        rows[current + hi + 1] = over;
      }
      if (rowMin > max) {
        return over;
      }
      int spare = twoBack;
      twoBack = previous;
      previous = current;
      current = spare;
    }
    int d = rows[previous + lb];
    return d > max ? over : d;
  }
}
