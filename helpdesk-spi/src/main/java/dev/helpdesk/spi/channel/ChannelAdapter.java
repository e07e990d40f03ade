package dev.helpdesk.spi.channel;

import dev.helpdesk.model.Channel;
import java.util.Set;

/**
 * Connects a channel (a mailbox, a phone system, a chat service) to the desk. The desk starts it
 * with a {@link ContactReceiver} and closes it when the desk closes; in between, the adapter hands
 * every contact it receives to the receiver and acknowledges the contact to its source only after
 * the receiver returned.
 *
 * <p>Adapters may be discovered with {@link java.util.ServiceLoader}; for a channel served by
 * several, the desk uses the one with the highest {@link #priority()}.
 */
public interface ChannelAdapter extends AutoCloseable {
  /**
   * Returns the channels this adapter serves.
   *
   * @return one or more channels
   */
  Set<Channel> channels();

  /**
   * Starts receiving contacts. Called once.
   *
   * @param receiver where to deliver contacts
   */
  void start(ContactReceiver receiver);

  /** Stops receiving contacts and releases resources. Called once; must not throw. */
  @Override
  void close();

  /**
   * Returns this adapter's priority among discovered ones.
   *
   * @return higher wins; 0 by default
   */
  default int priority() {
    return 0;
  }
}
