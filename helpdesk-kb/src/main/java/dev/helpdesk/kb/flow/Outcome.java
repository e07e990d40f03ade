package dev.helpdesk.kb.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a finished walk through a flowchart ended, with the answers that led there: what a desk
 * records on the ticket, and what it escalates with when the walk ends in an {@link Escalation}.
 *
 * <p>Only a {@link FlowSession} creates outcomes, so the path always leads from the flowchart's
 * start to the leaf. Immutable; two outcomes are equal when their flowcharts, leaves and paths are.
 */
public final class Outcome {
  private final Flowchart flowchart;
  private final Leaf leaf;
  private final List<Step> path;

  Outcome(Flowchart flowchart, Leaf leaf, List<Step> path) {
    this.flowchart = flowchart;
    this.leaf = leaf;
    this.path = List.copyOf(path);
  }

  /**
   * Returns the flowchart walked.
   *
   * @return the flowchart
   */
  public Flowchart flowchart() {
    return flowchart;
  }

  /**
   * Returns the leaf the walk ended at.
   *
   * @return a {@link Solution} or an {@link Escalation}
   */
  public Leaf leaf() {
    return leaf;
  }

  /**
   * Returns the questions asked and the answers given, from the start question to the leaf.
   *
   * @return an immutable, non-empty list
   */
  public List<Step> path() {
    return path;
  }

  /**
   * Tells whether the walk found a solution.
   *
   * @return true when the leaf is a {@link Solution}
   */
  public boolean isSolved() {
    return leaf instanceof Solution;
  }

  /**
   * Returns the solution the walk found.
   *
   * @return the solution, or empty if the walk ended in an escalation
   */
  public Optional<Solution> solution() {
    return leaf instanceof Solution s ? Optional.of(s) : Optional.empty();
  }

  /**
   * Returns the escalation the walk ended in.
   *
   * @return the escalation, or empty if the walk found a solution
   */
  public Optional<Escalation> escalation() {
    return leaf instanceof Escalation e ? Optional.of(e) : Optional.empty();
  }

  /**
   * Returns the walk as plain text for a ticket note, in the flowchart's language: a heading with
   * the flowchart's title, one line per question with its answer, and a last line with the leaf.
   *
   * @return the transcript, lines separated by {@code \n}
   * @see FlowSession#transcript()
   */
  public String transcript() {
    return Transcript.write(flowchart, path, leaf);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Outcome that
        && that.flowchart.equals(flowchart) && that.leaf.equals(leaf) && that.path.equals(path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(flowchart, leaf, path);
  }

  @Override
  public String toString() {
    return "Outcome[" + flowchart.id() + " -> " + leaf + " after " + path.size() + " answers]";
  }
}
