package dev.helpdesk.kb.flow;

import dev.helpdesk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A yes/no question of a flowchart that leads to one node on "yes" and another on "no" (D-11).
 *
 * @param id the node's id, unique within its flowchart
 * @param text the question as the technician asks it, such as "Is the printer switched on?";
 *     stripped, not blank, at most 500 characters
 * @param yes the id of the node the answer "yes" leads to
 * @param no the id of the node the answer "no" leads to, another than {@code yes}
 */
public record Question(String id, String text, String yes, String no) implements Node {
  /**
   * Creates a question, stripping its text.
   *
   * @throws dev.helpdesk.model.ValidationException listing every invalid component, if any
   */
  public Question {
    List<Violation> violations = new ArrayList<>(0);
    Rules.check(violations, "id", Rules.id(id));
    Rules.check(violations, "text", Rules.text(text, Rules.QUESTION_MAX));
    Rules.check(violations, "yes", Rules.id(yes));
    Rules.check(violations, "no", Rules.id(no));
    if (yes != null && yes.equals(no)) {
      violations.add(new Violation("no", "must lead elsewhere than yes, both lead to '" + yes + "'"));
    }
    Rules.done("Question", violations);
    text = text.strip();
  }

  /**
   * Returns the id of the node an answer leads to.
   *
   * @param answeredYes the answer given
   * @return {@link #yes()} or {@link #no()}
   */
  public String next(boolean answeredYes) {
    return answeredYes ? yes : no;
  }
}
