/**
 * Storage ports: where tickets (with their history and outbox), customers and technicians are
 * kept. Implement them to put the desk on another backend, and prove the implementation with the
 * contract suites of {@code helpdesk-tck}.
 */
package dev.helpdesk.spi.store;
