package dev.helpdesk.mail;

import dev.helpdesk.model.Notification;
import dev.helpdesk.spi.notify.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the desk asks it to deliver. */
final class RecordingNotifier implements Notifier {
  final List<Notification> delivered = new CopyOnWriteArrayList<>();

  @Override
  public void deliver(Notification notification) {
    delivered.add(notification);
  }
}
