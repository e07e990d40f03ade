/**
 * The ticket state machine as one explicit table: {@link dev.helpdesk.core.lifecycle.Lifecycle}
 * says which {@link dev.helpdesk.core.lifecycle.TicketAction}s each status allows and where they
 * lead.
 */
package dev.helpdesk.core.lifecycle;
