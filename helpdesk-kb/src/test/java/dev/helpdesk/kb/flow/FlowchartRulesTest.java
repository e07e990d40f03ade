package dev.helpdesk.kb.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules every flowchart meets (D-11): checked when it is built, every problem reported at
 * once and named by its node.
 */
class FlowchartRulesTest {
  private static Flowchart.Builder chart() {
    return Flowchart.builder("chart", "The printer does not print", Locale.ENGLISH);
  }

  private static List<String> problems(Flowchart.Builder builder) {
    ValidationException e = assertThrows(ValidationException.class, builder::build);
    assertEquals("Flowchart", e.subject());
    return e.violations().stream().map(Violation::toString).toList();
  }

  @Test
  void nodeIdsAreUnique() {
    assertEquals(List.of("node 'a' is defined twice"), problems(chart()
        .question("q", "Q?", "a", "b")
        .solution("a", "A.")
        .solution("b", "B.")
        .escalation("a", 2, "printers", "")));
  }

  @Test
  void everyBranchLeadsToADefinedNode() {
    assertEquals(List.of("node 'q' yes -> 'paper' is not defined", "node 'q' no -> 'power' is not defined"),
        problems(chart().question("q", "Q?", "paper", "power")));
  }

  @Test
  void everyNodeCanBeReachedFromTheStart() {
    assertEquals(List.of(
            "node 'orphan' cannot be reached from the start question 'q'",
            "node 'orphan-child' cannot be reached from the start question 'q'"),
        problems(chart()
            .question("q", "Q?", "a", "b")
            .solution("a", "A.")
            .solution("b", "B.")
            .question("orphan", "Nobody asks this?", "orphan-child", "a")
            .solution("orphan-child", "Never shown.")));
  }

  @Test
  void noAnswerLeadsBackToAnEarlierQuestion() {
    assertEquals(List.of("node 'toner' no -> 'power' closes a cycle: power -> paper -> toner -> power"),
        problems(chart()
            .question("power", "Is it on?", "paper", "plug-in")
            .solution("plug-in", "Plug it in.")
            .question("paper", "Is there paper?", "toner", "plug-in")
            .question("toner", "Is there toner?", "done", "power")
            .solution("done", "Print again.")));
  }

  @Test
  void aCycleAwayFromTheStartIsFoundToo() {
    assertEquals(List.of(
            "node 'x' cannot be reached from the start question 'q'",
            "node 'y' cannot be reached from the start question 'q'",
            "node 'y' yes -> 'x' closes a cycle: x -> y -> x"),
        problems(chart()
            .question("q", "Q?", "a", "b")
            .solution("a", "A.")
            .solution("b", "B.")
            .question("x", "X?", "y", "a")
            .question("y", "Y?", "x", "b")));
  }

  @Test
  void branchesMayMeetAgainWithoutMakingACycle() {
    Flowchart flowchart = chart()
        .question("power", "Is it on?", "paper", "cable")
        .question("cable", "Is it plugged in?", "engineer", "plug-in")
        .question("paper", "Is there paper?", "engineer", "load")
        .onSiteEscalation("engineer", 3, "printers", "")
        .solution("plug-in", "Plug it in.")
        .solution("load", "Load paper.")
        .build();

    assertEquals(flowchart.node("engineer"), Optional.of(flowchart.next(
        (Question) flowchart.node("cable").orElseThrow(), true)));
    assertEquals(flowchart.node("engineer"), Optional.of(flowchart.next(
        (Question) flowchart.node("paper").orElseThrow(), true)));
  }

  @Test
  void aQuestionHasTwoBranchesLeadingToDifferentNodes() {
    assertEquals(List.of(
            "node 'q' no must not be null",
            "node 'r' yes must not be null",
            "node 's' yes and no both lead to 'a': the question decides nothing"),
        problems(chart()
            .question("q", "Q?", "r", null)
            .question("r", "R?", null, "s")
            .question("s", "S?", "a", "a")
            .solution("a", "A.")));
  }

  @Test
  void anEscalationGoesToALevelFrom1To9AndNamesOneSkill() {
    assertEquals(List.of(
            "node 'zero' level must be between 1 and 9, was 0",
            "node 'ten' level must be between 1 and 9, was 10",
            "node 'no-skill' skill must not be blank",
            "node 'two-words' skill must be one word: 'network printers'"),
        problems(chart()
            .question("q", "Q?", "zero", "r")
            .question("r", "R?", "ten", "s")
            .question("s", "S?", "no-skill", "t")
            .question("t", "T?", "two-words", "u")
            .question("u", "U?", "one", "nine")
            .escalation("zero", 0, "printers", "")
            .escalation("ten", 10, "printers", "")
            .escalation("no-skill", 2, " ", "")
            .escalation("two-words", 2, "network printers", "")
            .escalation("one", 1, "printers", "")
            .escalation("nine", 9, "printers", "")));

    Flowchart flowchart = chart()
        .question("q", "Q?", "one", "nine")
        .escalation("one", 1, " Printers ", null)
        .onSiteEscalation("nine", Tier.MAX_LEVEL, "servers", "  Needs the server room.  ")
        .build();
    assertEquals(new Escalation("one", Tier.FIRST_LINE, "printers", false, ""), flowchart.node("one").orElseThrow());
    assertEquals(new Escalation("nine", Tier.level(9), "servers", true, "Needs the server room."),
        flowchart.node("nine").orElseThrow());
  }

  @Test
  void textsAreNotBlank() {
    assertEquals(List.of(
            "title must not be blank",
            "node 'q' text must not be blank",
            "node 'a' text must not be blank",
            "node 'b' text must not be null"),
        problems(Flowchart.builder("chart", "  ", Locale.ENGLISH)
            .question("q", " \t", "a", "b")
            .solution("a", "")
            .question("b", null, "c", "d")
            .solution("c", "C.")
            .solution("d", "D.")));
  }

  @Test
  void textsHaveALimit() {
    assertEquals(List.of(
            "title must be at most 200 characters, was 201",
            "node 'q' text must be at most 500 characters, was 501",
            "node 'a' text must be at most 4000 characters, was 4001",
            "node 'b' reason must be at most 4000 characters, was 4001"),
        problems(Flowchart.builder("chart", "t".repeat(201), Locale.ENGLISH)
            .question("q", "q".repeat(501), "a", "b")
            .solution("a", "a".repeat(4001))
            .escalation("b", 2, "printers", "b".repeat(4001))));
  }

  @Test
  void aSolutionHasAnArticleATextOrBoth() {
    assertEquals(List.of(
            "node 'nothing' a solution needs an article, a text or both",
            "node 'no-article' article must not be null; define a solution without one by its text alone"),
        problems(chart()
            .question("q", "Q?", "nothing", "r")
            .question("r", "R?", "no-article", "s")
            .question("s", "S?", "article", "both")
            .solution("nothing", null)
            .solution("no-article", null, "Some text.")
            .solution("article", ArticleId.of("kb-012"), "  ")
            .solution("both", ArticleId.of("kb-013"), "Restart it.")));

    Flowchart flowchart = chart()
        .question("q", "Q?", "article", "both")
        .solution("article", ArticleId.of("kb-012"), null)
        .solution("both", ArticleId.of("kb-013"), "Restart it.")
        .build();
    assertEquals(new Solution("article", Optional.of(ArticleId.of("kb-012")), ""), flowchart.node("article").orElseThrow());
    assertEquals(Solution.of("both", ArticleId.of("kb-013"), "Restart it."), flowchart.node("both").orElseThrow());
  }

  @Test
  void theStartIsAQuestion() {
    assertEquals(List.of("node 'a' is the first node, so the start, and must be a question"),
        problems(chart().solution("a", "A.").question("q", "Q?", "a", "b").solution("b", "B.")));
    assertEquals(List.of("start 'b' must be a question"),
        problems(chart().start("b").question("q", "Q?", "a", "b").solution("a", "A.").solution("b", "B.")));
    assertEquals(List.of("nodes must hold at least one question"), problems(chart()));
  }

  @Test
  void theStartIsNamedOnce() {
    Flowchart.Builder builder = chart().start("q");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.start("r"));
    assertEquals("The start is already set to 'q'", e.getMessage());
  }

  @Test
  void theIdTitleAndLanguageAreChecked() {
    assertEquals(List.of(
            "id may hold only letters, digits, '-', '_' and '.': 'the printer'",
            "language must name a language, such as es or en",
            "node 'bad id' id may hold only letters, digits, '-', '_' and '.': 'bad id'"),
        problems(Flowchart.builder("the printer", "Title", Locale.ROOT)
            .question("q", "Q?", "a", "b")
            .solution("a", "A.")
            .solution("b", "B.")
            .solution("bad id", "C.")));
    assertEquals(List.of("id must not be null", "title must not be null", "language must not be null"),
        problems(Flowchart.builder(null, null, null).question("q", "Q?", "a", "b").solution("a", "A.")
            .solution("b", "B.")));
  }

  @Test
  void aNodeWithoutAnIdIsNamedByItsPlace() {
    assertEquals(List.of("node #2 id must not be null", "node #3 id must be 1 to 64 characters, was 0",
            "node '-x' id must start with a letter or digit: '-x'"),
        problems(chart().question("q", "Q?", "a", "b").solution(null, "A.").solution("", "B.").solution("-x", "C.")
            .solution("a", "A.").solution("b", "B.")));
  }

  @Test
  void everyProblemIsReportedAtOnceInTheOrderTheNodesWereDefined() {
    assertEquals(List.of(
            "title must not be blank",
            "node 'power' no -> 'plug-in' is not defined",
            "node 'paper' yes and no both lead to 'toner': the question decides nothing",
            "node 'toner' text must not be blank",
            "node 'toner' yes -> 'power' closes a cycle: power -> paper -> toner -> power",
            "node 'engineer' level must be between 1 and 9, was 12",
            "node 'paper' is defined twice"),
        problems(Flowchart.builder("chart", "", Locale.ENGLISH)
            .question("power", "Is it on?", "paper", "plug-in")
            .question("paper", "Is there paper?", "toner", "toner")
            .question("toner", "", "power", "engineer")
            .escalation("engineer", 12, "printers", "")
            .solution("paper", "Load paper.")));
  }

  @Test
  void aFailedBuildLeavesTheBuilderAsItWasSoTheAuthorCanCompleteIt() {
    Flowchart.Builder builder = chart().question("q", "Q?", "a", "b").solution("a", "A.");
    assertEquals(List.of("node 'q' no -> 'b' is not defined"), problems(builder));
    assertEquals(List.of("node 'q' no -> 'b' is not defined"), problems(builder), "the same problems, not twice over");

    Flowchart flowchart = builder.solution("b", "B.").build();

    assertEquals(List.of("q", "a", "b"), flowchart.nodes().stream().map(Node::id).toList());
  }

  @Test
  void nodesCheckThemselvesWhenMadeDirectly() {
    ValidationException question = assertThrows(ValidationException.class, () -> new Question("q", " ", "a", "a"));
    assertEquals("Question", question.subject());
    assertEquals(List.of("text must not be blank", "no must lead elsewhere than yes, both lead to 'a'"),
        question.violations().stream().map(Violation::toString).toList());

    ValidationException solution = assertThrows(ValidationException.class, () -> Solution.of("s", " "));
    assertEquals(List.of("text must not be blank when there is no article"),
        solution.violations().stream().map(Violation::toString).toList());

    ValidationException escalation = assertThrows(ValidationException.class,
        () -> new Escalation("e f", null, "", false, null));
    assertEquals(List.of("id may hold only letters, digits, '-', '_' and '.': 'e f'", "tier must not be null",
            "skill must not be blank"),
        escalation.violations().stream().map(Violation::toString).toList());
  }

  @Test
  void twoFlowchartsAreEqualWhenTheyDefineTheSameNodesInAnyOrder() {
    Flowchart oneOrder = chart().start("q")
        .question("q", "Q?", "a", "b").solution("a", "A.").escalation("b", 2, "printers", "Why.").build();
    Flowchart otherOrder = chart().start("q")
        .escalation("b", 2, "printers", "Why.").solution("a", "A.").question("q", "Q?", "a", "b").build();
    Flowchart otherLanguage = Flowchart.builder("chart", "The printer does not print", Locale.forLanguageTag("en-GB"))
        .question("q", "Q?", "a", "b").solution("a", "A.").escalation("b", 2, "printers", "Why.").build();

    assertEquals(oneOrder, otherOrder);
    assertEquals(oneOrder.hashCode(), otherOrder.hashCode());
    assertNotEquals(oneOrder, otherLanguage);
    assertEquals(List.of("b", "a", "q"), otherOrder.nodes().stream().map(Node::id).toList());
    assertEquals("Flowchart[chart \"The printer does not print\" (en), 3 nodes]", oneOrder.toString());
  }

  @Test
  void aFlowchartLeadsOnlyFromItsOwnQuestions() {
    Flowchart flowchart = chart().question("q", "Q?", "a", "b").solution("a", "A.").solution("b", "B.").build();

    assertEquals(Solution.of("a", "A."), flowchart.next(flowchart.start(), true));
    assertEquals(Solution.of("b", "B."), flowchart.next(flowchart.start(), false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> flowchart.next(new Question("q", "Another Q?", "a", "b"), true));
    assertEquals("Question 'q' is not part of flowchart chart", e.getMessage());
    assertTrue(flowchart.node("missing").isEmpty());
  }
}
