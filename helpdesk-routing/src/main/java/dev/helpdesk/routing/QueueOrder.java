package dev.helpdesk.routing;

import dev.helpdesk.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The order in which waiting tickets are taken (D-15). Each order gives a ticket a sort key that
 * does not change while it waits, so queues never need re-sorting: ties go to the ticket routed
 * first.
 *
 * <ul>
 *   <li>{@link #priorityThenOldest()}: higher priority first, then oldest entered first.
 *   <li>{@link #aging(Duration)}: oldest first, with each priority level worth a head start of the
 *       given time. A low-priority ticket that has waited longer than the head start of a higher
 *       one goes first, so no ticket starves: waiting raises its score at the same rate for all.
 *   <li>{@link #slaDue()}: the earliest SLA due time first; tickets without one after those with
 *       one, oldest first.
 * </ul>
 */
public final class QueueOrder {
  private enum Kind { PRIORITY_THEN_OLDEST, AGING, SLA_DUE }

  /** Far enough apart that no entered date can bridge it (about 8,900 years in milliseconds). */
  private static final long PRIORITY_STEP = 1L << 48;
  private static final QueueOrder PRIORITY_THEN_OLDEST = new QueueOrder(Kind.PRIORITY_THEN_OLDEST, Duration.ZERO);
  private static final QueueOrder SLA_DUE = new QueueOrder(Kind.SLA_DUE, Duration.ZERO);

  private final Kind kind;
  private final Duration headStart;

  private QueueOrder(Kind kind, Duration headStart) {
    this.kind = kind;
    this.headStart = headStart;
  }

  /**
   * Higher priority first, then oldest entered first: the default.
   *
   * @return the order
   */
  public static QueueOrder priorityThenOldest() {
    return PRIORITY_THEN_OLDEST;
  }

  /**
   * Oldest first, each priority level above {@link Priority#LOW} worth a head start.
   *
   * @param headStartPerLevel how much earlier a ticket one priority level higher counts as entered;
   *     positive
   * @return the order
   * @throws IllegalArgumentException if the head start is not positive
   */
  public static QueueOrder aging(Duration headStartPerLevel) {
    Objects.requireNonNull(headStartPerLevel, "headStartPerLevel");
    if (headStartPerLevel.isNegative() || headStartPerLevel.isZero()) {
      throw new IllegalArgumentException("headStartPerLevel must be positive, was " + headStartPerLevel);
    }
    return new QueueOrder(Kind.AGING, headStartPerLevel);
  }

  /**
   * Earliest SLA due time first.
   *
   * @return the order
   */
  public static QueueOrder slaDue() {
    return SLA_DUE;
  }

  /** The sort key of a ticket: smaller goes first. */
  long key(Priority priority, Instant entered, Optional<Instant> slaDue) {
    long enteredMillis = entered.toEpochMilli();
    return switch (kind) {
      case PRIORITY_THEN_OLDEST -> (Priority.CRITICAL.ordinal() - priority.ordinal()) * PRIORITY_STEP + enteredMillis;
      case AGING -> enteredMillis - priority.ordinal() * headStart.toMillis();
      case SLA_DUE -> slaDue.map(due -> due.toEpochMilli()).orElse(PRIORITY_STEP + enteredMillis);
    };
  }

  @Override
  public String toString() {
    return kind == Kind.AGING ? "aging(" + headStart + " per priority level)" : kind.name().toLowerCase();
  }
}
