package dev.helpdesk.kb.flow;

/**
 * One node of a {@link Flowchart}: a yes/no {@link Question}, or a {@link Leaf} that ends the walk
 * with a {@link Solution} or an {@link Escalation}.
 *
 * <p>Nodes name one another by id rather than holding one another, so a node is a small value and
 * a flowchart may lead several branches to the same node. A node on its own is valid; only a
 * {@link Flowchart} checks that the ids it names exist and form a tree without cycles.
 */
public sealed interface Node permits Question, Leaf {
  /**
   * Returns the node's id, unique within its flowchart.
   *
   * @return 1 to 64 letters, digits, {@code -}, {@code _} or {@code .}, starting with a letter or digit
   */
  String id();
}
