package dev.helpdesk.kb.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * One walk through a flowchart, question by question, from its start to a solution or an
 * escalation (D-11). It remembers every answer, so a wrong one can be taken back and the path
 * taken can be recorded on the ticket.
 *
 * <p>Cheap to create; not thread-safe: one session serves one conversation with one customer.
 * Start one with {@link Flowchart#newSession()}.
 */
public final class FlowSession {
  private final Flowchart flowchart;
  private final List<Step> path = new ArrayList<>();
  private Node at;

  FlowSession(Flowchart flowchart) {
    this.flowchart = flowchart;
    this.at = flowchart.start();
  }

  /**
   * Returns the flowchart this session walks.
   *
   * @return the flowchart
   */
  public Flowchart flowchart() {
    return flowchart;
  }

  /**
   * Tells whether the walk has reached a solution or an escalation.
   *
   * @return true once {@link #outcome()} is available
   */
  public boolean isFinished() {
    return at instanceof Leaf;
  }

  /**
   * Returns the question to ask now.
   *
   * @return the current question
   * @throws IllegalStateException if the walk is finished
   */
  public Question current() {
    if (at instanceof Question question) {
      return question;
    }
    throw new IllegalStateException(finished("has no current question"));
  }

  /**
   * Records the answer to the current question and moves to the node it leads to.
   *
   * @param yes whether the answer is "yes"
   * @return this session
   * @throws IllegalStateException if the walk is finished; nothing changes
   */
  public FlowSession answer(boolean yes) {
    if (!(at instanceof Question question)) {
      throw new IllegalStateException(finished("cannot take another answer") + "; use back() to change an answer");
    }
    path.add(new Step(question, yes));
    at = flowchart.next(question, yes);
    return this;
  }

  /**
   * Takes back the last answer, returning to the question it answered, whether or not the walk
   * had finished.
   *
   * @return this session
   * @throws IllegalStateException if no question has been answered yet; nothing changes
   */
  public FlowSession back() {
    if (path.isEmpty()) {
      throw new IllegalStateException("No answer to take back: the walk through " + flowchart.id()
          + " is still at its start question '" + flowchart.start().id() + "'");
    }
    at = path.remove(path.size() - 1).question();
    return this;
  }

  /**
   * Returns where the walk ended: the solution found, or the escalation, with every answer given.
   *
   * @return the outcome
   * @throws IllegalStateException if the walk has not reached a leaf yet
   */
  public Outcome outcome() {
    if (at instanceof Leaf leaf) {
      return new Outcome(flowchart, leaf, path);
    }
    throw new IllegalStateException("The walk through " + flowchart.id() + " is not finished: it is at question '"
        + at.id() + "'");
  }

  /**
   * Returns the answers given so far, oldest first.
   *
   * @return an immutable copy
   */
  public List<Step> path() {
    return List.copyOf(path);
  }

  /**
   * Returns the walk so far as plain text for a ticket note, in the flowchart's language: a
   * heading with the flowchart's title, one line per question with its answer ("¿La impresora
   * está encendida? Sí"), and a last line with the solution or escalation reached, or the
   * question the walk stopped at if it is unfinished.
   *
   * @return the transcript, lines separated by {@code \n}
   */
  public String transcript() {
    return Transcript.write(flowchart, path, at);
  }

  private String finished(String what) {
    return "The walk through " + flowchart.id() + " " + what + ": it ended at "
        + (at instanceof Solution ? "solution '" : "escalation '") + at.id() + "'";
  }

  @Override
  public String toString() {
    return "FlowSession[" + flowchart.id() + " at '" + at.id() + "' after " + path.size() + " answers]";
  }
}
