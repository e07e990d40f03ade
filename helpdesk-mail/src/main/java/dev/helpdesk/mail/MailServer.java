package dev.helpdesk.mail;

import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

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
 */
public record MailServer(String protocol, String host, int port, String user, String password, boolean startTls,
    Duration timeout) {
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
    return new MailServer("imap", host, port, "", "", false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns an IMAP server reached over TLS.
   *
   * @param host the host name
   * @param port the port, usually 993
   * @return the server
   */
  public static MailServer imaps(String host, int port) {
    return new MailServer("imaps", host, port, "", "", false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a plain SMTP server, without an account yet.
   *
   * @param host the host name
   * @param port the port, usually 25 or 587
   * @return the server
   */
  public static MailServer smtp(String host, int port) {
    return new MailServer("smtp", host, port, "", "", false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns an SMTP server reached over TLS.
   *
   * @param host the host name
   * @param port the port, usually 465
   * @return the server
   */
  public static MailServer smtps(String host, int port) {
    return new MailServer("smtps", host, port, "", "", false, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a copy that logs in with an account.
   *
   * @param user the account name
   * @param password its password
   * @return the copy
   */
  public MailServer withLogin(String user, String password) {
    return new MailServer(protocol, host, port, user, password, startTls, timeout);
  }

  /**
   * Returns a copy that upgrades its plain connection with STARTTLS before logging in, and refuses
   * to go on without it (port 587, for instance).
   *
   * @return the copy
   */
  public MailServer requiringStartTls() {
    return new MailServer(protocol, host, port, user, password, true, timeout);
  }

  /**
   * Returns a copy with another timeout.
   *
   * @param timeout how long to wait to connect and for each answer
   * @return the copy
   */
  public MailServer withTimeout(Duration timeout) {
    return new MailServer(protocol, host, port, user, password, startTls, timeout);
  }

  boolean reads() {
    return protocol.startsWith("imap");
  }

  boolean hasLogin() {
    return !user.isEmpty();
  }

  /** The Jakarta Mail properties of a session that talks to this server. */
  Properties sessionProperties() {
    Properties properties = new Properties();
    String prefix = "mail." + protocol + ".";
    String millis = Long.toString(timeout.toMillis());
    properties.setProperty(prefix + "host", host);
    properties.setProperty(prefix + "port", Integer.toString(port));
    properties.setProperty(prefix + "connectiontimeout", millis);
    properties.setProperty(prefix + "timeout", millis);
    properties.setProperty(prefix + "writetimeout", millis);
    if (startTls) {
      properties.setProperty(prefix + "starttls.enable", "true");
      properties.setProperty(prefix + "starttls.required", "true");
    }
    if (reads()) {
      // Reading a message must not mark it seen: one left in the inbox stays as a person left it.
      properties.setProperty(prefix + "peek", "true");
    } else {
      properties.setProperty(prefix + "auth", Boolean.toString(hasLogin()));
    }
    return properties;
  }

  @Override
  public String toString() {
    return protocol + "://" + (user.isEmpty() ? "" : user + "@") + host + ":" + port
        + (startTls ? " (STARTTLS)" : "");
  }
}
