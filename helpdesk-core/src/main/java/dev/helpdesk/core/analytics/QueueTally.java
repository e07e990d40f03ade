package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.QueueEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The queue events of a period gathered by contact, then joined with the tickets those contacts
 * opened or continued as the pass goes by (D-21). A contact belongs to the period it was offered in;
 * one offered before the period is left out even if it was answered inside.
 *
 * <p>Half a million contacts are gathered for every report: each one's figures sit in parallel
 * arrays at its position, found through an open-addressing table of positions, so gathering them
 * makes no object per contact.
 */
final class QueueTally {
  private static final int OPENED_TICKET = 1;
  private static final int CONTINUED_TICKET = 2;
  private static final int RESOLVED_AT_FIRST_CONTACT = 4;
  private static final Channel[] CHANNELS = Channel.values();

  private final long from;
  private final long to;
  private final long shortAbandon;
  private final long answerWithin;

  // Contact c's figures, instants in epoch milliseconds; -1 for what did not happen.
  private final ContactReference[] contact;
  /** Each contact's hash, so a probe that meets another contact need not read it. */
  private final int[] hashes;
  private final byte[] channel;
  private final long[] offeredAt;
  private final long[] answeredAt;
  private final long[] answerWait;
  private final long[] abandonedAt;
  private final long[] abandonWait;
  private final byte[] tickets;
  private int size;
  /** Position + 1 of the contact in each slot, 0 when empty; a power of two, at most half full. */
  private final int[] slots;

  private QueueTally(ReportOptions options, int capacity) {
    this.from = options.from().toEpochMilli();
    this.to = options.to().toEpochMilli();
    this.shortAbandon = options.shortAbandon().toMillis();
    this.answerWithin = options.answerWithin().toMillis();
    contact = new ContactReference[capacity];
    hashes = new int[capacity];
    channel = new byte[capacity];
    offeredAt = new long[capacity];
    answeredAt = new long[capacity];
    answerWait = new long[capacity];
    abandonedAt = new long[capacity];
    abandonWait = new long[capacity];
    tickets = new byte[capacity];
    slots = new int[Integer.highestOneBit(Math.max(8, capacity)) << 2];
  }

  /** Gathers the events of the period by contact. */
  static QueueTally of(Stream<QueueEvent> events, ReportOptions options) {
    QueueEvent[] all = events.toArray(QueueEvent[]::new);
    // One contact per event at most, so nothing grows while it fills.
    QueueTally tally = new QueueTally(options, all.length);
    for (QueueEvent event : all) {
      int c = tally.find(event.contact());
      if (c < 0) {
        c = tally.add(event.contact());
      }
      long at = event.at().toEpochMilli();
      long waited = event.waited().toMillis();
      tally.offeredAt[c] = Math.min(tally.offeredAt[c], at - waited);
      switch (event.kind()) {
        case ANSWERED -> {
          tally.answeredAt[c] = at;
          tally.answerWait[c] = waited;
        }
        case ABANDONED -> {
          tally.abandonedAt[c] = at;
          tally.abandonWait[c] = waited;
        }
        case OFFERED -> {
          // Its instant is already the offer.
        }
      }
    }
    return tally;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The position of a contact, or -1. */
  private int find(ContactReference reference) {
    int hash = reference.hashCode();
    int mask = slots.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (hashes[entry - 1] == hash && contact[entry - 1].equals(reference)) {
        return entry - 1;
      }
    }
  }

  private int add(ContactReference reference) {
    int c = size++;
    contact[c] = reference;
    hashes[c] = reference.hashCode();
    channel[c] = (byte) reference.channel().ordinal();
    offeredAt[c] = Long.MAX_VALUE;
    answeredAt[c] = -1;
    abandonedAt[c] = -1;
    int mask = slots.length - 1;
    int slot = mix(hashes[c]) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = c + 1;
    return c;
  }

  private boolean inPeriod(int c) {
    return offeredAt[c] >= from;
  }

  private boolean answered(int c) {
    return answeredAt[c] >= 0;
  }

  /** An answer wins over an abandon reported for the same contact: someone did speak to them. */
  private boolean abandoned(int c) {
    return !answered(c) && abandonedAt[c] >= 0;
  }

  private boolean isShortAbandon(int c) {
    return abandoned(c) && abandonWait[c] < shortAbandon;
  }

  /** Every call abandoned after more than a short wait is a contact the desk missed: traffic too. */
  void addMissedContacts(TrafficTally traffic) {
    for (int c = 0; c < size; c++) {
      if (inPeriod(c) && abandoned(c) && !isShortAbandon(c)) {
        traffic.add(CHANNELS[channel[c]], offeredAt[c]);
      }
    }
  }

  /** Joins a ticket with the queued contacts that opened or continued it. */
  void join(TicketFacts facts) {
    if (size == 0) {
      return;
    }
    Optional<ContactReference> source = facts.ticket.source();
    if (source.isPresent()) {
      int c = find(source.get());
      if (c >= 0) {
        tickets[c] |= OPENED_TICKET | (facts.resolvedAtFirstContact ? RESOLVED_AT_FIRST_CONTACT : 0);
      }
    }
    List<ContactReference> replies = facts.replyContacts;
    for (int i = 0; i < replies.size(); i++) {
      int c = find(replies.get(i));
      if (c >= 0) {
        tickets[c] |= CONTINUED_TICKET;
      }
    }
  }

  QueueReport report(ReportOptions options) {
    long[][] byChannel = new long[CHANNELS.length][];
    long[] all = new long[QueueReport.Stats.FIELDS];
    for (int c = 0; c < size; c++) {
      if (!inPeriod(c)) {
        continue;
      }
      if (byChannel[channel[c]] == null) {
        byChannel[channel[c]] = new long[QueueReport.Stats.FIELDS];
      }
      count(c, byChannel[channel[c]]);
      count(c, all);
    }
    Map<Channel, QueueReport.Stats> channels = new EnumMap<>(Channel.class);
    for (int k = 0; k < CHANNELS.length; k++) {
      if (byChannel[k] != null) {
        channels.put(CHANNELS[k], QueueReport.Stats.of(byChannel[k]));
      }
    }
    return new QueueReport(options.from(), options.to(), options.answerWithin(), options.shortAbandon(),
        options.queueInterval(), QueueReport.Stats.of(all), channels, intervals(options.queueInterval().toMillis()));
  }

  private void count(int c, long[] stats) {
    stats[QueueReport.Stats.OFFERED]++;
    if (answered(c)) {
      stats[QueueReport.Stats.ANSWERED]++;
      stats[QueueReport.Stats.WAIT_ANSWERED] += answerWait[c];
      stats[QueueReport.Stats.LONGEST_WAIT] = Math.max(stats[QueueReport.Stats.LONGEST_WAIT], answerWait[c]);
      if (answerWait[c] <= answerWithin) {
        stats[QueueReport.Stats.ANSWERED_IN_TIME]++;
      }
      if ((tickets[c] & OPENED_TICKET) != 0) {
        stats[QueueReport.Stats.OPENED_TICKET]++;
        if ((tickets[c] & RESOLVED_AT_FIRST_CONTACT) != 0) {
          stats[QueueReport.Stats.RESOLVED_AT_FIRST_CONTACT]++;
        }
      } else if ((tickets[c] & CONTINUED_TICKET) != 0) {
        stats[QueueReport.Stats.CONTINUED_TICKET]++;
      }
    } else if (abandoned(c)) {
      stats[QueueReport.Stats.LONGEST_WAIT] = Math.max(stats[QueueReport.Stats.LONGEST_WAIT], abandonWait[c]);
      if (isShortAbandon(c)) {
        stats[QueueReport.Stats.SHORT_ABANDONED]++;
      } else {
        stats[QueueReport.Stats.ABANDONED]++;
        if (abandonWait[c] <= answerWithin) {
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
    long[] moves = new long[size * 2];
    int m = 0;
    for (int c = 0; c < size; c++) {
      if (!inPeriod(c)) {
        continue;
      }
      long enter = offeredAt[c];
      long exit = answered(c) ? answeredAt[c] : abandoned(c) ? abandonedAt[c] : to;
      exit = Math.min(Math.max(exit, enter), to);
      int first = (int) ((enter - from) / length);
      offered[first]++;
      if (answered(c) && answeredAt[c] < to) {
        answered[(int) ((answeredAt[c] - from) / length)]++;
      } else if (abandoned(c) && !isShortAbandon(c) && abandonedAt[c] < to) {
        abandoned[(int) ((abandonedAt[c] - from) / length)]++;
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
