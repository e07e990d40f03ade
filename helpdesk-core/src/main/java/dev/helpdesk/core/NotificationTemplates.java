package dev.helpdesk.core;

import dev.helpdesk.model.NotFoundException;
import dev.helpdesk.model.NotificationKind;
import dev.helpdesk.model.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The texts of the desk's notifications, per kind, recipient and language, with placeholders in
 * braces ({@code {ticket}}, {@code {name}}, {@code {subject}}, {@code {note}}, {@code {solution}},
 * {@code {tier}}, {@code {department}}, {@code {status}}, {@code {customer}}, {@code {priority}},
 * {@code {other}}, {@code {age}}, and for SLA warnings and breaches {@code {target}}, {@code {due}},
 * {@code {percent}}). The defaults are in English and Spanish; a language without
 * templates falls back to English. Immutable: {@link #with} returns a changed copy.
 */
public final class NotificationTemplates {
  /** The language used when a recipient's has no templates. */
  public static final Locale FALLBACK = Locale.ENGLISH;

  private static final NotificationTemplates DEFAULTS = loadDefaults();

  /**
   * A subject and body, rendered.
   *
   * @param subject one line
   * @param body the text
   */
  public record Message(String subject, String body) {}

  /** A text split once into literals and placeholder names: even indices literal, odd ones names. */
  private record Text(String[] parts) {
    static Text parse(String template) {
      List<String> parts = new ArrayList<>();
      int from = 0;
      while (true) {
        int open = template.indexOf('{', from);
        int close = open < 0 ? -1 : template.indexOf('}', open);
        if (close < 0) {
          parts.add(template.substring(from));
          return new Text(parts.toArray(String[]::new));
        }
        parts.add(template.substring(from, open));
        parts.add(template.substring(open + 1, close));
        from = close + 1;
      }
    }

    String fill(Function<String, String> values) {
      String[] pieces = new String[parts.length];
      for (int i = 0; i < parts.length; i++) {
        String value = (i & 1) == 0 ? parts[i] : values.apply(parts[i]);
        pieces[i] = value == null ? "" : value;
      }
      // One exactly sized copy of the pieces: notifications are rendered on every command.
      return String.join("", pieces);
    }
  }

  private record Template(Text subject, Text body) {
    Template(String subject, String body) {
      this(Text.parse(subject.strip()), Text.parse(body.strip()));
    }
  }

  private final Map<String, Template> templates;
  /** The same templates by language, kind and recipient, so rendering builds no key. */
  private final Map<String, Map<NotificationKind, Map<Recipient.Kind, Template>>> byLanguage = new HashMap<>();

  private NotificationTemplates(Map<String, Template> templates) {
    this.templates = Map.copyOf(templates);
    templates.forEach((key, template) -> {
      String[] parts = key.split("\\.");
      byLanguage.computeIfAbsent(parts[0], l -> new EnumMap<>(NotificationKind.class))
          .computeIfAbsent(NotificationKind.valueOf(parts[1]), k -> new EnumMap<>(Recipient.Kind.class))
          .put(Recipient.Kind.valueOf(parts[2]), template);
    });
  }

  private Template find(String language, NotificationKind kind, Recipient.Kind recipient) {
    Map<NotificationKind, Map<Recipient.Kind, Template>> kinds = byLanguage.get(language);
    Map<Recipient.Kind, Template> recipients = kinds == null ? null : kinds.get(kind);
    return recipients == null ? null : recipients.get(recipient);
  }

  /**
   * Returns the built-in templates in English and Spanish.
   *
   * @return the defaults
   */
  public static NotificationTemplates defaults() {
    return DEFAULTS;
  }

  private static NotificationTemplates loadDefaults() {
    Map<String, Template> templates = new HashMap<>();
    for (String language : Set.of("en", "es")) {
      Properties texts = new Properties();
      String resource = "notifications_" + language + ".properties";
      try (InputStream in = NotificationTemplates.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + resource);
        }
        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String name : texts.stringPropertyNames()) {
        if (name.endsWith(".subject")) {
          String prefix = name.substring(0, name.length() - ".subject".length());
          templates.put(language + "." + prefix,
              new Template(texts.getProperty(name), texts.getProperty(prefix + ".body", "")));
        }
      }
    }
    return new NotificationTemplates(templates);
  }

  /**
   * Returns a copy with one template replaced or added.
   *
   * @param kind the notification kind
   * @param recipient who it is for
   * @param language the language, such as {@code Locale.forLanguageTag("pt")}
   * @param subject the subject template
   * @param body the body template
   * @return the changed templates
   */
  public NotificationTemplates with(NotificationKind kind, Recipient.Kind recipient, Locale language, String subject,
      String body) {
    Map<String, Template> copy = new HashMap<>(templates);
    copy.put(key(language.getLanguage(), kind, recipient), new Template(subject, body));
    return new NotificationTemplates(copy);
  }

  /**
   * Tells whether a template exists for the language itself (not through the fallback).
   *
   * @param kind the notification kind
   * @param recipient who it is for
   * @param language the language
   * @return whether there is such a template
   */
  public boolean has(NotificationKind kind, Recipient.Kind recipient, Locale language) {
    return templates.containsKey(key(language.getLanguage(), kind, recipient));
  }

  /**
   * Renders a notification in a language, or in English when that language has no template.
   *
   * @param kind the notification kind
   * @param recipient who it is for
   * @param locale the recipient's language
   * @param values the placeholder values; a placeholder without a value renders empty
   * @return the subject and body
   * @throws NotFoundException if no template exists for the kind and recipient
   */
  public Message render(NotificationKind kind, Recipient.Kind recipient, Locale locale, Map<String, String> values) {
    return render(kind, recipient, locale, (Function<String, String>) values::get);
  }

  /** Renders with placeholder values looked up one by one, so callers need not build a map. */
  Message render(NotificationKind kind, Recipient.Kind recipient, Locale locale, Function<String, String> values) {
    Template template = find(locale.getLanguage(), kind, recipient);
    if (template == null) {
      template = find(FALLBACK.getLanguage(), kind, recipient);
    }
    if (template == null) {
      throw new NotFoundException("notification template", kind + "." + recipient);
    }
    return new Message(template.subject().fill(values), template.body().fill(values));
  }

  private static String key(String language, NotificationKind kind, Recipient.Kind recipient) {
    return language + "." + kind + "." + recipient;
  }

}
