package dev.helpdesk.routing;

/** A technician's place in one pool: a link in the pool's list for the technician's rank. */
final class Node {
  final Tech tech;
  final Pool pool;
  /**
   * Which room the pool stands for: {@code IndexedRouter.LIVE} or {@code WRITTEN} for the pools of
   * technicians with room for a live or a written channel, -1 for a skill or mode pool (any room).
   */
  final int channel;
  Node previous;
  Node next;
  int rank = -1;

  Node(Tech tech, Pool pool, int channel) {
    this.tech = tech;
    this.pool = pool;
    this.channel = channel;
  }

  boolean linked() {
    return rank >= 0;
  }
}
