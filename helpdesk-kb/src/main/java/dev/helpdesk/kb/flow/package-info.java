/**
 * Troubleshooting flowcharts: yes/no questions that lead first-line staff to a solution, or to an
 * escalation when there is none (D-11, D-13).
 *
 * <p>A {@link dev.helpdesk.kb.flow.Flowchart} is an immutable tree of {@link
 * dev.helpdesk.kb.flow.Question}s, whose branches may meet again, ending in leaves: a {@link
 * dev.helpdesk.kb.flow.Solution} (a knowledge-base article, a text, or both) or an {@link
 * dev.helpdesk.kb.flow.Escalation} (a level, a skill, on site or not, and a reason). It is
 * checked when defined and every problem is reported at once. A {@link
 * dev.helpdesk.kb.flow.FlowSession} walks it question by question, can take answers back, and
 * ends with an {@link dev.helpdesk.kb.flow.Outcome}: the leaf reached with the path taken and a
 * transcript in the flowchart's language, to record on the ticket or to escalate with. {@link
 * dev.helpdesk.kb.flow.Flowcharts} holds the examples that ship with the module.
 *
 * <pre>{@code
 * FlowSession session = Flowcharts.printerDoesNotPrint(Locale.forLanguageTag("es")).newSession();
 * session.current().text();              // "¿La impresora está encendida (hay alguna luz en su panel)?"
 * session.answer(true).answer(false);    // yes, it is on; no, no error light
 * ...
 * if (session.isFinished()) {
 *   Outcome outcome = session.outcome();  // a Solution, or an Escalation with the answers given
 *   String note = outcome.transcript();   // "¿La impresora está encendida (…)? Sí\n…"
 * }
 * }</pre>
 *
 * <h2>The text format</h2>
 *
 * <p>A flowchart can be written as a small UTF-8 text file that a help desk author edits and
 * reviews like any other: one node per line, so a change shows as a changed line. Read it with
 * {@link dev.helpdesk.kb.flow.Flowchart#parse} or {@link dev.helpdesk.kb.flow.Flowchart#read};
 * {@link dev.helpdesk.kb.flow.Flowchart#toText()} writes one back.
 *
 * <pre>
 * # The printer does not print (comments run from # to the end of the line)
 * flowchart printer-does-not-print-en
 * title "The printer does not print"
 * language en
 * start power
 *
 * power: ask "Is the printer switched on?" yes -&gt; paper  no -&gt; plug-in
 * plug-in: solve "Plug the power cable into a socket that works and switch the printer on."
 * paper: ask "Is there paper in the tray?"
 *   yes -&gt; engineer  no -&gt; load-paper
 * load-paper: solve article kb-012 "Load paper into the tray."
 * engineer: escalate level 3 skill printers on-site "Has power and paper, but prints nothing."
 * </pre>
 *
 * <ul>
 *   <li>The header names the flowchart's id ({@code flowchart}), its {@code title} in double
 *       quotes and its {@code language} as a tag such as {@code es} or {@code en-GB}; each once,
 *       in any order. {@code start} names the first question and may be left out when it is
 *       the first node.
 *   <li>A node is {@code id:} followed by what it does. Ids are 1 to 64 letters, digits, {@code
 *       -}, {@code _} or {@code .}, starting with a letter or digit, unique in the flowchart.
 *   <li>{@code ask "question" yes -> id no -> id}: a question and the nodes its answers lead to.
 *   <li>{@code solve article id "text"}: a solution, with an article, a text or both.
 *   <li>{@code escalate level n skill name on-site "reason"}: an escalation to level 1 to 9 and
 *       a one-word skill; {@code on-site} and the reason are optional.
 *   <li>The parts of a node after its kind may come in any order. A line that starts with a
 *       space or a tab continues the node above it, and two quoted texts in a row are joined with
 *       one space, so a long text can be spread over several lines.
 *   <li>Texts are in double quotes; inside them {@code \"} is a quote, {@code \\} a backslash,
 *       and {@code \n}, {@code \r}, {@code \t} a new line, a carriage return and a tab. Blank
 *       lines and comments are ignored.
 * </ul>
 *
 * <p>Reading checks the same rules as {@link dev.helpdesk.kb.flow.Flowchart#builder building in
 * Java}, and reports every problem at once, each on its line: {@code line 9 node 'paper': no ->
 * 'load-paper' is not defined}.
 */
package dev.helpdesk.kb.flow;
