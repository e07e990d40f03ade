package dev.helpdesk.core.lifecycle;

import static dev.helpdesk.core.lifecycle.TicketAction.ASSIGN;
import static dev.helpdesk.core.lifecycle.TicketAction.CANCEL;
import static dev.helpdesk.core.lifecycle.TicketAction.CHANGE_PRIORITY;
import static dev.helpdesk.core.lifecycle.TicketAction.CLOSE;
import static dev.helpdesk.core.lifecycle.TicketAction.COMMENT;
import static dev.helpdesk.core.lifecycle.TicketAction.CONFIRM;
import static dev.helpdesk.core.lifecycle.TicketAction.CUSTOMER_REPLY;
import static dev.helpdesk.core.lifecycle.TicketAction.ESCALATE;
import static dev.helpdesk.core.lifecycle.TicketAction.HAND_OFF;
import static dev.helpdesk.core.lifecycle.TicketAction.KEEP_INFORMED;
import static dev.helpdesk.core.lifecycle.TicketAction.MERGE;
import static dev.helpdesk.core.lifecycle.TicketAction.RATE;
import static dev.helpdesk.core.lifecycle.TicketAction.RELEASE;
import static dev.helpdesk.core.lifecycle.TicketAction.REOPEN;
import static dev.helpdesk.core.lifecycle.TicketAction.REQUEST_INFORMATION;
import static dev.helpdesk.core.lifecycle.TicketAction.RESOLVE;
import static dev.helpdesk.core.lifecycle.TicketAction.RETURN_FOR_FOLLOW_UP;
import static dev.helpdesk.core.lifecycle.TicketAction.RETURN_FROM_DEPARTMENT;
import static dev.helpdesk.core.lifecycle.TicketAction.START_WORK;
import static dev.helpdesk.core.lifecycle.TicketAction.TRACK_SLA;
import static dev.helpdesk.model.TicketStatus.ASSIGNED;
import static dev.helpdesk.model.TicketStatus.CANCELLED;
import static dev.helpdesk.model.TicketStatus.CLOSED;
import static dev.helpdesk.model.TicketStatus.IN_PROGRESS;
import static dev.helpdesk.model.TicketStatus.MERGED;
import static dev.helpdesk.model.TicketStatus.NEW;
import static dev.helpdesk.model.TicketStatus.REOPENED;
import static dev.helpdesk.model.TicketStatus.RESOLVED;
import static dev.helpdesk.model.TicketStatus.WAITING_ON_CUSTOMER;
import static dev.helpdesk.model.TicketStatus.WITH_DEPARTMENT;

import dev.helpdesk.model.IllegalTransitionException;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.TicketId;
import dev.helpdesk.model.TicketStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The ticket state machine: for each status, the actions allowed in it and the status each one
 * leads to. This table is the only place that says so; every command of the desk consults it
 * before it changes anything, and an action missing from a status's row throws {@link
 * IllegalTransitionException}.
 *
 * <p>Some targets depend on the ticket rather than the status: {@link Target#STAY} keeps the status
 * as it is, {@link Target#RESUME} returns a ticket to work ({@code IN_PROGRESS} when it has an
 * assignee, {@code NEW} when not) and {@link Target#REQUEUE} puts it back in a queue ({@code
 * ASSIGNED} or {@code NEW}). A command evaluates them on the ticket as it changes it, so an
 * assignee it sets or clears counts.
 */
public final class Lifecycle {
  /** Where an allowed action leads. */
  public enum Target {
    /** To {@link TicketStatus#NEW}, at the ticket's (possibly new) tier. */
    NEW_STATUS(NEW),
    /** To {@link TicketStatus#ASSIGNED}. */
    ASSIGNED_STATUS(ASSIGNED),
    /** To {@link TicketStatus#IN_PROGRESS}. */
    IN_PROGRESS_STATUS(IN_PROGRESS),
    /** To {@link TicketStatus#WAITING_ON_CUSTOMER}. */
    WAITING_STATUS(WAITING_ON_CUSTOMER),
    /** To {@link TicketStatus#WITH_DEPARTMENT}. */
    WITH_DEPARTMENT_STATUS(WITH_DEPARTMENT),
    /** To {@link TicketStatus#RESOLVED}. */
    RESOLVED_STATUS(RESOLVED),
    /** To {@link TicketStatus#CLOSED}. */
    CLOSED_STATUS(CLOSED),
    /** To {@link TicketStatus#REOPENED}. */
    REOPENED_STATUS(REOPENED),
    /** To {@link TicketStatus#CANCELLED}. */
    CANCELLED_STATUS(CANCELLED),
    /** To {@link TicketStatus#MERGED}. */
    MERGED_STATUS(MERGED),
    /** The status does not change. */
    STAY(null),
    /** Back to work: {@code IN_PROGRESS} with an assignee, else {@code NEW}. */
    RESUME(null),
    /** Back in a queue: {@code ASSIGNED} with an assignee, else {@code NEW}. */
    REQUEUE(null);

    private final TicketStatus status;

    Target(TicketStatus status) {
      this.status = status;
    }

    /**
     * Returns the status this target means for a ticket.
     *
     * @param ticket the ticket before the action
     * @return the status after it
     */
    public TicketStatus statusFor(Ticket ticket) {
      return statusFor(ticket.status(), ticket.assignee().isPresent());
    }

    /**
     * Returns the status this target means for a ticket in a status, with or without an assignee
     * after the action.
     *
     * @param current the status before the action
     * @param assigned whether the ticket has an assignee after the action
     * @return the status after it
     */
    public TicketStatus statusFor(TicketStatus current, boolean assigned) {
      switch (this) {
        case STAY:
          return current;
        case RESUME:
          return assigned ? IN_PROGRESS : NEW;
        case REQUEUE:
          return assigned ? ASSIGNED : NEW;
        default:
          return status;
      }
    }
  }

  private static final Map<TicketStatus, Map<TicketAction, Target>> TABLE = new EnumMap<>(TicketStatus.class);

  static {
    // Working statuses share the triage outcomes of D-13: solve, ask, escalate, hand off.
    row(NEW,
        KEEP_INFORMED, Target.STAY,
        TRACK_SLA, Target.STAY,
        RETURN_FOR_FOLLOW_UP, Target.REQUEUE,
        ASSIGN, Target.ASSIGNED_STATUS,
        START_WORK, Target.IN_PROGRESS_STATUS,
        REQUEST_INFORMATION, Target.WAITING_STATUS,
        CUSTOMER_REPLY, Target.STAY,
        ESCALATE, Target.NEW_STATUS,
        HAND_OFF, Target.WITH_DEPARTMENT_STATUS,
        RESOLVE, Target.RESOLVED_STATUS,
        CANCEL, Target.CANCELLED_STATUS,
        MERGE, Target.MERGED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(ASSIGNED,
        KEEP_INFORMED, Target.STAY,
        TRACK_SLA, Target.STAY,
        RETURN_FOR_FOLLOW_UP, Target.REQUEUE,
        ASSIGN, Target.ASSIGNED_STATUS,
        START_WORK, Target.IN_PROGRESS_STATUS,
        RELEASE, Target.NEW_STATUS,
        REQUEST_INFORMATION, Target.WAITING_STATUS,
        CUSTOMER_REPLY, Target.STAY,
        ESCALATE, Target.NEW_STATUS,
        HAND_OFF, Target.WITH_DEPARTMENT_STATUS,
        RESOLVE, Target.RESOLVED_STATUS,
        CANCEL, Target.CANCELLED_STATUS,
        MERGE, Target.MERGED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(IN_PROGRESS,
        KEEP_INFORMED, Target.STAY,
        TRACK_SLA, Target.STAY,
        RETURN_FOR_FOLLOW_UP, Target.REQUEUE,
        ASSIGN, Target.ASSIGNED_STATUS,
        RELEASE, Target.NEW_STATUS,
        REQUEST_INFORMATION, Target.WAITING_STATUS,
        CUSTOMER_REPLY, Target.STAY,
        ESCALATE, Target.NEW_STATUS,
        HAND_OFF, Target.WITH_DEPARTMENT_STATUS,
        RESOLVE, Target.RESOLVED_STATUS,
        CANCEL, Target.CANCELLED_STATUS,
        MERGE, Target.MERGED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(WAITING_ON_CUSTOMER,
        CUSTOMER_REPLY, Target.RESUME,
        TRACK_SLA, Target.STAY,
        ASSIGN, Target.STAY,
        RELEASE, Target.STAY,
        RESOLVE, Target.RESOLVED_STATUS,
        RETURN_FOR_FOLLOW_UP, Target.REQUEUE,
        CANCEL, Target.CANCELLED_STATUS,
        MERGE, Target.MERGED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(WITH_DEPARTMENT,
        KEEP_INFORMED, Target.STAY,
        TRACK_SLA, Target.STAY,
        RETURN_FROM_DEPARTMENT, Target.RESUME,
        CUSTOMER_REPLY, Target.STAY,
        CANCEL, Target.CANCELLED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(RESOLVED,
        CONFIRM, Target.CLOSED_STATUS,
        CLOSE, Target.CLOSED_STATUS,
        REOPEN, Target.REOPENED_STATUS,
        CUSTOMER_REPLY, Target.RESUME,
        COMMENT, Target.STAY,
        RATE, Target.STAY);
    row(CLOSED,
        REOPEN, Target.REOPENED_STATUS,
        COMMENT, Target.STAY,
        RATE, Target.STAY);
    row(REOPENED,
        KEEP_INFORMED, Target.STAY,
        TRACK_SLA, Target.STAY,
        RETURN_FOR_FOLLOW_UP, Target.REQUEUE,
        ASSIGN, Target.ASSIGNED_STATUS,
        START_WORK, Target.IN_PROGRESS_STATUS,
        RELEASE, Target.NEW_STATUS,
        REQUEST_INFORMATION, Target.WAITING_STATUS,
        CUSTOMER_REPLY, Target.STAY,
        ESCALATE, Target.NEW_STATUS,
        HAND_OFF, Target.WITH_DEPARTMENT_STATUS,
        RESOLVE, Target.RESOLVED_STATUS,
        CANCEL, Target.CANCELLED_STATUS,
        COMMENT, Target.STAY,
        CHANGE_PRIORITY, Target.STAY);
    row(CANCELLED,
        COMMENT, Target.STAY);
    row(MERGED);
  }

  private Lifecycle() {}

  private static void row(TicketStatus status, Object... actionsAndTargets) {
    Map<TicketAction, Target> row = new EnumMap<>(TicketAction.class);
    for (int i = 0; i < actionsAndTargets.length; i += 2) {
      row.put((TicketAction) actionsAndTargets[i], (Target) actionsAndTargets[i + 1]);
    }
    TABLE.put(status, Collections.unmodifiableMap(row));
  }

  /**
   * Tells whether an action is allowed in a status.
   *
   * @param status the ticket's status
   * @param action the action
   * @return whether the table allows it
   */
  public static boolean allows(TicketStatus status, TicketAction action) {
    return TABLE.get(status).containsKey(action);
  }

  /**
   * Returns the actions allowed in a status.
   *
   * @param status a status
   * @return the allowed actions, in declaration order
   */
  public static Set<TicketAction> allowedIn(TicketStatus status) {
    return TABLE.get(status).keySet();
  }

  /**
   * Returns where an action leads a ticket, or refuses it.
   *
   * @param ticket the ticket before the action
   * @param action the action
   * @return the target; evaluate it with {@link Target#statusFor} on the changed ticket
   * @throws IllegalTransitionException if the ticket's status does not allow the action
   */
  public static Target target(Ticket ticket, TicketAction action) {
    return target(ticket.id(), ticket.status(), action);
  }

  /**
   * Returns where an action leads a ticket in a given status, or refuses it; for commands that take
   * two steps of the table in one update (resolve, then the customer's confirmation).
   *
   * @param ticket the ticket, for the error message
   * @param status the status the action starts from
   * @param action the action
   * @return the target
   * @throws IllegalTransitionException if the status does not allow the action
   */
  public static Target target(TicketId ticket, TicketStatus status, TicketAction action) {
    Target target = TABLE.get(status).get(action);
    if (target == null) {
      throw new IllegalTransitionException(ticket, status, action.label());
    }
    return target;
  }

  /**
   * Returns the table as text, one status a line, for documentation and logs.
   *
   * @return the allowed actions and their targets per status
   */
  public static String describe() {
    StringBuilder out = new StringBuilder();
    TABLE.forEach((status, row) -> {
      out.append(status).append(':');
      row.forEach((action, target) -> out.append(' ').append(action.label()).append(" -> ")
          .append(target.status == null ? target.name().toLowerCase(java.util.Locale.ROOT)
              : target.status).append(';'));
      out.append('\n');
    });
    return out.toString();
  }
}
