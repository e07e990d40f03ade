package dev.helpdesk.kb.search;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects everything wrong with one input before failing, so a caller learns it all at once; the
 * search core's counterpart of the model's own checks, which are not visible here.
 */
final class InputChecks {
  static final int ID_MAX = 64;

  private final String subject;
  private List<Violation> violations;

  private InputChecks(String subject) {
    this.subject = subject;
  }

  static InputChecks on(String subject) {
    return new InputChecks(subject);
  }

  /** Rejects a single null value in one step. */
  static void required(String subject, String field, Object value) {
    if (value == null) {
      throw new ValidationException(subject, List.of(new Violation(field, "must not be null")));
    }
  }

  /** Rejects one bad value in one step. */
  static ValidationException rejected(String subject, String field, String message) {
    return new ValidationException(subject, List.of(new Violation(field, message)));
  }

  InputChecks notNull(String field, Object value) {
    if (value == null) {
      fail(field, "must not be null");
    }
    return this;
  }

  /** Text that must be present, not blank, and at most {@code max} characters. */
  InputChecks text(String field, String value, int max) {
    if (value == null) {
      fail(field, "must not be null");
    } else if (value.isBlank()) {
      fail(field, "must not be blank");
    } else if (value.length() > max) {
      fail(field, "must be at most " + max + " characters, was " + value.length());
    }
    return this;
  }

  /** Text that may be null or empty, but at most {@code max} characters. */
  InputChecks optionalText(String field, String value, int max) {
    if (value != null && value.length() > max) {
      fail(field, "must be at most " + max + " characters, was " + value.length());
    }
    return this;
  }

  /** An identifier: 1 to 64 characters, none of them whitespace or control characters. */
  InputChecks id(String field, String value) {
    if (value == null) {
      fail(field, "must not be null");
      return this;
    }
    if (value.isEmpty() || value.length() > ID_MAX) {
      fail(field, "must be 1 to " + ID_MAX + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        fail(field, "must not contain whitespace or control characters: '" + value + "'");
        break;
      }
    }
    return this;
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
      throw new ValidationException(subject, violations);
    }
  }
}
