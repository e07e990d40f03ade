package dev.helpdesk.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects every violation found in one constructor before failing, so a caller learns all that
 * is wrong with its input at once.
 */
final class Checks {
  static final int ID_MAX = 64;

  private final Class<?> type;
  private List<Violation> violations;

  private Checks(Class<?> type) {
    this.type = type;
  }

  static Checks on(Class<?> type) {
    return new Checks(type);
  }

  <T> T notNull(String field, T value) {
    if (value == null) {
      fail(field, "must not be null");
    }
    return value;
  }

  /** Required text: trimmed, not blank, at most {@code max} characters. */
  String text(String field, String value, int max) {
    if (value == null) {
      fail(field, "must not be null");
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      fail(field, "must not be blank");
    } else if (trimmed.length() > max) {
      fail(field, "must be at most " + max + " characters, was " + trimmed.length());
    }
    return trimmed;
  }

  /** Optional text: {@code null} becomes empty; trimmed; at most {@code max} characters. */
  String optionalText(String field, String value, int max) {
    if (value == null) {
      return "";
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      fail(field, "must be at most " + max + " characters, was " + trimmed.length());
    }
    return trimmed;
  }

  int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      fail(field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  long atLeast(String field, long value, long min) {
    if (value < min) {
      fail(field, "must be at least " + min + ", was " + value);
    }
    return value;
  }

  <E> List<E> list(String field, Collection<E> values) {
    if (values == null) {
      fail(field, "must not be null");
      return List.of();
    }
    for (E value : values) {
      if (value == null) {
        fail(field, "must not contain null");
        return List.of();
      }
    }
    return List.copyOf(values);
  }

  <K, V> Map<K, V> map(String field, Map<K, V> values) {
    if (values == null) {
      fail(field, "must not be null");
      return Map.of();
    }
    try {
      return Map.copyOf(values);
    } catch (NullPointerException e) {
      fail(field, "must not contain null keys or values");
      return Map.of();
    }
  }

  void check(boolean condition, String field, String message) {
    if (!condition) {
      fail(field, message);
    }
  }

  void fail(String field, String message) {
    if (violations == null) {
      violations = new ArrayList<>(2);
    }
    violations.add(new Violation(field, message));
  }

  /** Throws if anything was found. */
  void done() {
    if (violations != null) {
      throw new ValidationException(type.getSimpleName(), violations);
    }
  }

  /** Rejects a single null value in one step. */
  static void required(Class<?> type, String field, Object value) {
    if (value == null) {
      throw new ValidationException(type.getSimpleName(), List.of(new Violation(field, "must not be null")));
    }
  }

  /** Validates the text of an identifier in one step. */
  static String id(Class<?> type, String value) {
    if (value != null && !value.isEmpty() && value.length() <= ID_MAX && isPrintableAscii(value)) {
      return value; // the common case, checked without allocating
    }
    Checks checks = new Checks(type);
    checks.notNull("value", value);
    if (value != null) {
      if (value.isEmpty() || value.length() > ID_MAX) {
        checks.fail("value", "must be 1 to " + ID_MAX + " characters, was " + value.length());
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean printableAscii = c > ' ' && c < 127;
        if (!printableAscii && (Character.isWhitespace(c) || Character.isISOControl(c))) {
          checks.fail("value", "must not contain whitespace or control characters: '" + value + "'");
          break;
        }
      }
    }
    checks.done();
    return value;
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 127) {
        return false;
      }
    }
    return true;
  }
}
