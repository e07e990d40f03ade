package dev.helpdesk.kb.flow;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.List;
import java.util.Locale;

/**
 * The rules a single value of a flowchart must meet, shared by the node records, the builder and
 * the text format so that all three reject the same input with the same words. Each check returns
 * what is wrong, or {@code null} when nothing is, so a caller can word the violation for its input.
 */
final class Rules {
  static final int ID_MAX = 64;
  static final int TITLE_MAX = 200;
  static final int QUESTION_MAX = 500;
  static final int TEXT_MAX = 4000;
  static final int SKILL_MAX = 64;

  private Rules() {}

  /** Ids appear bare in the text format, so they keep to characters that cannot be mistaken for syntax. */
  static String id(String value) {
    if (value == null) {
      return "must not be null";
    }
    if (value.isEmpty() || value.length() > ID_MAX) {
      return "must be 1 to " + ID_MAX + " characters, was " + value.length();
    }
    if (!Character.isLetterOrDigit(value.charAt(0))) {
      return "must start with a letter or digit: '" + value + "'";
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
        return "may hold only letters, digits, '-', '_' and '.': '" + value + "'";
      }
    }
    if (value.contains("->")) {
      return "must not contain '->': '" + value + "'";
    }
    return null;
  }

  static String text(String value, int max) {
    if (value == null) {
      return "must not be null";
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return "must not be blank";
    }
    return stripped.length() > max ? "must be at most " + max + " characters, was " + stripped.length() : null;
  }

  static String optionalText(String value, int max) {
    return value != null && value.strip().length() > max
        ? "must be at most " + max + " characters, was " + value.strip().length()
        : null;
  }

  /** Skill names are one lower-case word, as technicians' skill maps keep them. */
  static String skill(String value) {
    if (value == null) {
      return "must not be null";
    }
    String name = value.strip();
    if (name.isEmpty()) {
      return "must not be blank";
    }
    if (name.length() > SKILL_MAX) {
      return "must be at most " + SKILL_MAX + " characters, was " + name.length();
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '#') {
        return "must be one word: '" + name + "'";
      }
    }
    return null;
  }

  static String skillName(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  static String language(Locale language) {
    if (language == null) {
      return "must not be null";
    }
    return language.getLanguage().isEmpty() ? "must name a language, such as es or en" : null;
  }

  static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  /** Adds a violation for a component if the check found a problem. */
  static void check(List<Violation> violations, String field, String problem) {
    if (problem != null) {
      violations.add(new Violation(field, problem));
    }
  }

  static void done(String subject, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new ValidationException(subject, violations);
    }
  }
}
