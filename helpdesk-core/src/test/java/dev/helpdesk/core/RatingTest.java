package dev.helpdesk.core;

import static dev.helpdesk.core.Desk.LUCIA;
import static dev.helpdesk.core.Desk.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.model.AccessDeniedException;
import dev.helpdesk.model.Actor;
import dev.helpdesk.model.IllegalTransitionException;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketEvent;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.model.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After the solution, the customer rates the help they got (D-24). */
class RatingTest {
  private final Desk d = new Desk();

  private Ticket solved() {
    Ticket ticket = d.call("Printer jams");
    return d.desk.resolve(LUCIA, ticket.id(), Solution.of("Removed the jammed sheet").atFirstContact());
  }

  private TicketEvent last(Ticket ticket) {
    List<TicketEvent> history = d.desk.history(SAM, ticket.id());
    return history.get(history.size() - 1);
  }

  @Test
  void aCustomerRatesASolvedTicketWithAScoreAndAComment() {
    Ticket ticket = solved();
    Ticket rated = d.desk.rate(d.customerOf(ticket), ticket.id(), 4, "  Quick, thanks  ");
    assertEquals(ticket.version() + 1, rated.version());
    assertEquals(ticket.status(), rated.status());
    TicketEvent event = last(rated);
    assertEquals(new TicketEvent.Rated(4), event.change());
    assertEquals("Quick, thanks", event.note().text());
    assertEquals(Visibility.PUBLIC, event.note().visibility());
    assertEquals(d.customerOf(ticket), event.actor());
  }

  @Test
  void aCommentIsOptional() {
    Ticket ticket = solved();
    d.desk.rate(d.customerOf(ticket), ticket.id(), 5, null);
    assertEquals("", last(ticket).note().text());
  }

  @Test
  void aScoreOutsideOneToFiveIsRefusedAndNothingChanges() {
    Ticket ticket = solved();
    ValidationException e = assertThrows(ValidationException.class,
        () -> d.desk.rate(d.customerOf(ticket), ticket.id(), 6, "x".repeat(2_001)));
    assertEquals(List.of(new Violation("score", "must be between 1 and 5, was 6"),
        new Violation("comment", "size must be between 0 and 2000")), e.violations());
    assertEquals(ticket, d.get(ticket.id()));
  }

  @Test
  void onlyTheTicketsCustomerRatesIt() {
    Ticket ticket = solved();
    assertThrows(AccessDeniedException.class, () -> d.desk.rate(LUCIA, ticket.id(), 5, ""));
    assertThrows(AccessDeniedException.class, () -> d.desk.rate(SAM, ticket.id(), 5, ""));
    Ticket other = d.desk.receive(dev.helpdesk.model.InboundContact.of(dev.helpdesk.model.Channel.EMAIL,
        dev.helpdesk.model.CustomerDetails.withEmailOnly("bruno@example.com"), "Hi", "", d.clock.instant()));
    assertThrows(AccessDeniedException.class,
        () -> d.desk.rate(Actor.customer(other.customer()), ticket.id(), 1, "not mine"));
    assertEquals(ticket, d.get(ticket.id()));
  }

  @Test
  void aTicketWithoutASolutionCannotBeRatedYet() {
    Ticket open = d.call("Printer jams");
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> d.desk.rate(d.customerOf(open), open.id(), 3, ""));
    assertEquals("rate", e.action());
    assertEquals(open, d.get(open.id()));
  }
}
