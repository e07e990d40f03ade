package dev.helpdesk.core.analytics;

/** The calendar unit question trends are counted in (D-23). */
public enum TrendBucket {
  /** ISO weeks, Monday to Sunday, in the desk's time zone. */
  WEEK,
  /** Calendar months in the desk's time zone. */
  MONTH
}
