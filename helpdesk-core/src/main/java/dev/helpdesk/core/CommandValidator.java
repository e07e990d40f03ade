package dev.helpdesk.core;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a command's arguments before anything is read or changed, and reports every violation at
 * once. Command records are checked by Hibernate Validator against their Jakarta Validation
 * annotations; plain arguments by the same rules written out. One validator serves every desk: it is
 * immutable and thread-safe, and building one costs far more than using it.
 */
final class CommandValidator {
  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
      .configure()
      // Plain parameter interpolation: no expression language implementation needed at run time.
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory()
      .getValidator();

  private final String command;
  private List<Violation> violations;

  private CommandValidator(String command) {
    this.command = command;
  }

  /** Starts checking the arguments of one command. */
  static CommandValidator check(String command) {
    return new CommandValidator(command);
  }

  private void fail(String field, String message) {
    if (violations == null) {
      violations = new ArrayList<>(2);
    }
    violations.add(new Violation(field, message));
  }

  /** A required argument. */
  <T> T required(String field, T value) {
    if (value == null) {
      fail(field, "must not be null");
    }
    return value;
  }

  /** Free text: present, not blank, at most {@code max} characters; returned trimmed. */
  String text(String field, String value, int max) {
    if (value == null) {
      fail(field, "must not be null");
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      fail(field, "must not be blank");
    } else if (trimmed.length() > max) {
      fail(field, "size must be between 1 and " + max);
    }
    return trimmed;
  }

  /** A whole number within {@code min} and {@code max}, both included. */
  int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      fail(field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Optional free text: {@code null} becomes empty; at most {@code max} characters; returned trimmed. */
  String optionalText(String field, String value, int max) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.length() > max) {
      fail(field, "size must be between 0 and " + max);
    }
    return trimmed;
  }

  /** A command record, checked by Hibernate Validator; its violations are reported under {@code field}. */
  <T> T valid(String field, T record) {
    if (required(field, record) != null) {
      Set<ConstraintViolation<T>> found = VALIDATOR.validate(record);
      if (!found.isEmpty()) {
        List<Violation> sorted = new ArrayList<>(found.size());
        for (ConstraintViolation<T> v : found) {
          sorted.add(new Violation(field + "." + v.getPropertyPath(), v.getMessage()));
        }
        sorted.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        sorted.forEach(v -> fail(v.field(), v.message()));
      }
    }
    return record;
  }

  /** Throws a {@link ValidationException} listing every violation found, if any. */
  void done() {
    if (violations != null) {
      throw new ValidationException(command, violations);
    }
  }

  /** Checks a single required argument of a command in one step. */
  static <T> T required(String command, String field, T value) {
    CommandValidator check = check(command);
    check.required(field, value);
    check.done();
    return value;
  }
}
