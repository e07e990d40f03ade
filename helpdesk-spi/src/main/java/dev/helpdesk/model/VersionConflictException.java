package dev.helpdesk.model;

/**
 * A compare-and-set failed: someone else changed (or created) the same aggregate since it was
 * read. Nothing was written; read it again and retry the command.
 */
public final class VersionConflictException extends HelpDeskException {
  private static final long serialVersionUID = 1L;

  /** What was saved. */
  private final String kind;
  /** Its identifier. */
  private final String id;
  /** The version the writer read. */
  private final long expectedVersion;
  /** The version stored when the save was refused. */
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param kind what was saved, such as {@code ticket}
   * @param id its identifier
   * @param expectedVersion the version the writer read (0 when it meant to create)
   * @param actualVersion the version stored now
   */
  public VersionConflictException(String kind, Object id, long expectedVersion, long actualVersion) {
    super(expectedVersion == 0
        ? "Cannot create " + kind + " " + id + ": it already exists at version " + actualVersion
        : "Stale " + kind + " " + id + ": saved from version " + expectedVersion
            + " but the store holds version " + actualVersion);
    this.kind = kind;
    this.id = String.valueOf(id);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns what was saved.
   *
   * @return the kind of aggregate, such as {@code ticket}
   */
  public String kind() {
    return kind;
  }

  /**
   * Returns the identifier of the aggregate.
   *
   * @return the identifier as text
   */
  public String id() {
    return id;
  }

  /**
   * Returns the version the writer started from.
   *
   * @return the stale version, 0 for a create
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the version stored when the save was refused.
   *
   * @return the current version
   */
  public long actualVersion() {
    return actualVersion;
  }
}
