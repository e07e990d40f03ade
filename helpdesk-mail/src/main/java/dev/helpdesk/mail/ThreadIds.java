package dev.helpdesk.mail;

import dev.helpdesk.model.NotificationId;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Message-IDs the desk gives its mail, and reading them back. Each ticket has a thread,
 * {@code <helpdesk.HD-7@desk.example>}, that no real message carries; each notification is
 * {@code <helpdesk.HD-7.N-HD-7-2-0@desk.example>}, made from its id alone, so a delivery that is
 * retried goes out with the same Message-ID. A customer's reply names one of them in its
 * In-Reply-To or References header, which tells the ticket without any lookup.
 *
 * <p>Identifiers are written with letters, digits, {@code -} and {@code _} as they are and every
 * other byte as {@code =XX}, so that the dots between parts and the whole stay a valid Message-ID.
 */
final class ThreadIds {
  private static final String MARK = "helpdesk.";

  private ThreadIds() {}

  /** The thread of a ticket, in angle brackets. */
  static String ofTicket(TicketId ticket, String domain) {
    return "<" + MARK + encode(ticket.value()) + "@" + domain + ">";
  }

  /** The Message-ID of one notification about a ticket, in angle brackets. */
  static String ofNotification(TicketId ticket, NotificationId notification, String domain) {
    return "<" + MARK + encode(ticket.value()) + "." + encode(notification.value()) + "@" + domain + ">";
  }

  /**
   * Returns the ticket a Message-ID of the desk names.
   *
   * @param messageId an id without angle brackets
   * @param domains the desk's mail domains, lower case
   * @return the ticket, or empty for anyone else's id and for a malformed one
   */
  static Optional<TicketId> ticketIn(String messageId, Set<String> domains) {
    int at = messageId.lastIndexOf('@');
    if (at < 0 || !messageId.regionMatches(true, 0, MARK, 0, MARK.length())
        || !domains.contains(messageId.substring(at + 1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String local = messageId.substring(MARK.length(), at);
    int dot = local.indexOf('.');
    String ticket = decode(dot < 0 ? local : local.substring(0, dot));
    if (ticket == null || ticket.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TicketId.of(ticket));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  /** Tells whether a Message-ID is one the desk made (its own mail coming back). */
  static boolean isOwn(String messageId, Set<String> domains) {
    int at = messageId.lastIndexOf('@');
    return at > 0 && messageId.regionMatches(true, 0, MARK, 0, MARK.length())
        && domains.contains(messageId.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the ids in a header such as References: each {@code <…>}, without the brackets, in
   * order; a header without brackets is read as one id.
   */
  static List<String> idsIn(String header) {
    List<String> ids = new ArrayList<>();
    if (header == null) {
      return ids;
    }
    int from = 0;
    while (true) {
      int open = header.indexOf('<', from);
      int close = open < 0 ? -1 : header.indexOf('>', open + 1);
      if (close < 0) {
        break;
      }
      String id = header.substring(open + 1, close).strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
      from = close + 1;
    }
    if (ids.isEmpty() && !header.isBlank() && header.strip().indexOf(' ') < 0) {
      ids.add(header.strip());
    }
    return ids;
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        out.append(c);
      } else {
        out.append('=').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      }
    }
    return out.toString();
  }

  private static String decode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=') {
        if (i + 2 >= value.length()) {
          return null;
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
