package dev.helpdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A reply recorded on a ticket is what the customer wrote this time, not the whole thread again. */
class QuotedTextTest {

  @Test
  void anAttributionFollowedByQuotedLinesEndsTheReply() {
    assertEquals("It works again, thanks!", QuotedText.withoutQuotedHistory(
        "It works again, thanks!\n\nOn Mon, 3 Nov 2025 at 10:00, Help Desk <help@desk.example> wrote:\n"
            + "> Please restart the router.\n>\n> The Help Desk\n"));
  }

  @Test
  void aWrappedAttributionIsRecognisedToo() {
    assertEquals("Done.", QuotedText.withoutQuotedHistory(
        "Done.\n\nOn Mon, Nov 3, 2025 at 10:00 AM Help Desk <help@desk.example>\nwrote:\n\n> Restart it.\n"));
  }

  @Test
  void attributionsInOtherLanguagesAreRecognised() {
    assertEquals("Ya funciona.", QuotedText.withoutQuotedHistory(
        "Ya funciona.\n\nEl lun, 3 nov 2025 a las 10:00, Mesa de ayuda (<help@desk.example>) escribió:\n> Hola"));
    assertEquals("Merci.", QuotedText.withoutQuotedHistory(
        "Merci.\n\nLe lun. 3 nov. 2025 à 10:00, Help Desk <help@desk.example> a écrit :\n> Bonjour"));
  }

  @Test
  void outlookSeparatorsEndTheReply() {
    assertEquals("See attached.", QuotedText.withoutQuotedHistory(
        "See attached.\n\n-----Original Message-----\nFrom: Help Desk\nSent: Monday\nSubject: [HD-1]\n\nHello"));
    assertEquals("Still failing.", QuotedText.withoutQuotedHistory(
        "Still failing.\n\n________________________________\nFrom: Help Desk <help@desk.example>\n"
            + "Sent: Monday, 3 November 2025 10:00\nTo: Luis\nSubject: [HD-1] Need info\n\nHello Luis"));
    assertEquals("Sigue igual.", QuotedText.withoutQuotedHistory(
        "Sigue igual.\n\nDe: Mesa de ayuda <help@desk.example>\nEnviado: lunes, 3 de noviembre\nAsunto: x\n\nHola"));
  }

  @Test
  void answersWrittenBetweenQuotedLinesAreKept() {
    String interleaved = "On Monday, Help Desk wrote:\n> Which model is it?\nA T54W.\n> Since when?\nSince Friday.";
    assertEquals(interleaved, QuotedText.withoutQuotedHistory(interleaved));
  }

  @Test
  void aTrailingQuotedBlockWithoutAttributionIsDropped() {
    assertEquals("Yes.", QuotedText.withoutQuotedHistory("Yes.\n\n> Did it work?\n> \n"));
  }

  @Test
  void aReplyThatIsOnlyQuotedTextIsKeptWhole() {
    assertEquals("> Did it work?", QuotedText.withoutQuotedHistory("> Did it work?\n"));
  }

  @Test
  void textWithoutQuotedHistoryIsUnchanged() {
    String text = "Hello,\n\nthe scanner on floor 3 does not scan to email.\n\nLuis";
    assertEquals(text, QuotedText.withoutQuotedHistory(text));
  }

  @Test
  void aForwardedMessageInAReplyIsKept() {
    String text = "Here is the error I got:\n\n---------- Forwarded message ---------\nFrom: System\nError 42";
    assertEquals(text, QuotedText.withoutQuotedHistory(text));
  }
}
