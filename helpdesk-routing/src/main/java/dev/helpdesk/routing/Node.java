package dev.helpdesk.routing;

/** A technician's place in one pool: a link in the pool's list for the technician's rank. */
final class Node {
  final Tech tech;
  final Pool pool;
  /** Set for a node of a channel pool: the technician belongs only while it has room for one. */
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
