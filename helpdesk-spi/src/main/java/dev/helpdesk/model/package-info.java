/**
 * The help desk's immutable model: tickets and their history, customers, technicians, tiers,
 * departments, notifications, and the exceptions every part of the library throws.
 *
 * <p>Every type validates itself when constructed and throws a {@link
 * dev.helpdesk.model.ValidationException} listing everything wrong, so an invalid value never
 * exists. The Jakarta Validation annotations on the components describe the same constraints for
 * tools and for validating commands before they reach the model.
 */
package dev.helpdesk.model;
