package dev.helpdesk.core.analytics;

import dev.helpdesk.model.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The agents needed in each hour of the week (D-20), worked out from measured traffic: each hour's
 * average contacts become a workload, staffed to the target with the plan's shrinkage and occupancy
 * limit.
 */
public final class StaffingPlan {
  private final Staffing staffing;
  private final Set<Channel> channels;
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final List<StaffingRequirement> hours;

  StaffingPlan(Staffing staffing, Set<Channel> channels, Instant from, Instant to, ZoneId zone,
      StaffingRequirement[] hours) {
    this.staffing = staffing;
    this.channels = Set.copyOf(channels);
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.hours = List.of(hours);
  }

  /** @return the rules the plan was made with */
  public Staffing staffing() {
    return staffing;
  }

  /** @return the channels the agents answer; empty for all */
  public Set<Channel> channels() {
    return channels;
  }

  /**
   * Returns what one hour of the week needs.
   *
   * @param hour the hour of the week
   * @return its workload, agents, scheduled agents and forecast
   */
  public StaffingRequirement requirement(HourOfWeek hour) {
    return hours.get(hour.index());
  }

  /**
   * Returns the agents to schedule in one hour of the week.
   *
   * @param hour the hour of the week
   * @return agents after shrinkage
   */
  public int scheduled(HourOfWeek hour) {
    return requirement(hour).scheduled();
  }

  /**
   * Returns the agent-hours a week needs on the schedule.
   *
   * @return the scheduled agents of every hour of the week, summed
   */
  public long scheduledAgentHours() {
    long sum = 0;
    for (StaffingRequirement r : hours) {
      sum += r.scheduled();
    }
    return sum;
  }

  /**
   * Returns the most agents any hour needs on the schedule.
   *
   * @return the peak's scheduled agents
   */
  public int peakScheduled() {
    int max = 0;
    for (StaffingRequirement r : hours) {
      max = Math.max(max, r.scheduled());
    }
    return max;
  }

  /**
   * Returns the plan as CSV, one row per hour of the week.
   *
   * @return {@code day,hour,contacts_per_hour,erlangs,agents,scheduled,service_level,asa_seconds,occupancy,abandonment}
   */
  public String toCsv() {
    Csv csv = new Csv("day", "hour", "contacts_per_hour", "erlangs", "agents", "scheduled", "service_level",
        "asa_seconds", "occupancy", "abandonment");
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      HourOfWeek hour = HourOfWeek.of(h);
      StaffingRequirement r = hours.get(h);
      QueueForecast f = r.forecast();
      csv.row(hour.day(), hour.hour(), r.workload().arrivals(), f.erlangs(), r.agents(), r.scheduled(),
          f.serviceLevel(), f.averageSpeedOfAnswerSeconds(), f.occupancy(), f.abandonment());
    }
    return csv.toString();
  }

  /**
   * Returns the plan as a heatmap of scheduled agents by hour of the week.
   *
   * @return an SVG document
   */
  public String toSvg() {
    double[][] values = new double[7][24];
    for (int h = 0; h < HourOfWeek.COUNT; h++) {
      values[h / 24][h % 24] = hours.get(h).scheduled();
    }
    return Svg.heatmap("Agents to schedule, by hour of the week", staffing.target() + ", shrinkage "
        + Math.round(staffing.shrinkage() * 100) + " %, from traffic " + from + " to " + to + " (" + zone + ")",
        TrafficReport.dayLabels(), TrafficReport.hourLabels(), values, "agents");
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Staffing plan for ").append(staffing.target()).append(", shrinkage ")
        .append(String.format(Locale.ROOT, "%.0f %%", 100 * staffing.shrinkage())).append(", occupancy at most ")
        .append(String.format(Locale.ROOT, "%.0f %%", 100 * staffing.maxOccupancy()))
        .append(channels.isEmpty() ? ", all channels" : ", channels " + channels)
        .append(": agents to schedule by hour\n");
    String[] header = new String[25];
    header[0] = "day";
    System.arraycopy(TrafficReport.hourLabels(), 0, header, 1, 24);
    TextTable grid = new TextTable(header);
    String[] days = TrafficReport.dayLabels();
    for (int d = 0; d < 7; d++) {
      Object[] row = new Object[25];
      row[0] = days[d];
      for (int h = 0; h < 24; h++) {
        int n = hours.get(d * 24 + h).scheduled();
        row[h + 1] = n == 0 ? "." : Integer.toString(n);
      }
      grid.row(row);
    }
    return out.append(grid).append("Agent-hours a week: ").append(scheduledAgentHours()).append(", peak ")
        .append(peakScheduled()).append(" agents\n").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaffingPlan p && p.channels.equals(channels) && p.from.equals(from) && p.to.equals(to)
        && p.zone.equals(zone) && p.hours.equals(hours);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, from, to, Arrays.hashCode(new int[] {peakScheduled()}));
  }
}
