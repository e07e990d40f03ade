package dev.helpdesk.kb.flow;

import dev.helpdesk.model.ArticleId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A troubleshooting flowchart of yes/no questions that leads first-line staff to a solution, or
 * to an escalation when it has none (D-11).
 *
 * <p>A flowchart is checked when it is built or read, and every flowchart that exists is valid:
 * its ids are unique; every id a question names exists; every node can be reached from the start
 * question; no answer leads back to an earlier question; every question has a "yes" and a "no"
 * branch to two different nodes; and every walk ends at a {@link Solution} or an {@link
 * Escalation}. A failed check throws a {@link dev.helpdesk.model.ValidationException} that lists
 * every problem found, not just the first.
 *
 * <p>Define one with {@link #builder} in Java or in the text format of this package (see the
 * {@linkplain dev.helpdesk.kb.flow package documentation}) with {@link #parse} or {@link #read};
 * walk it with {@link #newSession()}. Immutable and thread-safe: one flowchart serves any number
 * of sessions at once. Two flowcharts are equal when their ids, titles, languages, start
 * questions and nodes are, whatever order the nodes were defined in.
 */
public final class Flowchart {
  private final String id;
  private final String title;
  private final Locale language;
  private final Question start;
  private final Map<String, Node> nodes;
  private final List<Node> inOrder;

  Flowchart(String id, String title, Locale language, Question start, List<Node> nodes) {
    this.id = id;
    this.title = title;
    this.language = language;
    this.start = start;
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      byId.put(node.id(), node);
    }
    this.nodes = Collections.unmodifiableMap(byId);
    this.inOrder = List.copyOf(nodes);
  }

  /**
   * Starts the definition of a flowchart in Java.
   *
   * @param id the flowchart's id: 1 to 64 letters, digits, {@code -}, {@code _} or {@code .}
   * @param title what the flowchart troubleshoots, such as "The printer does not print"
   * @param language the language its questions are written in, which its transcripts use
   * @return a builder; its {@link Builder#build()} checks everything given here too
   */
  public static Builder builder(String id, String title, Locale language) {
    return new Builder(Blueprint.forBuilder(id, title, language));
  }

  /**
   * Reads a flowchart written in the text format of this package.
   *
   * @param text the definition
   * @return the flowchart
   * @throws dev.helpdesk.model.ValidationException listing every problem with its line number
   */
  public static Flowchart parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return TextFormat.read(text.toString()).build();
  }

  /**
   * Reads a flowchart written in the text format of this package to its end, without closing the
   * reader. Files of flowcharts are UTF-8: open them with a reader for that charset.
   *
   * @param reader the definition
   * @return the flowchart
   * @throws dev.helpdesk.model.ValidationException listing every problem with its line number
   * @throws UncheckedIOException if the reader fails
   */
  public static Flowchart read(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    StringBuilder text = new StringBuilder(4096);
    char[] buffer = new char[4096];
    try {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a flowchart", e);
    }
    return parse(text);
  }

  /**
   * Returns the flowchart's id.
   *
   * @return 1 to 64 letters, digits, {@code -}, {@code _} or {@code .}
   */
  public String id() {
    return id;
  }

  /**
   * Returns what the flowchart troubleshoots.
   *
   * @return the title, such as "The printer does not print"
   */
  public String title() {
    return title;
  }

  /**
   * Returns the language of its questions and of its sessions' transcripts.
   *
   * @return the language
   */
  public Locale language() {
    return language;
  }

  /**
   * Returns the first question every walk asks.
   *
   * @return the start question
   */
  public Question start() {
    return start;
  }

  /**
   * Returns every node, in the order they were defined.
   *
   * @return an immutable list
   */
  public List<Node> nodes() {
    return inOrder;
  }

  /**
   * Returns the node with an id.
   *
   * @param id a node's id
   * @return the node, or empty if the flowchart has none with that id
   */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /**
   * Returns the node an answer to one of this flowchart's questions leads to.
   *
   * @param question a question of this flowchart
   * @param answeredYes the answer
   * @return the next question, or the leaf where the walk ends
   * @throws IllegalArgumentException if the question is not one of this flowchart's
   */
  public Node next(Question question, boolean answeredYes) {
    if (!question.equals(nodes.get(question.id()))) {
      throw new IllegalArgumentException("Question '" + question.id() + "' is not part of flowchart " + id);
    }
    return nodes.get(question.next(answeredYes));
  }

  /**
   * Starts a new walk at the start question.
   *
   * @return a session of its own, for one conversation
   */
  public FlowSession newSession() {
    return new FlowSession(this);
  }

  /**
   * Writes the flowchart in the text format of this package, one node per line in definition
   * order; {@link #parse} reads it back as an equal flowchart.
   *
   * @return the definition, lines separated by {@code \n}
   */
  public String toText() {
    return TextFormat.write(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Flowchart that
        && that.id.equals(id) && that.title.equals(title) && that.language.equals(language)
        && that.start.equals(start) && that.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, language, start, nodes);
  }

  @Override
  public String toString() {
    return "Flowchart[" + id + " \"" + title + "\" (" + language.toLanguageTag() + "), " + nodes.size() + " nodes]";
  }

  /**
   * Defines a flowchart in Java, node by node. The first node defined is the start unless {@link
   * #start} names another. Nothing is checked until {@link #build()}, which reports every problem
   * at once; a builder may be built again after more nodes are defined.
   */
  public static final class Builder {
    private final Blueprint blueprint;

    private Builder(Blueprint blueprint) {
      this.blueprint = blueprint;
    }

    /**
     * Defines a yes/no question.
     *
     * @param id the node's id
     * @param text the question, such as "Is the printer switched on?"
     * @param yes the id of the node the answer "yes" leads to
     * @param no the id of the node the answer "no" leads to
     * @return this builder
     */
    public Builder question(String id, String text, String yes, String no) {
      Blueprint.Draft draft = blueprint.draft(0, Blueprint.Kind.QUESTION, id);
      draft.text = text;
      draft.yes = yes;
      draft.no = no;
      return this;
    }

    /**
     * Defines a solution given as text.
     *
     * @param id the node's id
     * @param text what to do, not blank
     * @return this builder
     */
    public Builder solution(String id, String text) {
      Blueprint.Draft draft = blueprint.draft(0, Blueprint.Kind.SOLUTION, id);
      draft.text = text;
      return this;
    }

    /**
     * Defines a solution that points at a knowledge-base article.
     *
     * @param id the node's id
     * @param article the article that solves the problem
     * @param text what to do besides, or {@code null} or blank when the article says it all
     * @return this builder
     */
    public Builder solution(String id, ArticleId article, String text) {
      Blueprint.Draft draft = blueprint.draft(0, Blueprint.Kind.SOLUTION, id);
      draft.text = text == null || text.isBlank() ? null : text;
      draft.article = article;
      if (article == null) {
        draft.reported.add("article");
        blueprint.problem(draft, "article must not be null; define a solution without one by its text alone");
      }
      return this;
    }

    /**
     * Defines an escalation to a level and skill, by phone or remotely.
     *
     * @param id the node's id
     * @param level the level to escalate to, 1 to {@value dev.helpdesk.model.Tier#MAX_LEVEL}
     * @param skill the skill the ticket needs, one word, such as {@code printers}
     * @param reason why, for the technician who takes it; {@code null} or empty for none
     * @return this builder
     */
    public Builder escalation(String id, int level, String skill, String reason) {
      return escalation(id, level, skill, false, reason);
    }

    /**
     * Defines an escalation to a level and skill that needs a technician at the equipment.
     *
     * @param id the node's id
     * @param level the level to escalate to, 1 to {@value dev.helpdesk.model.Tier#MAX_LEVEL}
     * @param skill the skill the ticket needs, one word, such as {@code printers}
     * @param reason why, for the technician who goes; {@code null} or empty for none
     * @return this builder
     */
    public Builder onSiteEscalation(String id, int level, String skill, String reason) {
      return escalation(id, level, skill, true, reason);
    }

    private Builder escalation(String id, int level, String skill, boolean onSite, String reason) {
      Blueprint.Draft draft = blueprint.draft(0, Blueprint.Kind.ESCALATION, id);
      draft.level = level;
      draft.skill = skill;
      draft.onSite = onSite;
      draft.reason = reason;
      return this;
    }

    /**
     * Names the start question, when it is not the first node defined.
     *
     * @param id the id of a question
     * @return this builder
     * @throws IllegalStateException if the start is already named
     */
    public Builder start(String id) {
      if (blueprint.start != null) {
        throw new IllegalStateException("The start is already set to '" + blueprint.start + "'");
      }
      blueprint.start = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Checks the definition and returns the flowchart.
     *
     * @return the flowchart
     * @throws dev.helpdesk.model.ValidationException listing every problem found, each field
     *     naming the node it concerns
     */
    public Flowchart build() {
      return blueprint.build();
    }
  }
}
