package dev.helpdesk.routing;

import java.util.Arrays;

/**
 * The needs of one tier that start with one skill (or need none), with each one's queue head kept
 * in flat arrays: a freed technician compares heads and checks channel, mode and first-skill level
 * by reading a few contiguous arrays, and follows a reference only for a head that would win.
 */
final class NeedList {
  /** Per need, three longs: the head's key, the head's sequence, and the need packed (see {@link #pack}). */
  private static final int STRIDE = 3;

  private final int skill;
  private Need[] needs = new Need[4];
  /** The head of each need's queue, so a winner is read without going through its queue. */
  private Waiting[] heads = new Waiting[4];
  private long[] data = new long[4 * STRIDE];
  private int size;

  /** {@code skill}: the first skill of every need here, or -1 for needs of no skill. */
  NeedList(int skill) {
    this.skill = skill;
  }

  int size() {
    return size;
  }

  void add(Need need) {
    if (size == needs.length) {
      needs = Arrays.copyOf(needs, size * 2);
      heads = Arrays.copyOf(heads, size * 2);
      data = Arrays.copyOf(data, size * 2 * STRIDE);
    }
    int i = size++;
    needs[i] = need;
    data[i * STRIDE + 2] = pack(need);
    need.list = this;
    need.index = i;
    headChanged(need);
  }

  /** Channel in bits 0-7, mode + 1 in 8-15, first skill's level in 16-23, bit 24 if more skills. */
  private static long pack(Need need) {
    int level = need.skills.length == 0 ? 0 : need.levels[0];
    return need.channel | (long) (need.mode + 1) << 8 | (long) level << 16 | (need.skills.length > 1 ? 1L << 24 : 0);
  }

  /** Copies the head of a need's queue into the arrays; call after its queue changes. */
  void headChanged(Need need) {
    Waiting head = need.queue.peek();
    int at = need.index * STRIDE;
    heads[need.index] = head;
    data[at] = head == null ? Long.MAX_VALUE : need.queue.peekKey();
    data[at + 1] = head == null ? Long.MAX_VALUE : head.sequence;
    // A queued ticket's refusals do not change while it waits, so they are noted with its place.
    long packed = data[at + 2] & ~REFUSED;
    data[at + 2] = head != null && !head.refusedBy.isEmpty() ? packed | REFUSED : packed;
  }

  /** Set in the packed word while the head was refused by a technician before. */
  private static final long REFUSED = 1L << 25;

  /**
   * The best head of these needs' queues that the technician can take and that beats {@code best},
   * or {@code best}.
   */
  Waiting best(Tech tech, Waiting best) {
    long bestKey = best == null ? Long.MAX_VALUE : best.key;
    long bestSequence = best == null ? Long.MAX_VALUE : best.sequence;
    int level = skill < 0 ? 0 : tech.level(skill);
    long[] d = data;
    for (int i = 0, at = 0; i < size; i++, at += STRIDE) {
      long key = d[at];
      if (key > bestKey || (key == bestKey && d[at + 1] >= bestSequence)) {
        continue;
      }
      long packed = d[at + 2];
      int mode = (int) (packed >>> 8 & 0xff) - 1;
      if (level < (int) (packed >>> 16 & 0xff) || !tech.fits((int) (packed & 0xff))
          || (mode >= 0 && (tech.modes & (1 << mode)) == 0)
          || ((packed & 1L << 24) != 0 && !needs[i].isMetBy(tech))) {
        continue;
      }
      Waiting head = heads[i];
      if ((packed & REFUSED) != 0 && head.refusedBy.contains(tech)) {
        // Rare: the technician refused the first; the best of the rest may still win.
        Waiting other = needs[i].queue.firstNotRefusedBy(tech);
        if (other != null && (other.key < bestKey || (other.key == bestKey && other.sequence < bestSequence))) {
          best = other;
          bestKey = other.key;
          bestSequence = other.sequence;
        }
        continue;
      }
      best = head;
      bestKey = key;
      bestSequence = d[at + 1];
    }
    return best;
  }
}
