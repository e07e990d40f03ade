package dev.helpdesk.kb.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example flowchart that ships with the module: "the printer does not print", in Spanish and English. */
class ShippedFlowchartsTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  static Stream<Flowchart> printer() {
    return Stream.of(Flowcharts.printerDoesNotPrint(SPANISH), Flowcharts.printerDoesNotPrint(Locale.ENGLISH));
  }

  /** Every walk from the start, each answered both ways, through the session and its back(). */
  private static List<Outcome> everyWalk(Flowchart flowchart) {
    List<Outcome> outcomes = new ArrayList<>();
    walk(flowchart.newSession(), outcomes);
    return outcomes;
  }

  private static void walk(FlowSession session, List<Outcome> outcomes) {
    if (session.isFinished()) {
      outcomes.add(session.outcome());
      return;
    }
    for (boolean answer : new boolean[] {true, false}) {
      session.answer(answer);
      walk(session, outcomes);
      session.back();
    }
  }

  private static <T extends Node> List<T> nodes(Flowchart flowchart, Class<T> kind) {
    return flowchart.nodes().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Test
  void thePrinterFlowchartComesInSpanishAndInEnglish() {
    Flowchart spanish = Flowcharts.printerDoesNotPrint(SPANISH);
    Flowchart english = Flowcharts.printerDoesNotPrint(Locale.ENGLISH);

    assertEquals("printer-does-not-print-es", spanish.id());
    assertEquals("La impresora no imprime", spanish.title());
    assertEquals(SPANISH, spanish.language());
    assertEquals("printer-does-not-print-en", english.id());
    assertEquals("The printer does not print", english.title());
    assertEquals(Locale.ENGLISH, english.language());
  }

  @Test
  void anySpanishLocaleGetsSpanishAndAnyOtherEnglish() {
    assertSame(Flowcharts.printerDoesNotPrint(SPANISH), Flowcharts.printerDoesNotPrint(Locale.forLanguageTag("es-MX")));
    assertSame(Flowcharts.printerDoesNotPrint(Locale.ENGLISH), Flowcharts.printerDoesNotPrint(Locale.FRENCH));
    assertSame(Flowcharts.printerDoesNotPrint(Locale.ENGLISH), Flowcharts.printerDoesNotPrint(Locale.UK));
  }

  @ParameterizedTest
  @MethodSource("printer")
  void everyLeafIsReachedBySomeWalkAndEveryWalkEndsAtALeaf(Flowchart flowchart) {
    List<Outcome> walks = everyWalk(flowchart);

    Set<Leaf> reached = new LinkedHashSet<>();
    for (Outcome walk : walks) {
      reached.add(walk.leaf());
      assertEquals(flowchart.start(), walk.path().get(0).question());
    }
    assertEquals(Set.copyOf(nodes(flowchart, Leaf.class)), reached);
    Set<Question> asked = new LinkedHashSet<>();
    walks.forEach(w -> w.path().forEach(step -> asked.add(step.question())));
    assertEquals(Set.copyOf(nodes(flowchart, Question.class)), asked, "every question is asked on some walk");
    assertEquals(15, reached.size());
    assertEquals(23, walks.size(), "branches meet again at 'connection' and 'on-site-repair', so there are more walks"
        + " than leaves");
  }

  @ParameterizedTest
  @MethodSource("printer")
  void itCoversTheUsualCausesInAHandfulOfQuestions(Flowchart flowchart) {
    List<Question> questions = nodes(flowchart, Question.class);
    assertEquals(List.of("power", "plugged", "error-light", "paper-jam", "paper", "toner", "queue", "queue-stuck",
        "right-printer", "driver", "connection", "usb-cable", "test-page", "others-print", "reachable", "network-link"),
        questions.stream().map(Question::id).toList());
    Outcome longest = everyWalk(flowchart).stream().max(Comparator.comparingInt(w -> w.path().size())).orElseThrow();
    assertEquals(List.of("power", "error-light", "queue", "right-printer", "driver", "connection", "others-print",
        "reachable", "network-link"), longest.path().stream().map(step -> step.question().id()).toList(),
        "the longest walk, to a network fault, asks 9 of the 16 questions");
  }

  @ParameterizedTest
  @MethodSource("printer")
  void itSolvesWhatTheFirstLineCanAndEscalatesTheRestToPrintersNetworksOrOnSite(Flowchart flowchart) {
    List<Solution> solutions = nodes(flowchart, Solution.class);
    assertEquals(List.of(ArticleId.of("kb-printer-paper-jam"), ArticleId.of("kb-printer-toner"),
            ArticleId.of("kb-print-queue-stuck"), ArticleId.of("kb-network-printer-readd")),
        solutions.stream().flatMap(s -> s.article().stream()).toList());
    assertTrue(solutions.stream().allMatch(s -> !s.text().isEmpty()), "every solution says what to do");
    assertEquals(List.of("plug-in", "load-paper", "choose-printer", "plug-usb", "reconnect-network"),
        solutions.stream().filter(s -> s.article().isEmpty()).map(Solution::id).toList());

    assertEquals(List.of("on-site-repair L3 printers on site", "unknown-error L2 printers", "reinstall-driver L2 printers",
            "usb-link L2 printers", "print-server L2 printers", "network L2 networks"),
        nodes(flowchart, Escalation.class).stream()
            .map(e -> e.id() + " L" + e.level() + " " + e.skill() + (e.onSite() ? " on site" : "")).toList());
    assertTrue(nodes(flowchart, Escalation.class).stream().allMatch(e -> !e.reason().isEmpty()),
        "every escalation tells the next level why");
  }

  @Test
  void bothLanguagesHaveTheSameNodesBranchesAndLeaves() {
    Flowchart spanish = Flowcharts.printerDoesNotPrint(SPANISH);
    Flowchart english = Flowcharts.printerDoesNotPrint(Locale.ENGLISH);

    assertEquals(english.nodes().size(), spanish.nodes().size());
    for (Node node : english.nodes()) {
      Node other = spanish.node(node.id()).orElseThrow(() -> new AssertionError("no Spanish " + node.id()));
      if (node instanceof Question q && other instanceof Question o) {
        assertEquals(List.of(q.yes(), q.no()), List.of(o.yes(), o.no()), node.id());
      } else if (node instanceof Solution s && other instanceof Solution o) {
        assertEquals(s.article(), o.article(), node.id());
      } else if (node instanceof Escalation e && other instanceof Escalation o) {
        assertEquals(new Escalation(e.id(), e.tier(), e.skill(), e.onSite(), o.reason()), o, node.id());
      } else {
        throw new AssertionError(node.id() + " is a " + node.getClass().getSimpleName() + " in English but a "
            + other.getClass().getSimpleName() + " in Spanish");
      }
    }
    assertEquals(english.start().id(), spanish.start().id());
  }

  @Test
  void theSpanishQuestionsAreWrittenTheSpanishWay() {
    for (Question question : nodes(Flowcharts.printerDoesNotPrint(SPANISH), Question.class)) {
      assertTrue(question.text().startsWith("¿") && question.text().endsWith("?"), question.text());
    }
  }

  @ParameterizedTest
  @MethodSource("printer")
  void theShippedTextReadsBackAsTheSameFlowchart(Flowchart flowchart) {
    assertEquals(flowchart, Flowchart.parse(flowchart.toText()));
  }

  @Test
  void aNetworkPrinterThatNobodyCanReachGoesToNetworks() {
    Outcome outcome = Flowcharts.printerDoesNotPrint(Locale.ENGLISH).newSession()
        .answer(true)   // switched on
        .answer(false)  // no error light
        .answer(true)   // the document is in the queue
        .answer(false)  // nothing stuck in it
        .answer(true)   // a network printer
        .answer(false)  // colleagues cannot print either
        .answer(false)  // it does not answer ping
        .answer(true)   // its panel shows an IP address and a link
        .outcome();

    assertEquals("network", outcome.leaf().id());
    assertEquals("networks", outcome.escalation().orElseThrow().skill());
    assertEquals(8, outcome.path().size());
  }
}
