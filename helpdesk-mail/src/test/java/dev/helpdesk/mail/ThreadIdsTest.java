package dev.helpdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.TicketId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The desk's Message-IDs name their ticket, whatever its id looks like. */
class ThreadIdsTest {
  private static final Set<String> DESK = Set.of("desk.example");

  @Test
  void aNotificationsMessageIdIsMadeFromItsIdAloneAndNamesItsTicket() {
    String id = ThreadIds.ofNotification(TicketId.of("HD-7"), NotificationId.of("N-HD-7-2-0"), "desk.example");
    assertEquals("<helpdesk.HD-7.N-HD-7-2-0@desk.example>", id);
    assertEquals(id, ThreadIds.ofNotification(TicketId.of("HD-7"), NotificationId.of("N-HD-7-2-0"), "desk.example"));
    assertEquals(Optional.of(TicketId.of("HD-7")), ThreadIds.ticketIn(ThreadIds.idsIn(id).get(0), DESK));
  }

  @Test
  void ticketIdsWithAnyPrintableCharactersSurviveTheRoundTrip() {
    for (String value : List.of("HD.7", "a/b=c", "T<1>@x", "Ticket_9-x", "%41")) {
      String thread = ThreadIds.idsIn(ThreadIds.ofTicket(TicketId.of(value), "desk.example")).get(0);
      assertFalse(thread.substring(0, thread.lastIndexOf('@')).contains("@"), thread);
      assertEquals(Optional.of(TicketId.of(value)), ThreadIds.ticketIn(thread, DESK), value);
    }
  }

  @Test
  void idsOfOtherDomainsOrOfAnotherShapeNameNoTicket() {
    assertEquals(Optional.empty(), ThreadIds.ticketIn("helpdesk.HD-7@elsewhere.example", DESK));
    assertEquals(Optional.empty(), ThreadIds.ticketIn("CAF3x@mail.gmail.com", DESK));
    assertEquals(Optional.empty(), ThreadIds.ticketIn("helpdesk.=zz@desk.example", DESK));
    assertEquals(Optional.empty(), ThreadIds.ticketIn("helpdesk.@desk.example", DESK));
    assertTrue(ThreadIds.isOwn("helpdesk.HD-7@DESK.example", DESK));
    assertFalse(ThreadIds.isOwn("HD-7@desk.example", DESK));
  }

  @Test
  void headersListTheirIdsInOrder() {
    assertEquals(List.of("a@x", "b@y"), ThreadIds.idsIn(" <a@x>\r\n\t<b@y> (comment)"));
    assertEquals(List.of("bare@x"), ThreadIds.idsIn("bare@x"));
    assertEquals(List.of(), ThreadIds.idsIn(""));
    assertEquals(List.of(), ThreadIds.idsIn(null));
  }
}
