package dev.helpdesk.kb.flow;

import java.util.Objects;

/**
 * One step of a walk through a flowchart: a question and the answer given to it.
 *
 * @param question the question asked
 * @param answeredYes whether the answer was "yes"
 */
public record Step(Question question, boolean answeredYes) {
  // Rejects a missing question.
  public Step {
    Objects.requireNonNull(question, "question");
  }
}
