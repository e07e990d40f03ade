package dev.helpdesk.routing;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.SupportMode;
import java.util.Arrays;

/**
 * What a technician must have to take a ticket: skills at least at given levels, a support mode
 * (or any), room for its channel, at one tier. Interned per router, so tickets with the same needs
 * share one queue, ordered by their keys.
 */
final class Need {
  final int tier;
  /** Skill numbers, ascending, with their least levels. */
  final int[] skills;
  final byte[] levels;
  /** Support mode ordinal, or -1 for any. */
  final int mode;
  final int channel;
  final Queue queue = new Queue();
  /** Where the indexed router lists it, and at which position. */
  NeedList list;
  int index;
  private final String[] names;
  private String text;
  private final int hash;

  /** {@code names} are the skills' names, for explanations only. */
  Need(int tier, int[] skills, byte[] levels, int mode, int channel, String[] names) {
    this.tier = tier;
    this.skills = skills;
    this.levels = levels;
    this.mode = mode;
    this.channel = channel;
    this.names = names;
    this.hash = ((Arrays.hashCode(skills) * 31 + Arrays.hashCode(levels)) * 31 + mode) * 31 + channel * 17 + tier;
  }

  /** For explanations: {@code "networks>=3, mode ON_SITE, channel EMAIL"}; made once, when first asked. */
  String text() {
    if (text == null) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < skills.length; i++) {
        out.append(names[i]).append(">=").append(levels[i]).append(", ");
      }
      if (mode >= 0) {
        out.append("mode ").append(SupportMode.values()[mode]).append(", ");
      }
      text = out.append("channel ").append(Channel.values()[channel]).toString();
    }
    return text;
  }

  /** The skill technicians are looked up by: the first one, or -1 if none is needed. */
  int primary() {
    return skills.length == 0 ? -1 : skills[0];
  }

  boolean isMetBy(Tech tech) {
    if (tech.tier != tier || (mode >= 0 && (tech.modes & (1 << mode)) == 0)) {
      return false;
    }
    for (int i = 0; i < skills.length; i++) {
      if (tech.level(skills[i]) < levels[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Need n && n.hash == hash && n.tier == tier && n.mode == mode && n.channel == channel
        && Arrays.equals(n.skills, skills) && Arrays.equals(n.levels, levels);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
