package dev.helpdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what the desk needs from one parsed mail: who sent it, its ids, its text and its files. A
 * mail that cannot be read (a broken structure, a part that cannot be decoded, files beyond the
 * limits) raises {@link MailToHold} with the reason a person will read.
 */
final class MailReader {
  private static final int MAX_DEPTH = 20;
  private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature",
      "application/x-pkcs7-signature", "application/pgp-signature");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** A file that came with the mail, decoded. */
  record File(String name, String contentType, byte[] content) {}

  /** The readable text of the mail and its files, in the order they appear. */
  record Content(String text, List<File> files) {}

  private final MimeMessage message;
  private final long maxFileBytes;
  private final int maxFiles;
  private final List<String> texts = new ArrayList<>();
  private final List<File> files = new ArrayList<>();

  MailReader(MimeMessage message, long maxFileBytes, int maxFiles) {
    this.message = message;
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
  }

  /** The value of a header, its occurrences joined by commas, or empty when it is absent or unreadable. */
  String header(String name) {
    try {
      String value = message.getHeader(name, ",");
      return value == null ? "" : MimeUtility.unfold(value).strip();
    } catch (MessagingException e) {
      return "";
    }
  }

  /** How many times a header occurs. */
  int headerCount(String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? 0 : values.length;
    } catch (MessagingException e) {
      return 0;
    }
  }

  /** The Message-ID without its angle brackets, or empty. */
  String messageId() {
    List<String> ids = ThreadIds.idsIn(header("Message-ID"));
    return ids.isEmpty() ? "" : ids.get(0);
  }

  /** The subject, decoded; as written when its encoding is broken. */
  String subject() {
    try {
      String subject = message.getSubject();
      return subject == null ? "" : subject.strip();
    } catch (MessagingException e) {
      return header("Subject");
    }
  }

  /**
   * The sender: the first address of From.
   *
   * @throws MailToHold when there is no From or it holds no address
   */
  InternetAddress sender() throws MailToHold {
    String from = header("From");
    if (from.isEmpty()) {
      throw new MailToHold("it has no From address, so there is nobody to register or answer");
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
      for (InternetAddress address : addresses) {
        String text = address.getAddress();
        if (text != null && text.indexOf('@') > 0 && !address.isGroup()) {
          return address;
        }
      }
    } catch (AddressException e) {
      throw new MailToHold("its From header is not an address: '" + printable(from) + "'");
    }
    throw new MailToHold("its From header holds no address: '" + printable(from) + "'");
  }

  /** The language the sender's mail program states (Content-Language, Accept-Language), else {@link Locale#ROOT}. */
  Locale language() {
    for (String header : List.of("Content-Language", "Accept-Language")) {
      String value = header(header);
      if (value.isEmpty()) {
        continue;
      }
      String first = value.split("[,;]", 2)[0].strip();
      if (LANGUAGE.matcher(first).matches()) {
        Locale locale = Locale.forLanguageTag(first);
        if (!locale.getLanguage().isEmpty()) {
          return locale;
        }
      }
    }
    return Locale.ROOT;
  }

  /** The base media type of the whole mail, lower case. */
  String contentType() {
    return baseType(message);
  }

  /**
   * Reads the mail's text and files.
   *
   * @throws MailToHold when its structure or a part cannot be read, or its files are beyond limits
   */
  Content content() throws MailToHold {
    try {
      read(message, 0);
    } catch (MessagingException | IOException | RuntimeException e) {
      // Jakarta Mail reports broken input with all three; all mean the same to the desk.
      throw new MailToHold("its MIME structure cannot be read: " + describe(e));
    }
    return new Content(String.join("\n\n", texts).strip(), List.copyOf(files));
  }

  private void read(Part part, int depth) throws MessagingException, IOException, MailToHold {
    if (depth > MAX_DEPTH) {
      throw new MailToHold("its MIME parts are nested more than " + MAX_DEPTH + " deep");
    }
    String type = baseType(part);
    if (type.startsWith("multipart/")) {
      Multipart multipart = new MimeMultipart(new ByteArrayDataSource(part.getInputStream(), part.getContentType()));
      int count = multipart.getCount();
      switch (type) {
        case "multipart/alternative" -> {
          Part chosen = bestAlternative(multipart);
          if (chosen != null) {
            read(chosen, depth + 1);
          }
        }
        case "multipart/signed" -> {
          if (count > 0) {
            read(multipart.getBodyPart(0), depth + 1);
          }
        }
        case "multipart/encrypted" -> throw new MailToHold("it is encrypted, and the desk cannot read it");
        default -> {
          for (int i = 0; i < count; i++) {
            read(multipart.getBodyPart(i), depth + 1);
          }
        }
      }
      return;
    }
    if (SIGNATURES.contains(type)) {
      return;
    }
    String fileName = fileName(part);
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
    if (!attached && fileName.isEmpty() && (type.equals("text/plain") || type.equals("text/html"))) {
      String text = text(part);
      texts.add(type.equals("text/html") ? HtmlText.toText(text) : text.replace("\r\n", "\n"));
      return;
    }
    if (files.size() == maxFiles) {
      throw new MailToHold("it has more than " + maxFiles + " attachments");
    }
    String name = safeName(fileName, type, files.size());
    byte[] content = readAtMost(part, name);
    if (content.length == 0 && fileName.isEmpty()) {
      return; // an empty part nobody named carries nothing
    }
    files.add(new File(name, type, content));
  }

  /** Plain text when it says something, else HTML, else whatever else there is. */
  private static Part bestAlternative(Multipart alternatives) throws MessagingException, IOException {
    Part html = null;
    Part other = null;
    Part plain = null;
    for (int i = 0; i < alternatives.getCount(); i++) {
      Part part = alternatives.getBodyPart(i);
      String type = baseType(part);
      if (type.equals("text/plain") && plain == null) {
        plain = part;
      } else if (type.equals("text/html") && html == null) {
        html = part;
      } else if (other == null && (type.startsWith("multipart/") || type.startsWith("text/"))) {
        other = part;
      }
    }
    if (plain != null && (html == null && other == null || !text(plain).isBlank())) {
      return plain;
    }
    return html != null ? html : other != null ? other : plain;
  }

  private byte[] readAtMost(Part part, String name) throws MailToHold {
    try (InputStream in = part.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > maxFileBytes) {
          throw new MailToHold("its attachment '" + name + "' is larger than the " + Sizes.describe(maxFileBytes)
              + " the desk takes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException | MessagingException | RuntimeException e) {
      throw new MailToHold("its attachment '" + name + "' cannot be decoded: " + describe(e));
    }
  }

  /** The text of a part in its declared charset; an unknown charset is read as UTF-8. */
  private static String text(Part part) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readAllBytes();
    }
    return new String(bytes, charset(part));
  }

  private static Charset charset(Part part) {
    try {
      String name = new ContentType(part.getContentType()).getParameter("charset");
      if (name != null && !name.isBlank()) {
        return Charset.forName(MimeUtility.javaCharset(name.strip()));
      }
    } catch (MessagingException | IllegalArgumentException e) {
      // An unknown or broken charset: fall back below rather than lose the text.
    }
    return StandardCharsets.UTF_8;
  }

  private static String baseType(Part part) {
    try {
      String header = part.getContentType();
      if (header == null || header.isBlank()) {
        return "text/plain";
      }
      return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return "application/octet-stream"; // a broken Content-Type: whatever it is, it is no text
    }
  }

  private static String disposition(Part part) {
    try {
      String disposition = part.getDisposition();
      return disposition == null ? "" : disposition;
    } catch (MessagingException | RuntimeException e) {
      return "";
    }
  }

  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      if (name == null) {
        return "";
      }
      try {
        return MimeUtility.decodeText(name).strip();
      } catch (UnsupportedEncodingException e) {
        return name.strip();
      }
    } catch (MessagingException | RuntimeException e) {
      return "";
    }
  }

  /**
   * A file name safe to show and store: no directories, no control characters, at most 200
   * characters; one is made up from the position and type when the sender gave none.
   */
  static String safeName(String given, String type, int position) {
    String name = given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .forEach(clean::appendCodePoint);
    name = clean.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      String extension = switch (type) {
        case "message/rfc822" -> ".eml";
        case "text/plain" -> ".txt";
        case "text/html" -> ".html";
        case "text/calendar" -> ".ics";
        case "image/png" -> ".png";
        case "image/jpeg" -> ".jpg";
        case "image/gif" -> ".gif";
        case "application/pdf" -> ".pdf";
        default -> "";
      };
      return "attachment-" + (position + 1) + extension;
    }
    return name.length() <= 200 ? name : name.substring(0, 200);
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + printable(message));
  }

  /** Text fit for a one-line reason: control characters shown as spaces, at most 200 characters. */
  static String printable(String text) {
    String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }

  /** Identifies the sender in a report, even when the address is missing or unreadable. */
  Optional<String> fromAsWritten() {
    String from = header("From");
    if (from.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(printable(MimeUtility.decodeText(from)));
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return Optional.of(printable(from));
    }
  }
}
