package dev.helpdesk.core;

import dev.helpdesk.model.Notification;
import dev.helpdesk.spi.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier a desk uses when none is configured or discovered: it writes each notification to
 * the {@code dev.helpdesk.notifications} logger at INFO. Useful to start with and in tests; replace
 * it with one that reaches people.
 */
public final class LoggingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("dev.helpdesk.notifications");

  /** Creates the notifier. */
  public LoggingNotifier() {}

  @Override
  public void deliver(Notification n) {
    if (LOG.isInfoEnabled()) {
      LOG.info("{} to {} {} <{}>: {}", n.kind(), n.recipient().kind(), n.recipient().name(), n.recipient().address(),
          n.subject());
    }
  }

  /** Lowest priority: any discovered notifier wins over this one. */
  @Override
  public int priority() {
    return Integer.MIN_VALUE;
  }
}
