package dev.helpdesk.examples;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.store.TechnicianStore;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A vendor's own {@link TechnicianStore}: the desk's roster in a sorted map behind one read-write
 * lock. It is the simplest store that keeps the port's contract, written the way a store on a
 * database would be: {@link #create} is an insert that fails on a duplicate key, and {@link #save}
 * is a compare-and-set, {@code UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?},
 * that writes nothing when another writer got there first. {@code RosterTechnicianStoreTest} proves
 * it with the {@code helpdesk-tck} suite; {@link CustomStoreExample} runs a desk on it.
 */
public final class RosterTechnicianStore implements TechnicianStore {
  // Sorted by id, so that all() and atTier() come out in the order the port promises without a sort.
  private final TreeMap<TechnicianId, Technician> roster = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Creates an empty roster. */
  public RosterTechnicianStore() {}

  @Override
  public Technician create(Technician technician) {
    if (technician.version() != 0) {
      throw new ValidationException("Technician", List.of(new Violation("version",
          "must be 0 to create a technician, was " + technician.version())));
    }
    lock.writeLock().lock();
    try {
      Technician existing = roster.get(technician.id());
      if (existing != null) {
        throw new VersionConflictException("technician", technician.id(), 0, existing.version());
      }
      Technician stored = technician.withVersion(1);
      roster.put(stored.id(), stored);
      return stored;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Technician save(Technician technician) {
    lock.writeLock().lock();
    try {
      Technician current = roster.get(technician.id());
      if (current == null) {
        throw new NotFoundException("technician", technician.id());
      }
      if (current.version() != technician.version()) {
        throw new VersionConflictException("technician", technician.id(), technician.version(), current.version());
      }
      Technician stored = technician.withVersion(technician.version() + 1);
      roster.put(stored.id(), stored);
      return stored;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<Technician> find(TechnicianId id) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(roster.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Technician> all() {
    lock.readLock().lock();
    try {
      return List.copyOf(roster.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean delete(TechnicianId id) {
    lock.writeLock().lock();
    try {
      return roster.remove(id) != null;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
