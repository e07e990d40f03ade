package dev.helpdesk.model;

/** How a customer reaches the desk (D-02). */
public enum Channel {
  /** In person, at the desk, without an appointment. */
  WALK_IN(SupportMode.ON_SITE, true),
  /** A telephone call, typically to a toll-free number. */
  PHONE(SupportMode.PHONE, true),
  /** An email message. */
  EMAIL(SupportMode.ONLINE, false),
  /** A web chat. */
  CHAT(SupportMode.ONLINE, false),
  /** An instant message (a messaging app). */
  INSTANT_MESSAGE(SupportMode.ONLINE, false),
  /** A web form or self-service portal. */
  WEB(SupportMode.ONLINE, false),
  /** A video call. */
  VIDEO_CALL(SupportMode.VIDEO, true),
  /** A remote-desktop session the technician opens on the user's screen. */
  REMOTE_SESSION(SupportMode.REMOTE_DESKTOP, true);

  private final SupportMode defaultSupportMode;
  private final boolean live;

  Channel(SupportMode defaultSupportMode, boolean live) {
    this.defaultSupportMode = defaultSupportMode;
    this.live = live;
  }

  /**
   * Returns the support mode a contact on this channel gets unless told otherwise.
   *
   * @return the usual mode for this channel (D-01)
   */
  public SupportMode defaultSupportMode() {
    return defaultSupportMode;
  }

  /**
   * Tells whether a contact on this channel holds a technician's full attention while it lasts (a
   * call, a visit), as opposed to one of several written conversations they may share.
   *
   * @return true for walk-ins, phone and video calls and remote sessions
   */
  public boolean isLive() {
    return live;
  }
}
