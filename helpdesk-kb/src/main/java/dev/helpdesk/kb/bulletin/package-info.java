/**
 * Outage bulletins (D-12): which incoming ticket is about which known problem. The bulletins
 * themselves are {@link dev.helpdesk.model.Bulletin}s, stored through {@link
 * dev.helpdesk.spi.store.KnowledgeStore}.
 */
package dev.helpdesk.kb.bulletin;
