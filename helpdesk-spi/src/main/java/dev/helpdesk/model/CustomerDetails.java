package dev.helpdesk.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * What a contact tells about the customer (D-02, D-03): the input of a registration. Text not
 * given is empty; a {@code null} kind and {@link Locale#ROOT} mean "not stated". At least a name,
 * an email address or a phone number is required.
 *
 * <p>Email addresses are kept in lower case and phone numbers as digits with an optional leading
 * {@code +}, so the same person is recognised however they typed them.
 *
 * @param kind internal or external, {@code null} when not stated
 * @param name the person's name
 * @param email an email address, lower case
 * @param phone a phone number, digits with an optional leading {@code +}
 * @param organisation their company or department
 * @param location where they are: office, floor, city
 * @param locale their preferred language, {@link Locale#ROOT} when not stated
 */
public record CustomerDetails(
    CustomerKind kind,
    @Size(max = 200) String name,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = "\\+?[0-9]{3,20}|") String phone,
    @Size(max = 200) String organisation,
    @Size(max = 200) String location,
    @NotNull Locale locale) {

  // Normalises the contact details and rejects invalid ones.
  public CustomerDetails {
    Checks checks = Checks.on(CustomerDetails.class);
    name = checks.optionalText("name", name, 200);
    email = normalizeEmail(checks.optionalText("email", email, 254));
    if (!email.isEmpty() && !isEmail(email)) {
        checks.fail("email", "is not an email address: '" + email + "'");
      }
    String given = phone;
    phone = normalizePhone(checks.optionalText("phone", phone, 40));
    if (!phone.isEmpty() && !isPhone(phone)) {
        checks.fail("phone", "is not a phone number: '" + given + "'");
      }
    organisation = checks.optionalText("organisation", organisation, 200);
    location = checks.optionalText("location", location, 200);
    checks.notNull("locale", locale);
    checks.check(!name.isEmpty() || !email.isEmpty() || !phone.isEmpty(), "name",
        "must be given when neither email nor phone is");
    checks.done();
  }

  /**
   * Starts the details of a person known by name.
   *
   * @param name the person's name
   * @return details with nothing else stated
   */
  public static CustomerDetails named(String name) {
    return new CustomerDetails(null, name, "", "", "", "", Locale.ROOT);
  }

  /**
   * Starts the details of a person known by email address only.
   *
   * @param email an email address
   * @return details with nothing else stated
   */
  public static CustomerDetails withEmailOnly(String email) {
    return new CustomerDetails(null, "", email, "", "", "", Locale.ROOT);
  }

  /**
   * Returns a copy with this kind.
   *
   * @param kind internal or external
   * @return the copy
   */
  public CustomerDetails kind(CustomerKind kind) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns a copy with this email address.
   *
   * @param email an email address
   * @return the copy
   */
  public CustomerDetails email(String email) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns a copy with this phone number.
   *
   * @param phone a phone number in any common notation
   * @return the copy
   */
  public CustomerDetails phone(String phone) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns a copy with this organisation.
   *
   * @param organisation a company or department
   * @return the copy
   */
  public CustomerDetails organisation(String organisation) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns a copy with this location.
   *
   * @param location office, floor, city
   * @return the copy
   */
  public CustomerDetails location(String location) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns a copy with this preferred language.
   *
   * @param locale the language notifications should use
   * @return the copy
   */
  public CustomerDetails locale(Locale locale) {
    return new CustomerDetails(kind, name, email, phone, organisation, location, locale);
  }

  /**
   * Returns these details updated with what {@code newer} states: every value {@code newer} gives
   * replaces the one here, every value it leaves out is kept.
   *
   * @param newer details given later
   * @return the merged details
   */
  public CustomerDetails updatedWith(CustomerDetails newer) {
    if (states(newer.kind, kind) && states(newer.name, name) && states(newer.email, email)
        && states(newer.phone, phone) && states(newer.organisation, organisation)
        && states(newer.location, location) && (newer.locale.equals(Locale.ROOT) || newer.locale.equals(locale))) {
      return this; // nothing new: the usual case for a returning customer
    }
    return new CustomerDetails(
        newer.kind != null ? newer.kind : kind,
        newer.name.isEmpty() ? name : newer.name,
        newer.email.isEmpty() ? email : newer.email,
        newer.phone.isEmpty() ? phone : newer.phone,
        newer.organisation.isEmpty() ? organisation : newer.organisation,
        newer.location.isEmpty() ? location : newer.location,
        newer.locale.equals(Locale.ROOT) ? locale : newer.locale);
  }

  /** Whether a later value leaves the current one as it is: unstated, or the same. */
  private static boolean states(Object newer, Object current) {
    return newer == null || "".equals(newer) || newer.equals(current);
  }

  /**
   * Returns an email address in the form the desk compares: trimmed, lower case.
   *
   * @param email an address as typed
   * @return the normalised address, empty for {@code null}
   */
  public static String normalizeEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns a phone number in the form the desk compares: digits, with a leading {@code +} when
   * one was typed. Spaces, dots, dashes and brackets are dropped.
   *
   * @param phone a number as typed
   * @return the normalised number, empty for {@code null}
   */
  public static String normalizePhone(String phone) {
    if (phone == null) {
      return "";
    }
    String trimmed = phone.strip();
    StringBuilder out = new StringBuilder(trimmed.length());
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if ((c >= '0' && c <= '9') || (c == '+' && out.length() == 0)) {
        out.append(c);
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        return trimmed; // not a phone number; left as given so validation can say so
      }
    }
    return out.toString();
  }

  private static boolean isEmail(String email) {
    int at = email.indexOf('@');
    return at > 0 && at == email.lastIndexOf('@') && email.indexOf('.', at) > at + 1
        && !email.endsWith(".") && email.chars().noneMatch(Character::isWhitespace);
  }

  private static boolean isPhone(String phone) {
    int digits = phone.startsWith("+") ? phone.length() - 1 : phone.length();
    return digits >= 3 && digits <= 20 && phone.chars().skip(phone.startsWith("+") ? 1 : 0)
        .allMatch(c -> c >= '0' && c <= '9');
  }
}
