package dev.helpdesk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Capacity;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexed router against the reference router on randomised desks: the same operations must
 * give the same decisions (who, what, why), the same assignments and the same queue lengths, under
 * every policy, queue order and option.
 */
class OracleTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String[] SKILLS = {"networks", "databases", "printers", "email", "windows", "linux"};
  private static final Tier[] TIERS = {Tier.FIRST_LINE, Tier.SPECIALISTS, Tier.EXPERTS};

  static Stream<Arguments> scenarios() {
    List<Arguments> all = new ArrayList<>();
    long seed = 1;
    for (RoutingPolicy policy : RoutingPolicy.values()) {
      for (int variant = 0; variant < 4; variant++) {
        all.add(Arguments.of(policy, variant, seed++));
      }
    }
    return all.stream();
  }

  private static RoutingRules rules(RoutingPolicy policy, int variant) {
    RoutingRules.Builder b = RoutingRules.builder().policy(policy)
        .relaxAfter(Duration.ofMinutes(2), Duration.ofMinutes(5));
    switch (variant) {
      case 1 -> b.queueOrder(QueueOrder.aging(Duration.ofMinutes(20))).affinityWait(Duration.ofMinutes(3));
      case 2 -> b.queueOrder(QueueOrder.slaDue()).offers(Duration.ofSeconds(45), 2);
      case 3 -> b.overflow(Tier.FIRST_LINE, Duration.ofMinutes(8), Tier.SPECIALISTS).affinityWait(Duration.ZERO)
          .offers(Duration.ofMinutes(1), 3);
      default -> { }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}, variant {1}, seed {2}")
  @MethodSource("scenarios")
  void indexedDecidesExactlyAsTheReference(RoutingPolicy policy, int variant, long seed) {
    RoutingRules rules = rules(policy, variant);
    Router indexed = Router.indexed(rules);
    Router reference = Router.reference(rules);
    Random random = new Random(seed);
    Map<String, Technician> technicians = new HashMap<>();
    List<WaitingTicket> known = new ArrayList<>();
    Instant now = T0;
    int decisions = 0;
    for (int step = 0; step < 1_500; step++) {
      now = now.plusSeconds(random.nextInt(40));
      Instant at = now;
      int op = random.nextInt(100);
      String what;
      if (op < 12 || technicians.size() < 3) {
        Technician t = randomTechnician(random, "tech-" + random.nextInt(25));
        technicians.put(t.id().value(), t);
        what = "update " + t.id() + " " + t.availability();
        decisions += same(what, () -> indexed.updateTechnician(t, at), () -> reference.updateTechnician(t, at));
      } else if (op < 45) {
        WaitingTicket ticket = randomTicket(random, "T-" + step, at, technicians);
        known.add(ticket);
        what = "route " + ticket.id();
        decisions += same(what, () -> List.of(indexed.route(ticket, at)), () -> List.of(reference.route(ticket, at)));
      } else if (op < 65 && !known.isEmpty()) {
        TicketId id = known.remove(random.nextInt(known.size())).id();
        what = "finish " + id;
        decisions += same(what, () -> indexed.finish(id, at), () -> reference.finish(id, at));
      } else if (op < 72 && !known.isEmpty()) {
        WaitingTicket ticket = known.get(random.nextInt(known.size()));
        Optional<TechnicianId> holder = indexed.technicianOf(ticket.id());
        if (ticket.tier().level() < 3) {
          Tier tier = TIERS[ticket.tier().level() - 1];
          WaitingTicket current = ticket.atTier(tier);
          WaitingTicket moved = current.atTier(TIERS[tier.level()]);
          known.set(known.indexOf(ticket), moved);
          what = "escalate " + ticket.id() + " held by " + holder;
          decisions += same(what, () -> indexed.escalate(current, Optional.empty(), at),
              () -> reference.escalate(current, Optional.empty(), at));
        }
      } else if (op < 78 && !known.isEmpty()) {
        TicketId id = known.get(random.nextInt(known.size())).id();
        assertEquals(indexed.start(id), reference.start(id), "start " + id);
      } else if (op < 84 && !known.isEmpty()) {
        TicketId id = known.get(random.nextInt(known.size())).id();
        if (random.nextBoolean()) {
          assertEquals(indexed.accept(id, at).map(OracleTest::essence), reference.accept(id, at).map(OracleTest::essence),
              "accept " + id);
        } else if (random.nextBoolean()) {
          decisions += same("decline " + id, () -> indexed.decline(id, at), () -> reference.decline(id, at));
        } else {
          decisions += same("release " + id, () -> indexed.release(id, at), () -> reference.release(id, at));
        }
      } else if (op < 86 && !known.isEmpty() && !technicians.isEmpty()) {
        WaitingTicket ticket = known.get(random.nextInt(known.size()));
        List<String> ids = technicians.values().stream().filter(t -> t.tier().equals(ticket.tier()))
            .map(t -> t.id().value()).sorted().toList();
        if (!ids.isEmpty()) {
          TechnicianId id = TechnicianId.of(ids.get(random.nextInt(ids.size())));
          decisions += same("record " + ticket.id() + " with " + id, () -> indexed.recordAssignment(ticket, id, at),
              () -> reference.recordAssignment(ticket, id, at));
        }
      } else if (op < 88 && !technicians.isEmpty()) {
        List<String> ids = new ArrayList<>(technicians.keySet());
        ids.sort(null);
        TechnicianId id = TechnicianId.of(ids.get(random.nextInt(ids.size())));
        decisions += same("next " + id, () -> indexed.next(id, at), () -> reference.next(id, at));
      } else {
        Instant later = now.plusSeconds(random.nextInt(600));
        now = later;
        decisions += same("advance", () -> indexed.advanceTo(later), () -> reference.advanceTo(later));
      }
      for (WaitingTicket t : known) {
        assertEquals(reference.technicianOf(t.id()), indexed.technicianOf(t.id()), "holder of " + t.id());
      }
      for (Tier tier : TIERS) {
        assertEquals(reference.waiting(tier), indexed.waiting(tier), "waiting at " + tier + " after step " + step);
      }
    }
    assertTrue(decisions > 500, "the scenario exercised the routers: " + decisions + " decisions");
  }

  private static int same(String what, Supplier<List<Decision>> indexed, Supplier<List<Decision>> reference) {
    List<String> expected = reference.get().stream().map(OracleTest::essence).toList();
    List<String> actual = indexed.get().stream().map(OracleTest::essence).toList();
    assertEquals(expected, actual, what);
    return actual.size();
  }

  /** A decision without the count of what was looked at, which differs by design. */
  private static String essence(Decision d) {
    return d.ticket() + " " + d.outcome() + " " + d.technician().map(TechnicianId::value).orElse("-") + " L"
        + d.tier().level() + " " + d.rule() + " [" + d.requirements() + "]";
  }

  private static Technician randomTechnician(Random random, String id) {
    Technician t = Technician.of(TechnicianId.of(id), "T " + id, TIERS[random.nextInt(TIERS.length)]);
    for (String skill : SKILLS) {
      if (random.nextInt(3) == 0) {
        t = t.withSkill(skill, 1 + random.nextInt(5));
      }
    }
    EnumSet<SupportMode> modes = EnumSet.of(SupportMode.ONLINE);
    for (SupportMode mode : SupportMode.values()) {
      if (random.nextInt(3) == 0) {
        modes.add(mode);
      }
    }
    Capacity capacity = Capacity.standard();
    for (Channel channel : Channel.values()) {
      if (random.nextInt(4) == 0) {
        capacity = capacity.with(channel, random.nextInt(4));
      }
    }
    Availability[] states = Availability.values();
    Availability availability = random.nextInt(3) == 0 ? states[random.nextInt(states.length)] : Availability.AVAILABLE;
    return new Technician(t.id(), t.name(), "", t.tier(), t.skills(), modes, capacity, availability, 0);
  }

  private static WaitingTicket randomTicket(Random random, String id, Instant now, Map<String, Technician> techs) {
    Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
    Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
    // Coarse entered times, so equal keys (broken by routing order) are common.
    Instant entered = now.minusSeconds(600L * random.nextInt(12));
    WaitingTicket t = WaitingTicket.of(TicketId.of(id), TIERS[random.nextInt(TIERS.length)], priority, entered, channel);
    if (random.nextInt(3) == 0) {
      t = t.requiring(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(3));
    }
    if (random.nextInt(3) == 0) {
      t = t.preferring(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(5));
    }
    if (random.nextInt(10) == 0) {
      t = t.withSupportMode(SupportMode.ON_SITE);
    }
    if (random.nextInt(4) == 0) {
      t = t.withSlaDue(now.plusSeconds(60L * random.nextInt(240)));
    }
    if (random.nextInt(6) == 0 && !techs.isEmpty()) {
      List<String> ids = new ArrayList<>(techs.keySet());
      ids.sort(null);
      t = t.withAffinity(TechnicianId.of(ids.get(random.nextInt(ids.size()))));
    }
    return t;
  }
}
