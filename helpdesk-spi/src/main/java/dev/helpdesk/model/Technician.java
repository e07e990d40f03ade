package dev.helpdesk.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A member of the desk's staff at one tier, with their skills, the support modes they give, their
 * capacity and whether they can take work now. A versioned aggregate: a store saves it with
 * compare-and-set on {@link #version()}.
 *
 * @param id the technician's identifier
 * @param name their name
 * @param email where their notifications go, empty when none
 * @param tier the level they work at
 * @param skills skill name (lower case) to level, 1 (basic) to 5 (expert), such as networks → 3
 * @param supportModes the ways they give support (only those with {@link SupportMode#ON_SITE}
 *     visit users)
 * @param capacity how many contacts of each channel they handle at once
 * @param availability whether they can take work now
 * @param version 0 before the technician is first stored, then bumped by one on every save
 */
public record Technician(
    @NotNull TechnicianId id,
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 254) String email,
    @NotNull Tier tier,
    @NotNull Map<@NotBlank String, @NotNull Integer> skills,
    @NotEmpty Set<SupportMode> supportModes,
    @NotNull Capacity capacity,
    @NotNull Availability availability,
    @PositiveOrZero long version) {

  /** The highest skill level. */
  public static final int MAX_SKILL_LEVEL = 5;

  // Validates every component; skill names are kept in lower case.
  public Technician {
    Checks checks = Checks.on(Technician.class);
    checks.notNull("id", id);
    name = checks.text("name", name, 200);
    email = CustomerDetails.normalizeEmail(checks.optionalText("email", email, 254));
    if (!email.isEmpty() && email.indexOf('@') <= 0) {
        checks.fail("email", "is not an email address: '" + email + "'");
      }
    checks.notNull("tier", tier);
    skills = skills(checks, "skills", skills);
    Set<SupportMode> modes = Set.copyOf(checks.list("supportModes", supportModes == null ? null : java.util.List.copyOf(supportModes)));
    checks.check(!modes.isEmpty(), "supportModes", "must hold at least one mode");
    supportModes = modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
    checks.notNull("capacity", capacity);
    checks.notNull("availability", availability);
    checks.atLeast("version", version, 0);
    checks.done();
  }

  /** Validates skill maps for technicians and tickets alike: names lower-cased, levels 1 to 5. */
  static Map<String, Integer> skills(Checks checks, String field, Map<String, Integer> skills) {
    Map<String, Integer> copy = checks.map(field, skills);
    if (copy.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> normalized = new HashMap<>();
    copy.forEach((skill, level) -> {
      String key = skill.strip().toLowerCase(java.util.Locale.ROOT);
      if (key.isEmpty() || key.length() > 64) {
        checks.fail(field, "names must be 1 to 64 characters: '" + skill + "'");
      }
      checks.range(field + "[" + key + "]", level, 1, MAX_SKILL_LEVEL);
      normalized.put(key, level);
    });
    return Map.copyOf(normalized);
  }

  /**
   * Returns a new, available technician with no skills yet, who gives phone, online and
   * remote-desktop support with the standard capacity.
   *
   * @param id the identifier
   * @param name their name
   * @param tier their level
   * @return the technician, version 0
   */
  public static Technician of(TechnicianId id, String name, Tier tier) {
    return new Technician(id, name, "", tier, Map.of(),
        EnumSet.of(SupportMode.PHONE, SupportMode.ONLINE, SupportMode.REMOTE_DESKTOP),
        Capacity.standard(), Availability.AVAILABLE, 0);
  }

  /**
   * Returns the level of a skill.
   *
   * @param skill a skill name, any case
   * @return its level, 0 when the technician lacks it
   */
  public int skillLevel(String skill) {
    Integer level = skills.get(skill.toLowerCase(java.util.Locale.ROOT));
    return level == null ? 0 : level;
  }

  /**
   * Returns a copy with this email address.
   *
   * @param email where notifications go
   * @return the copy
   */
  public Technician withEmail(String email) {
    return new Technician(id, name, email, tier, skills, supportModes, capacity, availability, version);
  }

  /**
   * Returns a copy at another tier.
   *
   * @param tier the new level
   * @return the copy
   */
  public Technician withTier(Tier tier) {
    return new Technician(id, name, email, tier, skills, supportModes, capacity, availability, version);
  }

  /**
   * Returns a copy with one skill set to a level.
   *
   * @param skill the skill's name
   * @param level 1 to 5
   * @return the copy
   */
  public Technician withSkill(String skill, int level) {
    Map<String, Integer> copy = new HashMap<>(skills);
    copy.put(skill, level);
    return new Technician(id, name, email, tier, copy, supportModes, capacity, availability, version);
  }

  /**
   * Returns a copy giving exactly these support modes.
   *
   * @param first a mode
   * @param more more modes
   * @return the copy
   */
  public Technician withSupportModes(SupportMode first, SupportMode... more) {
    return new Technician(id, name, email, tier, skills, EnumSet.of(first, more), capacity, availability, version);
  }

  /**
   * Returns a copy with this capacity.
   *
   * @param capacity the new limits
   * @return the copy
   */
  public Technician withCapacity(Capacity capacity) {
    return new Technician(id, name, email, tier, skills, supportModes, capacity, availability, version);
  }

  /**
   * Returns a copy with this availability.
   *
   * @param availability the new state
   * @return the copy
   */
  public Technician withAvailability(Availability availability) {
    return new Technician(id, name, email, tier, skills, supportModes, capacity, availability, version);
  }

  /**
   * Returns a copy at another version; stores use it when they save.
   *
   * @param version the stored version
   * @return the copy
   */
  public Technician withVersion(long version) {
    return new Technician(id, name, email, tier, skills, supportModes, capacity, availability, version);
  }
}
