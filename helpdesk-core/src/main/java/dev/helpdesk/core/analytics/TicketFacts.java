package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one ticket's history says for a report period, read in a single walk over its events and
 * shared by every report, so no report walks the history again. One instance is reused for every
 * ticket of a pass; instants are epoch milliseconds.
 *
 * <p>A <em>solution</em> is a {@code Resolved} event, or a {@code ReturnedForFollowUp} one in which a
 * higher tier found the solution and passed it to the first line (D-14). Its handle time is the time
 * the ticket spent in progress at the tier that solved it, since the previous solution or escalation;
 * a solution at first contact without any time in progress counts the contact itself, from arrival to
 * solution.
 */
final class TicketFacts {
  final long from;
  final long to;
  private final SlaCheck sla;

  Ticket ticket;
  List<TicketEvent> history;
  long entered;
  boolean openedInPeriod;

  /** Contacts that reached the desk in the period: the opening one and replies through a channel. */
  int contacts;
  long[] contactAt = new long[4];
  Channel[] contactChannel = new Channel[4];
  /** The channel references of replies in the period, to join them with queue events. */
  final List<ContactReference> replyContacts = new ArrayList<>(2);

  boolean escalated;
  boolean handedOff;
  boolean resolved;
  boolean resolvedAtFirstContact;
  /** When the first solution was given, at any time; -1 when none was. */
  long firstResolvedAt;
  Instant firstResolvedInstant;
  /** The knowledge-base article of the latest solution, if it used one. */
  ArticleId lastArticle;

  /** Solutions given in the period. */
  int solutions;
  long[] solutionAt = new long[4];
  Actor[] solver = new Actor[4];
  Tier[] solutionTier = new Tier[4];
  boolean[] solutionFirstContact = new boolean[4];
  boolean[] solutionIsResolve = new boolean[4];
  long[] handleMillis = new long[4];
  boolean[] reopenedAfter = new boolean[4];

  /** The status and tier when the period ended; status null when the ticket was not entered yet. */
  TicketStatus statusAtEnd;
  Tier tierAtEnd;

  /** The latest rating given in the period, 0 when none was. */
  int rating;

  private SlaCheck.Outcome slaOutcome;

  TicketFacts(long from, long to, SlaCheck sla) {
    this.from = from;
    this.to = to;
    this.sla = sla;
  }

  boolean inPeriod(long at) {
    return at >= from && at < to;
  }

  /** Reads one ticket; everything known about the previous one is forgotten. */
  void read(Ticket ticket, List<TicketEvent> history) {
    this.ticket = ticket;
    this.history = history;
    entered = ticket.entered().toEpochMilli();
    openedInPeriod = inPeriod(entered);
    contacts = 0;
    replyContacts.clear();
    escalated = false;
    handedOff = false;
    resolved = false;
    resolvedAtFirstContact = false;
    firstResolvedAt = -1;
    firstResolvedInstant = null;
    lastArticle = null;
    solutions = 0;
    rating = 0;
    slaOutcome = null;
    statusAtEnd = null;
    tierAtEnd = null;

    TicketStatus status = null;
    long since = entered;
    long worked = 0;
    // Solutions since the last reopen: a reopen counts against each of them (finder and deliverer).
    int sinceReopen = 0;
    boolean sawEventBeforeEnd = false;
    for (int i = 0, n = history.size(); i < n; i++) {
      TicketEvent event = history.get(i);
      long at = event.at().toEpochMilli();
      if (status == TicketStatus.IN_PROGRESS) {
        worked += at - since;
      }
      since = at;
      status = event.to();
      if (at < to) {
        sawEventBeforeEnd = true;
        statusAtEnd = status;
        tierAtEnd = event.tier();
      }
      TicketEvent.Change change = event.change();
      if (change instanceof TicketEvent.Opened opened) {
        if (inPeriod(at)) {
          addContact(at, opened.channel());
        }
      } else if (change instanceof TicketEvent.CustomerReplied replied) {
        if (replied.contact().isPresent() && inPeriod(at)) {
          ContactReference contact = replied.contact().get();
          addContact(at, contact.channel());
          replyContacts.add(contact);
        }
      } else if (change instanceof TicketEvent.Resolved done) {
        boolean firstContact = done.resolution().firstContact();
        lastArticle = done.resolution().article().orElse(null);
        resolved = true;
        resolvedAtFirstContact |= firstContact;
        if (firstResolvedAt < 0) {
          firstResolvedAt = at;
          firstResolvedInstant = event.at();
        }
        long handle = worked;
        if (handle == 0 && firstContact) {
          handle = Math.max(0, at - entered);
        }
        worked = 0;
        if (inPeriod(at)) {
          addSolution(at, done.resolution().resolvedBy(), event.tier(), firstContact, true, handle);
        }
      } else if (change instanceof TicketEvent.ReturnedForFollowUp returned) {
        if (inPeriod(at)) {
          addSolution(at, event.actor(), returned.fromTier(), false, false, worked);
        }
        worked = 0;
      } else if (change instanceof TicketEvent.Escalated) {
        escalated = true;
        // The next tier's solution is timed from here: the lower tier's work is not theirs.
        worked = 0;
      } else if (change instanceof TicketEvent.HandedOff) {
        handedOff = true;
      } else if (change instanceof TicketEvent.Reopened) {
        for (int s = sinceReopen; s < solutions; s++) {
          reopenedAfter[s] = true;
        }
        sinceReopen = solutions;
      } else if (change instanceof TicketEvent.Rated rated) {
        if (inPeriod(at)) {
          rating = rated.score();
        }
      }
    }
    if (!sawEventBeforeEnd && entered < to) {
      // A ticket stored without history (imported, or written straight to the store) stands as it is.
      statusAtEnd = history.isEmpty() ? ticket.status() : TicketStatus.NEW;
      tierAtEnd = ticket.tier();
    }
  }

  private void addContact(long at, Channel channel) {
    if (contacts == contactAt.length) {
      contactAt = Arrays.copyOf(contactAt, contacts * 2);
      contactChannel = Arrays.copyOf(contactChannel, contacts * 2);
    }
    contactAt[contacts] = at;
    contactChannel[contacts] = channel;
    contacts++;
  }

  private void addSolution(long at, Actor by, Tier tier, boolean firstContact, boolean isResolve, long handle) {
    if (solutions == solutionAt.length) {
      int size = solutions * 2;
      solutionAt = Arrays.copyOf(solutionAt, size);
      solver = Arrays.copyOf(solver, size);
      solutionTier = Arrays.copyOf(solutionTier, size);
      solutionFirstContact = Arrays.copyOf(solutionFirstContact, size);
      solutionIsResolve = Arrays.copyOf(solutionIsResolve, size);
      handleMillis = Arrays.copyOf(handleMillis, size);
      reopenedAfter = Arrays.copyOf(reopenedAfter, size);
    }
    solutionAt[solutions] = at;
    solver[solutions] = by;
    solutionTier[solutions] = tier;
    solutionFirstContact[solutions] = firstContact;
    solutionIsResolve[solutions] = isResolve;
    handleMillis[solutions] = handle;
    reopenedAfter[solutions] = false;
    solutions++;
  }

  /** Whether the ticket's first solution came in the period: it counts once towards time to resolve and SLA. */
  boolean firstResolvedInPeriod() {
    return firstResolvedAt >= 0 && inPeriod(firstResolvedAt);
  }

  /** Whether the first line could solve it: resolved without escalation or hand-off. */
  boolean level1Resolvable() {
    return resolved && !escalated && !handedOff;
  }

  /** Whether the ticket still needed work when the period ended: open, and not awaiting confirmation of a solution. */
  boolean inBacklogAtEnd() {
    return isBacklog(statusAtEnd);
  }

  static boolean isBacklog(TicketStatus status) {
    return status != null && status.isOpen() && status != TicketStatus.RESOLVED;
  }

  /** The SLA outcome of a ticket first resolved in the period, asked of the check once per ticket. */
  SlaCheck.Outcome slaOutcome() {
    if (slaOutcome == null) {
      SlaCheck.Outcome outcome = sla.outcome(ticket, history);
      slaOutcome = outcome == null ? SlaCheck.Outcome.NOT_TRACKED : outcome;
    }
    return slaOutcome;
  }
}
