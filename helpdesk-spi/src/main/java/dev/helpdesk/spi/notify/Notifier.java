package dev.helpdesk.spi.notify;

import dev.helpdesk.model.Notification;

/**
 * Delivers notifications to people: by email, SMS, chat, a webhook. The desk calls it only after
 * the change that caused a notification is stored, and retries with back-off when it throws, so a
 * notifier may be unreliable but must not pretend: it returns normally only once the message is
 * accepted for delivery.
 *
 * <p>Delivery is at least once. A notifier that must not send a message twice drops a repeated
 * {@link Notification#id()}.
 *
 * <p>Notifiers may be discovered with {@link java.util.ServiceLoader}; the desk uses the one with
 * the highest {@link #priority()}.
 */
public interface Notifier {
  /**
   * Delivers one notification.
   *
   * @param notification the message, rendered in the recipient's language
   * @throws Exception if it was not delivered; it will be retried
   */
  void deliver(Notification notification) throws Exception;

  /**
   * Returns this notifier's priority among discovered ones.
   *
   * @return higher wins; 0 by default
   */
  default int priority() {
    return 0;
  }
}
