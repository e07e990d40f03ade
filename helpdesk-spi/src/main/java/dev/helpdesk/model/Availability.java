package dev.helpdesk.model;

/** Whether a technician can take work now. */
public enum Availability {
  /** Ready for new work. */
  AVAILABLE,
  /** Signed in, but at capacity. */
  BUSY,
  /** Signed in, temporarily not taking work. */
  AWAY,
  /** Finishing the paperwork of a contact; takes new work when done. */
  WRAP_UP,
  /** Signed out. */
  OFFLINE
}
