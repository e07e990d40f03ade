package dev.helpdesk.core.memory;

import dev.helpdesk.model.TicketId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The stored tickets of an {@link InMemoryTicketStore} by id. Ids the store issued itself ({@code
 * HD-17}) sit in fixed-size chunks indexed by their number, so the table never rehashes or copies
 * entries as it grows and a lookup is two array reads; any other id (a ticket the host created
 * under an id of its own) goes to a hash map. Reads take no lock and see the latest write; writes
 * happen under the store's write lock.
 */
final class TicketTable {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(History[].class);

  private final String prefix;
  /** Grown (copied) under the write lock when a new chunk is needed; chunks themselves never move. */
  private volatile History[][] chunks = new History[16][];
  private final ConcurrentHashMap<TicketId, History> others = new ConcurrentHashMap<>();
  /** The highest number issued; a number above it is not the store's and goes to {@link #others}. */
  private final AtomicLong issued = new AtomicLong();

  TicketTable(String prefix) {
    this.prefix = prefix;
  }

  /** Issues the next number; numbers are issued once, in order. */
  long issue() {
    return issued.incrementAndGet();
  }

  History get(TicketId id) {
    long n = number(id);
    if (n > 0) {
      History[][] all = chunks;
      int chunk = (int) (n >>> CHUNK_BITS);
      if (chunk < all.length && all[chunk] != null) {
        History found = (History) SLOT.getAcquire(all[chunk], (int) (n & (CHUNK - 1)));
        if (found != null) {
          return found;
        }
      }
    }
    return others.isEmpty() ? null : others.get(id);
  }

  /** Stores a ticket's newest version; call under the write lock. */
  void put(TicketId id, History entry) {
    long n = number(id);
    if (n <= 0 || !others.isEmpty() && others.containsKey(id)) {
      others.put(id, entry);
      return;
    }
    int chunk = (int) (n >>> CHUNK_BITS);
    History[][] all = chunks;
    if (chunk >= all.length) {
      all = Arrays.copyOf(all, Math.max(chunk + 1, all.length * 2));
    }
    if (all[chunk] == null) {
      all[chunk] = new History[CHUNK];
    }
    // Fill the chunk before publishing a grown outer array, so a reader of it finds the chunk.
    SLOT.setRelease(all[chunk], (int) (n & (CHUNK - 1)), entry);
    if (all != chunks) {
      chunks = all;
    }
  }

  /** Removes a ticket; call under the write lock. */
  History remove(TicketId id) {
    History removed = others.remove(id);
    if (removed != null) {
      return removed;
    }
    long n = number(id);
    if (n <= 0) {
      return null;
    }
    History[][] all = chunks;
    int chunk = (int) (n >>> CHUNK_BITS);
    if (chunk >= all.length || all[chunk] == null) {
      return null;
    }
    return (History) SLOT.getAndSetRelease(all[chunk], (int) (n & (CHUNK - 1)), (History) null);
  }

  /** Every stored ticket, numbered ones in number order, then the others. */
  Stream<History> values() {
    History[][] all = chunks;
    Stream<History> numbered = Arrays.stream(all)
        .filter(Objects::nonNull)
        .flatMap(chunk -> IntStream.range(0, CHUNK).mapToObj(i -> (History) SLOT.getAcquire(chunk, i)))
        .filter(Objects::nonNull);
    return Stream.concat(numbered, others.values().stream());
  }

  /**
   * The number of an id the store issued: the prefix, then a number without leading zeros no
   * higher than the highest issued; otherwise 0.
   */
  private long number(TicketId id) {
    String value = id.value();
    int digits = value.length() - prefix.length();
    if (digits < 1 || digits > 18 || !value.startsWith(prefix) || value.charAt(prefix.length()) == '0') {
      return 0;
    }
    long n = 0;
    for (int i = prefix.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n <= issued.get() ? n : 0;
  }
}
