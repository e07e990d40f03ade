package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.helpdesk.spi.store.TechnicianStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link TechnicianStore}: every implementation extends this suite and must pass it. */
public abstract class TechnicianStoreContract extends PortContract<TechnicianStore> {
  /** For subclasses. */
  protected TechnicianStoreContract() {}

  private static Technician maria() {
    return Technician.of(TechnicianId.of("maria"), "María López", Tier.SPECIALISTS)
        .withEmail("maria@desk.example")
        .withSkill("networks", 3)
        .withSkill("databases", 1)
        .withSupportModes(SupportMode.PHONE, SupportMode.ON_SITE)
        .withCapacity(Capacity.standard().with(Channel.CHAT, 4));
  }

  @Test
  void aCreatedTechnicianIsFoundAtVersionOneWithEverythingKept() {
    Technician stored = store.create(maria());

    assertEquals(maria().withVersion(1), stored);
    assertEquals(Optional.of(stored), store.find(stored.id()));
    assertEquals(3, store.get(stored.id()).skillLevel("Networks"));
    assertEquals(4, store.get(stored.id()).capacity().limit(Channel.CHAT));
  }

  @Test
  void aTechnicianMustBeCreatedAtVersionZero() {
    assertThrows(ValidationException.class, () -> store.create(maria().withVersion(2)));
    assertEquals(Optional.empty(), store.find(maria().id()));
  }

  @Test
  void creatingATechnicianTwiceIsAConflict() {
    Technician stored = store.create(maria());
    assertThrows(VersionConflictException.class, () -> store.create(maria().withTier(Tier.FIRST_LINE)));
    assertEquals(stored, store.get(stored.id()));
  }

  @Test
  void everySaveBumpsTheVersionByExactlyOne() {
    Technician t = store.create(maria());
    t = store.save(t.withAvailability(Availability.BUSY));
    assertEquals(2, t.version());
    t = store.save(t.withAvailability(Availability.AVAILABLE));
    assertEquals(3, t.version());
    assertEquals(t, store.get(t.id()));
  }

  @Test
  void aStaleSaveIsAConflictThatChangesNothing() {
    Technician read = store.create(maria());
    Technician winner = store.save(read.withAvailability(Availability.AWAY));

    assertThrows(VersionConflictException.class, () -> store.save(read.withAvailability(Availability.OFFLINE)));
    assertEquals(winner, store.get(read.id()));
  }

  @Test
  void savingAfterDeleteIsNotFound() {
    Technician t = store.create(maria());
    assertTrue(store.delete(t.id()));
    assertFalse(store.delete(t.id()));
    assertThrows(NotFoundException.class, () -> store.save(t.withAvailability(Availability.BUSY)));
    assertEquals(Optional.empty(), store.find(t.id()));
    assertThrows(NotFoundException.class, () -> store.get(t.id()));
  }

  @Test
  void allListsByIdAndAtTierFilters() {
    Technician zoe = store.create(Technician.of(TechnicianId.of("zoe"), "Zoe", Tier.FIRST_LINE));
    Technician maria = store.create(maria());
    Technician ana = store.create(Technician.of(TechnicianId.of("ana"), "Ana", Tier.FIRST_LINE));

    assertEquals(List.of(ana, maria, zoe), store.all());
    assertEquals(List.of(ana, zoe), store.atTier(Tier.FIRST_LINE));
    assertEquals(List.of(maria), store.atTier(Tier.SPECIALISTS));
    assertEquals(List.of(), store.atTier(Tier.EXPERTS));
  }

  @Test
  void concurrentSavesLoseNoSuccessfulUpdate() throws Exception {
    store.create(maria().withCapacity(Capacity.standard().with(Channel.EMAIL, 0)));
    AtomicInteger wins = new AtomicInteger();
    Threads.runConcurrently(4, thread -> {
      for (int i = 0; i < 40; i++) {
        Technician read = store.get(maria().id());
        int emails = read.capacity().limit(Channel.EMAIL);
        if (emails == 100) {
          return;
        }
        try {
          store.save(read.withCapacity(read.capacity().with(Channel.EMAIL, emails + 1)));
          wins.incrementAndGet();
        } catch (VersionConflictException lost) {
          // Somebody else saved first; this attempt wrote nothing.
        }
      }
    });
    Technician last = store.get(maria().id());
    assertEquals(wins.get(), last.capacity().limit(Channel.EMAIL));
    assertEquals(1 + wins.get(), last.version());
  }
}
