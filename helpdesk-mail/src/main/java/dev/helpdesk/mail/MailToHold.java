package dev.helpdesk.mail;

/** A mail the desk cannot take in; the message is the reason, written for the person who will look at it. */
final class MailToHold extends Exception {
  private static final long serialVersionUID = 1L;

  MailToHold(String reason) {
    super(reason, null, false, false);
  }
}
