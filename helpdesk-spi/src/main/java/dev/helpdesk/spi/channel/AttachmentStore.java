package dev.helpdesk.spi.channel;

import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the files that come with inbound contacts (screenshots, logs, documents) in the host's own
 * storage and returns a reference to each; the desk keeps only the references, never the bytes.
 *
 * <p>A channel adapter offers a contact again when the desk could not take it, so the same file of
 * the same contact (same {@link Attachment#contact()} and {@link Attachment#position()}) may be
 * offered more than once: a store should then return the reference it gave the first time, or at
 * least accept the copy. A file whose contact is finally refused stays in the store; the host
 * decides when to clean up.
 */
@FunctionalInterface
public interface AttachmentStore {
  /** The longest reference a store may return. */
  int REFERENCE_MAX = 500;

  /**
   * Stores one file and returns where it is kept.
   *
   * @param attachment what the channel knows of the file
   * @param content the file's bytes, to be read to the end; the caller closes it
   * @return a reference the host can resolve later (a URI, a key): one line of 1 to
   *     {@value #REFERENCE_MAX} characters
   * @throws IOException if the file cannot be stored now; the adapter keeps the contact and offers
   *     it again later
   */
  String keep(Attachment attachment, InputStream content) throws IOException;

  /**
   * One file of an inbound contact, as its channel describes it.
   *
   * @param contact the contact it came with
   * @param position its place among the contact's files, from 0
   * @param fileName the name the sender gave it, without directories, never blank
   * @param contentType its media type, such as {@code image/png}, lower case, without parameters
   * @param size its size in bytes
   */
  record Attachment(ContactReference contact, int position, String fileName, String contentType, long size) {
    // Rejects a missing contact, blank names and negative numbers.
    public Attachment {
      List<Violation> violations = new ArrayList<>(1);
      if (contact == null) {
        violations.add(new Violation("contact", "must not be null"));
      }
      if (position < 0) {
        violations.add(new Violation("position", "must be at least 0, was " + position));
      }
      if (fileName == null || fileName.isBlank()) {
        violations.add(new Violation("fileName", "must not be blank"));
      }
      if (contentType == null || contentType.isBlank()) {
        violations.add(new Violation("contentType", "must not be blank"));
      }
      if (size < 0) {
        violations.add(new Violation("size", "must be at least 0, was " + size));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException("Attachment", violations);
      }
    }
  }
}
