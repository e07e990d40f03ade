/**
 * The in-memory stores a {@code HelpDesk} uses when no other storage is configured: thread-safe,
 * complete implementations of every storage port, checked by the same {@code helpdesk-tck} suites
 * as any other backend. Each instance is independent; nothing is static.
 */
package dev.helpdesk.core.memory;
