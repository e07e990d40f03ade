package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Identifies a department outside the help desk that tickets can be handed off to (D-13).
 *
 * <p>Any text of 1 to 64 characters without whitespace; compared by value, ordered as text.
 *
 * @param value the identifier's text
 */
public record DepartmentId(@NotBlank @Size(max = 64) String value) implements Comparable<DepartmentId> {
  // Rejects empty, overlong or whitespace-bearing text.
  public DepartmentId {
    Checks.id(DepartmentId.class, value);
  }

  /**
   * Returns the identifier for the given text.
   *
   * @param value 1 to 64 characters, no whitespace
   * @return the identifier
   * @throws ValidationException if the text is not a valid identifier
   */
  public static DepartmentId of(String value) {
    return new DepartmentId(value);
  }

  @Override
  public int compareTo(DepartmentId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier's text, so it reads well in messages and logs. */
  @Override
  public String toString() {
    return value;
  }
}
