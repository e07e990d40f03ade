package dev.helpdesk.kb.flow;

import dev.helpdesk.model.ArticleId;
import dev.helpdesk.model.ValidationException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the text format described in the package documentation. Reading only parses:
 * it fills a {@link Blueprint}, reporting what it cannot read with its line, and leaves every
 * check of meaning to the blueprint, so both ways of defining a flowchart are checked alike.
 */
final class TextFormat {
  private enum Type { WORD, TEXT, ARROW }

  private record Token(Type type, String value, int line) {
    String shown() {
      return switch (type) {
        case WORD -> "'" + value + "'";
        case TEXT -> "a quoted text";
        case ARROW -> "'->'";
      };
    }
  }

  private TextFormat() {}

  static Blueprint read(String source) {
    Blueprint blueprint = Blueprint.forText();
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Token> definition = null;
    int definitionLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      List<Token> tokens = tokens(lines[i], line, blueprint);
      if (tokens.isEmpty()) {
        continue;
      }
      if (Character.isWhitespace(lines[i].charAt(0))) {
        if (definition == null) {
          blueprint.problem(line, "is indented, so it continues a definition, but there is none above it");
        } else {
          definition.addAll(tokens);
        }
        continue;
      }
      if (definition != null) {
        define(blueprint, definition, definitionLine);
      }
      definition = new ArrayList<>(tokens);
      definitionLine = line;
    }
    if (definition != null) {
      define(blueprint, definition, definitionLine);
    }
    return blueprint;
  }

  /** Splits a line into words, quoted texts and arrows, up to a comment. */
  private static List<Token> tokens(String line, int lineNumber, Blueprint blueprint) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = line.length();
    while (i < length) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        break;
      } else if (c == '"') {
        StringBuilder quoted = new StringBuilder();
        int column = i + 1;
        i++;
        boolean closed = false;
        while (i < length) {
          char q = line.charAt(i++);
          if (q == '"') {
            closed = true;
            break;
          }
          if (q == '\\' && i < length) {
            char escaped = line.charAt(i++);
            switch (escaped) {
              case '"', '\\' -> quoted.append(escaped);
              case 'n' -> quoted.append('\n');
              case 'r' -> quoted.append('\r');
              case 't' -> quoted.append('\t');
              default -> {
                blueprint.problem(lineNumber, "unknown escape \\" + escaped + " in a quoted text;"
                    + " write \\\" for a quote, \\\\ for a backslash, \\n for a new line");
                quoted.append(escaped);
              }
            }
          } else {
            quoted.append(q);
          }
        }
        if (!closed) {
          blueprint.problem(lineNumber, "the text opened by the quote at column " + column + " is not closed");
        }
        tokens.add(new Token(Type.TEXT, quoted.toString(), lineNumber));
      } else if (c == '-' && i + 1 < length && line.charAt(i + 1) == '>') {
        tokens.add(new Token(Type.ARROW, "->", lineNumber));
        i += 2;
      } else {
        int begin = i;
        while (i < length) {
          char w = line.charAt(i);
          if (Character.isWhitespace(w) || w == '"' || (w == '-' && i + 1 < length && line.charAt(i + 1) == '>')) {
            break;
          }
          i++;
          if (w == ':') {
            break; // "power:ask" reads as "power: ask"
          }
        }
        tokens.add(new Token(Type.WORD, line.substring(begin, i), lineNumber));
      }
    }
    return tokens;
  }

  private static void define(Blueprint blueprint, List<Token> tokens, int line) {
    Token first = tokens.get(0);
    if (first.type() == Type.WORD && first.value().endsWith(":")) {
      String id = first.value().substring(0, first.value().length() - 1);
      node(blueprint, id, tokens.subList(1, tokens.size()), line);
      return;
    }
    List<Token> arguments = tokens.subList(1, tokens.size());
    switch (first.type() == Type.WORD ? first.value() : "") {
      case "flowchart" -> {
        if (repeated(blueprint, "flowchart", blueprint.idLine, line)) {
          return;
        }
        blueprint.idLine = line;
        blueprint.id = word(blueprint, arguments, line, "flowchart takes the flowchart's id, such as: "
            + "flowchart printer-does-not-print");
      }
      case "title" -> {
        if (repeated(blueprint, "title", blueprint.titleLine, line)) {
          return;
        }
        blueprint.titleLine = line;
        blueprint.title = text(blueprint, arguments, line,
            "title takes a quoted text, such as: title \"The printer does not print\"");
      }
      case "language" -> {
        if (repeated(blueprint, "language", blueprint.languageLine, line)) {
          return;
        }
        blueprint.languageLine = line;
        String tag = word(blueprint, arguments, line, "language takes a language tag, such as: language es");
        if (tag != null) {
          try {
            blueprint.language = new Locale.Builder().setLanguageTag(tag).build();
          } catch (IllformedLocaleException e) {
            blueprint.problem(line, "language '" + tag + "' is not a language tag such as es, en or en-GB");
          }
        }
      }
      case "start" -> {
        if (repeated(blueprint, "start", blueprint.startLine, line)) {
          return;
        }
        blueprint.startLine = line;
        blueprint.start = word(blueprint, arguments, line, "start takes the id of a question, such as: start power");
      }
      default -> blueprint.problem(line, "expected flowchart, title, language, start or a node such as"
          + " 'power: ask …', found " + first.shown());
    }
  }

  private static boolean repeated(Blueprint blueprint, String directive, int earlier, int line) {
    if (earlier > 0) {
      blueprint.problem(line, directive + " is already given on line " + earlier);
    }
    return earlier > 0;
  }

  /** Returns the one word a directive takes, or null after reporting that it is not there. */
  private static String word(Blueprint blueprint, List<Token> arguments, int line, String usage) {
    if (arguments.size() == 1 && arguments.get(0).type() == Type.WORD) {
      return arguments.get(0).value();
    }
    blueprint.problem(line, usage);
    return null;
  }

  private static String text(Blueprint blueprint, List<Token> arguments, int line, String usage) {
    List<String> texts = new ArrayList<>(1);
    for (Token token : arguments) {
      if (token.type() != Type.TEXT) {
        blueprint.problem(line, usage);
        return null;
      }
      texts.add(token.value());
    }
    if (texts.isEmpty()) {
      blueprint.problem(line, usage);
      return null;
    }
    return String.join(" ", texts);
  }

  private static void node(Blueprint blueprint, String id, List<Token> tokens, int line) {
    String kind = tokens.isEmpty() || tokens.get(0).type() != Type.WORD ? "" : tokens.get(0).value();
    Blueprint.Kind parsed = switch (kind) {
      case "ask" -> Blueprint.Kind.QUESTION;
      case "solve" -> Blueprint.Kind.SOLUTION;
      case "escalate" -> Blueprint.Kind.ESCALATION;
      default -> Blueprint.Kind.UNKNOWN;
    };
    Blueprint.Draft draft = blueprint.draft(line, parsed, id);
    if (parsed == Blueprint.Kind.UNKNOWN) {
      blueprint.problem(draft, "expected ask, solve or escalate after '" + id + ":', found "
          + (tokens.isEmpty() ? "nothing" : tokens.get(0).shown()));
      return;
    }
    String usage = switch (parsed) {
      case QUESTION -> "a question takes a quoted text, yes -> id and no -> id";
      case SOLUTION -> "a solution takes article <id>, a quoted text, or both";
      default -> "an escalation takes level <1-9>, skill <name>, on-site and a quoted reason";
    };
    List<String> texts = new ArrayList<>(1);
    int i = 1;
    while (i < tokens.size()) {
      Token token = tokens.get(i++);
      String clause = token.type() == Type.WORD ? token.value() : "";
      if (token.type() == Type.TEXT) {
        texts.add(token.value());
      } else if (parsed == Blueprint.Kind.QUESTION && (clause.equals("yes") || clause.equals("no"))) {
        boolean yes = clause.equals("yes");
        // Reads "yes -> id"; a missing arrow or id is reported, and a bare id still taken, so one slip is one problem.
        boolean arrow = i < tokens.size() && tokens.get(i).type() == Type.ARROW;
        if (arrow) {
          i++;
        }
        String target = null;
        if (i < tokens.size() && tokens.get(i).type() == Type.WORD
            && (arrow || !tokens.get(i).value().matches("yes|no"))) {
          target = tokens.get(i++).value();
        }
        if (!arrow || target == null) {
          draft.reported.add(clause);
          blueprint.problem(draft, clause + " must be followed by -> and a node id, such as: " + clause + " -> paper");
        }
        if ((yes ? draft.yes : draft.no) != null) {
          blueprint.problem(draft, clause + " -> is given twice");
        } else if (yes) {
          draft.yes = target;
        } else {
          draft.no = target;
        }
      } else if (parsed == Blueprint.Kind.SOLUTION && clause.equals("article")) {
        String article = argument(blueprint, draft, tokens, i++, "article", "article kb-012");
        if (draft.article != null) {
          blueprint.problem(draft, "article is given twice");
        } else if (article != null) {
          try {
            draft.article = ArticleId.of(article);
          } catch (ValidationException e) {
            draft.reported.add("article");
            blueprint.problem(draft, "article '" + article + "' is not an article id: "
                + e.violations().get(0).message());
          }
        }
      } else if (parsed == Blueprint.Kind.ESCALATION && clause.equals("level")) {
        String level = argument(blueprint, draft, tokens, i++, "level", "level 2");
        if (draft.level != null) {
          blueprint.problem(draft, "level is given twice");
        } else if (level != null) {
          try {
            draft.level = Integer.valueOf(level);
          } catch (NumberFormatException e) {
            draft.reported.add("level");
            blueprint.problem(draft, "level must be a number from 1 to 9, was '" + level + "'");
          }
        }
      } else if (parsed == Blueprint.Kind.ESCALATION && clause.equals("skill")) {
        String skill = argument(blueprint, draft, tokens, i++, "skill", "skill printers");
        if (draft.skill != null) {
          blueprint.problem(draft, "skill is given twice");
        } else {
          draft.skill = skill;
        }
      } else if (parsed == Blueprint.Kind.ESCALATION && clause.equals("on-site")) {
        if (draft.onSite) {
          blueprint.problem(draft, "on-site is given twice");
        }
        draft.onSite = true;
      } else {
        blueprint.problem(draft, "unexpected " + token.shown() + "; " + usage);
      }
    }
    String text = texts.isEmpty() ? null : String.join(" ", texts);
    if (parsed == Blueprint.Kind.ESCALATION) {
      draft.reason = text;
    } else {
      draft.text = text;
    }
  }

  /** Returns the word after a clause's keyword, or null after reporting that it is not there. */
  private static String argument(Blueprint blueprint, Blueprint.Draft draft, List<Token> tokens, int at,
      String clause, String example) {
    if (at < tokens.size() && tokens.get(at).type() == Type.WORD) {
      return tokens.get(at).value();
    }
    draft.reported.add(clause);
    blueprint.problem(draft, clause + " must be followed by a value, such as: " + example);
    return null;
  }

  static String write(Flowchart flowchart) {
    StringBuilder text = new StringBuilder(128 * (flowchart.nodes().size() + 4));
    text.append("flowchart ").append(flowchart.id()).append('\n')
        .append("title ").append(quoted(flowchart.title())).append('\n')
        .append("language ").append(flowchart.language().toLanguageTag()).append('\n')
        .append("start ").append(flowchart.start().id()).append('\n');
    for (Node node : flowchart.nodes()) {
      text.append('\n').append(node.id()).append(": ");
      if (node instanceof Question question) {
        text.append("ask ").append(quoted(question.text()))
            .append(" yes -> ").append(question.yes()).append(" no -> ").append(question.no());
      } else if (node instanceof Solution solution) {
        text.append("solve");
        solution.article().ifPresent(a -> text.append(" article ").append(a));
        if (!solution.text().isEmpty()) {
          text.append(' ').append(quoted(solution.text()));
        }
      } else if (node instanceof Escalation escalation) {
        text.append("escalate level ").append(escalation.level()).append(" skill ").append(escalation.skill());
        if (escalation.onSite()) {
          text.append(" on-site");
        }
        if (!escalation.reason().isEmpty()) {
          text.append(' ').append(quoted(escalation.reason()));
        }
      }
    }
    return text.append('\n').toString();
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
