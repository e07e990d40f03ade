/**
 * Email as a channel of the desk (D-02). {@link dev.helpdesk.mail.MailChannel} reads the desk's
 * mailbox over IMAP, or takes raw messages from the host, and turns each mail into a contact: a new
 * ticket for its sender, or the continuation of the ticket it answers. {@link
 * dev.helpdesk.mail.MailNotifier} sends the desk's notifications as mail threaded so that replies
 * find their ticket again. Both are built on the Jakarta Mail API; an implementation such as
 * Eclipse Angus Mail must be on the class path at run time.
 */
package dev.helpdesk.mail;
