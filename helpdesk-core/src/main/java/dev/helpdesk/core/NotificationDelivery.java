package dev.helpdesk.core;

/** When the desk hands stored notifications to the notifier. */
public enum NotificationDelivery {
  /**
   * Right after the change that caused them is stored, on the thread of the command; a failure
   * leaves them pending for {@link HelpDesk#advanceTo}. The default.
   */
  IMMEDIATE,
  /** Only when the host calls {@link HelpDesk#advanceTo}, so commands never wait on a notifier. */
  ON_ADVANCE
}
