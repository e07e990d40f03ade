package dev.helpdesk.routing;

/**
 * Technicians of one tier who share one trait (room for a channel, a skill, a support mode), in the
 * policy's order: by rank (load level, idleness), then in the order they reached that rank. One
 * list per rank and a bit per non-empty rank, so the best is found without looking at the others
 * and a technician changes place in constant time.
 */
final class Pool {
  static final int RANKS = 128;

  private final Node[] heads = new Node[RANKS];
  private final Node[] tails = new Node[RANKS];
  private long lowRanks;
  private long highRanks;
  private int size;

  int size() {
    return size;
  }

  void append(Node node, int rank) {
    node.rank = rank;
    node.next = null;
    node.previous = tails[rank];
    if (tails[rank] == null) {
      heads[rank] = node;
      if (rank < 64) {
        lowRanks |= 1L << rank;
      } else {
        highRanks |= 1L << (rank - 64);
      }
    } else {
      tails[rank].next = node;
    }
    tails[rank] = node;
    size++;
  }

  void unlink(Node node) {
    int rank = node.rank;
    if (node.previous == null) {
      heads[rank] = node.next;
    } else {
      node.previous.next = node.next;
    }
    if (node.next == null) {
      tails[rank] = node.previous;
    } else {
      node.next.previous = node.previous;
    }
    if (heads[rank] == null) {
      if (rank < 64) {
        lowRanks &= ~(1L << rank);
      } else {
        highRanks &= ~(1L << (rank - 64));
      }
    }
    node.previous = null;
    node.next = null;
    node.rank = -1;
    size--;
  }

  /** The first node of the lowest non-empty rank at or above {@code rank}, or {@code null}. */
  Node firstFrom(int rank) {
    if (rank < 64) {
      long low = lowRanks & (-1L << rank);
      if (low != 0) {
        return heads[Long.numberOfTrailingZeros(low)];
      }
      rank = 64;
    }
    if (rank >= RANKS) {
      return null;
    }
    long high = highRanks & (-1L << (rank - 64));
    return high == 0 ? null : heads[64 + Long.numberOfTrailingZeros(high)];
  }

  /** The node after {@code node} in policy order, or {@code null}. */
  Node after(Node node) {
    return node.next != null ? node.next : firstFrom(node.rank + 1);
  }
}
