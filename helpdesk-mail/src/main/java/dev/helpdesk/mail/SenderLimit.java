package dev.helpdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The last line of defence against mail loops that carry none of the usual marks (an auto-responder
 * that sets no header, two systems answering each other): a sender whose mails arrive faster than a
 * person writes is stopped. Counts distinct messages by their arrival, so a message offered again is
 * not counted twice.
 */
final class SenderLimit {
  static final Duration WINDOW = Duration.ofHours(1);
  /** Beyond this many senders, those quiet for a whole window are forgotten. */
  private static final int SENDERS_KEPT = 10_000;

  private record Arrival(Instant at, String messageId) {}

  private final int perWindow;
  private final Map<String, Deque<Arrival>> arrivals = new HashMap<>();
  private Instant latest = Instant.MIN;

  SenderLimit(int perWindow) {
    this.perWindow = perWindow;
  }

  /**
   * Counts a message and tells whether its sender is over the limit with it.
   *
   * @param sender the sender's address, lower case
   * @param messageId the message's id
   * @param at when it arrived
   * @return true when this is more than the limit's messages from the sender within the window
   */
  synchronized boolean exceededBy(String sender, String messageId, Instant at) {
    if (at.isAfter(latest)) {
      latest = at;
    }
    Deque<Arrival> recent = arrivals.computeIfAbsent(sender, s -> new ArrayDeque<>());
    for (Arrival arrival : recent) {
      if (arrival.messageId.equals(messageId)) {
        return isBeyondLimit(recent, arrival);
      }
    }
    Instant since = at.minus(WINDOW);
    while (!recent.isEmpty() && recent.peekFirst().at.isBefore(since)) {
      recent.pollFirst();
    }
    recent.addLast(new Arrival(at, messageId));
    if (arrivals.size() > SENDERS_KEPT) {
      forgetQuietSenders();
    }
    return recent.size() > perWindow;
  }

  /** A message seen before keeps the verdict it had: whether more than the limit came before it. */
  private boolean isBeyondLimit(Deque<Arrival> recent, Arrival arrival) {
    int before = 0;
    for (Arrival other : recent) {
      if (other == arrival) {
        break;
      }
      if (!other.at.isBefore(arrival.at.minus(WINDOW))) {
        before++;
      }
    }
    return before >= perWindow;
  }

  private void forgetQuietSenders() {
    Instant since = latest.minus(WINDOW);
    for (Iterator<Deque<Arrival>> it = arrivals.values().iterator(); it.hasNext(); ) {
      Deque<Arrival> recent = it.next();
      if (recent.isEmpty() || recent.peekLast().at.isBefore(since)) {
        it.remove();
      }
    }
  }
}
