package dev.helpdesk.model;

/** How support is given (D-01). */
public enum SupportMode {
  /** A technician with the equipment, in person. */
  ON_SITE,
  /** Telephone assistance, the most common remote mode; given at levels 1 and 2 (D-10). */
  PHONE,
  /** The technician reaches the user's screen through a remote-desktop session. */
  REMOTE_DESKTOP,
  /** Step-by-step guidance by email, chat or web pages. */
  ONLINE,
  /** A video call. */
  VIDEO,
  /** Help from a non-professional: offered, but the result is not guaranteed. */
  AUXILIARY;

  /**
   * Tells whether this mode works at a distance.
   *
   * @return false only for {@link #ON_SITE}
   */
  public boolean isRemote() {
    return this != ON_SITE;
  }

  /**
   * Tells whether the desk guarantees the result of help given this way (D-01, D-19).
   *
   * @return false only for {@link #AUXILIARY}
   */
  public boolean isGuaranteed() {
    return this != AUXILIARY;
  }
}
