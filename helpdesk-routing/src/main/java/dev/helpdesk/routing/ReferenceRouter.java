package dev.helpdesk.routing;

import dev.helpdesk.model.Availability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference router: the same decisions as {@link IndexedRouter}, found by looking at every
 * technician, every waiting ticket and every timer each time. The oracle the indexed router is
 * tested against, and the baseline it is measured against.
 */
final class ReferenceRouter extends RouterBase {
  private final Map<Need, Need> needs = new HashMap<>();
  private final List<Waiting> queued = new ArrayList<>();
  private final List<Waiting> held = new ArrayList<>();
  private final Map<Waiting, Long> due = new LinkedHashMap<>();

  ReferenceRouter(RoutingRules rules) {
    super(rules);
  }

  @Override
  void placed(Tech tech) {
    // Nothing is indexed: every search looks at every technician as they are.
  }

  @Override
  void indexTechnician(Tech tech) {
    // Nothing is indexed.
  }

  @Override
  void forgetTechnician(Tech tech) {
    // Nothing is indexed.
  }

  @Override
  Found findTechnician(Need need, Waiting w) {
    Tech best = null;
    int considered = 0;
    for (Tech tech : techs.values()) {
      considered++;
      if (tech.availability == Availability.AVAILABLE && tech.fits(need.channel) && need.isMetBy(tech)
          && !w.refusedBy.contains(tech) && (best == null || before(tech, best))) {
        best = tech;
      }
    }
    return new Found(best, considered);
  }

  private boolean before(Tech a, Tech b) {
    int ra = rank(a);
    int rb = rank(b);
    return ra < rb || (ra == rb && a.stamp < b.stamp);
  }

  @Override
  Need intern(Need need) {
    Need known = needs.putIfAbsent(need, need);
    return known != null ? known : need;
  }

  @Override
  void enqueue(Waiting w) {
    queued.add(w);
  }

  @Override
  void dequeue(Waiting w) {
    queued.remove(w);
  }

  @Override
  void hold(Waiting w, Tech tech) {
    held.add(w);
  }

  @Override
  void unhold(Waiting w) {
    held.remove(w);
  }

  @Override
  List<Waiting> heldFor(Tech tech) {
    List<Waiting> mine = new ArrayList<>();
    for (Waiting w : held) {
      if (w.heldFor == tech) {
        mine.add(w);
      }
    }
    return mine;
  }

  @Override
  Pick pickFor(Tech tech) {
    Waiting first = null;
    for (Waiting w : held) {
      if (w.heldFor == tech && (first == null || earlier(w, first))) {
        first = w;
      }
    }
    if (first != null && tech.fits(first.ticket.channel().ordinal()) && requiredNeed(first).isMetBy(tech)) {
      return new Pick(first, 1, true);
    }
    // The first waiting ticket the technician can take and did not refuse.
    Waiting best = null;
    for (Waiting w : queued) {
      Need need = w.need;
      if (need.tier == tech.tier && tech.fits(need.channel) && need.isMetBy(tech) && !w.refusedBy.contains(tech)
          && (best == null || earlier(w, best))) {
        best = w;
      }
    }
    return best == null ? null : new Pick(best, queued.size(), false);
  }

  private static boolean earlier(Waiting a, Waiting b) {
    return a.key < b.key || (a.key == b.key && a.sequence < b.sequence);
  }

  @Override
  void schedule(Waiting w, long at) {
    if (at == Long.MAX_VALUE) {
      due.remove(w);
    } else {
      due.put(w, at);
    }
  }

  @Override
  Waiting nextDue(long now) {
    Waiting first = null;
    long firstAt = Long.MAX_VALUE;
    for (Map.Entry<Waiting, Long> e : due.entrySet()) {
      long at = e.getValue();
      if (at <= now && (first == null || at < firstAt || (at == firstAt && e.getKey().sequence < first.sequence))) {
        first = e.getKey();
        firstAt = at;
      }
    }
    if (first != null) {
      due.remove(first);
    }
    return first;
  }

  @Override
  int waitingAt(int level) {
    int count = 0;
    for (Waiting w : queued) {
      count += w.tier.level() == level ? 1 : 0;
    }
    for (Waiting w : held) {
      count += w.tier.level() == level ? 1 : 0;
    }
    return count;
  }
}
