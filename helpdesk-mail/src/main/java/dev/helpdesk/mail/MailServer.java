package dev.helpdesk.mail;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the desk reads or sends its mail: an IMAP server for the channel, an SMTP server for the
 * notifier, with the account to log in with. Immutable; {@link #toString()} never shows the
 * password.
 *
 * @param protocol {@code imap} or {@code imaps} (IMAP over TLS) to read, {@code smtp} or
 *     {@code smtps} (SMTP over TLS) to send
 * @param host the server's host name
 * @param port its port
 * @param user the account, empty to connect without logging in (SMTP only)
 * @param password the account's password, empty with no account
 * @param startTls whether a plain connection must be upgraded with STARTTLS before logging in
 * @param timeout how long to wait to connect and for each answer, so a silent server never
 *     blocks the host's thread for good
 * @param properties further Jakarta Mail session properties, for what this record does not name
 *     (which certificates to trust, the name to greet the server with); they win over the ones it
 *     sets
 */
public record MailServer(String protocol, String host, int port, String user, String password, boolean startTls,
    Duration timeout, Map<String, String> properties) {
  private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "smtp", "smtps");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  // Rejects unknown protocols, blank hosts, ports out of range and a login without a password.
  public MailServer {
    List<Violation> violations = new ArrayList<>(1);
    if (protocol == null || !PROTOCOLS.contains(protocol)) {
      violations.add(new Violation("protocol", "must be one of imap, imaps, smtp, smtps, was " + protocol));
    }
    if (host == null || host.isBlank()) {
      violations.add(new Violation("host", "must not be blank"));
    }
    if (port < 1 || port > 65_535) {
      violations.add(new Violation("port", "must be between 1 and 65535, was " + port));
    }
    user = user == null ? "" : user.strip();
    password = password == null ? "" : password;
    if (user.isEmpty() && !password.isEmpty()) {
      violations.add(new Violation("user", "must be given with a password"));
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      violations.add(new Violation("timeout", "must be positive, was " + timeout));
    }
    if (properties == null) {
      violations.add(new Violation("properties", "must not be null"));
    } else {
      Map<String, String> copy = new TreeMap<>();
      for (Map.Entry<String, String> property : properties.entrySet()) {
        if (property.getKey() == null || !property.getKey().startsWith("mail.") || property.getValue() == null) {
          violations.add(new Violation("properties", "must be mail.* names with values, was " + property));
        } else {
          copy.put(property.getKey(), property.getValue());
        }
      }
      properties = Collections.unmodifiableMap(copy);
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("MailServer", violations);
    }
    host = host.strip();
  }

  /**
   * Returns a plain IMAP server, without an account yet.
   *
   * @param host the host name
   * @param port the port, usually 143
   * @return the server
   */
  public static MailServer imap(String host, int port) {
    return new MailServer("imap", host, port, "", "", false, DEFAULT_TIMEOUT, Map.of());
  }

  /**
   * Returns an IMAP server reached over TLS.
   *
   * @param host the host name
   * @param port the port, usually 993
   * @return the server
   */
  public static MailServer imaps(String host, int port) {
    return new MailServer("imaps", host, port, "", "", false, DEFAULT_TIMEOUT, Map.of());
  }

  /**
   * Returns a plain SMTP server, without an account yet.
   *
   * @param host the host name
   * @param port the port, usually 25 or 587
   * @return the server
   */
  public static MailServer smtp(String host, int port) {
    return new MailServer("smtp", host, port, "", "", false, DEFAULT_TIMEOUT, Map.of());
  }

  /**
   * Returns an SMTP server reached over TLS.
   *
   * @param host the host name
   * @param port the port, usually 465
   * @return the server
   */
  public static MailServer smtps(String host, int port) {
    return new MailServer("smtps", host, port, "", "", false, DEFAULT_TIMEOUT, Map.of());
  }

  /**
   * Returns a copy that logs in with an account.
   *
   * @param user the account name
   * @param password its password
   * @return the copy
   */
  public MailServer withLogin(String user, String password) {
    return new MailServer(protocol, host, port, user, password, startTls, timeout, properties);
  }

  /**
   * Returns a copy that upgrades its plain connection with STARTTLS before logging in, and refuses
   * to go on without it (port 587, for instance).
   *
   * @return the copy
   */
  public MailServer requiringStartTls() {
    return new MailServer(protocol, host, port, user, password, true, timeout, properties);
  }

  /**
   * Returns a copy with another timeout.
   *
   * @param timeout how long to wait to connect and for each answer
   * @return the copy
   */
  public MailServer withTimeout(Duration timeout) {
    return new MailServer(protocol, host, port, user, password, startTls, timeout, properties);
  }

  /**
   * Returns a copy with one more Jakarta Mail session property, such as
   * {@code mail.imaps.ssl.trust} or {@code mail.smtp.localhost}.
   *
   * @param name the property's name, starting with {@code mail.}
   * @param value its value
   * @return the copy
   */
  public MailServer withProperty(String name, String value) {
    Map<String, String> more = new HashMap<>(properties);
    more.put(name, value);
    return new MailServer(protocol, host, port, user, password, startTls, timeout, more);
  }

  boolean reads() {
    return protocol.startsWith("imap");
  }

  boolean hasLogin() {
    return !user.isEmpty();
  }

  /** The Jakarta Mail properties of a session that talks to this server. */
  Properties sessionProperties() {
    Properties session = new Properties();
    String prefix = "mail." + protocol + ".";
    String millis = Long.toString(timeout.toMillis());
    session.setProperty(prefix + "host", host);
    session.setProperty(prefix + "port", Integer.toString(port));
    session.setProperty(prefix + "connectiontimeout", millis);
    session.setProperty(prefix + "timeout", millis);
    session.setProperty(prefix + "writetimeout", millis);
    if (startTls) {
      session.setProperty(prefix + "starttls.enable", "true");
      session.setProperty(prefix + "starttls.required", "true");
    }
    if (reads()) {
      // Reading a message must not mark it seen: one left in the inbox stays as a person left it.
      session.setProperty(prefix + "peek", "true");
    } else {
      session.setProperty(prefix + "auth", Boolean.toString(hasLogin()));
    }
    session.putAll(properties);
    return session;
  }

  @Override
  public String toString() {
    return protocol + "://" + (user.isEmpty() ? "" : user + "@") + host + ":" + port
        + (startTls ? " (STARTTLS)" : "");
  }
}
