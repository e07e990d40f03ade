package dev.helpdesk.spi.store;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.VersionConflictException;
import java.util.List;
import java.util.Optional;

/**
 * Where the desk's technicians are kept. Like tickets, technicians are saved with compare-and-set
 * on their version (checked by the {@code helpdesk-tck} suite {@code TechnicianStoreContract}).
 */
public interface TechnicianStore {
  /**
   * Stores a new technician.
   *
   * @param technician a technician at version 0
   * @return the stored technician, at version 1
   * @throws ValidationException if the version is not 0
   * @throws VersionConflictException if a technician with the id exists already
   */
  Technician create(Technician technician);

  /**
   * Stores a changed technician if nobody changed them since they were read.
   *
   * @param technician the technician at the version it was read at
   * @return the stored technician, version bumped by one
   * @throws VersionConflictException if the stored version differs; nothing is written
   * @throws NotFoundException if no such technician is stored
   */
  Technician save(Technician technician);

  /**
   * Finds a technician.
   *
   * @param id their id
   * @return the technician, or empty
   */
  Optional<Technician> find(TechnicianId id);

  /**
   * Returns a technician who must exist.
   *
   * @param id their id
   * @return the technician
   * @throws NotFoundException if there is none
   */
  default Technician get(TechnicianId id) {
    return find(id).orElseThrow(() -> new NotFoundException("technician", id));
  }

  /**
   * Returns every technician, ordered by id.
   *
   * @return the technicians
   */
  List<Technician> all();

  /**
   * Returns the technicians at one tier, ordered by id.
   *
   * @param tier the tier
   * @return the technicians
   */
  default List<Technician> atTier(Tier tier) {
    return all().stream().filter(t -> t.tier().equals(tier)).toList();
  }

  /**
   * Removes a technician (someone who left the desk).
   *
   * @param id their id
   * @return whether a technician was removed
   */
  boolean delete(TechnicianId id);
}
