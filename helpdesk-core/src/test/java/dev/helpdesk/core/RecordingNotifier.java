package dev.helpdesk.core;

import dev.helpdesk.model.Notification;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import dev.helpdesk.spi.notify.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what it delivers; can be told to refuse the next deliveries. */
final class RecordingNotifier implements Notifier {
  final List<Notification> delivered = new CopyOnWriteArrayList<>();
  final AtomicInteger refusals = new AtomicInteger();
  final AtomicInteger attempts = new AtomicInteger();

  @Override
  public void deliver(Notification notification) throws Exception {
    attempts.incrementAndGet();
    if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new java.io.IOException("SMTP 451 mailbox busy");
    }
    delivered.add(notification);
  }

  List<Notification> to(Recipient.Kind kind, NotificationKind what) {
    return delivered.stream().filter(n -> n.recipient().kind() == kind && n.kind() == what).toList();
  }

  List<NotificationKind> kindsTo(String recipientId) {
    return delivered.stream().filter(n -> n.recipient().id().equals(recipientId)).map(Notification::kind).toList();
  }
}
