/** Small programs to run first: {@code QuickStart}, {@code HelpDeskDay} (the main example) and {@code StoreTour}. */
package dev.helpdesk.examples;
