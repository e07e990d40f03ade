/** Email as a channel of the desk: inbound mail opens and continues tickets; outbound mail notifies. */
package dev.helpdesk.mail;
