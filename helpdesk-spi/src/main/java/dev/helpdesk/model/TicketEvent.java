package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of a ticket's journey (D-16): who did what, when, and how the status moved. A ticket's
 * history is the append-only list of its events, in the order they happened; analytics and
 * notifications are read from it.
 *
 * <p>What happened is the {@link Change}, one of a sealed set of records. The {@link #note()} may be
 * internal: a customer sees every event of their ticket, but never an internal note (see
 * {@link #asSeenByCustomer()}).
 *
 * @param ticket the ticket it belongs to
 * @param at when it happened
 * @param actor who did it
 * @param from the status before
 * @param to the status after (equal to {@code from} for steps that do not move it)
 * @param tier the tier the ticket was at after the step
 * @param change what happened
 * @param note a remark for the customer or for staff, {@link Note#NONE} when none
 */
public record TicketEvent(
    @NotNull TicketId ticket,
    @NotNull Instant at,
    @NotNull Actor actor,
    @NotNull TicketStatus from,
    @NotNull TicketStatus to,
    @NotNull Tier tier,
    @NotNull Change change,
    @NotNull Note note) {

  // Rejects null components.
  public TicketEvent {
    Checks checks = Checks.on(TicketEvent.class);
    checks.notNull("ticket", ticket);
    checks.notNull("at", at);
    checks.notNull("actor", actor);
    checks.notNull("from", from);
    checks.notNull("to", to);
    checks.notNull("tier", tier);
    checks.notNull("change", change);
    checks.notNull("note", note);
    checks.done();
  }

  /**
   * Returns the event as a customer may see it: the same step without an internal note, and
   * without the staff's reasons for an assignment (routing explanations, hand-over remarks).
   *
   * @return this event, or a copy without its internal note
   */
  public TicketEvent asSeenByCustomer() {
    Change seen = change;
    if (change instanceof Assigned assigned && !assigned.reason().isEmpty()) {
      seen = new Assigned(assigned.technician(), "");
    } else if (change instanceof Unassigned unassigned && !unassigned.reason().isEmpty()) {
      seen = new Unassigned(unassigned.technician(), "");
    }
    Note shown = note.visibility() == Visibility.INTERNAL ? Note.NONE : note;
    return seen == change && shown == note ? this : new TicketEvent(ticket, at, actor, from, to, tier, seen, shown);
  }

  /**
   * Tells whether the customer is shown this step at all: every step but an internal comment and the
   * desk's service-level bookkeeping.
   *
   * @return false for a {@link Commented} step whose note is internal, and for {@link
   *     SlaPolicyApplied}, {@link SlaWarning} and {@link SlaBreached}
   */
  public boolean isVisibleToCustomer() {
    return !((change instanceof Commented || change instanceof FlowchartFollowed)
        && note.visibility() == Visibility.INTERNAL)
        && !(change instanceof SlaPolicyApplied || change instanceof SlaWarning || change instanceof SlaBreached);
  }

  /** What happened in one step. */
  public sealed interface Change
      permits Opened, Assigned, Unassigned, WorkStarted, InformationRequested, CustomerReplied,
          Escalated, ReturnedForFollowUp, HandedOff, ReturnedFromDepartment, Resolved, Closed, Reopened, Cancelled,
          Merged, Commented, PriorityChanged, StatusUpdateSent, ReminderSent, BulletinLinked, FlowchartFollowed,
          SlaPolicyApplied, SlaWarning, SlaBreached, Rated {}

  /**
   * The ticket was entered.
   *
   * @param channel where the contact came from
   * @param supportMode how support is given
   */
  public record Opened(@NotNull Channel channel, @NotNull SupportMode supportMode) implements Change {
    // Rejects null components.
    public Opened {
      Checks checks = Checks.on(Opened.class);
      checks.notNull("channel", channel);
      checks.notNull("supportMode", supportMode);
      checks.done();
    }
  }

  /**
   * A technician took the ticket.
   *
   * @param technician who took it
   * @param reason why this technician, for routing decisions; may be empty
   */
  public record Assigned(@NotNull TechnicianId technician, @NotNull String reason) implements Change {
    // Rejects a missing technician; a missing reason becomes empty.
    public Assigned {
      Checks checks = Checks.on(Assigned.class);
      checks.notNull("technician", technician);
      reason = checks.optionalText("reason", reason, 2_000);
      checks.done();
    }
  }

  /**
   * A technician let the ticket go (went offline, declined, passed it up or back).
   *
   * @param technician who had it
   * @param reason why; may be empty
   */
  public record Unassigned(@NotNull TechnicianId technician, @NotNull String reason) implements Change {
    // Rejects a missing technician; a missing reason becomes empty.
    public Unassigned {
      Checks checks = Checks.on(Unassigned.class);
      checks.notNull("technician", technician);
      reason = checks.optionalText("reason", reason, 2_000);
      checks.done();
    }
  }

  /** The assignee started working on it. */
  public record WorkStarted() implements Change {}

  /** The desk asked the customer for more information; the note holds the question (D-13). */
  public record InformationRequested() implements Change {}

  /**
   * The customer answered or followed up; the note holds what they said.
   *
   * @param contact the inbound contact that carried the reply, when its channel identified one; the
   *     same contact is never recorded twice
   */
  public record CustomerReplied(@NotNull Optional<ContactReference> contact) implements Change {
    // Rejects a missing optional.
    public CustomerReplied {
      Checks.required(CustomerReplied.class, "contact", contact);
    }
  }

  /**
   * The ticket moved to another tier (D-13); the note holds the reason.
   *
   * @param fromTier the tier it left
   * @param toTier the tier it went to
   */
  public record Escalated(@NotNull Tier fromTier, @NotNull Tier toTier) implements Change {
    // Rejects null components.
    public Escalated {
      Checks checks = Checks.on(Escalated.class);
      checks.notNull("fromTier", fromTier);
      checks.notNull("toTier", toTier);
      checks.done();
    }
  }

  /**
   * A higher tier found the solution and the ticket went back to the first line, which follows up
   * with the customer and closes it (D-14).
   *
   * @param fromTier the tier that solved it
   * @param toTier the first line
   */
  public record ReturnedForFollowUp(@NotNull Tier fromTier, @NotNull Tier toTier) implements Change {
    // Rejects null components.
    public ReturnedForFollowUp {
      Checks checks = Checks.on(ReturnedForFollowUp.class);
      checks.notNull("fromTier", fromTier);
      checks.notNull("toTier", toTier);
      checks.done();
    }
  }

  /**
   * The ticket was handed off to another department (D-13, D-16).
   *
   * @param department where it went
   */
  public record HandedOff(@NotNull DepartmentId department) implements Change {
    // Rejects a missing department.
    public HandedOff {
      Checks.required(HandedOff.class, "department", department);
    }
  }

  /**
   * The ticket came back from another department.
   *
   * @param department where it was
   */
  public record ReturnedFromDepartment(@NotNull DepartmentId department) implements Change {
    // Rejects a missing department.
    public ReturnedFromDepartment {
      Checks.required(ReturnedFromDepartment.class, "department", department);
    }
  }

  /**
   * A solution was given and the customer contacted (D-17).
   *
   * @param resolution the solution
   */
  public record Resolved(@NotNull Resolution resolution) implements Change {
    // Rejects a missing resolution.
    public Resolved {
      Checks.required(Resolved.class, "resolution", resolution);
    }
  }

  /**
   * The case is over (D-18).
   *
   * @param reason how it came to be closed
   */
  public record Closed(@NotNull ClosureReason reason) implements Change {
    // Rejects a missing reason.
    public Closed {
      Checks.required(Closed.class, "reason", reason);
    }
  }

  /** Why a ticket closed. */
  public enum ClosureReason {
    /** Answered and closed in the contact that opened it (D-05). */
    FIRST_CONTACT,
    /** The customer confirmed the solution. */
    CONFIRMED,
    /** The customer stayed silent for the desk's quiet period after the solution. */
    NO_RESPONSE,
    /** Staff closed it after following up with the customer (D-14). */
    FOLLOWED_UP
  }

  /**
   * The problem came back (D-19).
   *
   * @param underWarranty whether it came back within the warranty period
   */
  public record Reopened(boolean underWarranty) implements Change {}

  /** The ticket was withdrawn without a solution; the note says why. */
  public record Cancelled() implements Change {}

  /**
   * The ticket was a duplicate and was merged into another.
   *
   * @param into the ticket that continues the case
   */
  public record Merged(@NotNull TicketId into) implements Change {
    // Rejects a missing target.
    public Merged {
      Checks.required(Merged.class, "into", into);
    }
  }

  /** Someone added a note, public or internal, without moving the ticket. */
  public record Commented() implements Change {}

  /**
   * The priority changed.
   *
   * @param fromPriority the priority before
   * @param toPriority the priority after
   */
  public record PriorityChanged(@NotNull Priority fromPriority, @NotNull Priority toPriority) implements Change {
    // Rejects null components.
    public PriorityChanged {
      Checks checks = Checks.on(PriorityChanged.class);
      checks.notNull("fromPriority", fromPriority);
      checks.notNull("toPriority", toPriority);
      checks.done();
    }
  }

  /** The customer was sent a courtesy update on a ticket that is taking long (D-17). */
  public record StatusUpdateSent() implements Change {}

  /** The owner was reminded of a ticket with no update for too long. */
  public record ReminderSent() implements Change {}

  /**
   * The ticket was found to be about a known problem with an outage bulletin (D-12); the note
   * carries the bulletin's answer, shown to the customer. When the bulletin is fixed, the ticket is
   * resolved with it.
   *
   * @param bulletin the bulletin
   */
  public record BulletinLinked(@NotNull BulletinId bulletin) implements Change {
    // Rejects a missing bulletin.
    public BulletinLinked {
      Checks.required(BulletinLinked.class, "bulletin", bulletin);
    }
  }

  /**
   * A technician walked a yes/no troubleshooting flowchart on the ticket (D-11); the note, internal,
   * is the path taken, question by question.
   *
   * @param flowchart the flowchart's id
   * @param outcome where the walk ended, for example {@code "solution"} or {@code "escalation"}
   */
  public record FlowchartFollowed(@NotBlank @Size(max = 64) String flowchart, @NotBlank @Size(max = 64) String outcome)
      implements Change {
    // Rejects blank or overlong texts.
    public FlowchartFollowed {
      Checks checks = Checks.on(FlowchartFollowed.class);
      flowchart = checks.text("flowchart", flowchart, 64);
      outcome = checks.text("outcome", outcome, 64);
      checks.done();
    }
  }

  /**
   * The desk chose the service-level policy whose targets the ticket's clocks are measured against
   * (issue 6): when the ticket opened, and again when a change of priority made another policy the
   * first that matches. Clocks keep the business time they already measured.
   *
   * @param policy the policy's name; empty when no policy matches, and the clocks run without targets
   */
  public record SlaPolicyApplied(@NotNull String policy) implements Change {
    /** The longest policy name accepted. */
    public static final int NAME_MAX = 100;

    // A missing name becomes empty; rejects an overlong one.
    public SlaPolicyApplied {
      Checks checks = Checks.on(SlaPolicyApplied.class);
      policy = checks.optionalText("policy", policy, NAME_MAX);
      checks.done();
    }
  }

  /**
   * A service-level clock reached a share of its target (issue 6); the owner was warned.
   *
   * @param target the clock
   * @param tier the tier, for {@link SlaTarget#TIER_TIME}; empty for the customer-facing clocks
   * @param percent the share of the target reached, 1 to 99
   * @param due when the target falls due if nothing changes
   */
  public record SlaWarning(@NotNull SlaTarget target, @NotNull Optional<Tier> tier, int percent, @NotNull Instant due)
      implements Change {
    // Rejects missing values, a tier where none belongs, and a share outside 1 to 99.
    public SlaWarning {
      Checks checks = Checks.on(SlaWarning.class);
      checks.notNull("target", target);
      checks.notNull("tier", tier);
      checks.range("percent", percent, 1, 99);
      checks.notNull("due", due);
      if (target != null && tier != null) {
        checks.check(tier.isPresent() == (target == SlaTarget.TIER_TIME), "tier",
            "must be present exactly for " + SlaTarget.TIER_TIME + ", target is " + target);
      }
      checks.done();
    }
  }

  /**
   * A service-level target was missed (issue 6); the owner and a supervisor were told.
   *
   * @param target the clock
   * @param tier the tier, for {@link SlaTarget#TIER_TIME}; empty for the customer-facing clocks
   * @param due when it fell due: the instant of the breach, which may be earlier than the step that
   *     records it
   */
  public record SlaBreached(@NotNull SlaTarget target, @NotNull Optional<Tier> tier, @NotNull Instant due)
      implements Change {
    // Rejects missing values and a tier where none belongs.
    public SlaBreached {
      Checks checks = Checks.on(SlaBreached.class);
      checks.notNull("target", target);
      checks.notNull("tier", tier);
      checks.notNull("due", due);
      if (target != null && tier != null) {
        checks.check(tier.isPresent() == (target == SlaTarget.TIER_TIME), "tier",
            "must be present exactly for " + SlaTarget.TIER_TIME + ", target is " + target);
      }
      checks.done();
    }
  }

  /**
   * The customer rated the help they got, after the solution (D-24); the note holds their comment.
   * A later rating of the same ticket replaces an earlier one.
   *
   * @param score 1 (very dissatisfied) to 5 (very satisfied)
   */
  public record Rated(@Min(1) @Max(5) int score) implements Change {
    /** The lowest score. */
    public static final int LOWEST = 1;
    /** The highest score. */
    public static final int HIGHEST = 5;

    // Rejects a score outside 1 to 5.
    public Rated {
      Checks checks = Checks.on(Rated.class);
      checks.range("score", score, LOWEST, HIGHEST);
      checks.done();
    }
  }

  /**
   * Returns the change as the given type, if it is one.
   *
   * @param type a change record type
   * @param <C> the type
   * @return the change, or empty if it is of another type
   */
  public <C extends Change> Optional<C> changeAs(Class<C> type) {
    return type.isInstance(change) ? Optional.of(type.cast(change)) : Optional.empty();
  }
}
