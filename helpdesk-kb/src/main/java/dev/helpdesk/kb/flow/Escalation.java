package dev.helpdesk.kb.flow;

import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf where the flowchart has no answer: the ticket goes to the named level and skill, on site
 * if the problem needs a technician with the equipment (D-06, D-07, D-13).
 *
 * @param id the node's id, unique within its flowchart
 * @param tier the level the ticket goes to; only its {@link Tier#level() level} counts, a desk
 *     maps it to its own tier of that level
 * @param skill the skill the ticket needs, one word, kept in lower case, such as {@code printers}
 * @param onSite whether a technician must go to the equipment (D-01, D-10)
 * @param reason why, for the technician who takes the ticket; stripped, empty if none, at most
 *     4,000 characters
 */
public record Escalation(String id, Tier tier, String skill, boolean onSite, String reason) implements Leaf {
  /**
   * Creates an escalation, lower-casing the skill and stripping the reason.
   *
   * @throws dev.helpdesk.model.ValidationException listing every invalid component, if any
   */
  public Escalation {
    List<Violation> violations = new ArrayList<>(0);
    Rules.check(violations, "id", Rules.id(id));
    if (tier == null) {
      violations.add(new Violation("tier", "must not be null"));
    }
    Rules.check(violations, "skill", Rules.skill(skill));
    Rules.check(violations, "reason", Rules.optionalText(reason, Rules.TEXT_MAX));
    Rules.done("Escalation", violations);
    skill = Rules.skillName(skill);
    reason = Rules.strip(reason);
  }

  /**
   * Returns the level the ticket goes to.
   *
   * @return 1 to {@value Tier#MAX_LEVEL}
   */
  public int level() {
    return tier.level();
  }
}
