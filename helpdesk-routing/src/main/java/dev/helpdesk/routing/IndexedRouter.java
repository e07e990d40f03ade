package dev.helpdesk.routing;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The indexed router. Technicians with room for more work sit in pools per tier (one for room for
 * a live channel, one for a written one, one per skill, one per rarely given support mode), each
 * ordered by the policy; a ticket's candidates are walked in the smallest pool that covers one of
 * its needs, so busy technicians are never looked at. Waiting tickets sit in one heap per distinct need
 * (tier, skills and levels, mode, channel); a freed technician looks only at the heads of the
 * needs of their tier whose first skill they hold. Timers (relaxation, affinity, offers, overflow)
 * are one heap by due time. Every structure changes in constant or logarithmic time as things
 * happen; nothing is rebuilt or scanned.
 */
final class IndexedRouter extends RouterBase {
  private static final int MODES = SupportMode.values().length;
  private static final Channel[] CHANNELS = Channel.values();
  private static final Set<SupportMode> RARE_MODES =
      EnumSet.of(SupportMode.ON_SITE, SupportMode.VIDEO, SupportMode.AUXILIARY);
  /** A node's {@code channel} for the live-room pool; {@link #WRITTEN} for the written one. */
  private static final int LIVE = -2;
  private static final int WRITTEN = -3;

  /** The pools and needs of one tier. */
  private static final class TierIndex {
    /** Technicians with room for a live channel (call, visit, video, remote session), and for a written one. */
    final Pool live = new Pool();
    final Pool written = new Pool();
    /** Technicians by support mode, for the modes few give; the common ones are checked one by one. */
    final Pool[] modes = new Pool[MODES];
    Pool[] skills = new Pool[0];
    final NeedList general = new NeedList(-1);
    NeedList[] byPrimary = new NeedList[0];
    int waiting;

    TierIndex() {
      for (SupportMode mode : RARE_MODES) {
        modes[mode.ordinal()] = new Pool();
      }
    }

    Pool room(int channel) {
      return CHANNELS[channel].isLive() ? live : written;
    }

    Pool skill(int skill) {
      if (skill >= skills.length) {
        skills = Arrays.copyOf(skills, Math.max(skill + 1, skills.length * 2));
      }
      if (skills[skill] == null) {
        skills[skill] = new Pool();
      }
      return skills[skill];
    }

    NeedList needsStartingWith(int skill) {
      if (skill >= byPrimary.length) {
        byPrimary = Arrays.copyOf(byPrimary, Math.max(skill + 1, byPrimary.length * 2));
      }
      if (byPrimary[skill] == null) {
        byPrimary[skill] = new NeedList(skill);
      }
      return byPrimary[skill];
    }
  }

  private final TierIndex[] tiers;
  private final Map<Need, Need> needs = new HashMap<>();
  private final Queue timers = new Queue(true);

  IndexedRouter(RoutingRules rules) {
    super(rules);
    tiers = new TierIndex[Tier.MAX_LEVEL + 1];
    for (int i = 1; i < tiers.length; i++) {
      tiers[i] = new TierIndex();
    }
  }

  // ----- technicians -------------------------------------------------------------------------

  @Override
  void placed(Tech tech) {
    for (Node node : tech.nodes) {
      if (node.linked()) {
        node.pool.unlink(node);
      }
    }
    if (tech.availability != Availability.AVAILABLE) {
      return;
    }
    int rank = rank(tech);
    boolean live = tech.hasRoomFor(true);
    boolean written = tech.hasRoomFor(false);
    for (Node node : tech.nodes) {
      // Skill and mode pools hold only technicians with room for something, so a walk never
      // passes over the busy ones.
      if (node.channel == LIVE ? live : node.channel == WRITTEN ? written : live || written) {
        node.pool.append(node, rank);
      }
    }
  }

  @Override
  void indexTechnician(Tech tech) {
    for (Node node : tech.nodes) {
      if (node.linked()) {
        node.pool.unlink(node);
      }
    }
    TierIndex index = tiers[tech.tier];
    List<Node> nodes = new ArrayList<>(2 + tech.skills.length + 1);
    nodes.add(new Node(tech, index.live, LIVE));
    nodes.add(new Node(tech, index.written, WRITTEN));
    for (int skill : tech.skills) {
      nodes.add(new Node(tech, index.skill(skill), -1));
    }
    for (SupportMode mode : RARE_MODES) {
      if ((tech.modes & (1 << mode.ordinal())) != 0) {
        nodes.add(new Node(tech, index.modes[mode.ordinal()], -1));
      }
    }
    tech.nodes = nodes.toArray(Node[]::new);
  }

  @Override
  void forgetTechnician(Tech tech) {
    for (Node node : tech.nodes) {
      if (node.linked()) {
        node.pool.unlink(node);
      }
    }
    tech.nodes = new Node[0];
  }

  @Override
  Found findTechnician(Need need, Waiting w) {
    TierIndex index = tiers[need.tier];
    Pool pool = index.room(need.channel);
    for (int skill : need.skills) {
      Pool candidates = skill < index.skills.length ? index.skills[skill] : null;
      if (candidates == null || candidates.size() == 0) {
        return new Found(null, 0);
      }
      if (candidates.size() < pool.size()) {
        pool = candidates;
      }
    }
    if (need.mode >= 0 && index.modes[need.mode] != null && index.modes[need.mode].size() < pool.size()) {
      pool = index.modes[need.mode];
    }
    int considered = 0;
    for (Node node = pool.firstFrom(0); node != null; node = pool.after(node)) {
      considered++;
      Tech tech = node.tech;
      if (tech.fits(need.channel) && need.isMetBy(tech) && !w.refusedBy.contains(tech)) {
        return new Found(tech, considered);
      }
    }
    return new Found(null, considered);
  }

  // ----- waiting tickets ---------------------------------------------------------------------

  @Override
  Need intern(Need need) {
    Need known = needs.putIfAbsent(need, need);
    if (known != null) {
      return known;
    }
    TierIndex index = tiers[need.tier];
    (need.primary() < 0 ? index.general : index.needsStartingWith(need.primary())).add(need);
    return need;
  }

  @Override
  void enqueue(Waiting w) {
    Need need = w.need;
    need.queue.add(w, w.key);
    if (need.queue.peek() == w) {
      need.list.headChanged(need);
    }
    tiers[w.tier.level()].waiting++;
  }

  @Override
  void dequeue(Waiting w) {
    Need need = w.need;
    boolean wasHead = need.queue.peek() == w;
    need.queue.remove(w);
    tiers[w.tier.level()].waiting--;
    if (wasHead) {
      need.list.headChanged(need);
    }
  }

  @Override
  void hold(Waiting w, Tech tech) {
    tech.held.add(w, w.key);
    tiers[w.tier.level()].waiting++;
  }

  @Override
  void unhold(Waiting w) {
    if (w.heldFor != null) {
      w.heldFor.held.remove(w);
      tiers[w.tier.level()].waiting--;
    }
  }

  @Override
  List<Waiting> heldFor(Tech tech) {
    return tech.held.toList();
  }

  @Override
  Pick pickFor(Tech tech) {
    Waiting held = tech.held.peek();
    if (held != null && tech.fits(held.ticket.channel().ordinal()) && requiredNeed(held).isMetBy(tech)) {
      return new Pick(held, 1, true);
    }
    TierIndex index = tiers[tech.tier];
    Waiting best = index.general.best(tech, null);
    int considered = index.general.size();
    for (int skill : tech.skills) {
      if (skill < index.byPrimary.length && index.byPrimary[skill] != null) {
        considered += index.byPrimary[skill].size();
        best = index.byPrimary[skill].best(tech, best);
      }
    }
    return best == null ? null : new Pick(best, considered, false);
  }

  // ----- timers --------------------------------------------------------------------------------

  @Override
  void schedule(Waiting w, long due) {
    if (w.timed) {
      timers.remove(w);
    }
    w.timed = due != Long.MAX_VALUE;
    if (w.timed) {
      timers.add(w, due);
    }
  }

  @Override
  Waiting nextDue(long now) {
    if (timers.isEmpty() || timers.peekKey() > now) {
      return null;
    }
    Waiting due = timers.poll();
    due.timed = false;
    return due;
  }

  @Override
  int waitingAt(int level) {
    return tiers[level].waiting;
  }
}
