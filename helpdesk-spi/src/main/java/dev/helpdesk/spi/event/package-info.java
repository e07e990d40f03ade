/** The event port: listeners that hear every step of every ticket. */
package dev.helpdesk.spi.event;
