package dev.helpdesk.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A mail written out by hand, header by header and part by part, as mail programs send them, so a
 * test shows exactly what the desk receives, broken mail included.
 */
final class RawMail {
  private final List<String> headers = new ArrayList<>();
  private String contentType = "text/plain; charset=UTF-8";
  private String transferEncoding = "8bit";
  private String body = "";
  private final List<String[]> attachments = new ArrayList<>();
  private String alternativeHtml;

  private RawMail() {}

  static RawMail from(String from) {
    return new RawMail().header("From", from).header("To", "Help Desk <help@desk.example>")
        .header("Date", "Mon, 2 Mar 2026 09:00:00 +0000").header("MIME-Version", "1.0");
  }

  /** A mail with no From header at all. */
  static RawMail anonymous() {
    return new RawMail().header("To", "help@desk.example").header("MIME-Version", "1.0");
  }

  RawMail header(String name, String value) {
    headers.add(name + ": " + value);
    return this;
  }

  RawMail messageId(String id) {
    return header("Message-ID", id);
  }

  RawMail subject(String subject) {
    try {
      return header("Subject", MimeUtility.encodeText(subject, "UTF-8", "Q"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  RawMail text(String text) {
    contentType = "text/plain; charset=UTF-8";
    body = text;
    return this;
  }

  RawMail html(String html) {
    contentType = "text/html; charset=UTF-8";
    body = html;
    return this;
  }

  /** A body of any type in any transfer encoding, written as given. */
  RawMail body(String contentType, String transferEncoding, String body) {
    this.contentType = contentType;
    this.transferEncoding = transferEncoding;
    this.body = body;
    return this;
  }

  /** The text also as HTML, the way most mail programs send it. */
  RawMail alsoAsHtml(String html) {
    alternativeHtml = html;
    return this;
  }

  RawMail attach(String fileName, String type, byte[] content) {
    attachments.add(new String[] {fileName, type, Base64.getMimeEncoder().encodeToString(content)});
    return this;
  }

  /** An attachment whose encoded content is written as given, valid or not. */
  RawMail attachEncoded(String fileName, String type, String transferEncoding, String encoded) {
    attachments.add(new String[] {fileName, type, encoded, transferEncoding});
    return this;
  }

  byte[] bytes() {
    StringBuilder mail = new StringBuilder();
    headers.forEach(h -> mail.append(h).append("\r\n"));
    String content = content();
    mail.append(content);
    return mail.toString().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }

  private String content() {
    String main = alternativeHtml == null
        ? "Content-Type: " + contentType + "\nContent-Transfer-Encoding: " + transferEncoding + "\n\n" + body + "\n"
        : "Content-Type: multipart/alternative; boundary=\"alt-1\"\n\n--alt-1\nContent-Type: " + contentType
            + "\nContent-Transfer-Encoding: " + transferEncoding + "\n\n" + body + "\n--alt-1\n"
            + "Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + alternativeHtml
            + "\n--alt-1--\n";
    if (attachments.isEmpty()) {
      return main;
    }
    StringBuilder mixed = new StringBuilder("Content-Type: multipart/mixed; boundary=\"mix-1\"\n\n")
        .append("--mix-1\n").append(main);
    for (String[] attachment : attachments) {
      mixed.append("--mix-1\nContent-Type: ").append(attachment[1]).append("; name=\"").append(attachment[0])
          .append("\"\nContent-Disposition: attachment; filename=\"").append(attachment[0])
          .append("\"\nContent-Transfer-Encoding: ").append(attachment.length > 3 ? attachment[3] : "base64")
          .append("\n\n").append(attachment[2]).append("\n");
    }
    return mixed.append("--mix-1--\n").toString();
  }
}
