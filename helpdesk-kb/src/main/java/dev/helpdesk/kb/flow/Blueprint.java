package dev.helpdesk.kb.flow;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A flowchart as its author defined it, not yet checked: what the builder and the text format
 * both fill in. {@link #build()} checks everything at once, so the author learns every problem
 * from one attempt, each placed on its line (text format) or named by its node (builder).
 */
final class Blueprint {
  enum Kind { QUESTION, SOLUTION, ESCALATION, UNKNOWN }

  /** One node as defined; any field may be missing or wrong. */
  static final class Draft {
    final int line;
    final int order;
    final Kind kind;
    final String id;
    String text;
    String yes;
    String no;
    ArticleId article;
    Integer level;
    String skill;
    boolean onSite;
    String reason;
    /** Fields the text reader already reported as malformed, so they are not reported again as missing. */
    final Set<String> reported = new HashSet<>(2);

    Draft(int line, int order, Kind kind, String id) {
      this.line = line;
      this.order = order;
      this.kind = kind;
      this.id = id;
    }
  }

  private record Problem(int order, Violation violation) {}

  private final boolean fromText;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  // Header values; a line number above 0 with a null value means the reader reported the value already.
  String id;
  int idLine;
  String title;
  int titleLine;
  Locale language;
  int languageLine;
  String start;
  int startLine;

  private Blueprint(boolean fromText) {
    this.fromText = fromText;
  }

  static Blueprint forBuilder(String id, String title, Locale language) {
    Blueprint blueprint = new Blueprint(false);
    blueprint.id = id;
    blueprint.title = title;
    blueprint.language = language;
    return blueprint;
  }

  static Blueprint forText() {
    return new Blueprint(true);
  }

  Draft draft(int line, Kind kind, String id) {
    Draft draft = new Draft(line, fromText ? line : drafts.size() + 1, kind, id);
    drafts.add(draft);
    return draft;
  }

  /** Records a problem the text reader found on a line. */
  void problem(int line, String message) {
    problems.add(new Problem(line, new Violation("line " + line, message)));
  }

  /** Records a problem with a node; the builder names the node, the text format its line. */
  void problem(Draft draft, String message) {
    Violation violation = fromText
        ? new Violation("line " + draft.line, "node '" + draft.id + "': " + message)
        : new Violation(draft.id == null || draft.id.isBlank() ? "node #" + draft.order : "node '" + draft.id + "'",
            message);
    problems.add(new Problem(draft.order, violation));
  }

  private void headerProblem(int line, String field, String message) {
    problems.add(new Problem(line, line > 0
        ? new Violation("line " + line, field + " " + message)
        : new Violation(field, message)));
  }

  /**
   * Checks the whole definition and returns the flowchart.
   *
   * @throws ValidationException listing every problem, in the order of the definition
   */
  Flowchart build() {
    // The checks below add to the problems; they are taken off again so a builder can be built twice.
    int permanent = problems.size();
    try {
      return checkAndBuild();
    } finally {
      problems.subList(permanent, problems.size()).clear();
    }
  }

  private Flowchart checkAndBuild() {
    checkHeader();
    Map<String, Draft> byId = checkNodes();
    Draft first = checkStart(byId);
    checkReferences(byId);
    if (first != null) {
      checkReachable(first, byId);
    }
    checkCycles(byId);
    if (!problems.isEmpty()) {
      List<Violation> violations = new ArrayList<>(problems.size());
      problems.stream().sorted(Comparator.comparingInt(Problem::order)).forEach(p -> violations.add(p.violation()));
      throw new ValidationException("Flowchart", violations);
    }
    List<Node> nodes = new ArrayList<>(byId.size());
    Question startQuestion = null;
    for (Draft draft : byId.values()) {
      Node node = node(draft);
      nodes.add(node);
      if (draft == first) {
        startQuestion = (Question) node;
      }
    }
    return new Flowchart(id, title.strip(), language, startQuestion, nodes);
  }

  private void checkHeader() {
    String idField = fromText ? "flowchart id" : "id";
    if (fromText && idLine == 0) {
      headerProblem(0, idField, "is missing: add a line such as: flowchart printer-does-not-print");
    } else if (id != null || idLine == 0) {
      report(idLine, idField, Rules.id(id));
    }
    if (fromText && titleLine == 0) {
      headerProblem(0, "title", "is missing: add a line such as: title \"The printer does not print\"");
    } else if (title != null || titleLine == 0) {
      report(titleLine, "title", Rules.text(title, Rules.TITLE_MAX));
    }
    if (fromText && languageLine == 0) {
      headerProblem(0, "language", "is missing: add a line such as: language en");
    } else if (language != null || languageLine == 0) {
      report(languageLine, "language", Rules.language(language));
    }
  }

  private void report(int line, String field, String problem) {
    if (problem != null) {
      headerProblem(line, field, problem);
    }
  }

  /** Checks each node on its own and returns the first definition of each valid id, in definition order. */
  private Map<String, Draft> checkNodes() {
    Map<String, Draft> byId = new LinkedHashMap<>();
    for (Draft draft : drafts) {
      String idProblem = Rules.id(draft.id);
      if (idProblem != null) {
        problem(draft, "id " + idProblem);
      } else {
        Draft earlier = byId.putIfAbsent(draft.id, draft);
        if (earlier != null) {
          problem(draft, earlier.line > 0 ? "is already defined on line " + earlier.line : "is defined twice");
        }
      }
      switch (draft.kind) {
        case QUESTION -> checkQuestion(draft);
        case SOLUTION -> checkSolution(draft);
        case ESCALATION -> checkEscalation(draft);
        case UNKNOWN -> { } // the reader has reported what it could not read
      }
    }
    if (drafts.isEmpty()) {
      headerProblem(0, "nodes", fromText
          ? "are missing: add at least a question, such as: power: ask \"Is it on?\" yes -> ok  no -> plug"
          : "must hold at least one question");
    }
    return byId;
  }

  private void checkQuestion(Draft draft) {
    if (!draft.reported.contains("text")) {
      field(draft, "text", draft.text == null && fromText ? "is missing: write the question in double quotes"
          : Rules.text(draft.text, Rules.QUESTION_MAX));
    }
    if (draft.yes == null && !draft.reported.contains("yes")) {
      problem(draft, fromText ? "yes -> is missing: a question needs both branches" : "yes must not be null");
    }
    if (draft.no == null && !draft.reported.contains("no")) {
      problem(draft, fromText ? "no -> is missing: a question needs both branches" : "no must not be null");
    }
    if (draft.yes != null && draft.yes.equals(draft.no)) {
      problem(draft, "yes and no both lead to '" + draft.yes + "': the question decides nothing");
    }
  }

  private void checkSolution(Draft draft) {
    if (draft.text != null) {
      field(draft, "text", Rules.text(draft.text, Rules.TEXT_MAX));
    } else if (draft.article == null && !draft.reported.contains("article")) {
      problem(draft, "a solution needs an article, a text or both");
    }
  }

  private void checkEscalation(Draft draft) {
    if (draft.level == null) {
      if (!draft.reported.contains("level")) {
        problem(draft, "level is missing: name the level to escalate to, such as: level 2");
      }
    } else if (draft.level < 1 || draft.level > Tier.MAX_LEVEL) {
      problem(draft, "level must be between 1 and " + Tier.MAX_LEVEL + ", was " + draft.level);
    }
    if (!draft.reported.contains("skill")) {
      field(draft, "skill", draft.skill == null && fromText
          ? "is missing: name the skill the ticket needs, such as: skill printers" : Rules.skill(draft.skill));
    }
    field(draft, "reason", Rules.optionalText(draft.reason, Rules.TEXT_MAX));
  }

  private void field(Draft draft, String field, String problem) {
    if (problem != null) {
      problem(draft, field + " " + problem);
    }
  }

  /** Returns the start node's draft if it exists and is a question. */
  private Draft checkStart(Map<String, Draft> byId) {
    if (start == null) {
      if (startLine > 0 || drafts.isEmpty()) {
        return null;
      }
      Draft first = drafts.get(0);
      if (Rules.id(first.id) != null) {
        return null;
      }
      first = byId.get(first.id);
      if (first.kind != Kind.QUESTION && first.kind != Kind.UNKNOWN) {
        problem(first, "is the first node, so the start, and must be a question");
      }
      return first.kind == Kind.QUESTION ? first : null;
    }
    Draft first = byId.get(start);
    if (first == null) {
      headerProblem(startLine, "start", "'" + start + "' is not defined");
      return null;
    }
    if (first.kind != Kind.QUESTION && first.kind != Kind.UNKNOWN) {
      headerProblem(startLine, "start", "'" + start + "' must be a question");
    }
    return first.kind == Kind.QUESTION ? first : null;
  }

  private void checkReferences(Map<String, Draft> byId) {
    for (Draft draft : drafts) {
      if (draft.kind == Kind.QUESTION && byId.get(draft.id) == draft) {
        if (draft.yes != null && !byId.containsKey(draft.yes)) {
          problem(draft, "yes -> '" + draft.yes + "' is not defined");
        }
        if (draft.no != null && !byId.containsKey(draft.no)) {
          problem(draft, "no -> '" + draft.no + "' is not defined");
        }
      }
    }
  }

  private void checkReachable(Draft first, Map<String, Draft> byId) {
    for (Draft draft : byId.values()) {
      if (draft.kind == Kind.UNKNOWN) {
        return; // its branches are unknown, so what lies below it would be reported wrongly
      }
    }
    Set<String> reached = new HashSet<>();
    Deque<Draft> toVisit = new ArrayDeque<>();
    reached.add(first.id);
    toVisit.push(first);
    while (!toVisit.isEmpty()) {
      Draft draft = toVisit.pop();
      for (Draft next : branches(draft, byId)) {
        if (reached.add(next.id)) {
          toVisit.push(next);
        }
      }
    }
    for (Draft draft : byId.values()) {
      if (!reached.contains(draft.id)) {
        problem(draft, "cannot be reached from the start question '" + first.id + "'");
      }
    }
  }

  /** Finds every branch that closes a cycle, by a depth-first walk that keeps its own stack. */
  private void checkCycles(Map<String, Draft> byId) {
    Set<String> done = new HashSet<>();
    Map<String, Integer> onPath = new HashMap<>();
    List<Draft> path = new ArrayList<>();
    List<Integer> nextBranch = new ArrayList<>();
    for (Draft root : byId.values()) {
      if (done.contains(root.id)) {
        continue;
      }
      onPath.put(root.id, 0);
      path.add(root);
      nextBranch.add(0);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        Draft draft = path.get(top);
        int branch = nextBranch.get(top);
        List<Draft> branches = branches(draft, byId);
        if (branch == branches.size()) {
          onPath.remove(draft.id);
          done.add(draft.id);
          path.remove(top);
          nextBranch.remove(top);
          continue;
        }
        nextBranch.set(top, branch + 1);
        Draft next = branches.get(branch);
        Integer at = onPath.get(next.id);
        if (at != null) {
          StringBuilder cycle = new StringBuilder();
          for (int i = at; i <= top; i++) {
            cycle.append(path.get(i).id).append(" -> ");
          }
          String label = next.id.equals(draft.yes) ? "yes" : "no";
          problem(draft, label + " -> '" + next.id + "' closes a cycle: " + cycle + next.id);
        } else if (!done.contains(next.id)) {
          onPath.put(next.id, path.size());
          path.add(next);
          nextBranch.add(0);
        }
      }
    }
  }

  /** The defined nodes a question leads to, yes first; none for a leaf. */
  private static List<Draft> branches(Draft draft, Map<String, Draft> byId) {
    if (draft.kind != Kind.QUESTION) {
      return List.of();
    }
    Draft yes = draft.yes == null ? null : byId.get(draft.yes);
    Draft no = draft.no == null ? null : byId.get(draft.no);
    if (yes != null && no != null) {
      return yes == no ? List.of(yes) : List.of(yes, no);
    }
    return yes != null ? List.of(yes) : no != null ? List.of(no) : List.of();
  }

  private static Node node(Draft draft) {
    return switch (draft.kind) {
      case QUESTION -> new Question(draft.id, draft.text, draft.yes, draft.no);
      case SOLUTION -> new Solution(draft.id, Optional.ofNullable(draft.article), draft.text);
      case ESCALATION -> new Escalation(draft.id, Tier.level(draft.level), draft.skill, draft.onSite, draft.reason);
      case UNKNOWN -> throw new IllegalStateException("an unreadable node passed the checks: " + draft.id);
    };
  }
}
