package dev.helpdesk.routing;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexed router. Technicians sit in pools per tier (one per channel they have room for, one
 * per skill, one per support mode), each ordered by the policy; a ticket's candidates are walked in
 * the smallest pool that covers one of its needs. Waiting tickets sit in one heap per distinct need
 * (tier, skills and levels, mode, channel); a freed technician looks only at the heads of the
 * needs of their tier whose first skill they hold. Timers (relaxation, affinity, offers, overflow)
 * are one heap by due time. Every structure changes in constant or logarithmic time as things
 * happen; nothing is rebuilt or scanned.
 */
final class IndexedRouter extends RouterBase {
  private static final int MODES = SupportMode.values().length;

  /** The pools and needs of one tier. */
  private static final class TierIndex {
    final Pool[] channels = new Pool[Tech.CHANNELS];
    final Pool[] modes = new Pool[MODES];
    Pool[] skills = new Pool[0];
    final List<Need> general = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Need>[] byPrimary = new List[0];
    int waiting;

    TierIndex() {
      for (int i = 0; i < channels.length; i++) {
        channels[i] = new Pool();
      }
      for (int i = 0; i < modes.length; i++) {
        modes[i] = new Pool();
      }
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

    List<Need> needsStartingWith(int skill) {
      if (skill >= byPrimary.length) {
        byPrimary = Arrays.copyOf(byPrimary, Math.max(skill + 1, byPrimary.length * 2));
      }
      if (byPrimary[skill] == null) {
        byPrimary[skill] = new ArrayList<>();
      }
      return byPrimary[skill];
    }
  }

  private final TierIndex[] tiers;
  private final Map<Need, Need> needs = new HashMap<>();
  private final Heap timers = new Heap(true);

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
    for (Node node : tech.nodes) {
      if (node.channel < 0 || tech.fits(node.channel)) {
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
    List<Node> nodes = new ArrayList<>(Tech.CHANNELS + tech.skills.length + MODES);
    for (int c = 0; c < Tech.CHANNELS; c++) {
      nodes.add(new Node(tech, index.channels[c], c));
    }
    for (int skill : tech.skills) {
      nodes.add(new Node(tech, index.skill(skill), -1));
    }
    for (int m = 0; m < MODES; m++) {
      if ((tech.modes & (1 << m)) != 0) {
        nodes.add(new Node(tech, index.modes[m], -1));
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
    Pool pool = index.channels[need.channel];
    for (int skill : need.skills) {
      Pool candidates = skill < index.skills.length ? index.skills[skill] : null;
      if (candidates == null || candidates.size() == 0) {
        return new Found(null, 0);
      }
      if (candidates.size() < pool.size()) {
        pool = candidates;
      }
    }
    if (need.mode >= 0 && index.modes[need.mode].size() < pool.size()) {
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
    w.need.queue.add(w, w.key);
    tiers[w.tier.level()].waiting++;
  }

  @Override
  void dequeue(Waiting w) {
    if (w.need != null && w.need.queue.remove(w)) {
      tiers[w.tier.level()].waiting--;
    }
  }

  @Override
  void hold(Waiting w, Tech tech) {
    tech.held.add(w, w.key);
    tiers[w.tier.level()].waiting++;
  }

  @Override
  void unhold(Waiting w) {
    if (w.heldFor != null && w.heldFor.held.remove(w)) {
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
    Waiting best = null;
    int considered = 0;
    for (int i = 0; i < index.general.size(); i++) {
      considered++;
      best = better(best, index.general.get(i), tech);
    }
    for (int skill : tech.skills) {
      if (skill < index.byPrimary.length && index.byPrimary[skill] != null) {
        List<Need> list = index.byPrimary[skill];
        for (int i = 0; i < list.size(); i++) {
          considered++;
          best = better(best, list.get(i), tech);
        }
      }
    }
    return best == null ? null : new Pick(best, considered, false);
  }

  private static Waiting better(Waiting best, Need need, Tech tech) {
    Waiting head = need.queue.peek();
    if (head == null || !tech.fits(need.channel) || !need.isMetBy(tech) || head.refusedBy.contains(tech)) {
      return best;
    }
    if (best == null || head.key < best.key || (head.key == best.key && head.sequence < best.sequence)) {
      return head;
    }
    return best;
  }

  // ----- timers --------------------------------------------------------------------------------

  @Override
  void schedule(Waiting w, long due) {
    timers.remove(w);
    if (due != Long.MAX_VALUE) {
      timers.add(w, due);
    }
  }

  @Override
  Waiting nextDue(long now) {
    return timers.isEmpty() || timers.peekKey() > now ? null : timers.poll();
  }

  @Override
  int waitingAt(int level) {
    return tiers[level].waiting;
  }
}
