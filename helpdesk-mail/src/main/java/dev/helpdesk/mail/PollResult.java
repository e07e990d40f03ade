package dev.helpdesk.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one poll of the mailbox did: an outcome for every mail it looked at, in mailbox order.
 *
 * @param outcomes what became of each mail
 * @param moreWaiting whether mail was left for the next poll because this one took its batch
 * @param mailboxProblem why the poll stopped early or could not start (the server unreachable, the
 *     connection lost); empty when it went through. Whatever was not done is done by a later poll.
 */
public record PollResult(List<MailOutcome> outcomes, boolean moreWaiting, Optional<String> mailboxProblem) {
  // Copies the list; rejects missing values.
  public PollResult {
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(mailboxProblem, "mailboxProblem");
  }

  /**
   * Counts the mails with one outcome.
   *
   * @param kind the outcome
   * @return how many mails had it
   */
  public int count(MailOutcome.Kind kind) {
    int count = 0;
    for (MailOutcome outcome : outcomes) {
      if (outcome.kind() == kind) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the mails with one outcome.
   *
   * @param kind the outcome
   * @return those mails' outcomes, in mailbox order
   */
  public List<MailOutcome> only(MailOutcome.Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).toList();
  }
}
