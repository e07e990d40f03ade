package dev.helpdesk.routing;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.TechnicianId;
import java.util.ArrayList;
import java.util.List;

/**
 * A technician as the router sees them: tier, skill levels by skill number, support modes, capacity
 * in units per channel, load, and their places in the pools they belong to.
 */
final class Tech {
  /** A technician's whole capacity; a ticket on a channel with limit n takes {@code UNITS / n}. */
  static final int UNITS = 1 << 20;
  private static final Channel[] ALL_CHANNELS = Channel.values();
  static final int CHANNELS = ALL_CHANNELS.length;

  final TechnicianId id;
  int tier;
  /** Skill levels by skill number; 0 for a skill not held. */
  byte[] levels = new byte[0];
  int[] skills = new int[0];
  /** Support modes as bits by ordinal. */
  int modes;
  /** Units one ticket of each channel takes; more than {@link #UNITS} where the limit is 0. */
  final int[] weight = new int[CHANNELS];
  Availability availability;
  int used;
  int items;
  long stamp;
  int missedOffers;
  final List<Waiting> assignments = new ArrayList<>(4);
  /** Tickets held for this technician by affinity. */
  final Queue held = new Queue();
  /** One node per pool: by channel (while it has room for one), by skill, by mode. */
  Node[] nodes = new Node[0];

  Tech(TechnicianId id) {
    this.id = id;
  }

  int level(int skill) {
    return skill < levels.length ? levels[skill] : 0;
  }

  boolean fits(int channel) {
    return used + weight[channel] <= UNITS;
  }

  /** Whether there is room for any live channel ({@code live}) or any written one. */
  boolean hasRoomFor(boolean live) {
    for (Channel channel : ALL_CHANNELS) {
      if (channel.isLive() == live && fits(channel.ordinal())) {
        return true;
      }
    }
    return false;
  }
}
