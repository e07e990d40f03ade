/**
 * The help desk itself: {@link dev.helpdesk.core.HelpDesk}, built with {@code HelpDesk.builder()},
 * is the one front door to intake, triage, escalation, hand-offs, resolution, warranty and the
 * time-driven work that keeps customers informed (D-01…D-19). The command records ({@link
 * dev.helpdesk.core.Solution}, {@link dev.helpdesk.core.Escalation}) carry Jakarta Validation
 * annotations, checked with Hibernate Validator before anything changes.
 */
package dev.helpdesk.core;
