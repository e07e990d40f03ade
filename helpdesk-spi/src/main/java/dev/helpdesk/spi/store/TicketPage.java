package dev.helpdesk.spi.store;

import dev.helpdesk.model.Ticket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link TicketQuery}'s result, oldest first.
 *
 * @param tickets the tickets of this page, at most the query's limit
 * @param next the query for the following page, empty when this is the last one
 */
public record TicketPage(List<Ticket> tickets, Optional<TicketQuery> next) {
  // Copies the list.
  public TicketPage {
    tickets = List.copyOf(tickets);
    Objects.requireNonNull(next, "next");
  }

  /**
   * Builds a page from up to {@code limit + 1} matches in order: one more than the limit means
   * there is a next page. Stores use it to avoid a second query for {@link #next()}.
   *
   * @param query the query answered
   * @param matches the first {@code query.limit() + 1} (or fewer) matches, in order
   * @return the page
   */
  public static TicketPage of(TicketQuery query, List<Ticket> matches) {
    if (matches.size() > query.limit()) {
      List<Ticket> page = matches.subList(0, query.limit());
      return new TicketPage(page, Optional.of(query.after(page.get(page.size() - 1))));
    }
    return new TicketPage(matches, Optional.empty());
  }
}
