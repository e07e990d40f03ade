package dev.helpdesk.mail;

import java.util.Locale;

/** Sizes as people read them. */
final class Sizes {
  private Sizes() {}

  /** "512 bytes", "23 KB", "1.5 MB". */
  static String describe(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    double megabytes = bytes / (1024.0 * 1024.0);
    return megabytes < 10 ? String.format(Locale.ROOT, "%.1f MB", megabytes)
        : Math.round(megabytes) + " MB";
  }
}
