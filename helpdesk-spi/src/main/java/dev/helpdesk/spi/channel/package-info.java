/** The channel port: how contacts from mail, phone, chat and the web enter the desk (D-02). */
package dev.helpdesk.spi.channel;
