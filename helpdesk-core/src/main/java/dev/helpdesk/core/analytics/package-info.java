/**
 * The desk's reports (D-20…D-24) and staffing: traffic by hour of the week, queue service level,
 * technician statistics beside their peers, question trends, the desk's KPIs, and Erlang C / Erlang
 * A staffing. {@link dev.helpdesk.core.analytics.Analytics} reads the stored history in one pass and
 * feeds every report at once; each report is an immutable value that prints as a plain-text table
 * and exports CSV, and the ones a picture explains best draw themselves as SVG.
 */
package dev.helpdesk.core.analytics;
