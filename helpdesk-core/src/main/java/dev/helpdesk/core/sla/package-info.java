/**
 * Service levels (issue 6): business calendars ({@link dev.helpdesk.core.sla.BusinessCalendar}),
 * policies and their targets ({@link dev.helpdesk.core.sla.SlaPolicy}, {@link
 * dev.helpdesk.core.sla.SlaTargets}), and the clocks a ticket's history gives ({@link
 * dev.helpdesk.core.sla.ServiceLevels#status}). Pure: it knows the model and the JDK only; the
 * {@link dev.helpdesk.core.HelpDesk} records the warnings and breaches it finds.
 */
package dev.helpdesk.core.sla;
