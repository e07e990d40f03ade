package dev.helpdesk.kb.flow;

/**
 * A node where a walk through a flowchart ends: a {@link Solution} the customer can apply, or an
 * {@link Escalation} to a level and skill when the flowchart has no answer (a dead end, D-13).
 */
public sealed interface Leaf extends Node permits Solution, Escalation {}
