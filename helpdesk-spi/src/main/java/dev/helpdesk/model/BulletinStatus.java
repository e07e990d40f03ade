package dev.helpdesk.model;

/**
 * Where a bulletin about a known problem is in its life (D-12). A bulletin starts {@link #ACTIVE}
 * and ends once, either {@link #FIXED} or {@link #WITHDRAWN}; it never becomes active again (a
 * problem that comes back gets a new bulletin).
 */
public enum BulletinStatus {
  /** The problem is current: front line sees the bulletin inside its validity window. */
  ACTIVE,
  /** The problem was fixed: the tickets linked to it are resolved and their customers told. */
  FIXED,
  /** Taken back without a fix, such as a false alarm or a duplicate; linked tickets stay as they are. */
  WITHDRAWN;

  /**
   * Tells whether the bulletin has ended.
   *
   * @return false only for {@link #ACTIVE}
   */
  public boolean isClosed() {
    return this != ACTIVE;
  }
}
