package dev.helpdesk.kb.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text format a help desk author writes flowcharts in (D-11), read and written back. */
class FlowchartTextFormatTest {
  private static final String HEADER = "flowchart f\ntitle \"T\"\nlanguage en\n";

  static Flowchart resource(String name) {
    InputStream in = FlowchartTextFormatTest.class.getResourceAsStream("/flow/" + name);
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Flowchart.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> problems(Runnable load) {
    ValidationException e = assertThrows(ValidationException.class, load::run);
    assertEquals("Flowchart", e.subject());
    return e.violations().stream().map(Violation::toString).toList();
  }

  @Test
  void aFlowchartWrittenAsTextEqualsTheSameFlowchartBuiltInJava() {
    Flowchart built = Flowchart.builder("printer-short", "The printer does not print", Locale.ENGLISH)
        .question("power", "Is the printer switched on?", "paper", "plug-in")
        .solution("plug-in", "Plug the power cable into a socket that works and switch the printer on.")
        .question("paper", "Is there paper in the tray?", "engineer", "load-paper")
        .solution("load-paper", ArticleId.of("kb-012"), "Load paper into the tray.")
        .onSiteEscalation("engineer", 3, "printers", "Has power and paper, but prints nothing.")
        .build();

    Flowchart read = resource("printer-short.flow");

    assertEquals(built, read);
    assertEquals(built.hashCode(), read.hashCode());
    assertEquals(new Escalation("engineer", Tier.EXPERTS, "printers", true, "Has power and paper, but prints nothing."),
        read.node("engineer").orElseThrow(), "the skill is kept in lower case, as technicians' skills are");
  }

  @Test
  void everyProblemInAFileIsReportedAtOnceEachOnItsLine() {
    assertEquals(List.of(
            "line 2 flowchart takes the flowchart's id, such as: flowchart printer-does-not-print",
            "line 3 title must not be blank",
            "line 4 language 'xx_yy' is not a language tag such as es, en or en-GB",
            "line 7 node 'paper': no -> 'paper' closes a cycle: paper -> paper",
            "line 8 node 'toner': text must not be blank",
            "line 8 node 'toner': yes and no both lead to 'done': the question decides nothing",
            "line 9 node 'plug-in': a solution needs an article, a text or both",
            "line 10 node 'paper': is already defined on line 7",
            "line 11 node 'engineer': level must be between 1 and 9, was 0",
            "line 11 node 'engineer': cannot be reached from the start question 'power'",
            "line 12 node 'network': skill is missing: name the skill the ticket needs, such as: skill printers",
            "line 12 node 'network': cannot be reached from the start question 'power'",
            "line 13 node 'lost': no -> is missing: a question needs both branches",
            "line 13 node 'lost': yes -> 'nowhere' is not defined",
            "line 13 node 'lost': cannot be reached from the start question 'power'"),
        problems(() -> resource("every-problem.flow")));
  }

  @Test
  void aMissingHeaderIsNamedWithAnExampleOfTheLineToAdd() {
    assertEquals(List.of(
            "flowchart id is missing: add a line such as: flowchart printer-does-not-print",
            "title is missing: add a line such as: title \"The printer does not print\"",
            "language is missing: add a line such as: language en",
            "line 1 node 'a': cannot be reached from the start question 'q'"),
        problems(() -> Flowchart.parse("a: solve \"Done.\"\nstart q\nq: ask \"Q?\" yes -> b  no -> c\n"
            + "b: solve \"B.\"\nc: solve \"C.\"\n")));
    assertEquals(List.of(
            "flowchart id is missing: add a line such as: flowchart printer-does-not-print",
            "title is missing: add a line such as: title \"The printer does not print\"",
            "language is missing: add a line such as: language en",
            "nodes are missing: add at least a question, such as: power: ask \"Is it on?\" yes -> ok  no -> plug"),
        problems(() -> Flowchart.parse("# nothing but a comment\n\n")));
  }

  @Test
  void aLineThatCannotBeReadSaysWhatWasExpected() {
    String text = HEADER
        + "language es\n"                                       // 4
        + "power ask \"Q?\"\n"                                  // 5: no colon after the id
        + "q: ask \"Q? yes -> a  no -> b\n"                     // 6: the quote is never closed, so it holds the rest
        + "a: solve \"Say \\q\"\n"                               // 7: unknown escape
        + "b: fix \"Turn it off and on.\"\n"                    // 8: no such kind
        + "c: escalate level two skill printers\n"              // 9: level is not a number
        + "d: solve article\n"                                  // 10: article without its id
        + "e: ask \"E?\" yes d  no -> c\n";                      // 11: yes without its arrow
    assertEquals(List.of(
            "line 4 language is already given on line 3",
            "line 5 expected flowchart, title, language, start or a node such as 'power: ask …', found 'power'",
            "line 6 the text opened by the quote at column 8 is not closed",
            "line 6 node 'q': yes -> is missing: a question needs both branches",
            "line 6 node 'q': no -> is missing: a question needs both branches",
            "line 7 unknown escape \\q in a quoted text; write \\\" for a quote, \\\\ for a backslash, \\n for a new line",
            "line 8 node 'b': expected ask, solve or escalate after 'b:', found 'fix'",
            "line 9 node 'c': level must be a number from 1 to 9, was 'two'",
            "line 10 node 'd': article must be followed by a value, such as: article kb-012",
            "line 11 node 'e': yes must be followed by -> and a node id, such as: yes -> paper"),
        problems(() -> Flowchart.parse(text)));
  }

  @Test
  void anIndentedLineWithNothingAboveItToContinueIsReported() {
    assertEquals(List.of("line 1 is indented, so it continues a definition, but there is none above it"),
        problems(() -> Flowchart.parse("  \"A stray text\"\n" + HEADER
            + "q: ask \"Q?\" yes -> a no -> b\na: solve \"A.\"\nb: solve \"B.\"\n")));
  }

  @Test
  void anIndentedLineContinuesTheNodeAboveAndQuotedTextsInARowAreJoinedWithASpace() {
    Flowchart flowchart = Flowchart.parse(HEADER
        + "q: ask \"Is the cable\"\n"
        + "\n"
        + "   # comments and blank lines do not end a node\n"
        + "\t\"plugged in?\"\n"
        + "  yes -> a\n"
        + "  no -> b\n"
        + "a: solve \"Fine.\"\n"
        + "b: solve \"Plug it in.\"\n");

    assertEquals(new Question("q", "Is the cable plugged in?", "a", "b"), flowchart.start());
  }

  @Test
  void partsOfANodeMayComeInAnyOrderAndArrowsNeedNoSpaces() {
    Flowchart flowchart = Flowchart.parse(HEADER
        + "q: ask no->b yes->a \"Q?\"\n"
        + "a: solve \"A.\" article kb-1\n"
        + "b: escalate \"Why.\" on-site skill networks level 2\n");

    assertEquals(new Question("q", "Q?", "a", "b"), flowchart.start());
    assertEquals(Solution.of("a", ArticleId.of("kb-1"), "A."), flowchart.node("a").orElseThrow());
    assertEquals(new Escalation("b", Tier.level(2), "networks", true, "Why."), flowchart.node("b").orElseThrow());
  }

  @Test
  void aTextMayHoldQuotesBackslashesAndLineBreaksAndWritingItBackReadsTheSame() {
    Flowchart flowchart = Flowchart.builder("quotes", "Quotes \"and\" \\ backslashes", Locale.ENGLISH)
        .question("q", "Does the panel say \"Error 50\"?", "a", "b")
        .solution("a", "Step 1: open C:\\Temp\nStep 2:\tdelete the spool files")
        .escalation("b", 2, "printers", "")
        .build();

    String text = flowchart.toText();

    assertTrue(text.contains("q: ask \"Does the panel say \\\"Error 50\\\"?\" yes -> a no -> b\n"), text);
    assertTrue(text.contains("a: solve \"Step 1: open C:\\\\Temp\\nStep 2:\\tdelete the spool files\"\n"), text);
    assertEquals(flowchart, Flowchart.parse(text));
  }

  @Test
  void toTextWritesTheHeaderThenOneNodePerLine() {
    Flowchart flowchart = resource("printer-short.flow");

    assertEquals("""
        flowchart printer-short
        title "The printer does not print"
        language en
        start power

        power: ask "Is the printer switched on?" yes -> paper no -> plug-in
        plug-in: solve "Plug the power cable into a socket that works and switch the printer on."
        paper: ask "Is there paper in the tray?" yes -> engineer no -> load-paper
        load-paper: solve article kb-012 "Load paper into the tray."
        engineer: escalate level 3 skill printers on-site "Has power and paper, but prints nothing."
        """, flowchart.toText());
    assertEquals(flowchart, Flowchart.parse(flowchart.toText()));
  }

  @Test
  void aUtf8FileWithAByteOrderMarkAccentsAndAccentedIdsIsRead() {
    Flowchart flowchart = resource("acentos.flow");

    assertEquals("pantalla-es", flowchart.id());
    assertEquals(Locale.forLanguageTag("es"), flowchart.language());
    assertEquals("¿Se enciende la luz del botón «Encendido» de la pantalla?",
        ((Question) flowchart.node("botón").orElseThrow()).text());
    assertEquals(flowchart, Flowchart.parse(flowchart.toText()));
  }

  @Test
  void windowsAndOldMacLineEndingsCountLinesAlike() {
    String nodes = "q: ask \"Q?\" yes -> a no -> b\na: solve \"A.\"\n";
    String broken = HEADER + nodes + "b: solve\n";
    String valid = HEADER + nodes + "b: solve \"B.\"\n";

    for (String ending : List.of("\r\n", "\r")) {
      assertEquals(List.of("line 6 node 'b': a solution needs an article, a text or both"),
          problems(() -> Flowchart.parse(broken.replace("\n", ending))), "line ending of " + ending.length());
      assertEquals(Flowchart.parse(valid), Flowchart.parse(valid.replace("\n", ending)));
    }
  }

  @Test
  void startNamesAQuestionOtherThanTheFirstNode() {
    Flowchart flowchart = Flowchart.parse(HEADER + "start q\n"
        + "a: solve \"A.\"\nb: solve \"B.\"\nq: ask \"Q?\" yes -> a no -> b\n");

    assertEquals("q", flowchart.start().id());
    assertEquals(List.of("a", "b", "q"), flowchart.nodes().stream().map(Node::id).toList(),
        "nodes keep the order they were written in");
  }

  @Test
  void startMustNameADefinedQuestion() {
    String nodes = "q: ask \"Q?\" yes -> a no -> b\na: solve \"A.\"\nb: solve \"B.\"\n";

    assertEquals(List.of("line 4 start 'a' must be a question"), problems(() -> Flowchart.parse(HEADER + "start a\n" + nodes)));
    assertEquals(List.of("line 4 start 'x' is not defined"), problems(() -> Flowchart.parse(HEADER + "start x\n" + nodes)));
    assertEquals(List.of("line 4 node 'a': is the first node, so the start, and must be a question"),
        problems(() -> Flowchart.parse(HEADER + "a: solve \"A.\"\nq: ask \"Q?\" yes -> a no -> b\nb: solve \"B.\"\n")));
  }

  @Test
  void readingAFailingReaderSaysSo() {
    Reader broken = new StringReader("flowchart f\n") {
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk gone");
      }
    };

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Flowchart.read(broken));
    assertEquals("disk gone", e.getCause().getMessage());
  }

  @Test
  void anArticleIdThatIsNotOneIsReportedOnItsLine() {
    String longId = "kb-" + "x".repeat(70);

    assertEquals(List.of("line 5 node 'a': article '" + longId + "' is not an article id: must be 1 to 64 characters,"
            + " was 73"),
        problems(() -> Flowchart.parse(HEADER + "q: ask \"Q?\" yes -> a no -> b\na: solve article " + longId
            + "\nb: solve \"B.\"\n")));
    assertEquals(Optional.of(ArticleId.of("kb-7")),
        ((Solution) Flowchart.parse(HEADER + "q: ask \"Q?\" yes -> a no -> b\na: solve article kb-7\nb: solve \"B.\"\n")
            .node("a").orElseThrow()).article());
  }
}
