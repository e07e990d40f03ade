package dev.helpdesk.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML of a mail into the text a technician reads: blocks on lines of their own, lists
 * with their markers, links as "text (url)", entities decoded, scripts, styles and hidden elements
 * dropped. It never fails: whatever is not understood is kept as text.
 */
final class HtmlText {
  /** Elements whose content is never shown. */
  private static final Set<String> DROPPED = Set.of("script", "style", "head", "title", "template", "noscript",
      "object", "svg", "math", "xml");
  /** Elements that end a line before and after them. */
  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "center", "dd", "details",
      "dialog", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "header", "li", "main", "nav",
      "section", "summary", "tr", "caption", "tbody", "thead", "tfoot", "option");
  /** Elements set apart by a blank line. */
  private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
      "table", "pre", "figure", "ul", "ol");
  /** Elements that never have content or an end tag. */
  private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
      "link", "meta", "param", "source", "track", "wbr");
  private static final Map<String, String> ENTITIES = entities();

  private final String html;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  /** Line breaks owed before the next text; the larger request wins, {@code <br>} adds one. */
  private int pendingBreaks;
  private boolean pendingSpace;
  private boolean lineHasText;
  private int quoteDepth;
  private int preDepth;
  private String pendingMarker = "";
  private final Deque<int[]> lists = new ArrayDeque<>(); // [ordered 0/1, next number]
  private final Deque<Link> links = new ArrayDeque<>();
  private int cellsInRow;

  private record Link(String href, int textStart) {}

  private HtmlText(String html) {
    this.html = html;
  }

  /**
   * Returns the readable text of an HTML document or fragment.
   *
   * @param html the markup, possibly broken
   * @return the text, lines without trailing spaces, at most one blank line in a row
   */
  static String toText(String html) {
    HtmlText converter = new HtmlText(html);
    converter.convert();
    return tidy(converter.out);
  }

  private void convert() {
    int n = html.length();
    while (pos < n) {
      char c = html.charAt(pos);
      if (c == '<' && pos + 1 < n) {
        char next = html.charAt(pos + 1);
        if (isLetter(next)) {
          startTag();
          continue;
        } else if (next == '/' && pos + 2 < n && isLetter(html.charAt(pos + 2))) {
          endTag();
          continue;
        } else if (next == '!') {
          declaration();
          continue;
        } else if (next == '?') {
          pos = skipPast(">", pos + 2);
          continue;
        }
      }
      int end = html.indexOf('<', pos + 1);
      // A '<' that starts no tag is text; look for the next one after it.
      while (end >= 0 && end + 1 < n && !startsMarkup(end)) {
        end = html.indexOf('<', end + 1);
      }
      if (end < 0 || end + 1 >= n) {
        end = n;
      }
      text(decode(html.substring(pos, end)));
      pos = end;
    }
  }

  private boolean startsMarkup(int at) {
    char next = html.charAt(at + 1);
    return isLetter(next) || next == '!' || next == '?'
        || (next == '/' && at + 2 < html.length() && isLetter(html.charAt(at + 2)));
  }

  private void declaration() {
    if (html.startsWith("<!--", pos)) {
      int close = html.indexOf("-->", pos + 4);
      pos = close < 0 ? html.length() : close + 3;
    } else if (html.startsWith("<![CDATA[", pos)) {
      int close = html.indexOf("]]>", pos + 9);
      int end = close < 0 ? html.length() : close;
      text(html.substring(pos + 9, end));
      pos = close < 0 ? end : close + 3;
    } else {
      pos = skipPast(">", pos + 2);
    }
  }

  private int skipPast(String marker, int from) {
    int at = html.indexOf(marker, from);
    return at < 0 ? html.length() : at + marker.length();
  }

  private void startTag() {
    Tag tag = readTag(pos + 1);
    pos = tag.end;
    String name = tag.name;
    if (DROPPED.contains(name) || (tag.hidden && !VOID.contains(name))) {
      if (!tag.selfClosing) {
        skipElement(name);
      }
      return;
    }
    switch (name) {
      case "br" -> {
        pendingBreaks++;
        pendingSpace = false;
      }
      case "hr" -> {
        lineBreaks(1);
        emit("---");
        lineBreaks(1);
      }
      case "a" -> links.push(new Link(tag.href == null ? "" : tag.href.strip(), out.length()));
      case "ul", "ol" -> {
        lineBreaks(lists.isEmpty() ? 2 : 1);
        lists.push(new int[] {name.equals("ol") ? 1 : 0, tag.start});
      }
      case "li" -> {
        lineBreaks(1);
        int[] list = lists.peek();
        String indent = "  ".repeat(Math.max(0, lists.size() - 1));
        pendingMarker = list != null && list[0] == 1 ? indent + (list[1]++) + ". " : indent + "- ";
      }
      case "blockquote" -> {
        lineBreaks(2);
        quoteDepth++;
      }
      case "pre" -> {
        lineBreaks(2);
        preDepth++;
      }
      case "tr" -> {
        lineBreaks(1);
        cellsInRow = 0;
      }
      case "td", "th" -> {
        if (cellsInRow++ > 0 && lineHasText && pendingBreaks == 0) {
          emit(" |");
          pendingSpace = true;
        }
      }
      default -> {
        if (PARAGRAPHS.contains(name)) {
          lineBreaks(2);
        } else if (BLOCKS.contains(name)) {
          lineBreaks(1);
        }
      }
    }
  }

  private void endTag() {
    int close = html.indexOf('>', pos);
    int nameEnd = pos + 2;
    while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = html.substring(pos + 2, nameEnd).toLowerCase(Locale.ROOT);
    pos = close < 0 ? html.length() : close + 1;
    switch (name) {
      case "a" -> {
        if (!links.isEmpty()) {
          endLink(links.pop());
        }
      }
      case "ul", "ol" -> {
        if (!lists.isEmpty()) {
          lists.pop();
        }
        pendingMarker = "";
        lineBreaks(lists.isEmpty() ? 2 : 1);
      }
      case "blockquote" -> {
        lineBreaks(2);
        quoteDepth = Math.max(0, quoteDepth - 1);
      }
      case "pre" -> {
        preDepth = Math.max(0, preDepth - 1);
        lineBreaks(2);
      }
      default -> {
        if (PARAGRAPHS.contains(name)) {
          lineBreaks(2);
        } else if (BLOCKS.contains(name)) {
          lineBreaks(1);
        }
      }
    }
  }

  /** Adds the address after a link's text, unless the text already says it. */
  private void endLink(Link link) {
    String href = link.href;
    if (href.isEmpty() || href.startsWith("#") || href.regionMatches(true, 0, "javascript:", 0, 11)) {
      return;
    }
    String shown = link.textStart <= out.length() ? out.substring(link.textStart).strip() : "";
    String address = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href;
    int query = address.indexOf('?');
    if (href.regionMatches(true, 0, "mailto:", 0, 7) && query >= 0) {
      address = address.substring(0, query);
    }
    if (shown.equalsIgnoreCase(address) || shown.equalsIgnoreCase(href) || sameWithoutScheme(shown, href)) {
      return;
    }
    if (shown.isEmpty()) {
      text(address);
    } else {
      emit(" (" + address + ")");
    }
  }

  private static boolean sameWithoutScheme(String shown, String href) {
    String bare = href.replaceFirst("(?i)^https?://", "");
    if (bare.endsWith("/")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    String text = shown.endsWith("/") ? shown.substring(0, shown.length() - 1) : shown;
    return text.equalsIgnoreCase(bare);
  }

  /** Skips an element and everything in it, counting nested elements of the same name. */
  private void skipElement(String name) {
    int depth = 1;
    while (depth > 0) {
      int lt = html.indexOf('<', pos);
      if (lt < 0) {
        pos = html.length();
        return;
      }
      if (name.equals("head") && html.regionMatches(true, lt + 1, "body", 0, 4)) {
        pos = lt; // a head left open ends where the body starts, as browsers read it
        return;
      }
      boolean closing = lt + 1 < html.length() && html.charAt(lt + 1) == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      if (html.regionMatches(true, nameStart, name, 0, name.length())
          && (nameStart + name.length() >= html.length() || !isNameChar(html.charAt(nameStart + name.length())))) {
        if (closing) {
          depth--;
          pos = skipPast(">", lt);
          continue;
        }
        // Scripts and styles hold text, never elements.
        if (!DROPPED.contains(name) || name.equals("svg") || name.equals("object")) {
          Tag nested = readTag(lt + 1);
          if (!nested.selfClosing) {
            depth++;
          }
          pos = nested.end;
          continue;
        }
      }
      pos = lt + 1;
    }
  }

  private static final class Tag {
    String name;
    String href;
    boolean hidden;
    boolean selfClosing;
    int start = 1;
    int end;
  }

  /** Reads a start tag's name and the attributes that matter, from just after its '<'. */
  private Tag readTag(int from) {
    Tag tag = new Tag();
    int i = from;
    int n = html.length();
    while (i < n && isNameChar(html.charAt(i))) {
      i++;
    }
    tag.name = html.substring(from, i).toLowerCase(Locale.ROOT);
    while (i < n) {
      char c = html.charAt(i);
      if (c == '>') {
        i++;
        break;
      }
      if (c == '/' && i + 1 < n && html.charAt(i + 1) == '>') {
        tag.selfClosing = true;
        i += 2;
        break;
      }
      if (Character.isWhitespace(c) || c == '/') {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '>'
          && !(html.charAt(i) == '/' && i + 1 < n && html.charAt(i + 1) == '>')) {
        i++;
      }
      String attribute = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && Character.isWhitespace(html.charAt(i))) {
        i++;
      }
      String value = "";
      if (i < n && html.charAt(i) == '=') {
        i++;
        while (i < n && Character.isWhitespace(html.charAt(i))) {
          i++;
        }
        if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
          char quote = html.charAt(i);
          int close = html.indexOf(quote, i + 1);
          int valueEnd = close < 0 ? n : close;
          value = html.substring(i + 1, valueEnd);
          i = close < 0 ? n : close + 1;
        } else {
          int valueStart = i;
          while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
          }
          value = html.substring(valueStart, i);
        }
      }
      switch (attribute) {
        case "href" -> tag.href = decode(value);
        case "hidden" -> tag.hidden = true;
        case "style" -> tag.hidden |= isHiddenStyle(value);
        case "start" -> tag.start = parseStart(value);
        default -> {
          // Other attributes do not change the text.
        }
      }
    }
    tag.end = i;
    tag.selfClosing |= VOID.contains(tag.name);
    return tag;
  }

  private static int parseStart(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static boolean isHiddenStyle(String style) {
    String compact = style.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return compact.contains("display:none") || compact.contains("visibility:hidden");
  }

  private void lineBreaks(int count) {
    if (out.length() > 0) {
      pendingBreaks = Math.max(pendingBreaks, count);
    }
    pendingSpace = false;
  }

  /** Adds text as HTML shows it: runs of white space are one space, except in {@code <pre>}. */
  private void text(String text) {
    if (preDepth > 0) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          pendingBreaks++;
        }
        if (!lines[i].isEmpty()) {
          emit(lines[i]);
        }
      }
      return;
    }
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isCollapsible(c)) {
        if (lineHasText || pendingBreaks == 0 && out.length() > 0) {
          pendingSpace = true;
        }
        i++;
        continue;
      }
      int start = i;
      while (i < n && !isCollapsible(text.charAt(i))) {
        i++;
      }
      if (pendingSpace && pendingBreaks == 0 && lineHasText) {
        out.append(' ');
      }
      pendingSpace = false;
      emit(text.substring(start, i));
    }
  }

  /** Appends a word, first writing owed line breaks, the quote prefix and a list marker. */
  private void emit(String word) {
    if (pendingBreaks > 0 && out.length() > 0) {
      out.append("\n".repeat(pendingBreaks));
      lineHasText = false;
    }
    pendingBreaks = 0;
    if (!lineHasText) {
      if (quoteDepth > 0) {
        out.append("> ".repeat(quoteDepth));
      }
      out.append(pendingMarker);
      pendingMarker = "";
    }
    out.append(word);
    lineHasText = true;
  }

  private static boolean isCollapsible(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
  }

  /** Lines without trailing spaces, no-break spaces as spaces, at most one blank line in a row. */
  private static String tidy(CharSequence text) {
    String[] lines = text.toString().replace('\u00a0', ' ').split("\n", -1);
    StringBuilder tidy = new StringBuilder(text.length());
    int blanks = 0;
    for (String line : lines) {
      String trimmed = line.stripTrailing();
      if (trimmed.isEmpty() || trimmed.chars().allMatch(c -> c == '>' || c == ' ')) {
        blanks++;
        continue;
      }
      if (tidy.length() > 0) {
        tidy.append(blanks > 0 ? "\n\n" : "\n");
      }
      blanks = 0;
      tidy.append(trimmed);
    }
    return tidy.toString();
  }

  /**
   * Decodes character references: named ones of HTML's common set, decimal and hexadecimal ones.
   * An unknown or broken reference stays as written.
   */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (amp >= 0) {
      out.append(text, from, amp);
      int end = amp + 1;
      int n = text.length();
      String replacement = null;
      if (end < n && text.charAt(end) == '#') {
        boolean hex = end + 1 < n && (text.charAt(end + 1) == 'x' || text.charAt(end + 1) == 'X');
        int digitsStart = hex ? end + 2 : end + 1;
        int i = digitsStart;
        while (i < n && i - digitsStart < 8 && (hex ? Character.digit(text.charAt(i), 16) >= 0
            : Character.isDigit(text.charAt(i)))) {
          i++;
        }
        if (i > digitsStart) {
          replacement = codePoint(Long.parseLong(text.substring(digitsStart, i), hex ? 16 : 10));
          end = i < n && text.charAt(i) == ';' ? i + 1 : i;
        }
      } else {
        int i = end;
        while (i < n && i - end < 10 && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        String name = text.substring(end, i);
        boolean terminated = i < n && text.charAt(i) == ';';
        String known = ENTITIES.get(name);
        // The few references mail software writes without their ';' are still decoded.
        if (known != null && (terminated || Set.of("amp", "lt", "gt", "quot", "nbsp").contains(name))) {
          replacement = known;
          end = terminated ? i + 1 : i;
        }
      }
      if (replacement == null) {
        out.append('&');
        from = amp + 1;
      } else {
        out.append(replacement);
        from = end;
      }
      amp = text.indexOf('&', from);
    }
    out.append(text, from, text.length());
    return out.toString();
  }

  /** Windows-1252 characters that numeric references in the range 128 to 159 mean, as HTML reads them. */
  private static final String CP1252 =
      "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd"
      + "\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178";

  private static String codePoint(long value) {
    if (value >= 0x80 && value <= 0x9f) {
      return String.valueOf(CP1252.charAt((int) value - 0x80));
    }
    if (value <= 0 || value > Character.MAX_CODE_POINT || (value >= 0xd800 && value <= 0xdfff)) {
      return "\ufffd";
    }
    return new String(Character.toChars((int) value));
  }

  private static Map<String, String> entities() {
    Map<String, String> map = new HashMap<>();
    // ISO 8859-1, in code point order from U+00A0.
    String[] latin1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn"
        + " sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc"
        + " Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute"
        + " Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml"
        + " aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde"
        + " ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml").split(" ");
    for (int i = 0; i < latin1.length; i++) {
      map.put(latin1[i], String.valueOf((char) (0xa0 + i)));
    }
    map.put("shy", "");
    String[][] others = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"euro", "\u20ac"},
        {"hellip", "\u2026"}, {"mdash", "\u2014"}, {"ndash", "\u2013"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"},
        {"sbquo", "\u201a"}, {"ldquo", "\u201c"}, {"rdquo", "\u201d"}, {"bdquo", "\u201e"}, {"bull", "\u2022"},
        {"trade", "\u2122"}, {"dagger", "\u2020"}, {"Dagger", "\u2021"}, {"permil", "\u2030"},
        {"lsaquo", "\u2039"}, {"rsaquo", "\u203a"}, {"oelig", "\u0153"}, {"OElig", "\u0152"},
        {"scaron", "\u0161"}, {"Scaron", "\u0160"}, {"Yuml", "\u0178"}, {"fnof", "\u0192"}, {"circ", "\u02c6"},
        {"tilde", "\u02dc"}, {"ensp", " "}, {"emsp", " "}, {"thinsp", " "}, {"zwnj", ""}, {"zwj", ""},
        {"lrm", ""}, {"rlm", ""}, {"larr", "\u2190"}, {"rarr", "\u2192"}, {"uarr", "\u2191"}, {"darr", "\u2193"},
        {"minus", "\u2212"}, {"check", "\u2713"}, {"times", "\u00d7"}};
    for (String[] entity : others) {
      map.put(entity[0], entity[1]);
    }
    return Map.copyOf(map);
  }
}
