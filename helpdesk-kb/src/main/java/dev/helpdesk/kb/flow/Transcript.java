package dev.helpdesk.kb.flow;

import java.util.List;
import java.util.Locale;

/** Writes a walk as the plain text a technician would put in a ticket note, in the flowchart's language. */
final class Transcript {
  private Transcript() {}

  /** Writes the walk; {@code end} is the leaf reached, or the next question if the walk is unfinished. */
  static String write(Flowchart flowchart, List<Step> path, Node end) {
    Wording words = Wording.of(flowchart.language());
    StringBuilder text = new StringBuilder(64 * (path.size() + 2));
    text.append(words.heading).append(flowchart.title());
    for (Step step : path) {
      text.append('\n').append(step.question().text()).append(' ')
          .append(step.answeredYes() ? words.yes : words.no);
    }
    text.append('\n');
    if (end instanceof Solution solution) {
      text.append(words.solution);
      if (solution.text().isEmpty()) {
        text.append(words.seeArticle).append(solution.article().orElseThrow());
      } else {
        text.append(solution.text());
        solution.article().ifPresent(a -> text.append(" (").append(words.article).append(a).append(')'));
      }
    } else if (end instanceof Escalation escalation) {
      text.append(words.escalation).append(escalation.level())
          .append(words.skill).append(escalation.skill());
      if (escalation.onSite()) {
        text.append(words.onSite);
      }
      if (!escalation.reason().isEmpty()) {
        text.append(": ").append(escalation.reason());
      }
    } else if (end instanceof Question next) {
      text.append(words.unfinished).append(next.text()).append(')');
    }
    return text.toString();
  }

  /** The few words a transcript needs; Spanish for a Spanish flowchart, English for any other. */
  enum Wording {
    SPANISH("Diagrama de flujo: ", "Sí", "No", "Solución: ", "ver el artículo ", "artículo ",
        "Escalar al nivel ", ", especialidad ", ", presencial", "(sin terminar; siguiente pregunta: "),
    ENGLISH("Flowchart: ", "Yes", "No", "Solution: ", "see article ", "article ",
        "Escalate to level ", ", skill ", ", on site", "(unfinished; next question: ");

    final String heading;
    final String yes;
    final String no;
    final String solution;
    final String seeArticle;
    final String article;
    final String escalation;
    final String skill;
    final String onSite;
    final String unfinished;

    Wording(String heading, String yes, String no, String solution, String seeArticle, String article,
        String escalation, String skill, String onSite, String unfinished) {
      this.heading = heading;
      this.yes = yes;
      this.no = no;
      this.solution = solution;
      this.seeArticle = seeArticle;
      this.article = article;
      this.escalation = escalation;
      this.skill = skill;
      this.onSite = onSite;
      this.unfinished = unfinished;
    }

    static Wording of(Locale language) {
      return language.getLanguage().equals("es") ? SPANISH : ENGLISH;
    }
  }
}
