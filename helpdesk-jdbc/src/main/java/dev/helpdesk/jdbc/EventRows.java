package dev.helpdesk.jdbc;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.BulletinId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.Note;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.TicketEvent.Change;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ticket's history as rows of {@code helpdesk_ticket_events}: one row per event, numbered from 0
 * in the order appended. What happened is the change's record name in {@code change_type} and its
 * components as a JSON object in {@code change}, so a report can select on both.
 */
final class EventRows {
  private EventRows() {}

  static final String COLUMNS = "ticket_id, position, at, actor_role, actor_id, from_status, to_status, tier_level,"
      + " tier_name, change_type, change, note, note_visibility";

  /**
   * The part of a write that appends a ticket's events: a common table expression {@code events}
   * that inserts one row per element of its eleven array parameters, numbered on from the {@code
   * first_position} of the row that the expression {@code ticket} returns (with its {@code id}), and
   * nothing when that returns no row.
   */
  static final String APPEND = "events AS (INSERT INTO helpdesk_ticket_events (" + COLUMNS + ")"
      + " SELECT t.id, t.first_position + e.ord - 1, e.at, e.actor_role, e.actor_id, e.from_status, e.to_status,"
      + " e.tier_level, e.tier_name, e.change_type, e.change, e.note, e.note_visibility FROM ticket t,"
      + " unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],"
      + " ?::jsonb[], ?::text[], ?::text[]) WITH ORDINALITY AS e(at, actor_role, actor_id, from_status, to_status,"
      + " tier_level, tier_name, change_type, change, note, note_visibility, ord))";

  /** Binds the arrays of {@link #APPEND} from {@code first} on; returns the next parameter's index. */
  static int bindAppend(Connection connection, PreparedStatement s, int first, List<TicketEvent> events)
      throws SQLException {
    int n = events.size();
    List<List<String>> columns = new ArrayList<>(11);
    for (int c = 0; c < 11; c++) {
      columns.add(new ArrayList<>(n));
    }
    for (TicketEvent e : events) {
      columns.get(0).add(Database.micros(e.at()).toString());
      columns.get(1).add(e.actor().role().name());
      columns.get(2).add(e.actor().id());
      columns.get(3).add(e.from().name());
      columns.get(4).add(e.to().name());
      columns.get(5).add(Integer.toString(e.tier().level()));
      columns.get(6).add(e.tier().name());
      columns.get(7).add(e.change().getClass().getSimpleName());
      columns.get(8).add(Json.write(components(e.change())));
      columns.get(9).add(e.note().text());
      columns.get(10).add(e.note().visibility().name());
    }
    int i = first;
    for (List<String> column : columns) {
      s.setArray(i++, Database.texts(connection, column));
    }
    return i;
  }

  /** Reads the event on the current row of a query of {@link #COLUMNS}. */
  static TicketEvent read(ResultSet row) throws SQLException {
    return new TicketEvent(
        TicketId.of(row.getString("ticket_id")),
        Database.instant(row, "at"),
        new Actor(Actor.Role.valueOf(row.getString("actor_role")), row.getString("actor_id")),
        TicketStatus.valueOf(row.getString("from_status")),
        TicketStatus.valueOf(row.getString("to_status")),
        new Tier(row.getInt("tier_level"), row.getString("tier_name")),
        change(row.getString("change_type"), Json.object(row.getString("change"))),
        new Note(row.getString("note"), Visibility.valueOf(row.getString("note_visibility"))));
  }

  private static Map<String, Object> components(Change change) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (change instanceof TicketEvent.Opened c) {
      out.put("channel", c.channel().name());
      out.put("supportMode", c.supportMode().name());
    } else if (change instanceof TicketEvent.Assigned c) {
      out.put("technician", c.technician().value());
      out.put("reason", c.reason());
    } else if (change instanceof TicketEvent.Unassigned c) {
      out.put("technician", c.technician().value());
      out.put("reason", c.reason());
    } else if (change instanceof TicketEvent.CustomerReplied c) {
      out.put("contact", c.contact().map(EventRows::contact).orElse(null));
    } else if (change instanceof TicketEvent.Escalated c) {
      out.put("fromTier", tier(c.fromTier()));
      out.put("toTier", tier(c.toTier()));
    } else if (change instanceof TicketEvent.ReturnedForFollowUp c) {
      out.put("fromTier", tier(c.fromTier()));
      out.put("toTier", tier(c.toTier()));
    } else if (change instanceof TicketEvent.HandedOff c) {
      out.put("department", c.department().value());
    } else if (change instanceof TicketEvent.ReturnedFromDepartment c) {
      out.put("department", c.department().value());
    } else if (change instanceof TicketEvent.Resolved c) {
      Resolution r = c.resolution();
      out.put("solution", r.solution());
      out.put("article", r.article().map(ArticleId::value).orElse(null));
      out.put("resolvedByRole", r.resolvedBy().role().name());
      out.put("resolvedBy", r.resolvedBy().id());
      out.put("resolvedAt", Database.micros(r.resolvedAt()).toString());
      out.put("firstContact", r.firstContact());
    } else if (change instanceof TicketEvent.Closed c) {
      out.put("reason", c.reason().name());
    } else if (change instanceof TicketEvent.Reopened c) {
      out.put("underWarranty", c.underWarranty());
    } else if (change instanceof TicketEvent.Merged c) {
      out.put("into", c.into().value());
    } else if (change instanceof TicketEvent.PriorityChanged c) {
      out.put("fromPriority", c.fromPriority().name());
      out.put("toPriority", c.toPriority().name());
    } else if (change instanceof TicketEvent.BulletinLinked c) {
      out.put("bulletin", c.bulletin().value());
    } else if (change instanceof TicketEvent.FlowchartFollowed c) {
      out.put("flowchart", c.flowchart());
      out.put("outcome", c.outcome());
    } else if (change instanceof TicketEvent.SlaPolicyApplied c) {
      out.put("policy", c.policy());
    } else if (change instanceof TicketEvent.SlaWarning c) {
      out.put("target", c.target().name());
      out.put("tier", c.tier().map(EventRows::tier).orElse(null));
      out.put("percent", c.percent());
      out.put("due", Database.micros(c.due()).toString());
    } else if (change instanceof TicketEvent.SlaBreached c) {
      out.put("target", c.target().name());
      out.put("tier", c.tier().map(EventRows::tier).orElse(null));
      out.put("due", Database.micros(c.due()).toString());
    } else if (change instanceof TicketEvent.Rated c) {
      out.put("score", c.score());
    } else if (!(change instanceof TicketEvent.WorkStarted || change instanceof TicketEvent.InformationRequested
        || change instanceof TicketEvent.Cancelled || change instanceof TicketEvent.Commented
        || change instanceof TicketEvent.StatusUpdateSent || change instanceof TicketEvent.ReminderSent)) {
      // A kind of change added to the model after this adapter: storing it without its components
      // would lose them, and its history could not be read back.
      throw new StoreFailureException("Could not store the event, nothing was stored: helpdesk-jdbc does not"
          + " know how to store a " + change.getClass().getSimpleName() + " yet (" + change + ")", null);
    }
    return out;
  }

  private static Change change(String type, Map<String, Object> in) {
    switch (type) {
      case "Opened":
        return new TicketEvent.Opened(Channel.valueOf(text(in, "channel")),
            SupportMode.valueOf(text(in, "supportMode")));
      case "Assigned":
        return new TicketEvent.Assigned(TechnicianId.of(text(in, "technician")), text(in, "reason"));
      case "Unassigned":
        return new TicketEvent.Unassigned(TechnicianId.of(text(in, "technician")), text(in, "reason"));
      case "WorkStarted":
        return new TicketEvent.WorkStarted();
      case "InformationRequested":
        return new TicketEvent.InformationRequested();
      case "CustomerReplied":
        Object contact = in.get("contact");
        return new TicketEvent.CustomerReplied(contact == null ? Optional.empty()
            : Optional.of(contact((Map<?, ?>) contact)));
      case "Escalated":
        return new TicketEvent.Escalated(tier(in.get("fromTier")), tier(in.get("toTier")));
      case "ReturnedForFollowUp":
        return new TicketEvent.ReturnedForFollowUp(tier(in.get("fromTier")), tier(in.get("toTier")));
      case "HandedOff":
        return new TicketEvent.HandedOff(DepartmentId.of(text(in, "department")));
      case "ReturnedFromDepartment":
        return new TicketEvent.ReturnedFromDepartment(DepartmentId.of(text(in, "department")));
      case "Resolved":
        return new TicketEvent.Resolved(new Resolution(text(in, "solution"),
            Optional.ofNullable(text(in, "article")).map(ArticleId::of),
            new Actor(Actor.Role.valueOf(text(in, "resolvedByRole")), text(in, "resolvedBy")),
            Instant.parse(text(in, "resolvedAt")), (Boolean) in.get("firstContact")));
      case "Closed":
        return new TicketEvent.Closed(TicketEvent.ClosureReason.valueOf(text(in, "reason")));
      case "Reopened":
        return new TicketEvent.Reopened((Boolean) in.get("underWarranty"));
      case "Cancelled":
        return new TicketEvent.Cancelled();
      case "Merged":
        return new TicketEvent.Merged(TicketId.of(text(in, "into")));
      case "Commented":
        return new TicketEvent.Commented();
      case "PriorityChanged":
        return new TicketEvent.PriorityChanged(Priority.valueOf(text(in, "fromPriority")),
            Priority.valueOf(text(in, "toPriority")));
      case "StatusUpdateSent":
        return new TicketEvent.StatusUpdateSent();
      case "ReminderSent":
        return new TicketEvent.ReminderSent();
      case "BulletinLinked":
        return new TicketEvent.BulletinLinked(BulletinId.of(text(in, "bulletin")));
      case "FlowchartFollowed":
        return new TicketEvent.FlowchartFollowed(text(in, "flowchart"), text(in, "outcome"));
      case "SlaPolicyApplied":
        return new TicketEvent.SlaPolicyApplied(text(in, "policy"));
      case "SlaWarning":
        return new TicketEvent.SlaWarning(SlaTarget.valueOf(text(in, "target")), optionalTier(in.get("tier")),
            ((Long) in.get("percent")).intValue(), Instant.parse(text(in, "due")));
      case "SlaBreached":
        return new TicketEvent.SlaBreached(SlaTarget.valueOf(text(in, "target")), optionalTier(in.get("tier")),
            Instant.parse(text(in, "due")));
      case "Rated":
        return new TicketEvent.Rated(((Long) in.get("score")).intValue());
      default:
        throw new IllegalStateException("unknown kind of ticket event in the database: " + type);
    }
  }

  private static String text(Map<String, Object> in, String key) {
    return (String) in.get(key);
  }

  private static Optional<Tier> optionalTier(Object json) {
    return json == null ? Optional.empty() : Optional.of(tier(json));
  }

  static Map<String, Object> tier(Tier tier) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", tier.level());
    out.put("name", tier.name());
    return out;
  }

  static Tier tier(Object json) {
    Map<?, ?> in = (Map<?, ?>) json;
    return new Tier(((Long) in.get("level")).intValue(), (String) in.get("name"));
  }

  private static Map<String, Object> contact(ContactReference contact) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("channel", contact.channel().name());
    out.put("externalId", contact.externalId());
    return out;
  }

  private static ContactReference contact(Map<?, ?> in) {
    return new ContactReference(Channel.valueOf((String) in.get("channel")), (String) in.get("externalId"));
  }
}
