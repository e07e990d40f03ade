package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.analytics.DeskReport;
import dev.helpdesk.core.analytics.Ratio;
import dev.helpdesk.core.sla.SlaPolicy;
import dev.helpdesk.core.sla.SlaTargets;
import dev.helpdesk.model.Ticket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The desk's reports read what the desk itself knows: SLA results and self-service (D-21, D-23). */
class DeskReportTest {

  @Test
  void slaAttainmentIsReadFromEachTicketsRecordedResults() {
    Desk d = new Desk(b -> b.slaPolicies(SlaPolicy.named("standard")
        .targets(SlaTargets.builder().resolution(Duration.ofHours(1)).build()).build()));
    Instant start = d.clock.instant();
    Ticket quick = d.call("Printer jams");
    Ticket slow = d.call("Scanner jams");
    d.desk.resolve(LUCIA, quick.id(), Solution.of("Cleared the jam."));
    d.later(Duration.ofHours(2));
    d.desk.advanceTo(d.clock.instant());
    d.desk.resolve(LUCIA, slow.id(), Solution.of("Cleared the jam."));

    DeskReport report = d.desk.report(start, d.clock.instant().plusSeconds(1));

    assertEquals(new Ratio(1, 2), report.kpis().slaAttainment());
  }

  @Test
  void deflectedSelfServiceSessionsAreCountedInTheTrends() {
    Desk d = new Desk(b -> b.deflectionWindow(Duration.ofMinutes(30)));
    Instant start = d.clock.instant();
    Ticket t = d.call("Hello");
    d.desk.searchArticles(d.customerOf(t), "contraseña");
    d.later(Duration.ofHours(1));
    d.desk.advanceTo(d.clock.instant());

    assertEquals(1, d.desk.report(start, d.clock.instant()).trends().deflected());
    assertEquals(0, d.desk.report(start, start.plusSeconds(60)).trends().deflected(), "it ended after that period");
  }
}
