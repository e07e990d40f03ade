package dev.helpdesk.model;

/** What a command names does not exist: a ticket, customer, technician, department or article. */
public final class NotFoundException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** What was looked for. */
  private final String kind;
  /** The identifier that matched nothing. */
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind what was looked for, such as {@code ticket}
   * @param id the identifier that matched nothing
   */
  public NotFoundException(String kind, Object id) {
    super("No " + kind + " with id " + id);
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /**
   * Returns what was looked for.
   *
   * @return the kind of thing, such as {@code ticket}
   */
  public String kind() {
    return kind;
  }

  /**
   * Returns the identifier that matched nothing.
   *
   * @return the identifier as text
   */
  public String id() {
    return id;
  }
}
