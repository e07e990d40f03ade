package dev.helpdesk.core;

import dev.helpdesk.kb.bulletin.BulletinMatcher;
import dev.helpdesk.model.Bulletin;
import dev.helpdesk.spi.store.KnowledgeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bulletins front line sees (D-12), read from the knowledge store at most once per {@link
 * #FRESHNESS} of desk time, so that intake does not query the store for every ticket; the desk
 * drops the copy whenever it changes a bulletin itself. Another node's change is seen within {@link
 * #FRESHNESS}.
 */
final class ActiveBulletins {
  /** How long a read of the active bulletins is trusted. */
  static final Duration FRESHNESS = Duration.ofSeconds(1);

  private record Read(Instant at, List<Bulletin> bulletins) {}

  private final KnowledgeStore store;
  private volatile Read last;

  ActiveBulletins(KnowledgeStore store) {
    this.store = store;
  }

  /** The bulletins active at an instant, the most recent first. */
  List<Bulletin> at(Instant now) {
    Read read = last;
    if (read == null || now.isBefore(read.at()) || !now.isBefore(read.at().plus(FRESHNESS))) {
      // A bulletin that starts after this read is seen by the next one, at most FRESHNESS later.
      read = new Read(now, store.activeBulletins(now));
      last = read;
      return read.bulletins();
    }
    if (read.bulletins().isEmpty()) {
      return read.bulletins();
    }
    List<Bulletin> active = new ArrayList<>(read.bulletins().size());
    for (Bulletin bulletin : read.bulletins()) {
      if (bulletin.isActiveAt(now)) {
        active.add(bulletin);
      }
    }
    return active;
  }

  /** The active bulletin a ticket's text is about, if any. */
  Optional<Bulletin> about(String text, Instant now) {
    List<Bulletin> active = at(now);
    return active.isEmpty() ? Optional.empty() : BulletinMatcher.firstMatch(text, active);
  }

  /** Forgets the last read: the desk has just changed a bulletin. */
  void changed() {
    last = null;
  }
}
