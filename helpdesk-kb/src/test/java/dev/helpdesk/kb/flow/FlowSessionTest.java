package dev.helpdesk.kb.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A walk through a flowchart, question by question, to a solution or an escalation (D-11, D-13). */
class FlowSessionTest {
  private static final Flowchart PRINTER = Flowchart.builder("printer", "The printer does not print", Locale.ENGLISH)
      .question("power", "Is the printer switched on?", "paper", "plug-in")
      .solution("plug-in", "Plug the printer in and switch it on.")
      .question("paper", "Is there paper in the tray?", "engineer", "load-paper")
      .solution("load-paper", ArticleId.of("kb-012"), null)
      .onSiteEscalation("engineer", 3, "printers", "Has power and paper, but prints nothing.")
      .build();

  private static Question question(String id) {
    return (Question) PRINTER.node(id).orElseThrow();
  }

  @Test
  void aWalkStartsAtTheStartQuestionAndEndsAtASolution() {
    FlowSession session = PRINTER.newSession();
    assertEquals(question("power"), session.current());
    assertFalse(session.isFinished());

    session.answer(false);

    assertTrue(session.isFinished());
    Outcome outcome = session.outcome();
    assertTrue(outcome.isSolved());
    assertEquals(Optional.of(Solution.of("plug-in", "Plug the printer in and switch it on.")), outcome.solution());
    assertEquals(Optional.empty(), outcome.escalation());
    assertEquals(List.of(new Step(question("power"), false)), outcome.path());
    assertEquals(PRINTER, outcome.flowchart());
  }

  @Test
  void aDeadEndEscalatesWithEveryAnswerGivenAttached() {
    Outcome outcome = PRINTER.newSession().answer(true).answer(true).outcome();

    assertFalse(outcome.isSolved());
    Escalation escalation = outcome.escalation().orElseThrow();
    assertEquals(Tier.EXPERTS, escalation.tier());
    assertEquals("printers", escalation.skill());
    assertTrue(escalation.onSite());
    assertEquals(List.of(new Step(question("power"), true), new Step(question("paper"), true)), outcome.path());
    assertEquals("""
        Flowchart: The printer does not print
        Is the printer switched on? Yes
        Is there paper in the tray? Yes
        Escalate to level 3, skill printers, on site: Has power and paper, but prints nothing.""",
        outcome.transcript());
  }

  @Test
  void backTakesTheLastAnswerBackEvenAfterTheWalkEnded() {
    FlowSession session = PRINTER.newSession().answer(true).answer(true);

    session.back();

    assertFalse(session.isFinished());
    assertEquals(question("paper"), session.current());
    assertEquals(List.of(new Step(question("power"), true)), session.path());
    assertEquals("load-paper", session.answer(false).outcome().leaf().id(), "the other answer leads elsewhere");

    session.back().back();
    assertEquals(question("power"), session.current());
    assertEquals(List.of(), session.path());
  }

  @Test
  void thereIsNothingToTakeBackBeforeTheFirstAnswer() {
    FlowSession session = PRINTER.newSession();

    IllegalStateException e = assertThrows(IllegalStateException.class, session::back);

    assertEquals("No answer to take back: the walk through printer is still at its start question 'power'",
        e.getMessage());
    assertEquals(question("power"), session.current());
  }

  @Test
  void aFinishedWalkTakesNoMoreAnswersAndStaysAsItWas() {
    FlowSession session = PRINTER.newSession().answer(false);
    Outcome before = session.outcome();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> session.answer(true));

    assertEquals("The walk through printer cannot take another answer: it ended at solution 'plug-in';"
        + " use back() to change an answer", e.getMessage());
    assertEquals(before, session.outcome());
    assertEquals(1, session.path().size());
  }

  @Test
  void aFinishedWalkHasNoCurrentQuestionAndAnUnfinishedOneNoOutcome() {
    IllegalStateException noQuestion = assertThrows(IllegalStateException.class,
        () -> PRINTER.newSession().answer(true).answer(true).current());
    assertEquals("The walk through printer has no current question: it ended at escalation 'engineer'",
        noQuestion.getMessage());

    IllegalStateException noOutcome = assertThrows(IllegalStateException.class,
        () -> PRINTER.newSession().answer(true).outcome());
    assertEquals("The walk through printer is not finished: it is at question 'paper'", noOutcome.getMessage());
  }

  @Test
  void theTranscriptOfAnUnfinishedWalkEndsWithTheQuestionItStoppedAt() {
    assertEquals("""
        Flowchart: The printer does not print
        Is the printer switched on? Yes
        (unfinished; next question: Is there paper in the tray?)""",
        PRINTER.newSession().answer(true).transcript());
  }

  @Test
  void aSolutionThatIsOnlyAnArticlePointsAtIt() {
    assertEquals("""
        Flowchart: The printer does not print
        Is the printer switched on? Yes
        Is there paper in the tray? No
        Solution: see article kb-012""", PRINTER.newSession().answer(true).answer(false).transcript());
  }

  @Test
  void theTranscriptIsInSpanishForASpanishFlowchart() {
    FlowSession session = Flowcharts.printerDoesNotPrint(Locale.forLanguageTag("es"))
        .newSession().answer(true).answer(true).answer(false).answer(false);

    assertEquals("""
        Diagrama de flujo: La impresora no imprime
        ¿La impresora está encendida (hay alguna luz en su panel)? Sí
        ¿Hay alguna luz de error encendida o parpadeando, o un mensaje de error en el panel? Sí
        ¿Indica el panel un atasco de papel? No
        ¿Hay papel en la bandeja? No
        Solución: Cargue papel del tamaño correcto en la bandeja, sin pasar la marca de llenado, y ciérrela hasta\
         el fondo. El trabajo pendiente saldrá solo.""", session.transcript());
    assertEquals(session.transcript(), session.outcome().transcript());
  }

  @Test
  void theTranscriptIsInEnglishForAnEnglishFlowchart() {
    FlowSession session = Flowcharts.printerDoesNotPrint(Locale.ENGLISH)
        .newSession().answer(true).answer(true).answer(false).answer(false);

    assertEquals("""
        Flowchart: The printer does not print
        Is the printer switched on (is any light on its panel lit)? Yes
        Is an error light on or blinking, or is there an error message on the panel? Yes
        Does the panel report a paper jam? No
        Is there paper in the tray? No
        Solution: Load paper of the right size into the tray, no higher than the fill mark, and push the tray fully\
         in. The waiting job will print by itself.""", session.transcript());
  }

  @Test
  void aSpanishEscalationAndASolutionWithAnArticleAreWordedInSpanish() {
    Flowchart spanish = Flowcharts.printerDoesNotPrint(Locale.forLanguageTag("es-ES"));

    String escalated = spanish.newSession().answer(false).answer(true).transcript();
    String solved = spanish.newSession().answer(true).answer(true).answer(true).transcript();

    assertEquals("""
        Diagrama de flujo: La impresora no imprime
        ¿La impresora está encendida (hay alguna luz en su panel)? No
        ¿El cable de corriente está bien conectado a la impresora y a un enchufe que funciona? Sí
        Escalar al nivel 3, especialidad printers, presencial: La impresora no enciende, o no imprime ni su propia\
         página de prueba, aunque tiene corriente: avería de hardware que hay que revisar en el sitio.""", escalated);
    assertTrue(solved.endsWith("Cierre las tapas y enciéndala: el trabajo pendiente se imprimirá."
        + " (artículo kb-printer-paper-jam)"), solved);
  }

  @Test
  void sessionsOfOneFlowchartWalkApart() {
    FlowSession first = PRINTER.newSession();
    FlowSession second = PRINTER.newSession();

    first.answer(true);

    assertEquals(question("paper"), first.current());
    assertEquals(question("power"), second.current());
    assertEquals(List.of(), second.path());
  }

  @Test
  void thePathIsASnapshotThatLaterAnswersDoNotChange() {
    FlowSession session = PRINTER.newSession().answer(true);
    List<Step> path = session.path();

    session.answer(true);

    assertEquals(1, path.size());
    assertThrows(UnsupportedOperationException.class, () -> path.add(new Step(question("paper"), true)));
  }

  @Test
  void theSameAnswersGiveEqualOutcomes() {
    Outcome one = PRINTER.newSession().answer(true).answer(true).outcome();
    Outcome other = PRINTER.newSession().answer(false).back().answer(true).answer(true).outcome();

    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
    assertEquals("Outcome[printer -> Escalation[id=engineer, tier=L3 Level 3, skill=printers, onSite=true,"
        + " reason=Has power and paper, but prints nothing.] after 2 answers]", one.toString());
    assertEquals("FlowSession[printer at 'paper' after 1 answers]", PRINTER.newSession().answer(true).toString());
  }
}
