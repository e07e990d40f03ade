package dev.helpdesk.core.memory;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.TechnicianStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TechnicianStore} in memory: the embedded default. Lock-free compare-and-set on a
 * concurrent hash map, since every command by a technician looks them up; listing sorts by id.
 * Nothing is shared between instances.
 */
public final class InMemoryTechnicianStore implements TechnicianStore {
  private final ConcurrentHashMap<TechnicianId, Technician> technicians = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTechnicianStore() {}

  @Override
  public Technician create(Technician technician) {
    if (technician.version() != 0) {
      throw new ValidationException("Technician",
          List.of(new Violation("version", "must be 0 to create a technician, was " + technician.version())));
    }
    Technician stored = technician.withVersion(1);
    Technician existing = technicians.putIfAbsent(stored.id(), stored);
    if (existing != null) {
      throw new VersionConflictException("technician", technician.id(), 0, existing.version());
    }
    return stored;
  }

  @Override
  public Technician save(Technician technician) {
    Technician stored = technician.withVersion(technician.version() + 1);
    while (true) {
      Technician current = technicians.get(technician.id());
      if (current == null) {
        throw new NotFoundException("technician", technician.id());
      }
      if (current.version() != technician.version()) {
        throw new VersionConflictException("technician", technician.id(), technician.version(), current.version());
      }
      // replace compares with equals; the loop re-reads if another writer got in between.
      if (technicians.replace(technician.id(), current, stored)) {
        return stored;
      }
    }
  }

  @Override
  public Optional<Technician> find(TechnicianId id) {
    return Optional.ofNullable(technicians.get(id));
  }

  @Override
  public List<Technician> all() {
    return technicians.values().stream().sorted(Comparator.comparing(Technician::id)).toList();
  }

  @Override
  public boolean delete(TechnicianId id) {
    return technicians.remove(id) != null;
  }
}
