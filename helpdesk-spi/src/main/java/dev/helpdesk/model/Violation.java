package dev.helpdesk.model;

import java.util.Objects;

/**
 * One thing wrong with an input: the field (a property path such as {@code subject} or
 * {@code customer.email}) and what is wrong with it.
 *
 * @param field the property path of the offending value
 * @param message what is wrong, in English, without the field name
 */
public record Violation(String field, String message) {
  // Rejects null components.
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + " " + message;
  }
}
