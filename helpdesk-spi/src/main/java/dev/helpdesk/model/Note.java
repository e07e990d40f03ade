package dev.helpdesk.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Free text attached to a step of a ticket's history, for the customer or for staff only.
 *
 * @param text the note, possibly empty
 * @param visibility who may read it
 */
public record Note(@NotNull @Size(max = Note.MAX_LENGTH) String text, @NotNull Visibility visibility) {
  /** The longest note: as long as a ticket's description, so a customer's whole message fits. */
  public static final int MAX_LENGTH = Ticket.DESCRIPTION_MAX;

  /** The absence of a note. */
  public static final Note NONE = new Note("", Visibility.PUBLIC);

  // Trims the text and rejects overlong text or a missing visibility.
  public Note {
    Checks checks = Checks.on(Note.class);
    text = checks.optionalText("text", text, MAX_LENGTH);
    checks.notNull("visibility", visibility);
    checks.done();
  }

  /**
   * Returns a note the customer may read.
   *
   * @param text the note
   * @return the note
   */
  public static Note forCustomer(String text) {
    return new Note(text, Visibility.PUBLIC);
  }

  /**
   * Returns a note only staff may read.
   *
   * @param text the note
   * @return the note
   */
  public static Note internal(String text) {
    return new Note(text, Visibility.INTERNAL);
  }

  /**
   * Tells whether there is no text.
   *
   * @return true for an empty note
   */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
