package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.QueueEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The queue events of a period gathered by contact, then joined with the tickets those contacts
 * opened or continued as the pass goes by (D-21). A contact belongs to the period it was offered in;
 * one offered before the period is left out even if it was answered inside.
 */
final class QueueTally {
  /** One contact's time in the queue; instants in epoch milliseconds. */
  private static final class Contact {
    final Channel channel;
    long offeredAt = Long.MAX_VALUE;
    long answeredAt = -1;
    long answerWait;
    long abandonedAt = -1;
    long abandonWait;
    boolean openedTicket;
    boolean continuedTicket;
    boolean resolvedAtFirstContact;

    Contact(Channel channel) {
      this.channel = channel;
    }

    boolean answered() {
      return answeredAt >= 0;
    }

    /** An answer wins over an abandon reported for the same contact: someone did speak to them. */
    boolean abandoned() {
      return !answered() && abandonedAt >= 0;
    }
  }

  private final long from;
  private final long to;
  private final long shortAbandon;
  private final long answerWithin;
  private final Map<ContactReference, Contact> contacts;

  private QueueTally(long from, long to, long shortAbandon, long answerWithin, Map<ContactReference, Contact> contacts) {
    this.from = from;
    this.to = to;
    this.shortAbandon = shortAbandon;
    this.answerWithin = answerWithin;
    this.contacts = contacts;
  }

  /** Gathers the events of the period by contact. */
  static QueueTally of(Stream<QueueEvent> events, ReportOptions options) {
    long from = options.from().toEpochMilli();
    long to = options.to().toEpochMilli();
    QueueEvent[] all = events.toArray(QueueEvent[]::new);
    // Sized for one contact per event at most, so the table never grows while it fills.
    Map<ContactReference, Contact> byContact = new HashMap<>(all.length * 4 / 3 + 16);
    for (QueueEvent event : all) {
      Contact contact = byContact.get(event.contact());
      if (contact == null) {
        contact = new Contact(event.contact().channel());
        byContact.put(event.contact(), contact);
      }
      long at = event.at().toEpochMilli();
      long waited = event.waited().toMillis();
      contact.offeredAt = Math.min(contact.offeredAt, at - waited);
      switch (event.kind()) {
        case ANSWERED -> {
          contact.answeredAt = at;
          contact.answerWait = waited;
        }
        case ABANDONED -> {
          contact.abandonedAt = at;
          contact.abandonWait = waited;
        }
        case OFFERED -> {
          // Its instant is already the offer.
        }
      }
    }
    byContact.values().removeIf(contact -> contact.offeredAt < from);
    return new QueueTally(from, to, options.shortAbandon().toMillis(), options.answerWithin().toMillis(), byContact);
  }

  private boolean isShortAbandon(Contact contact) {
    return contact.abandoned() && contact.abandonWait < shortAbandon;
  }

  /** Every call abandoned after more than a short wait is a contact the desk missed: traffic too. */
  void addMissedContacts(TrafficTally traffic) {
    for (Contact contact : contacts.values()) {
      if (contact.abandoned() && !isShortAbandon(contact)) {
        traffic.add(contact.channel, contact.offeredAt);
      }
    }
  }

  /** Joins a ticket with the queued contacts that opened or continued it. */
  void join(TicketFacts facts) {
    if (contacts.isEmpty()) {
      return;
    }
    Optional<ContactReference> source = facts.ticket.source();
    if (source.isPresent()) {
      Contact contact = contacts.get(source.get());
      if (contact != null) {
        contact.openedTicket = true;
        contact.resolvedAtFirstContact = facts.resolvedAtFirstContact;
      }
    }
    List<ContactReference> replies = facts.replyContacts;
    for (int i = 0; i < replies.size(); i++) {
      Contact contact = contacts.get(replies.get(i));
      if (contact != null) {
        contact.continuedTicket = true;
      }
    }
  }

  QueueReport report(ReportOptions options) {
    Map<Channel, long[]> byChannel = new EnumMap<>(Channel.class);
    long[] all = new long[QueueReport.Stats.FIELDS];
    for (Contact contact : contacts.values()) {
      long[] stats = byChannel.computeIfAbsent(contact.channel, c -> new long[QueueReport.Stats.FIELDS]);
      count(contact, stats);
      count(contact, all);
    }
    Map<Channel, QueueReport.Stats> channels = new EnumMap<>(Channel.class);
    byChannel.forEach((channel, stats) -> channels.put(channel, QueueReport.Stats.of(stats)));
    return new QueueReport(options.from(), options.to(), options.answerWithin(), options.shortAbandon(),
        options.queueInterval(), QueueReport.Stats.of(all), channels, intervals(options.queueInterval().toMillis()));
  }

  private void count(Contact contact, long[] stats) {
    stats[QueueReport.Stats.OFFERED]++;
    if (contact.answered()) {
      stats[QueueReport.Stats.ANSWERED]++;
      stats[QueueReport.Stats.WAIT_ANSWERED] += contact.answerWait;
      stats[QueueReport.Stats.LONGEST_WAIT] = Math.max(stats[QueueReport.Stats.LONGEST_WAIT], contact.answerWait);
      if (contact.answerWait <= answerWithin) {
        stats[QueueReport.Stats.ANSWERED_IN_TIME]++;
      }
      if (contact.openedTicket) {
        stats[QueueReport.Stats.OPENED_TICKET]++;
        if (contact.resolvedAtFirstContact) {
          stats[QueueReport.Stats.RESOLVED_AT_FIRST_CONTACT]++;
        }
      } else if (contact.continuedTicket) {
        stats[QueueReport.Stats.CONTINUED_TICKET]++;
      }
    } else if (contact.abandoned()) {
      stats[QueueReport.Stats.LONGEST_WAIT] = Math.max(stats[QueueReport.Stats.LONGEST_WAIT], contact.abandonWait);
      if (isShortAbandon(contact)) {
        stats[QueueReport.Stats.SHORT_ABANDONED]++;
      } else {
        stats[QueueReport.Stats.ABANDONED]++;
        if (contact.abandonWait <= answerWithin) {
          stats[QueueReport.Stats.ABANDONED_IN_TIME]++;
        }
      }
    } else {
      stats[QueueReport.Stats.WAITING]++;
    }
  }

  /**
   * Sorts the moves by time: first by interval, with one counting pass, then each interval's few
   * moves on their own, which is much cheaper than sorting them all at once.
   */
  private static long[] inTimeOrder(long[] moves, int m, long length, int count) {
    int[] starts = new int[count + 1];
    for (int i = 0; i < m; i++) {
      starts[bucket(moves[i], length, count) + 1]++;
    }
    for (int b = 0; b < count; b++) {
      starts[b + 1] += starts[b];
    }
    long[] sorted = new long[m];
    int[] next = Arrays.copyOf(starts, count);
    for (int i = 0; i < m; i++) {
      sorted[next[bucket(moves[i], length, count)]++] = moves[i];
    }
    for (int b = 0; b < count; b++) {
      Arrays.sort(sorted, starts[b], starts[b + 1]);
    }
    return sorted;
  }

  /** The interval of a move; an exit at the period's very end goes into the last one. */
  private static int bucket(long move, long length, int count) {
    return (int) Math.min(count - 1, (move >> 1) / length);
  }

  /**
   * Queue length per interval: the mean (time-weighted number waiting) from each contact's overlap
   * with the interval, and the maximum from one sweep over every entry and exit in time order.
   */
  private List<QueueReport.Interval> intervals(long length) {
    int count = (int) Math.max(1, (to - from + length - 1) / length);
    double[] waitingTime = new double[count];
    int[] max = new int[count];
    long[] offered = new long[count];
    long[] answered = new long[count];
    long[] abandoned = new long[count];
    // Exits sort before entries at the same instant: one leaving as another arrives is never two waiting.
    long[] moves = new long[contacts.size() * 2];
    int m = 0;
    for (Contact contact : contacts.values()) {
      long enter = contact.offeredAt;
      long exit = contact.answered() ? contact.answeredAt : contact.abandoned() ? contact.abandonedAt : to;
      exit = Math.min(Math.max(exit, enter), to);
      int first = (int) ((enter - from) / length);
      offered[first]++;
      if (contact.answered() && contact.answeredAt < to) {
        answered[(int) ((contact.answeredAt - from) / length)]++;
      } else if (contact.abandoned() && !isShortAbandon(contact) && contact.abandonedAt < to) {
        abandoned[(int) ((contact.abandonedAt - from) / length)]++;
      }
      for (int b = first; b < count && from + b * length < exit; b++) {
        long start = Math.max(enter, from + b * length);
        long end = Math.min(exit, from + (b + 1) * length);
        waitingTime[b] += end - start;
      }
      if (exit > enter) {
        moves[m++] = (enter - from) * 2 + 1;
        moves[m++] = (exit - from) * 2;
      }
    }
    moves = inTimeOrder(moves, m, length, count);
    int waiting = 0;
    for (int i = 0; i < m; i++) {
      long at = moves[i] >> 1;
      boolean entry = (moves[i] & 1) == 1;
      waiting += entry ? 1 : -1;
      if (entry) {
        int bucket = (int) Math.min(count - 1, at / length);
        max[bucket] = Math.max(max[bucket], waiting);
      }
    }
    // A queue carried over from one interval into the next counts towards the next one's maximum.
    waiting = 0;
    int next = 0;
    for (int b = 0; b < count; b++) {
      long start = b * length;
      // Waiting at the interval's first instant: everyone who came before it, less those who left by then.
      while (next < m && ((moves[next] >> 1) < start || (moves[next] >> 1) == start && (moves[next] & 1) == 0)) {
        waiting += (moves[next] & 1) == 1 ? 1 : -1;
        next++;
      }
      max[b] = Math.max(max[b], waiting);
    }
    QueueReport.Interval[] out = new QueueReport.Interval[count];
    for (int b = 0; b < count; b++) {
      long start = from + b * length;
      long end = Math.min(to, start + length);
      out[b] = new QueueReport.Interval(Instant.ofEpochMilli(start), waitingTime[b] / (end - start), max[b],
          offered[b], answered[b], abandoned[b]);
    }
    return List.of(out);
  }
}
