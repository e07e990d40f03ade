package dev.helpdesk.jdbc;

import dev.helpdesk.model.Actor;
import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ContactReference;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.DepartmentId;
import dev.helpdesk.model.LinkType;
import dev.helpdesk.model.Priority;
import dev.helpdesk.model.Resolution;
import dev.helpdesk.model.SlaResult;
import dev.helpdesk.model.SlaTarget;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.SystemInformation;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketLink;
import dev.helpdesk.model.TicketStatus;
import dev.helpdesk.model.Tier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A ticket as a row of {@code helpdesk_tickets}, and back. */
final class TicketRows {
  private TicketRows() {}

  /** The columns a save writes: all but the id, the version and the history's length. */
  static final List<String> STATE = List.of("customer_id", "channel", "support_mode", "category", "subject",
      "description", "system_information", "priority", "tier_level", "tier_name", "assignee", "department", "status",
      "entered", "updated", "customer_updated", "links", "source_channel", "source_external_id", "required_skills",
      "preferred_skills", "resolution", "resolution_article", "resolved_by_role", "resolved_by_id", "resolved_at",
      "resolved_first_contact", "reopen_count", "sla_policy", "first_response", "sla_due", "sla_results");

  /** The columns a ticket is read from. */
  static final String COLUMNS = "id, version, " + String.join(", ", STATE);

  /** The placeholder of a state column: jsonb ones are cast from text. */
  static String placeholder(String column) {
    return switch (column) {
      case "system_information", "links", "required_skills", "preferred_skills", "sla_results" -> "?::jsonb";
      default -> "?";
    };
  }

  /** Binds the {@link #STATE} columns from {@code first} on; returns the next parameter's index. */
  static int bindState(PreparedStatement s, int first, Ticket t) throws SQLException {
    int i = first;
    s.setString(i++, t.customer().value());
    s.setString(i++, t.channel().name());
    s.setString(i++, t.supportMode().name());
    s.setString(i++, t.category());
    s.setString(i++, t.subject());
    s.setString(i++, t.description());
    s.setString(i++, t.systemInformation().map(TicketRows::systemInformation).orElse(null));
    s.setString(i++, t.priority().name());
    s.setInt(i++, t.tier().level());
    s.setString(i++, t.tier().name());
    s.setString(i++, t.assignee().map(TechnicianId::value).orElse(null));
    s.setString(i++, t.department().map(DepartmentId::value).orElse(null));
    s.setString(i++, t.status().name());
    Database.setInstant(s, i++, t.entered());
    Database.setInstant(s, i++, t.updated());
    Database.setInstant(s, i++, t.customerUpdated());
    s.setString(i++, links(t.links()));
    s.setString(i++, t.source().map(c -> c.channel().name()).orElse(null));
    s.setString(i++, t.source().map(ContactReference::externalId).orElse(null));
    s.setString(i++, Json.write(new TreeMap<>(t.requiredSkills())));
    s.setString(i++, Json.write(new TreeMap<>(t.preferredSkills())));
    Resolution r = t.resolution().orElse(null);
    s.setString(i++, r == null ? null : r.solution());
    s.setString(i++, r == null ? null : r.article().map(ArticleId::value).orElse(null));
    s.setString(i++, r == null ? null : r.resolvedBy().role().name());
    s.setString(i++, r == null ? null : r.resolvedBy().id());
    Database.setInstant(s, i++, r == null ? null : r.resolvedAt());
    if (r == null) {
      s.setNull(i++, Types.BOOLEAN);
    } else {
      s.setBoolean(i++, r.firstContact());
    }
    s.setInt(i++, t.reopenCount());
    s.setString(i++, t.slaPolicy().orElse(null));
    Database.setInstant(s, i++, t.firstResponse().orElse(null));
    Database.setInstant(s, i++, t.slaDue().orElse(null));
    s.setString(i++, slaResults(t.slaResults()));
    return i;
  }

  /** Reads the ticket on the current row of a query of {@link #COLUMNS}. */
  static Ticket read(ResultSet row) throws SQLException {
    Ticket.Builder b = Ticket.builder()
        .id(TicketId.of(row.getString("id")))
        .version(row.getLong("version"))
        .customer(CustomerId.of(row.getString("customer_id")))
        .channel(Channel.valueOf(row.getString("channel")))
        .supportMode(SupportMode.valueOf(row.getString("support_mode")))
        .category(row.getString("category"))
        .subject(row.getString("subject"))
        .description(row.getString("description"))
        .priority(Priority.valueOf(row.getString("priority")))
        .tier(new Tier(row.getInt("tier_level"), row.getString("tier_name")))
        .status(TicketStatus.valueOf(row.getString("status")))
        .entered(Database.instant(row, "entered"))
        .updated(Database.instant(row, "updated"))
        .customerUpdated(Database.instant(row, "customer_updated"))
        .links(links(row.getString("links")))
        .requiredSkills(skills(row.getString("required_skills")))
        .preferredSkills(skills(row.getString("preferred_skills")))
        .reopenCount(row.getInt("reopen_count"))
        .slaPolicy(row.getString("sla_policy"))
        .firstResponse(Database.instant(row, "first_response"))
        .slaDue(Database.instant(row, "sla_due"))
        .slaResults(slaResults(row.getString("sla_results")));
    String system = row.getString("system_information");
    if (system != null) {
      b.systemInformation(systemInformation(system));
    }
    String assignee = row.getString("assignee");
    if (assignee != null) {
      b.assignee(TechnicianId.of(assignee));
    }
    String department = row.getString("department");
    if (department != null) {
      b.department(DepartmentId.of(department));
    }
    String sourceChannel = row.getString("source_channel");
    if (sourceChannel != null) {
      b.source(new ContactReference(Channel.valueOf(sourceChannel), row.getString("source_external_id")));
    }
    String solution = row.getString("resolution");
    if (solution != null) {
      String article = row.getString("resolution_article");
      b.resolution(new Resolution(solution, Optional.ofNullable(article).map(ArticleId::of),
          new Actor(Actor.Role.valueOf(row.getString("resolved_by_role")), row.getString("resolved_by_id")),
          Database.instant(row, "resolved_at"), row.getBoolean("resolved_first_contact")));
    }
    return b.build();
  }

  static String links(List<TicketLink> links) {
    List<Object> out = new ArrayList<>(links.size());
    for (TicketLink link : links) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("type", link.type().name());
      item.put("target", link.target().value());
      out.add(item);
    }
    return Json.write(out);
  }

  static List<TicketLink> links(String json) {
    List<TicketLink> links = new ArrayList<>();
    for (Object item : (List<?>) Json.read(json)) {
      Map<?, ?> link = (Map<?, ?>) item;
      links.add(new TicketLink(LinkType.valueOf((String) link.get("type")), TicketId.of((String) link.get("target"))));
    }
    return links;
  }

  /** The targets decided so far, as a JSON array; a customer-facing target has no tier. */
  static String slaResults(List<SlaResult> results) {
    List<Object> out = new ArrayList<>(results.size());
    for (SlaResult result : results) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("target", result.target().name());
      item.put("tier", result.tier().map(EventRows::tier).orElse(null));
      item.put("met", result.met());
      item.put("due", Database.micros(result.due()).toString());
      item.put("at", Database.micros(result.at()).toString());
      out.add(item);
    }
    return Json.write(out);
  }

  static List<SlaResult> slaResults(String json) {
    List<SlaResult> results = new ArrayList<>();
    for (Object item : (List<?>) Json.read(json)) {
      Map<?, ?> result = (Map<?, ?>) item;
      Object tier = result.get("tier");
      results.add(new SlaResult(SlaTarget.valueOf((String) result.get("target")),
          tier == null ? Optional.empty() : Optional.of(EventRows.tier(tier)), (Boolean) result.get("met"),
          Instant.parse((String) result.get("due")), Instant.parse((String) result.get("at"))));
    }
    return results;
  }

  /** A skill map from its JSON object, levels as ints. */
  static Map<String, Integer> skills(String json) {
    Map<String, Integer> skills = new TreeMap<>();
    Json.object(json).forEach((skill, level) -> skills.put(skill, ((Long) level).intValue()));
    return skills;
  }

  static String systemInformation(SystemInformation info) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (info instanceof SystemInformation.Computer c) {
      out.put("kind", "computer");
      out.put("operatingSystem", c.operatingSystem());
      out.put("memoryMegabytes", c.memoryMegabytes());
      out.put("hostName", c.hostName());
      out.put("assetTag", c.assetTag());
    } else if (info instanceof SystemInformation.TelephoneService t) {
      out.put("kind", "telephone");
      out.put("extension", t.extension());
      out.put("line", t.line());
      out.put("device", t.device());
      out.put("voicemailBox", t.voicemailBox());
    } else if (info instanceof SystemInformation.Details d) {
      out.put("kind", "details");
      out.put("details", d.details());
    } else {
      throw new IllegalArgumentException("unknown system information " + info.getClass().getName());
    }
    return Json.write(out);
  }

  static SystemInformation systemInformation(String json) {
    Map<String, Object> in = Json.object(json);
    String kind = (String) in.get("kind");
    switch (kind) {
      case "computer":
        return new SystemInformation.Computer((String) in.get("operatingSystem"), (Long) in.get("memoryMegabytes"),
            (String) in.get("hostName"), (String) in.get("assetTag"));
      case "telephone":
        return new SystemInformation.TelephoneService((String) in.get("extension"), (String) in.get("line"),
            (String) in.get("device"), (String) in.get("voicemailBox"));
      case "details":
        Map<String, String> details = new TreeMap<>();
        ((Map<?, ?>) in.get("details")).forEach((name, value) -> details.put((String) name, (String) value));
        return new SystemInformation.Details(details);
      default:
        throw new IllegalStateException("unknown kind of system information in the database: " + kind);
    }
  }
}
