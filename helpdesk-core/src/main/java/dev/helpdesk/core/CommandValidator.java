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
 * Checks commands before they reach a ticket, with Hibernate Validator reading the Jakarta
 * Validation annotations of the command records. One validator serves every desk: it is immutable
 * and thread-safe, and building one costs far more than using it.
 */
final class CommandValidator {
  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
      .configure()
      // Plain parameter interpolation: no expression language implementation needed at run time.
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory()
      .getValidator();

  private CommandValidator() {}

  /** Throws a {@link ValidationException} listing every violation of the command. */
  static <T> T validate(String name, T command) {
    if (command == null) {
      throw new ValidationException(name, List.of(new Violation(name, "must not be null")));
    }
    Set<ConstraintViolation<T>> found = VALIDATOR.validate(command);
    if (!found.isEmpty()) {
      List<Violation> violations = new ArrayList<>(found.size());
      for (ConstraintViolation<T> v : found) {
        violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
      }
      violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
      throw new ValidationException(command.getClass().getSimpleName(), violations);
    }
    return command;
  }

  /** Checks a free-text argument: present, not blank, at most {@code max} characters; returns it trimmed. */
  static String text(String command, String field, String value, int max) {
    String message = value == null ? "must not be null"
        : value.isBlank() ? "must not be blank"
        : value.strip().length() > max ? "size must be between 1 and " + max : null;
    if (message != null) {
      throw new ValidationException(command, List.of(new Violation(field, message)));
    }
    return value.strip();
  }

  /** Checks a required argument. */
  static <T> T required(String command, String field, T value) {
    if (value == null) {
      throw new ValidationException(command, List.of(new Violation(field, "must not be null")));
    }
    return value;
  }
}
