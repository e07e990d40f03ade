package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Identifies a bulletin about a known problem (D-12).
 *
 * <p>Any text of 1 to 64 characters without whitespace; compared by value, ordered as text.
 *
 * @param value the identifier's text
 */
public record BulletinId(@NotBlank @Size(max = 64) String value) implements Comparable<BulletinId> {
  // Rejects empty, overlong or whitespace-bearing text.
  public BulletinId {
    Checks.id(BulletinId.class, value);
  }

  /**
   * Returns the identifier for the given text.
   *
   * @param value 1 to 64 characters, no whitespace
   * @return the identifier
   * @throws ValidationException if the text is not a valid identifier
   */
  public static BulletinId of(String value) {
    return new BulletinId(value);
  }

  @Override
  public int compareTo(BulletinId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier's text, so it reads well in messages and logs. */
  @Override
  public String toString() {
    return value;
  }
}
