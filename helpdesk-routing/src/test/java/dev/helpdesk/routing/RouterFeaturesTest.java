package dev.helpdesk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each feature of issue 4, on both routers: they must decide alike. */
class RouterFeaturesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  static Stream<Function<RoutingRules, Router>> routers() {
    return Stream.of(Router::indexed, Router::reference);
  }

  private static Technician tech(String id, Tier tier) {
    return Technician.of(TechnicianId.of(id), "Technician " + id, tier);
  }

  private static WaitingTicket ticket(String id, Tier tier, Channel channel, int minutesAfterT0) {
    return WaitingTicket.of(TicketId.of(id), tier, Priority.MEDIUM, T0.plusSeconds(60L * minutesAfterT0), channel);
  }

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static String who(Decision d) {
    return d.technician().map(TechnicianId::value).orElse("-");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aTicketGoesOnlyToItsOwnTierAndWaitsWhenNobodyThereIsFree(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("l2", Tier.SPECIALISTS), T0);
    Decision d = router.route(ticket("T-1", Tier.FIRST_LINE, Channel.EMAIL, 0), T0);
    assertEquals(Decision.Outcome.QUEUED, d.outcome());
    assertEquals(1, router.waiting(Tier.FIRST_LINE));

    List<Decision> joined = router.updateTechnician(tech("l1", Tier.FIRST_LINE), at(1));
    assertEquals("l1", who(joined.get(0)), "a technician who becomes available takes the waiting ticket");
    assertEquals(Decision.Rule.NEXT_IN_QUEUE, joined.get(0).rule());
    assertEquals(0, router.waiting(Tier.FIRST_LINE));
  }

  @ParameterizedTest
  @MethodSource("routers")
  void escalationGoesToTheNextTierOrANamedOneKeepingTheDateEntered(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("l1", Tier.FIRST_LINE), T0);
    router.updateTechnician(tech("l3", Tier.EXPERTS), T0);
    WaitingTicket old = ticket("T-old", Tier.SPECIALISTS, Channel.EMAIL, 0);
    WaitingTicket escalated = ticket("T-esc", Tier.FIRST_LINE, Channel.EMAIL, -60);
    router.route(old, at(1));
    assertEquals("l1", who(router.route(escalated, at(2))));

    List<Decision> up = router.escalate(escalated, Optional.empty(), at(3));
    assertEquals(Decision.Outcome.QUEUED, up.get(0).outcome(), "nobody at level 2 yet");
    assertEquals(Tier.SPECIALISTS, up.get(0).tier());
    assertEquals(Decision.Rule.ESCALATION, up.get(0).rule());
    List<Decision> l2 = router.updateTechnician(tech("l2", Tier.SPECIALISTS).withCapacity(
        Capacity.standard().with(Channel.EMAIL, 1)), at(4));
    assertEquals(List.of("T-esc"), l2.stream().map(d -> d.ticket().value()).toList(),
        "entered an hour before the other, the escalated ticket goes first at its new tier");

    List<Decision> named = router.escalate(escalated.atTier(Tier.SPECIALISTS), Optional.of(Tier.EXPERTS), at(5));
    assertEquals("l3", who(named.get(0)));
    assertEquals(List.of("T-old"), named.subList(1, named.size()).stream().map(d -> d.ticket().value()).toList(),
        "the freed level-2 technician takes the next ticket");
    assertThrows(IllegalArgumentException.class, () -> router.escalate(
        escalated.atTier(Tier.SERVER_ADMINISTRATION), Optional.empty(), at(6)), "there is no tier above the top");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void requiredSkillsAreNeverRelaxedPreferredOnesStepByStep(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder()
        .relaxAfter(Duration.ofMinutes(1), Duration.ofMinutes(2)).build());
    router.updateTechnician(tech("net1", Tier.FIRST_LINE).withSkill("networks", 1), T0);
    router.updateTechnician(tech("db5", Tier.FIRST_LINE).withSkill("databases", 5), T0);
    WaitingTicket needsNetworks = ticket("T-net", Tier.FIRST_LINE, Channel.EMAIL, 0).requiring("networks", 3);
    assertEquals(Decision.Outcome.QUEUED, router.route(needsNetworks, T0).outcome());
    assertTrue(router.advanceTo(at(60)).isEmpty(), "a required skill is never relaxed");

    WaitingTicket prefers = ticket("T-pref", Tier.FIRST_LINE, Channel.EMAIL, 0).preferring("networks", 3);
    assertEquals(Decision.Outcome.QUEUED, router.route(prefers, at(60)).outcome());
    Decision firstStep = router.advanceTo(at(61)).get(0);
    assertEquals(Decision.Rule.RELAXED, firstStep.rule());
    assertEquals(Decision.Outcome.QUEUED, firstStep.outcome(), "networks>=2 still: nobody");
    assertEquals("networks>=2, mode ONLINE, channel EMAIL", firstStep.requirements());
    Decision secondStep = router.advanceTo(at(62)).get(0);
    assertEquals(Decision.Outcome.ASSIGNED, secondStep.outcome());
    assertEquals("net1", who(secondStep), "with networks dropped, the least loaded technician of the tier");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void onSiteWorkGoesOnlyToTechniciansWhoVisitAndPhoneOnlyWhereTheTierGivesIt(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("desk", Tier.FIRST_LINE), T0);
    router.updateTechnician(tech("visits", Tier.FIRST_LINE).withSupportModes(SupportMode.ON_SITE), T0);
    router.route(ticket("T-0", Tier.FIRST_LINE, Channel.EMAIL, 0), T0); // makes "desk" busier
    Decision walkIn = router.route(ticket("T-1", Tier.FIRST_LINE, Channel.WALK_IN, 1), at(1));
    assertEquals("visits", who(walkIn));

    router.updateTechnician(tech("expert", Tier.EXPERTS).withSupportModes(SupportMode.REMOTE_DESKTOP), T0);
    Decision call = router.route(ticket("T-2", Tier.EXPERTS, Channel.PHONE, 2), at(2));
    assertEquals("expert", who(call), "level 3 gives no phone assistance: any mode it gives will do");
    assertEquals("channel PHONE", call.requirements());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aCallTakesATechnicianWhollyWhileChatsShare(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("solo", Tier.FIRST_LINE), T0);
    for (int i = 0; i < 3; i++) {
      assertEquals("solo", who(router.route(ticket("C-" + i, Tier.FIRST_LINE, Channel.CHAT, i), at(i))));
    }
    assertEquals(Decision.Outcome.QUEUED, router.route(ticket("C-3", Tier.FIRST_LINE, Channel.CHAT, 3), at(3))
        .outcome(), "three chats fill a standard capacity");
    assertEquals(Decision.Outcome.QUEUED, router.route(ticket("P-1", Tier.FIRST_LINE, Channel.PHONE, 4), at(4))
        .outcome());
    for (int i = 0; i < 3; i++) {
      router.finish(TicketId.of("C-" + i), at(5));
    }
    assertEquals(Optional.of(TechnicianId.of("solo")), router.technicianOf(TicketId.of("C-3")));
    assertEquals(Optional.empty(), router.technicianOf(TicketId.of("P-1")), "a call needs the whole technician");
    router.finish(TicketId.of("C-3"), at(6));
    assertEquals(Optional.of(TechnicianId.of("solo")), router.technicianOf(TicketId.of("P-1")));
  }

  @ParameterizedTest
  @MethodSource("routers")
  void goingOfflineReturnsUnstartedTicketsKeepingTheirAge(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("a", Tier.FIRST_LINE).withCapacity(Capacity.standard().with(Channel.EMAIL, 2)), T0);
    router.route(ticket("old", Tier.FIRST_LINE, Channel.EMAIL, 0), T0);
    router.route(ticket("started", Tier.FIRST_LINE, Channel.EMAIL, 1), at(1));
    router.start(TicketId.of("started"));
    router.route(ticket("new", Tier.FIRST_LINE, Channel.EMAIL, 2), at(2));

    List<Decision> off = router.updateTechnician(tech("a", Tier.FIRST_LINE).withAvailability(Availability.OFFLINE),
        at(3));
    assertEquals(List.of("old:RETURNED", "old:QUEUED"),
        off.stream().map(d -> d.ticket().value() + ":" + d.outcome()).toList());
    assertEquals(Optional.of(TechnicianId.of("a")), router.technicianOf(TicketId.of("started")));
    List<Decision> b = router.updateTechnician(tech("b", Tier.FIRST_LINE).withCapacity(
        Capacity.standard().with(Channel.EMAIL, 1)), at(4));
    assertEquals("old", b.get(0).ticket().value(), "the returned ticket keeps its place before newer ones");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void priorityFirstThenOldestAndAgingLetsOldLowTicketsThrough(Function<RoutingRules, Router> make) {
    Router strict = make.apply(RoutingRules.defaults());
    Router aging = make.apply(RoutingRules.builder().queueOrder(QueueOrder.aging(Duration.ofHours(1))).build());
    for (Router router : List.of(strict, aging)) {
      router.route(new WaitingTicket(TicketId.of("low-old"), Tier.FIRST_LINE, Priority.LOW, at(-180), Channel.EMAIL,
          SupportMode.ONLINE, java.util.Map.of(), java.util.Map.of(), Optional.empty(), Optional.empty()), T0);
      router.route(new WaitingTicket(TicketId.of("high-new"), Tier.FIRST_LINE, Priority.HIGH, at(0), Channel.EMAIL,
          SupportMode.ONLINE, java.util.Map.of(), java.util.Map.of(), Optional.empty(), Optional.empty()), T0);
      router.route(ticket("medium", Tier.FIRST_LINE, Channel.EMAIL, -10), T0);
    }
    Capacity one = Capacity.standard().with(Channel.EMAIL, 1);
    assertEquals("high-new", strict.updateTechnician(tech("t", Tier.FIRST_LINE).withCapacity(one), at(1)).get(0)
        .ticket().value());
    assertEquals("low-old", aging.updateTechnician(tech("t", Tier.FIRST_LINE).withCapacity(one), at(1)).get(0)
        .ticket().value(), "three hours' wait beats two levels' head start of an hour each");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void slaDueOrderTakesTheMostUrgentFirst(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder().queueOrder(QueueOrder.slaDue()).build());
    router.route(ticket("no-sla", Tier.FIRST_LINE, Channel.EMAIL, -100), T0);
    router.route(ticket("due-late", Tier.FIRST_LINE, Channel.EMAIL, 0).withSlaDue(at(240)), T0);
    router.route(ticket("due-soon", Tier.FIRST_LINE, Channel.EMAIL, 0).withSlaDue(at(30)), T0);
    List<Decision> taken = router.updateTechnician(tech("t", Tier.FIRST_LINE), at(1));
    assertEquals(List.of("due-soon", "due-late", "no-sla"), taken.stream().map(d -> d.ticket().value()).toList());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void policiesChooseAsDocumented(Function<RoutingRules, Router> make) {
    // Least loaded: the technician with fewer tickets, however large their capacity.
    Router least = make.apply(RoutingRules.builder().policy(RoutingPolicy.LEAST_LOADED).build());
    // Share: one email of five (20 %) counts less than one chat of three (33 %).
    Router share = make.apply(RoutingRules.builder().policy(RoutingPolicy.LEAST_LOADED_SHARE).build());
    for (Router router : List.of(least, share)) {
      router.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
      router.updateTechnician(tech("b", Tier.FIRST_LINE), T0);
      router.route(ticket("chat", Tier.FIRST_LINE, Channel.CHAT, 0), T0);   // to a
      router.route(ticket("mail-1", Tier.FIRST_LINE, Channel.EMAIL, 0), T0); // to b
      router.route(ticket("mail-2", Tier.FIRST_LINE, Channel.EMAIL, 0), T0);
    }
    assertEquals(Optional.of(TechnicianId.of("a")), least.technicianOf(TicketId.of("mail-2")),
        "tie on one ticket each: a has held that load longer");
    assertEquals(Optional.of(TechnicianId.of("b")), share.technicianOf(TicketId.of("mail-2")),
        "b's 20 % is less than a's 33 %");

    Router idle = make.apply(RoutingRules.builder().policy(RoutingPolicy.LONGEST_IDLE).build());
    idle.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
    idle.updateTechnician(tech("b", Tier.FIRST_LINE), T0);
    idle.route(ticket("x", Tier.FIRST_LINE, Channel.EMAIL, 0), T0); // a
    idle.route(ticket("y", Tier.FIRST_LINE, Channel.EMAIL, 0), T0); // b
    idle.finish(TicketId.of("y"), at(1));                           // b idle since 1
    idle.finish(TicketId.of("x"), at(2));                           // a idle since 2
    assertEquals("b", who(idle.route(ticket("z", Tier.FIRST_LINE, Channel.EMAIL, 3), at(3))));

    Router turns = make.apply(RoutingRules.builder().policy(RoutingPolicy.ROUND_ROBIN).build());
    for (String id : List.of("a", "b", "c")) {
      turns.updateTechnician(tech(id, Tier.FIRST_LINE), T0);
    }
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      order.append(who(turns.route(ticket("r" + i, Tier.FIRST_LINE, Channel.EMAIL, i), at(i))));
    }
    assertEquals("abcabc", order.toString());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aReopenedTicketGoesBackToItsTechnicianWithinTheAffinityWait(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder().affinityWait(Duration.ofMinutes(10)).build());
    Capacity one = Capacity.standard().with(Channel.EMAIL, 1);
    router.updateTechnician(tech("before", Tier.FIRST_LINE).withCapacity(one), T0);
    router.updateTechnician(tech("other", Tier.FIRST_LINE).withCapacity(one), T0);
    router.route(ticket("busy", Tier.FIRST_LINE, Channel.EMAIL, 0), T0); // to "before"

    WaitingTicket reopened = ticket("again", Tier.FIRST_LINE, Channel.EMAIL, -600)
        .withAffinity(TechnicianId.of("before"));
    Decision held = router.route(reopened, at(1));
    assertEquals(Decision.Outcome.HELD_FOR_AFFINITY, held.outcome());
    assertEquals(1, router.waiting(Tier.FIRST_LINE));
    List<Decision> freed = router.finish(TicketId.of("busy"), at(3));
    assertEquals("before", who(freed.get(0)));
    assertEquals(Decision.Rule.AFFINITY, freed.get(0).rule());

    Decision heldAgain = router.route(ticket("later", Tier.FIRST_LINE, Channel.EMAIL, 0)
        .withAffinity(TechnicianId.of("before")), at(4));
    assertEquals(Decision.Outcome.HELD_FOR_AFFINITY, heldAgain.outcome());
    assertTrue(router.advanceTo(at(13)).isEmpty(), "still within the wait");
    Decision expired = router.advanceTo(at(14)).get(0);
    assertEquals("other", who(expired), "after the wait, whoever can take it");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void offersDeclinedOrUnansweredMoveOnAndRepeatedMissesSetATechnicianAway(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder().offers(Duration.ofSeconds(30), 2).build());
    router.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
    router.updateTechnician(tech("b", Tier.FIRST_LINE), T0);
    Decision offer = router.route(ticket("T-1", Tier.FIRST_LINE, Channel.PHONE, 0), T0);
    assertEquals(Decision.Outcome.OFFERED, offer.outcome());
    assertEquals("a", who(offer));
    List<Decision> declined = router.decline(TicketId.of("T-1"), T0.plusSeconds(5));
    assertEquals("b", who(declined.get(0)), "declined: the next technician");
    assertEquals(Decision.Rule.OFFER_FAILED, declined.get(0).rule());
    assertEquals(Decision.Outcome.ASSIGNED, router.accept(TicketId.of("T-1"), T0.plusSeconds(10)).orElseThrow()
        .outcome());

    for (int i = 2; i <= 3; i++) {
      Decision o = router.route(ticket("T-" + i, Tier.FIRST_LINE, Channel.PHONE, i), at(i));
      assertEquals("a", who(o));
      List<Decision> lapsed = router.advanceTo(at(i).plusSeconds(31));
      assertEquals(Decision.Outcome.RETURNED, lapsed.get(0).outcome());
      assertEquals(i == 3 ? Decision.Rule.MISSED_OFFERS : Decision.Rule.OFFER_FAILED, lapsed.get(0).rule());
      assertEquals(Decision.Outcome.QUEUED, lapsed.get(1).outcome(), "b is on a call; a refused it");
    }
    router.finish(TicketId.of("T-1"), at(5));
    assertEquals(Optional.of(TechnicianId.of("b")), router.technicianOf(TicketId.of("T-2")));
    assertEquals(Decision.Outcome.QUEUED, router.route(ticket("T-4", Tier.FIRST_LINE, Channel.EMAIL, 6), at(6))
        .outcome(), "a is away after two missed offers; b is on a call");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aTicketWaitingPastItsTiersLimitOverflows(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder()
        .overflow(Tier.FIRST_LINE, Duration.ofMinutes(15), Tier.SPECIALISTS).build());
    router.updateTechnician(tech("l2", Tier.SPECIALISTS), T0);
    router.route(ticket("T-1", Tier.FIRST_LINE, Channel.EMAIL, 0), T0);
    assertTrue(router.advanceTo(at(14)).isEmpty());
    Decision over = router.advanceTo(at(15)).get(0);
    assertEquals(Decision.Rule.OVERFLOW, over.rule());
    assertEquals(Tier.SPECIALISTS, over.tier());
    assertEquals("l2", who(over));
  }

  @ParameterizedTest
  @MethodSource("routers")
  void everyDecisionSaysWhy(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("t", Tier.FIRST_LINE).withSkill("printers", 2), T0);
    Decision d = router.route(ticket("T-1", Tier.FIRST_LINE, Channel.PHONE, 0).requiring("printers", 2), T0);
    assertEquals("assigned to t at L1 First line by the routing policy among 1 technicians looked at"
        + " (needs printers>=2, mode PHONE, channel PHONE)", d.explain());
    Decision waits = router.route(ticket("T-2", Tier.FIRST_LINE, Channel.PHONE, 0), T0);
    assertTrue(waits.explain().startsWith("queued at L1 First line as none of"), waits.explain());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void badInputIsRefusedClearly(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder().tiers(dev.helpdesk.model.Tiers.of(Tier.FIRST_LINE,
        Tier.SPECIALISTS)).build());
    IllegalArgumentException tier = assertThrows(IllegalArgumentException.class,
        () -> router.route(ticket("T-1", Tier.EXPERTS, Channel.EMAIL, 0), T0));
    assertTrue(tier.getMessage().contains("does not have"), tier.getMessage());
    IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
        () -> router.route(ticket("T-2", Tier.FIRST_LINE, Channel.EMAIL, 0).requiring("networks", 7), T0));
    assertTrue(level.getMessage().contains("levels go from 1 to 5"), level.getMessage());
    assertEquals(0, router.waiting(Tier.FIRST_LINE), "nothing was queued");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aDeclinedTicketDoesNotHoldBackTheTicketsBehindIt(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.builder().offers(Duration.ofSeconds(30), 3).build());
    router.updateTechnician(tech("t", Tier.FIRST_LINE), T0);
    assertEquals("t", who(router.route(ticket("A", Tier.FIRST_LINE, Channel.PHONE, 0), T0)));
    assertEquals(Decision.Outcome.QUEUED, router.route(ticket("B", Tier.FIRST_LINE, Channel.PHONE, 1), T0).outcome());
    List<Decision> declined = router.decline(TicketId.of("A"), T0.plusSeconds(5));
    assertEquals(List.of("A:QUEUED", "B:OFFERED"),
        declined.stream().map(d -> d.ticket().value() + ":" + d.outcome()).toList(),
        "t declined A, which waits for someone else; B, behind it in the same queue, goes to t");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void anAssignmentMadeElsewhereCountsAgainstCapacity(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
    router.updateTechnician(tech("b", Tier.FIRST_LINE), T0);
    WaitingTicket waiting = ticket("W", Tier.FIRST_LINE, Channel.PHONE, 0);
    assertEquals("a", who(router.route(waiting, T0)));
    assertTrue(router.recordAssignment(waiting, TechnicianId.of("a"), at(1)).isEmpty(), "already a's: no change");
    router.recordAssignment(ticket("X", Tier.FIRST_LINE, Channel.PHONE, 1), TechnicianId.of("b"), at(1));
    assertEquals(Decision.Outcome.QUEUED, router.route(ticket("Y", Tier.FIRST_LINE, Channel.PHONE, 2), at(2))
        .outcome(), "both are on a call, one of them given by hand");
    List<Decision> moved = router.recordAssignment(waiting, TechnicianId.of("b"), at(3));
    assertEquals(List.of("Y"), moved.stream().map(d -> d.ticket().value()).toList(),
        "a, relieved of W, takes the waiting call");
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aTicketIsNotHeldForAPreviousTechnicianWhoLacksItsSkills(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("prev", Tier.FIRST_LINE).withAvailability(Availability.BUSY), T0);
    router.updateTechnician(tech("pro", Tier.FIRST_LINE).withSkill("networks", 3), T0);
    Decision d = router.route(ticket("T", Tier.FIRST_LINE, Channel.EMAIL, 0).requiring("networks", 2)
        .withAffinity(TechnicianId.of("prev")), T0);
    assertEquals("pro", who(d));
    assertEquals(Decision.Outcome.ASSIGNED, d.outcome());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void skillNamesMatchWhateverTheirCase(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("t", Tier.FIRST_LINE).withSkill("Networks", 2), T0);
    WaitingTicket t = new WaitingTicket(TicketId.of("T"), Tier.FIRST_LINE, Priority.MEDIUM, T0, Channel.EMAIL,
        SupportMode.ONLINE, java.util.Map.of("NETWORKS", 2), java.util.Map.of(), Optional.empty(), Optional.empty());
    assertEquals("t", who(router.route(t, T0)));
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aReleasedTicketGoesToSomeoneElse(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
    router.updateTechnician(tech("b", Tier.FIRST_LINE), T0);
    assertEquals("a", who(router.route(ticket("T", Tier.FIRST_LINE, Channel.EMAIL, 0), T0)));
    List<Decision> released = router.release(TicketId.of("T"), at(1));
    assertEquals("b", who(released.get(0)), "a is the least loaded now, but gave it back");
    assertEquals(Decision.Rule.RELEASED, released.get(0).rule());
    assertTrue(router.release(TicketId.of("nobody"), at(2)).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("routers")
  void aTechnicianMovedToAnotherTierGivesBackUnstartedTickets(Function<RoutingRules, Router> make) {
    Router router = make.apply(RoutingRules.defaults());
    router.updateTechnician(tech("a", Tier.FIRST_LINE), T0);
    router.route(ticket("T", Tier.FIRST_LINE, Channel.EMAIL, 0), T0);
    List<Decision> moved = router.updateTechnician(tech("a", Tier.SPECIALISTS), at(1));
    assertEquals(List.of("T:RETURNED:TECHNICIAN_MOVED", "T:QUEUED:TECHNICIAN_MOVED"),
        moved.stream().map(d -> d.ticket().value() + ":" + d.outcome() + ":" + d.rule()).toList());
    assertEquals(1, router.waiting(Tier.FIRST_LINE));
  }
}
