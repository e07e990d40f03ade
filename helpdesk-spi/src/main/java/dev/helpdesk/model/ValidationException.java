package dev.helpdesk.model;

import java.util.List;
import java.util.stream.Collectors;

/** Input was rejected before anything changed; {@link #violations()} lists everything wrong with it. */
public final class ValidationException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** What was validated. */
  private final String subject;
  /** Every violation found. */
  private final List<Violation> violations;

  /**
   * Creates the exception for one rejected input.
   *
   * @param subject what was validated, such as {@code Ticket} or {@code OpenTicket}
   * @param violations every violation found, at least one
   */
  public ValidationException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  private static String message(String subject, List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    return "Invalid " + subject + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * Returns what was validated.
   *
   * @return the name of the rejected input's type, such as {@code Ticket}
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns every violation found, in the order they were found.
   *
   * @return an immutable, non-empty list
   */
  public List<Violation> violations() {
    return violations;
  }
}
