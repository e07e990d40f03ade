/**
 * The knowledge base (D-11, D-12): problem and solution articles with keyword search, yes/no
 * flowcharts and outage bulletins. It reaches storage only through the ports of {@code
 * helpdesk-spi} and knows neither routing nor the desk that uses it.
 */
package dev.helpdesk.kb;
