/**
 * Small programs to run first: {@code HelpDeskDay} (the main example, a simulated day at a help
 * desk), {@code QuickStart} (a desk in five lines), {@code CustomStoreExample} (a desk on a vendor's
 * own technician store, proved by the contract test kit) and {@code StoreTour} (the storage layer).
 * Run one with {@code mvn -q -pl examples -am package -DskipTests -Pexample
 * -Dexample.main=dev.helpdesk.examples.QuickStart}.
 */
package dev.helpdesk.examples;
