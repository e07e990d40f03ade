/** The notification port: how messages about tickets leave the library. */
package dev.helpdesk.spi.notify;
