package dev.helpdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** HTML-only mail becomes text a technician reads (issue 9). */
class HtmlTextTest {

  @Test
  void paragraphsAndHeadingsAreSetApartAndLineBreaksKept() {
    assertEquals("Printer on floor 2\n\nIt jams on every page.\nSince Monday.\n\nThanks",
        HtmlText.toText("<h1>Printer on floor 2</h1><p>It jams on every page.<br>Since Monday.</p><div>Thanks</div>"));
  }

  @Test
  void whiteSpaceIsCollapsedAsABrowserShowsIt() {
    assertEquals("The VPN drops every few minutes.",
        HtmlText.toText("<p>\n  The   VPN\n drops <b>every</b>   few\tminutes.\n</p>"));
  }

  @Test
  void listsKeepTheirMarkersAndNumbersAndNestedListsAreIndented() {
    String html = "<p>What I tried:</p><ol><li>Restarted</li><li>Checked the cable<ul><li>blue one</li>"
        + "<li>grey one</li></ul></li><li>Called Ana</li></ol><p>Nothing helped.</p>";
    assertEquals("What I tried:\n\n1. Restarted\n2. Checked the cable\n  - blue one\n  - grey one\n3. Called Ana\n\n"
        + "Nothing helped.", HtmlText.toText(html));
  }

  @Test
  void anOrderedListMayStartAtAnyNumber() {
    assertEquals("4. four\n5. five", HtmlText.toText("<ol start=\"4\"><li>four<li>five</ol>"));
  }

  @Test
  void linksShowTheirAddressAfterTheirText() {
    assertEquals("See the VPN guide (https://kb.example/vpn) or write to IT (it@corp.example).",
        HtmlText.toText("See the <a href=\"https://kb.example/vpn\">VPN guide</a> or write to "
            + "<a href='mailto:it@corp.example?subject=VPN'>IT</a>."));
  }

  @Test
  void aLinkWhoseTextIsItsAddressIsShownOnce() {
    assertEquals("https://kb.example/vpn and kb.example and it@corp.example",
        HtmlText.toText("<a href=\"https://kb.example/vpn\">https://kb.example/vpn</a> and "
            + "<a href=\"https://kb.example/\">kb.example</a> and <a href=\"mailto:it@corp.example\">it@corp.example</a>"));
  }

  @Test
  void anchorsAndScriptLinksAddNothingAndAnEmptyLinkShowsItsAddress() {
    assertEquals("top click https://kb.example/x",
        HtmlText.toText("<a href=\"#top\">top</a> <a href=\"javascript:go()\">click</a> "
            + "<a href=\"https://kb.example/x\"><img src=\"x.png\"></a>"));
  }

  @Test
  void entitiesAreDecodedNamedDecimalAndHexadecimal() {
    assertEquals("Café & té: 5 € … “quoted” ’ ¿Qué? é ü",
        HtmlText.toText("Caf&eacute; &amp; t&#233;: 5&nbsp;&#x20AC; &hellip; &ldquo;quoted&rdquo; &#146; "
            + "&iquest;Qu&eacute;? &#xe9; &uuml;"));
  }

  @Test
  void unknownOrBrokenEntitiesStayAsWritten() {
    assertEquals("AT&T &bogus; &#; R&D &amp", HtmlText.toText("AT&T &bogus; &#; R&D &amp;amp"));
  }

  @Test
  void scriptsStylesTheHeadAndCommentsAreDropped() {
    String html = "<html><head><title>Newsletter</title><style>p { color: red }</style></head>"
        + "<body><!-- tracking --><script>var a = '<p>no</p>';</script><p>Only this</p>"
        + "<noscript>enable scripts</noscript></body></html>";
    assertEquals("Only this", HtmlText.toText(html));
  }

  @Test
  void aHeadLeftOpenEndsWhereTheBodyStarts() {
    assertEquals("Body text", HtmlText.toText("<head><meta charset=utf-8><body><p>Body text</p></body>"));
  }

  @Test
  void hiddenElementsAreDropped() {
    assertEquals("Visible",
        HtmlText.toText("<div style=\"display: none; max-height:0\">preview <div>nested</div> text</div>"
            + "<span hidden>secret</span><p>Visible</p>"));
  }

  @Test
  void tableCellsOfARowShareALine() {
    String html = "<table><tr><th>Device</th><th>Serial</th></tr><tr><td>Laptop</td><td>X1-2045</td></tr></table>"
        + "<p>after</p>";
    assertEquals("Device | Serial\nLaptop | X1-2045\n\nafter", HtmlText.toText(html));
  }

  @Test
  void layoutTablesWithOneCellPerRowReadAsLines() {
    assertEquals("Hello Luis,\nYour ticket is open.",
        HtmlText.toText("<table><tr><td><table><tr><td>Hello Luis,</td></tr><tr><td>Your ticket is open."
            + "</td></tr></table></td></tr></table>"));
  }

  @Test
  void quotedBlocksArePrefixedAsInPlainTextMail() {
    assertEquals("Yes, still broken.\nOn Monday the desk wrote:\n\n> Is it still broken?\n> Please tell us.",
        HtmlText.toText("<div>Yes, still broken.</div><div>On Monday the desk wrote:<br><blockquote>"
            + "<div>Is it still broken?</div><div>Please tell us.</div></blockquote></div>"));
  }

  @Test
  void preformattedTextKeepsItsSpacing() {
    assertEquals("Error log:\n\nline 1:   code 42\n    at Main", HtmlText.toText(
        "<p>Error log:</p><pre>line 1:   code 42\n    at Main</pre>"));
  }

  @Test
  void brokenMarkupIsReadAsWellAsItCanBeAndStrayBracketsStayText() {
    assertEquals("if a < b and 5 <6 then bold text\nnext", HtmlText.toText(
        "if a < b and 5 <6 then <b>bold <i>text<div>next"));
    assertEquals("x", HtmlText.toText("x<p"));
  }

  @Test
  void aHorizontalRuleIsALine() {
    assertEquals("above\n---\nbelow", HtmlText.toText("above<hr>below"));
  }

  @Test
  void attributesWithAngleBracketsInQuotesDoNotEndTheTag() {
    assertEquals("go (https://x.example/?a=1&b=2)",
        HtmlText.toText("<a title=\"a > b\" href=\"https://x.example/?a=1&amp;b=2\">go</a>"));
  }
}
