/** The storage ports of {@code helpdesk-spi} on PostgreSQL 14 or newer, through the host's {@code DataSource}. */
package dev.helpdesk.jdbc;
