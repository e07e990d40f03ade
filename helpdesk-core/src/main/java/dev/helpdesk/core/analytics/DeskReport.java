package dev.helpdesk.core.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every report of one period, read from the stored history in one pass (D-20…D-24): traffic, queue
 * service level, technicians, question trends and KPIs.
 */
public final class DeskReport {
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final TrafficReport traffic;
  private final QueueReport queue;
  private final TechnicianReport technicians;
  private final TrendReport trends;
  private final KpiReport kpis;

  DeskReport(Instant from, Instant to, ZoneId zone, TrafficReport traffic, QueueReport queue,
      TechnicianReport technicians, TrendReport trends, KpiReport kpis) {
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.traffic = traffic;
    this.queue = queue;
    this.technicians = technicians;
    this.trends = trends;
    this.kpis = kpis;
  }

  /** @return the first instant of the period */
  public Instant from() {
    return from;
  }

  /** @return the first instant after the period */
  public Instant to() {
    return to;
  }

  /** @return the time zone of hours, days, weeks and months */
  public ZoneId zone() {
    return zone;
  }

  /** @return contacts by channel and hour of the week (D-20) */
  public TrafficReport traffic() {
    return traffic;
  }

  /** @return the queues' service level (D-21) */
  public QueueReport queue() {
    return queue;
  }

  /** @return each technician beside their peers (D-22) */
  public TechnicianReport technicians() {
    return technicians;
  }

  /** @return question trends and training suggestions (D-23) */
  public TrendReport trends() {
    return trends;
  }

  /** @return first-contact resolution, SLA, time to resolve, backlog, reopens, satisfaction (D-24) */
  public KpiReport kpis() {
    return kpis;
  }

  /**
   * Returns the charts of the reports, by file name: the traffic heatmap, the queue length over the
   * period, and the backlog's ageing.
   *
   * @return {@code traffic.svg}, {@code queue.svg} and {@code backlog.svg} to their SVG documents
   */
  public Map<String, String> charts() {
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put("traffic.svg", traffic.toSvg());
    charts.put("queue.svg", queue.toSvg(zone));
    charts.put("backlog.svg", kpis.backlogSvg());
    return charts;
  }

  @Override
  public String toString() {
    return kpis + "\n" + traffic + "\n" + queue + "\n" + technicians + "\n" + trends;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeskReport r && r.from.equals(from) && r.to.equals(to) && r.zone.equals(zone)
        && r.traffic.equals(traffic) && r.queue.equals(queue) && r.technicians.equals(technicians)
        && r.trends.equals(trends) && r.kpis.equals(kpis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, zone, kpis);
  }
}
