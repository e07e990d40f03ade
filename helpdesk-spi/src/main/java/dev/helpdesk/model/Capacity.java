package dev.helpdesk.model;

import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many contacts of each channel a technician handles at once. A live contact (a call, a visit,
 * a remote session) is normally taken alone; written ones (email, chat) can be shared.
 *
 * @param limits the maximum number of concurrent contacts per channel; a channel not listed is not
 *     handled at all
 */
public record Capacity(@NotNull Map<Channel, Integer> limits) {
  private static final Capacity STANDARD = new Capacity(Map.of(
      Channel.WALK_IN, 1, Channel.PHONE, 1, Channel.VIDEO_CALL, 1, Channel.REMOTE_SESSION, 1,
      Channel.CHAT, 3, Channel.INSTANT_MESSAGE, 3, Channel.EMAIL, 5, Channel.WEB, 5));

  // Copies the limits and rejects negative ones or more than 100 of a channel.
  public Capacity {
    Checks checks = Checks.on(Capacity.class);
    Map<Channel, Integer> copy = checks.map("limits", limits);
    copy.forEach((channel, limit) -> checks.range("limits[" + channel + "]", limit, 0, 100));
    checks.done();
    limits = copy.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(copy));
  }

  /**
   * Returns the usual limits: one live contact, three chats or instant messages, five emails or web
   * requests.
   *
   * @return the standard capacity
   */
  public static Capacity standard() {
    return STANDARD;
  }

  /**
   * Returns how many contacts of a channel may be handled at once.
   *
   * @param channel a channel
   * @return the limit, 0 for a channel not handled
   */
  public int limit(Channel channel) {
    Integer limit = limits.get(channel);
    return limit == null ? 0 : limit;
  }

  /**
   * Returns a copy with another limit for one channel.
   *
   * @param channel the channel
   * @param limit 0 to 100
   * @return the copy
   */
  public Capacity with(Channel channel, int limit) {
    EnumMap<Channel, Integer> copy = new EnumMap<>(Channel.class);
    copy.putAll(limits);
    copy.put(channel, limit);
    return new Capacity(copy);
  }
}
