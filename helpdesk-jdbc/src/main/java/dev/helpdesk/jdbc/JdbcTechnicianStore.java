package dev.helpdesk.jdbc;

import dev.helpdesk.model.Availability;
import dev.helpdesk.model.Capacity;
import dev.helpdesk.model.Channel;
import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.SupportMode;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.TechnicianStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A {@link TechnicianStore} on PostgreSQL, through the host's {@link DataSource}. A save is a
 * compare-and-set on the technician's version ({@code UPDATE ... WHERE id = ? AND version = ?}), so
 * of two concurrent saves from one version, on any nodes, exactly one is stored.
 */
public final class JdbcTechnicianStore implements TechnicianStore {
  private static final String COLUMNS =
      "id, version, name, email, tier_level, tier_name, skills, support_modes, capacity, availability";

  private final Database database;

  /**
   * Creates the store.
   *
   * @param dataSource where the connections come from; the schema of {@link HelpDeskSchema} must be
   *     in place there
   */
  public JdbcTechnicianStore(DataSource dataSource) {
    this.database = new Database(dataSource);
  }

  @Override
  public Technician create(Technician technician) {
    if (technician.version() != 0) {
      throw new ValidationException("Technician",
          List.of(new Violation("version", "must be 0 to create a technician, was " + technician.version())));
    }
    Optional<Long> existing = database.writeOneStatement("create technician " + technician.id(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk_technicians (" + COLUMNS
          + ") VALUES (?, 1, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, technician.id().value());
        bindProfile(connection, insert, 2, technician);
        return insert.executeUpdate() == 1 ? Optional.<Long>empty() : version(connection, technician.id());
      }
    });
    if (existing.isPresent()) {
      throw new VersionConflictException("technician", technician.id(), 0, existing.get());
    }
    return technician.withVersion(1);
  }

  @Override
  public Technician save(Technician technician) {
    return database.writeOneStatement("save technician " + technician.id(), connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE helpdesk_technicians SET"
          + " version = version + 1, name = ?, email = ?, tier_level = ?, tier_name = ?, skills = ?::jsonb,"
          + " support_modes = ?, capacity = ?::jsonb, availability = ? WHERE id = ? AND version = ?")) {
        int next = bindProfile(connection, update, 1, technician);
        update.setString(next++, technician.id().value());
        update.setLong(next, technician.version());
        if (update.executeUpdate() == 0) {
          long stored = version(connection, technician.id())
              .orElseThrow(() -> new NotFoundException("technician", technician.id()));
          throw new VersionConflictException("technician", technician.id(), technician.version(), stored);
        }
      }
      return technician.withVersion(technician.version() + 1);
    });
  }

  private static int bindProfile(Connection connection, PreparedStatement s, int first, Technician t)
      throws SQLException {
    int i = first;
    s.setString(i++, t.name());
    s.setString(i++, t.email());
    s.setInt(i++, t.tier().level());
    s.setString(i++, t.tier().name());
    s.setString(i++, Json.write(new TreeMap<>(t.skills())));
    s.setArray(i++, Database.texts(connection, t.supportModes().stream().map(SupportMode::name).sorted().toList()));
    Map<String, Object> limits = new TreeMap<>();
    t.capacity().limits().forEach((channel, limit) -> limits.put(channel.name(), limit));
    s.setString(i++, Json.write(limits));
    s.setString(i++, t.availability().name());
    return i;
  }

  private static Optional<Long> version(Connection connection, TechnicianId id) throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement("SELECT version FROM helpdesk_technicians WHERE id = ?")) {
      find.setString(1, id.value());
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  static Technician read(ResultSet row) throws SQLException {
    Set<SupportMode> modes = EnumSet.noneOf(SupportMode.class);
    for (Object mode : (Object[]) row.getArray("support_modes").getArray()) {
      modes.add(SupportMode.valueOf((String) mode));
    }
    Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
    Json.object(row.getString("capacity")).forEach((channel, limit) ->
        limits.put(Channel.valueOf(channel), ((Long) limit).intValue()));
    return new Technician(TechnicianId.of(row.getString("id")), row.getString("name"), row.getString("email"),
        new Tier(row.getInt("tier_level"), row.getString("tier_name")), TicketRows.skills(row.getString("skills")),
        modes, new Capacity(limits), Availability.valueOf(row.getString("availability")), row.getLong("version"));
  }

  @Override
  public Optional<Technician> find(TechnicianId id) {
    return database.read("read technician " + id, connection -> {
      try (PreparedStatement find = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM helpdesk_technicians WHERE id = ?")) {
        find.setString(1, id.value());
        try (ResultSet row = find.executeQuery()) {
          return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Technician> all() {
    return list("list the technicians", "", null);
  }

  @Override
  public List<Technician> atTier(Tier tier) {
    return list("list the technicians at " + tier, " WHERE tier_level = ?", tier.level());
  }

  private List<Technician> list(String what, String where, Integer level) {
    return database.read(what, connection -> {
      try (PreparedStatement list = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM helpdesk_technicians" + where + " ORDER BY id")) {
        if (level != null) {
          list.setInt(1, level);
        }
        List<Technician> technicians = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            technicians.add(read(rows));
          }
        }
        return List.copyOf(technicians);
      }
    });
  }

  @Override
  public boolean delete(TechnicianId id) {
    return database.writeOneStatement("delete technician " + id, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM helpdesk_technicians WHERE id = ?")) {
        delete.setString(1, id.value());
        return delete.executeUpdate() == 1;
      }
    });
  }
}
