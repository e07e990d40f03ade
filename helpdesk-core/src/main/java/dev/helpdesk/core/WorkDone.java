package dev.helpdesk.core;

import java.time.Instant;

/**
 * What one call of {@link HelpDesk#advanceTo} did.
 *
 * @param at the instant the desk advanced to
 * @param autoClosed resolved tickets closed after the quiet period without an answer
 * @param statusUpdates courtesy updates sent to customers of tickets that take long (D-17)
 * @param reminders reminders sent to owners of those tickets
 * @param delivered notifications the notifier accepted
 * @param retried notifications the notifier refused, to be tried again
 * @param failed notifications given up on after their last attempt
 */
public record WorkDone(
    Instant at, int autoClosed, int statusUpdates, int reminders, int delivered, int retried, int failed) {}
