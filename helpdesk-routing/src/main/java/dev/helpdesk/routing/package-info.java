/**
 * Tier routing (D-05…D-10): which technician takes a ticket, which ticket a freed technician takes
 * next, and where an escalation goes. A pure engine over the {@code helpdesk-spi} model, with no
 * I/O; it knows neither the knowledge base nor the desk that uses it.
 */
package dev.helpdesk.routing;
