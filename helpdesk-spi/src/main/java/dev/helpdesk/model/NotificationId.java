package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Identifies one notification; delivery is idempotent on it.
 *
 * <p>Any text of 1 to 64 characters without whitespace; compared by value, ordered as text.
 *
 * @param value the identifier's text
 */
public record NotificationId(@NotBlank @Size(max = 64) String value) implements Comparable<NotificationId> {
  // Rejects empty, overlong or whitespace-bearing text.
  public NotificationId {
    Checks.id(NotificationId.class, value);
  }

  /**
   * Returns the identifier for the given text.
   *
   * @param value 1 to 64 characters, no whitespace
   * @return the identifier
   * @throws ValidationException if the text is not a valid identifier
   */
  public static NotificationId of(String value) {
    return new NotificationId(value);
  }

  @Override
  public int compareTo(NotificationId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier's text, so it reads well in messages and logs. */
  @Override
  public String toString() {
    return value;
  }
}
