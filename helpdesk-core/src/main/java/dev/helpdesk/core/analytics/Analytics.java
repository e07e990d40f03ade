package dev.helpdesk.core.analytics;

import dev.helpdesk.model.QueueEvent;
import dev.helpdesk.spi.store.QueueEventStore;
import dev.helpdesk.spi.store.TechnicianStore;
import dev.helpdesk.spi.store.TicketStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The desk's reports (D-20…D-24), read from its stores. {@link #report(ReportOptions)} walks every
 * stored ticket once ({@link TicketStore#forEachHistory}), reads each history it needs once, and
 * feeds every report from that one walk: traffic,
 * queue service level (joined with the queue events of the period), technicians, question trends and
 * KPIs. Staffing works from the traffic report: see {@link Staffing}.
 *
 * <p>{@code desk.analytics().report(monday, nextMonday).kpis().customerSatisfaction()}
 *
 * <p>Reading is all it does: reports never change the stores. Thread-safe; each report is an
 * immutable value.
 */
public final class Analytics {
  private final TicketStore tickets;
  private final TechnicianStore technicians;
  private final QueueEventStore queueEvents;
  private final ZoneId zone;

  private Analytics(TicketStore tickets, TechnicianStore technicians, QueueEventStore queueEvents, ZoneId zone) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.technicians = Objects.requireNonNull(technicians, "technicians");
    this.queueEvents = Objects.requireNonNull(queueEvents, "queueEvents");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * Returns the analytics of a set of stores, such as a desk's, or a reporting replica's.
   *
   * @param tickets the tickets and their histories
   * @param technicians the staff, for names and tiers
   * @param queueEvents what the channels' queues reported
   * @param zone the time zone of hours, days, weeks and months unless a report names another
   * @return the analytics
   */
  public static Analytics of(TicketStore tickets, TechnicianStore technicians, QueueEventStore queueEvents,
      ZoneId zone) {
    return new Analytics(tickets, technicians, queueEvents, zone);
  }

  /** @return the time zone reports use unless their options name another */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Reads every report of a period with the default options.
   *
   * @param from the first instant included
   * @param to the first instant excluded
   * @return the reports
   */
  public DeskReport report(Instant from, Instant to) {
    return report(ReportOptions.period(from, to).build());
  }

  /**
   * Reads every report of a period in one pass over the stored tickets and their histories.
   *
   * @param options the period and how to count
   * @return the reports
   */
  public DeskReport report(ReportOptions options) {
    Objects.requireNonNull(options, "options");
    ZoneId reportZone = options.zone().orElse(zone);
    long from = options.from().toEpochMilli();
    long to = options.to().toEpochMilli();

    QueueTally queue;
    try (Stream<QueueEvent> events = queueEvents.between(options.from(), options.to())) {
      queue = QueueTally.of(events, options);
    }
    TrafficTally traffic = new TrafficTally(options, reportZone);
    queue.addMissedContacts(traffic);
    TechnicianTally staff = new TechnicianTally(technicians.all());
    TrendTally trends = new TrendTally(options, reportZone);
    KpiTally kpis = new KpiTally(options);
    TicketFacts facts = new TicketFacts(from, to, options.sla());
    tickets.forEachHistory(ticket -> {
      long entered = ticket.entered().toEpochMilli();
      if (entered >= to) {
        return false;
      }
      if (ticket.updated().toEpochMilli() < from) {
        // Nothing has happened to it since before the period: at most it waits in the backlog, and
        // its history need not be read.
        if (TicketFacts.isBacklog(ticket.status())) {
          kpis.addToBacklog(entered, to, ticket.tier());
        }
        return false;
      }
      return true;
    }, (ticket, history) -> {
      facts.read(ticket, history);
      traffic.add(facts);
      queue.join(facts);
      staff.add(facts);
      trends.add(facts);
      kpis.add(facts);
    });
    return new DeskReport(options.from(), options.to(), reportZone, traffic.report(options, reportZone),
        queue.report(options), staff.report(options), trends.report(options), kpis.report(options));
  }

  @Override
  public String toString() {
    return "Analytics{" + tickets.getClass().getSimpleName() + ", " + zone + "}";
  }
}
